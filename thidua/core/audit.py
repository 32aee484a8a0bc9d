"""Writing the audit trail. Services call `record` inside their transaction, so an entry
exists exactly when the change it describes was committed."""

from typing import Any

from django.contrib.contenttypes.models import ContentType

from thidua.core import access
from thidua.core.models import AuditEntry


def record(
    actor,
    verb: str,
    target,
    *,
    scope_path: str = "",
    from_state: str = "",
    to_state: str = "",
    reason: str = "",
    changes: dict[str, Any] | None = None,
) -> AuditEntry:
    user = access.person(actor)  # None raises: every entry names who acted
    role = getattr(actor, "acting_role", None)
    # The system actor (a command, a task, the demo) has no user row: its label says which.
    label = str(actor) if access.is_system(actor) else str(role) if role is not None else ""
    return AuditEntry.objects.create(
        actor=user,
        actor_label=label,
        verb=verb,
        target_type=ContentType.objects.get_for_model(target),
        target_id=target.pk,
        target_repr=str(target)[:300],
        scope_path=scope_path,
        from_state=str(from_state)[:300],
        to_state=str(to_state)[:300],
        reason=reason,
        changes=changes or {},
    )
