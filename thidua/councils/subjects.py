"""What a council can put on its agenda. The app owning a kind of subject (initiatives,
award nominations) registers it in `AppConfig.ready`; councils never import that app.

A subject type says which members are interested (they are recused), which objects a council
may take up, and which moves of the subject's own workflow the session's result makes. Closing
a session records each result through `record_council_result`, the one way for every subject,
in the same transaction as the vote's result, so the subject's state and the minutes never
disagree.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.db import models

from thidua.core.workflow import Workflow
from thidua.councils.models import AgendaItem, SessionStatus


@dataclass(frozen=True)
class SubjectType:
    model: type[models.Model]
    # (subject) -> {member id: reason}: members who may not score or vote on it.
    interested_members: Callable
    # (council) -> iterable of subjects waiting for this council.
    candidates: Callable
    # (actor, subject, passed: bool, item) -> None: anything more than the workflow's move,
    # called after it with the subject locked (the councils tests' stand-in subject uses it).
    on_decided: Callable | None = None
    # (subject) -> str: the subject's page, for links from the session.
    url: Callable | None = None
    # (subject) -> (numerator, denominator) | None: a threshold of the subject's own that
    # replaces the council's pass rule (an award kind voted at 90 %); None keeps the council's.
    pass_rule: Callable | None = None
    # The subject's workflow and its two moves, (when the item passed, when it did not),
    # recorded with the council's name as the reason; `related` is joined when it is locked.
    workflow: Workflow | None = None
    moves: tuple[str, str] = ("", "")
    related: tuple[str, ...] = ("unit",)


_TYPES: dict[type, SubjectType] = {}


def register(subject_type: SubjectType) -> None:
    _TYPES[subject_type.model] = subject_type


def for_model(model) -> SubjectType | None:
    return _TYPES.get(model)


def all_types() -> list[SubjectType]:
    return list(_TYPES.values())


def record_council_result(actor, kind: SubjectType, subject, passed: bool, item=None) -> None:
    """The session's result moves its subject: the subject locked, its workflow's pass or reject
    move audited with the council's name as the reason and its unit's path as the scope. Called
    by `services.close_session` in its transaction, for initiatives and nominations alike."""
    if kind.workflow is not None:
        subject = (
            type(subject)
            ._default_manager.select_for_update(of=("self",))
            .select_related(*kind.related)
            .get(pk=subject.pk)
        )
        kind.workflow.move(
            subject,
            kind.moves[0] if passed else kind.moves[1],
            actor=actor,
            scope_path=subject.unit.path,
            reason=item.session.council.name if item is not None else "",
        )
    if kind.on_decided is not None:
        kind.on_decided(actor, subject, passed, item)


def on_open_agenda(council, model) -> models.QuerySet:
    """Ids of `model`'s rows on the agenda of an open session of `council`: a subject's
    `candidates` leaves them out (they are already being decided)."""
    return AgendaItem.objects.filter(
        session__council=council,
        session__status=SessionStatus.OPEN,
        subject_type__app_label=model._meta.app_label,
        subject_type__model=model._meta.model_name,
    ).values("subject_id")
