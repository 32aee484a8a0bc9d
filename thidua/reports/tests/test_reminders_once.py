"""A reminder's email goes out once even when its task runs twice (a worker killed before it
acknowledged the task gets it delivered again), and one whose task was lost is sent by the next
run of the reminders."""

import io

import pytest
from django.core import mail
from django.core.management import call_command

from thidua.core import notices
from thidua.core.models import Effect
from thidua.reports import reminders, tasks
from thidua.reports.models import Reminder

BEFORE_DAY = "2023-09-11"  # the quarterly form's Q3 2023 reminder day (due 14/9/2023)

pytestmark = pytest.mark.django_db(transaction=True)


def _run(day: str) -> None:
    call_command("send_report_reminders", ngay=day, stdout=io.StringIO())


def test_email_task_delivered_again_sends_nothing_more(quarterly, federation, company_chair):
    _run(BEFORE_DAY)
    reminder = Reminder.objects.get(submission__unit=federation.company)
    assert [m.to for m in mail.outbox] == [["maydg@example.vn"]]
    tasks.send_reminder_email(reminder.pk)  # the same message, delivered a second time
    tasks.send_reminder_email.apply(args=(reminder.pk,))
    assert len(mail.outbox) == 1
    assert Effect.objects.filter(kind=reminders.EMAIL_EFFECT, object_id=reminder.pk).count() == 1


def test_email_whose_task_was_lost_is_sent_by_the_next_run(quarterly, company_chair, monkeypatch):
    with monkeypatch.context() as patch:
        # The worker died after the reminder's commit, before its email was queued.
        patch.setattr(reminders, "_queue_email", lambda reminder_id: None)
        _run(BEFORE_DAY)
    assert Reminder.objects.count() == 2  # the school's and the company's
    assert mail.outbox == []
    _run("2023-09-12")
    _run("2023-09-13")
    assert [m.to for m in mail.outbox] == [["maydg@example.vn"]]  # the school has no address
    assert Reminder.objects.count() == 2


def test_failed_sending_leaves_no_claim_so_the_retry_sends(quarterly, federation, company_chair, monkeypatch):
    with monkeypatch.context() as patch:

        def smtp_down(*args, **kwargs):
            raise ConnectionRefusedError("máy chủ thư không trả lời")

        patch.setattr(notices, "send_mail", smtp_down)  # core.notices.deliver sends every email
        with pytest.raises(ConnectionRefusedError):
            _run(BEFORE_DAY)
    reminder = Reminder.objects.get(submission__unit=federation.company)
    assert not Effect.objects.filter(object_id=reminder.pk).exists()
    tasks.send_reminder_email(reminder.pk)  # Celery's retry, or the next run
    assert len(mail.outbox) == 1
