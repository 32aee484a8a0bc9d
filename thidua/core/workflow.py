"""The one way a workflow is declared in thidua.

A workflow is a table of `Transition`s next to the model it moves (states are `TextChoices`).
`Workflow.move` is the only code that changes the state field: it checks that the move is
declared and that the actor holds the transition's permission, saves with `update_fields`,
and writes the audit entry — in the caller's transaction. Explicit tables, no metaprogramming,
so a reader can grep a state and find every way into and out of it.
"""

from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _

from thidua.core import access, audit


class TransitionNotAllowed(Exception):
    """A move the workflow does not declare from the object's current state."""


@dataclass(frozen=True)
class Transition:
    action: str
    sources: tuple[str, ...]
    target: str
    permission: str
    label: str = ""


@dataclass
class Workflow:
    state_field: str
    transitions: list[Transition] = field(default_factory=list)

    def transition(self, obj, action: str) -> Transition:
        state = getattr(obj, self.state_field)
        for t in self.transitions:
            if t.action == action and state in t.sources:
                return t
        raise TransitionNotAllowed(
            _("Không thể thực hiện “%(action)s” khi đang ở trạng thái “%(state)s”.")
            % {"action": action, "state": self._label(obj, state)}
        )

    def allowed(self, obj, actor) -> list[Transition]:
        state = getattr(obj, self.state_field)
        return [t for t in self.transitions if state in t.sources and actor.has_perm(t.permission, obj)]

    def move(
        self,
        obj,
        action: str,
        *,
        actor,
        reason: str = "",
        scope_path: str = "",
        extra_fields: dict[str, Any] | None = None,
        changes: dict[str, Any] | None = None,
    ):
        t = self.transition(obj, action)
        access.check(actor, t.permission, obj)  # None raises: no move without a named actor
        before = getattr(obj, self.state_field)
        setattr(obj, self.state_field, t.target)
        update_fields = [self.state_field]
        for name, value in (extra_fields or {}).items():
            setattr(obj, name, value)
            update_fields.append(name)
        obj.save(update_fields=update_fields)
        audit.record(
            actor,
            action,
            obj,
            scope_path=scope_path,
            from_state=self._label(obj, before),
            to_state=self._label(obj, t.target),
            reason=reason,
            changes=changes,
        )
        return t

    def _label(self, obj, state: str) -> str:
        choices = dict(obj._meta.get_field(self.state_field).choices or [])
        return str(choices.get(state, state))
