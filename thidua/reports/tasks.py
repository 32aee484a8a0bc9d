"""Background work of reports. Tasks are thin: ids in, the work is in the module it names."""

from celery import shared_task
from django.utils import timezone

from thidua.reports import reminders


@shared_task(name="reports.send_reminder_email")
def send_reminder_email(reminder_id: int) -> None:
    reminders.send_email(reminder_id)


@shared_task(name="reports.send_reminders")
def send_reminders() -> int:
    return reminders.send_reminders(timezone.localdate())
