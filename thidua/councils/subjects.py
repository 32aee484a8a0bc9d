"""What a council can put on its agenda. The app owning a kind of subject (initiatives now,
award nominations later) registers it in `AppConfig.ready`; councils never import that app.

A subject type says which members are interested (they are recused), which objects a council
may take up, and what happens when the session decides — in the same transaction as the
vote's result, so the subject's state and the minutes never disagree.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.db import models


@dataclass(frozen=True)
class SubjectType:
    model: type[models.Model]
    # (subject) -> {member id: reason}: members who may not score or vote on it.
    interested_members: Callable
    # (council) -> iterable of subjects waiting for this council.
    candidates: Callable
    # (actor, subject, passed: bool, item) -> None
    on_decided: Callable
    # (subject) -> str: the subject's page, for links from the session.
    url: Callable | None = None
    # (subject) -> (numerator, denominator) | None: a threshold of the subject's own that
    # replaces the council's pass rule (an award kind voted at 90 %); None keeps the council's.
    pass_rule: Callable | None = None


_TYPES: dict[type, SubjectType] = {}


def register(subject_type: SubjectType) -> None:
    _TYPES[subject_type.model] = subject_type


def for_model(model) -> SubjectType | None:
    return _TYPES.get(model)


def all_types() -> list[SubjectType]:
    return list(_TYPES.values())
