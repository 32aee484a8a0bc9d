"""Reminders N days before and after the due day, by email and on the unit's page — never sent
twice, whether the command runs twice, catches up a missed day or crashed midway."""

import datetime
import io

import pytest
from django.core import mail
from django.core.management import call_command

from thidua.reports import reminders, services
from thidua.reports.models import Reminder, ReminderKind, Submission
from thidua.reports.tests.conftest import answers

# The quarterly form's Q3 2023 is due on 14/9/2023; it reminds 3 days before and 2 days after.
BEFORE_DAY = "2023-09-11"
AFTER_DAY = "2023-09-16"

pytestmark = pytest.mark.django_db(transaction=True)


def _run(day: str) -> None:
    call_command("send_report_reminders", ngay=day, stdout=io.StringIO())


def test_reminds_each_unit_that_has_not_sent_once_even_run_twice(quarterly, federation, school_chair, company_chair):
    school = Submission.objects.get(period__form=quarterly, unit=federation.school)
    services.save_report(
        school_chair, school, values=answers(quarterly, reached="1", share="50", held="no"), submit=True
    )
    _run("2023-09-10")  # a day too early: nothing
    assert mail.outbox == []
    _run(BEFORE_DAY)
    _run(BEFORE_DAY)
    _run("2023-09-13")  # a later run before the due day does not remind again
    assert [m.to for m in mail.outbox] == [["maydg@example.vn"]]
    assert "hạn chót hết ngày 14/09/2023" in mail.outbox[0].body
    reminder = Reminder.objects.get()
    assert (reminder.submission.unit, reminder.kind) == (federation.company, ReminderKind.BEFORE)
    _run(AFTER_DAY)
    _run("2023-09-20")
    assert len(mail.outbox) == 2
    assert "Đã quá hạn" in mail.outbox[1].body
    assert Reminder.objects.count() == 2


def test_a_run_that_crashed_midway_is_finished_by_the_next_without_sending_twice(
    quarterly, federation, monkeypatch, company_chair
):
    federation.school.email = "thcsgiathuy@example.vn"
    federation.school.save()
    real = reminders.recipients_of
    calls = []

    def crash_on_second(submission):
        calls.append(submission.unit_id)
        if len(calls) == 2:
            raise RuntimeError("mất kết nối giữa chừng")
        return real(submission)

    monkeypatch.setattr(reminders, "recipients_of", crash_on_second)
    with pytest.raises(RuntimeError):
        _run(BEFORE_DAY)
    assert len(mail.outbox) == 1  # the first reminder committed and its email left
    assert Reminder.objects.count() == 1
    monkeypatch.setattr(reminders, "recipients_of", real)
    _run(BEFORE_DAY)
    _run(BEFORE_DAY)
    assert sorted(m.to[0] for m in mail.outbox) == ["maydg@example.vn", "thcsgiathuy@example.vn"]
    assert Reminder.objects.count() == 2


def test_the_daily_run_opens_the_next_quarter(quarterly, federation):
    _run("2023-10-01")
    labels = set(Submission.objects.filter(period__form=quarterly).values_list("period__label", flat=True))
    assert labels == {"Quý III năm 2023", "Quý IV năm 2023"}
    assert Submission.objects.filter(period__label="Quý IV năm 2023").count() == 2
    assert quarterly.periods.get(label="Quý IV năm 2023").due_on == datetime.date(2023, 12, 14)
