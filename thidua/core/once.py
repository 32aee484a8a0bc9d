"""Effects that must happen once even when the task doing them runs twice.

Celery acknowledges a task after it finished (CELERY_TASK_ACKS_LATE): a worker killed mid-task
leaves the message to be delivered again, to another worker. Whatever that task changes in the
database is in a transaction, undone by the kill; an email is not. So the task claims the effect
in the database first, does it, and commits:

    with transaction.atomic():
        if not once.claim("reports.reminder_email", reminder.pk):
            return  # done by an earlier run
        send_mail(...)

A second run blocks on the first one's claim (unique index) while it is in flight, then skips
it; a run killed before its commit leaves no claim, and the next run does the effect. The one
window left is a kill between the mail server's answer and the commit (milliseconds): that
email goes out twice. Exactly-once across two systems needs the other one to deduplicate.
"""

from django.db import IntegrityError, connection, transaction
from django.db.migrations.recorder import MigrationRecorder

from thidua.core.models import Effect


def claim(kind: str, object_id: int) -> bool:
    """True when this run is the one to do the effect; inside the caller's transaction."""
    if not transaction.get_connection().in_atomic_block:
        raise transaction.TransactionManagementError("claim must run inside the transaction doing the effect")
    try:
        with transaction.atomic():
            Effect.objects.create(kind=kind, object_id=object_id)
    except IntegrityError:
        return False
    return True


def done(kind: str):
    """Ids of the objects whose effect `kind` is done, for Exists()/subqueries."""
    return Effect.objects.filter(kind=kind)


def ledger_started():
    """When claims began to be recorded (the migration creating them was applied): effects
    of older objects were done without a claim."""
    recorder = MigrationRecorder(connection)
    return (
        recorder.migration_qs.filter(app="core", name="0004_effect").values_list("applied", flat=True).first()
        if recorder.has_table()
        else None
    )
