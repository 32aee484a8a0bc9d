"""The one way a workflow is declared in thidua.

A workflow is a table of `Transition`s next to the model it moves (states are `TextChoices`).
`Workflow.move` is the only code that changes the state field: it checks that the move is
declared and that the actor holds the transition's permission, saves with `update_fields`,
and writes the audit entry — in the caller's transaction. Explicit tables, no metaprogramming,
so a reader can grep a state and find every way into and out of it.
"""

from dataclasses import dataclass, field
from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext as _

from thidua.core import access, audit


class TransitionNotAllowed(Exception):
    """A move the workflow does not declare from the object's current state."""


class Stale(TransitionNotAllowed):
    """A conditional move (`expect`) found the row changed since the caller read it."""


@dataclass(frozen=True)
class Transition:
    action: str
    sources: tuple[str, ...]
    target: str
    permission: str
    label: str | Promise = ""  # lazily translated (gettext_lazy)


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

    def can(self, obj, actor, action: str) -> bool:
        """Whether `actor` may do `action` from `obj`'s state now — what a page asks to show a
        button, instead of comparing the state with a string (the same test `move` applies)."""
        return any(t.action == action for t in self.allowed(obj, actor))

    @property
    def actions(self) -> set[str]:
        return {t.action for t in self.transitions}

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
        expect: dict[str, Any] | None = None,
    ):
        """`expect` (field → value, the state always included): the row is updated only if it
        still holds what the caller read before its transaction, in one conditional UPDATE that
        is also its lock — a hot path's replacement for SELECT … FOR UPDATE then save. When the
        row changed meanwhile, Stale is raised and nothing is written (the object keeps its old
        values). Such an UPDATE runs no `save()` hooks: only the fields named are written."""
        t = self.transition(obj, action)
        access.check(actor, t.permission, obj)  # None raises: no move without a named actor
        before = getattr(obj, self.state_field)
        update_fields = [self.state_field, *(extra_fields or {})]
        old = {name: getattr(obj, name) for name in update_fields}
        setattr(obj, self.state_field, t.target)
        for name, value in (extra_fields or {}).items():
            setattr(obj, name, value)
        if expect is None:
            obj.save(update_fields=update_fields)
        else:
            rows = type(obj)._base_manager.filter(pk=obj.pk, **{self.state_field: before}, **expect)
            if not rows.update(**{name: getattr(obj, name) for name in update_fields}):
                for name, value in old.items():
                    setattr(obj, name, value)
                raise Stale(_("Dữ liệu vừa được người khác thay đổi: hãy tải lại trang rồi thử lại."))
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
