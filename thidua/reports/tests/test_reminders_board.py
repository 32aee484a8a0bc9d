"""'Nhắc các đơn vị chưa nộp' on the status board (issue 14): an officer reminds the units of
the board that are late now — only those, in their scope — by the reminders' own mechanism
(a Reminder row each, the email after the commit, once), and reads which reminders went out:
when, to which unit, by whom or by the schedule."""

import datetime

import pytest
from django.urls import reverse

from thidua.core.models import AuditEntry
from thidua.org.models import RoleKind
from thidua.org.tests.factories import make_user
from thidua.reports import services
from thidua.reports.models import Reminder, ReminderKind, ReportPeriod, Submission
from thidua.reports.tests.conftest import answers

pytestmark = pytest.mark.django_db


@pytest.fixture
def period(quarterly) -> ReportPeriod:
    """Q3 2023 of Long Biên's quarterly form, due 14/09/2023: long past."""
    return ReportPeriod.objects.get(form=quarterly)


def _board(client, period, unit=None):
    query = f"?don-vi={unit.pk}" if unit is not None else ""
    return client.get(reverse("reports:board", args=[period.pk]) + query).content.decode()


def test_the_officer_reminds_the_late_units_once_and_reads_the_log(
    login,
    client,
    federation,
    lb_officer,
    school_chair,
    company_chair,
    quarterly,
    period,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    school = Submission.objects.get(period=period, unit=federation.school)
    services.save_report(
        school_chair, school, values=answers(quarterly, reached="1", share="50", held="no"), submit=True
    )
    # An automatic reminder of the schedule went out earlier to the company.
    company = Submission.objects.get(period=period, unit=federation.company)
    Reminder.objects.create(submission=company, kind=ReminderKind.AFTER, on_date=datetime.date(2023, 9, 16))
    login(lb_officer)
    board = _board(client, period)
    assert 'data-testid="remind-late"' in board and "1 đơn vị đã quá hạn mà chưa nộp" in board
    url = reverse("reports:remind_late", args=[period.pk]) + f"?don-vi={federation.long_bien.pk}"
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = client.post(url)
    assert response.status_code == 302
    assert mailoutbox == []  # nothing leaves before the commit
    for callback in callbacks:
        callback()
    # Only the late company; the school sent its report.
    assert [m.to for m in mailoutbox] == [["maydg@example.vn"]]
    assert "Đã quá hạn nộp" in mailoutbox[0].body
    sent = Reminder.objects.get(kind=ReminderKind.BY_OFFICER)
    assert (sent.submission.unit, sent.sent_by) == (federation.company, lb_officer)
    assert AuditEntry.objects.get(verb="remind_late_units").changes == {"units": 1}
    # Pressed again the same day: no unit reminded twice.
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url)
    assert len(mailoutbox) == 1 and Reminder.objects.filter(kind=ReminderKind.BY_OFFICER).count() == 1
    # The log: when, which unit, who — and the schedule's reminder as automatic.
    log = _board(client, period).split('data-testid="reminders-sent"')[1]
    assert federation.company.name in log and "Cán bộ nhắc" in log and lb_officer.username in log
    assert "Tự động (theo lịch nhắc)" in log and "Nhắc quá hạn" in log


def test_reminding_reaches_only_the_boards_unit_in_scope(login, client, federation, lb_officer, quarterly, period):
    # Long Biên's officer asking for Gia Lâm's units (a sibling district): 404, nobody reminded.
    login(lb_officer)
    url = reverse("reports:remind_late", args=[period.pk]) + f"?don-vi={federation.gia_lam.pk}"
    assert client.post(url).status_code == 404
    # A CĐCS chair, a viewer above: no button, and a post is 404.
    for user in (
        make_user("ct_r", RoleKind.GRASSROOTS_CHAIR, federation.school),
        make_user("td_r", RoleKind.VIEWER, federation.city),
    ):
        login(user)
        assert client.post(reverse("reports:remind_late", args=[period.pk])).status_code == 404
    assert not Reminder.objects.exists()
    # A guessed period id: 404.
    login(lb_officer)
    assert client.post(reverse("reports:remind_late", args=[period.pk + 999])).status_code == 404


def test_the_board_with_its_reminders_runs_a_fixed_number_of_queries(
    login, client, federation, lb_officer, quarterly, period
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    login(lb_officer)
    company = Submission.objects.get(period=period, unit=federation.company)
    Reminder.objects.create(submission=company, kind=ReminderKind.AFTER, on_date=datetime.date(2023, 9, 16))
    with CaptureQueriesContext(connection) as small:
        _board(client, period)
    school = Submission.objects.get(period=period, unit=federation.school)
    for day in range(17, 27):
        Reminder.objects.create(submission=school, kind=ReminderKind.AFTER, on_date=datetime.date(2023, 9, day))
        Reminder.objects.create(
            submission=company, kind=ReminderKind.BY_OFFICER, on_date=datetime.date(2023, 9, day), sent_by=lb_officer
        )
    with CaptureQueriesContext(connection) as large:
        log = _board(client, period).split('data-testid="reminders-sent"')[1]
        assert log.count("<tr><td") == 21  # 10 + 10 + the first, one row each
    assert len(large) == len(small)
