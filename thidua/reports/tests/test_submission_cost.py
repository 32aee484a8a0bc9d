"""What one report submission costs the database (issue 18 item 2): a handful of statements,
reads before the transaction and only writes inside it — counted, never timed — and what the
short path must still do: all or nothing, the audit entry, the roll-up, a copy of the report
read before someone else sent it refused rather than sent twice."""

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from thidua.core.models import AuditEntry
from thidua.reports import queries, services
from thidua.reports.models import ReportPeriod, Submission, SubmissionStatus, SubmissionVersion
from thidua.reports.tests.conftest import answers

GOOD = {"reached": "1", "share": "80", "held": "yes"}


def _loaded(unit) -> Submission:
    """The report as the page reads it: scoped, with its unit, period and form."""
    return Submission.objects.select_related("unit", "period", "period__form").get(unit=unit)


def _reports_counted(period, unit) -> int:
    """Reports of the unit's subtree the roll-up counts (from the tallies)."""
    return queries.rollup_by_child(period, unit)[0].reports


def test_the_service_sends_a_report_in_eight_statements_writes_only_in_its_transaction(
    quarterly, federation, school_chair, company_chair
):
    services.save_report(company_chair, _loaded(federation.company), values=answers(quarterly, **GOOD), submit=True)
    submission, values = _loaded(federation.school), answers(quarterly, **GOOD)
    with CaptureQueriesContext(connection) as sent:
        services.save_report(school_chair, submission, values=values, submit=True)
    statements = [q["sql"].lstrip().split(" ", 1)[0].upper() for q in sent.captured_queries]
    # Before: the members the form fills in (its "Tổng số đoàn viên" comes from org). Inside the
    # transaction (a savepoint here, BEGIN … COMMIT in a request): the report's conditional move,
    # the answers, the version, the audit entry, the roll-up's tallies — writes only.
    assert len(statements) <= 8, [q["sql"][:150] for q in sent.captured_queries]
    opened, closed = statements.index("SAVEPOINT"), statements.index("RELEASE")
    assert set(statements[:opened]) <= {"SELECT"}
    assert set(statements[opened + 1 : closed]) <= {"INSERT", "UPDATE"}
    assert closed == len(statements) - 1
    submission.refresh_from_db()
    assert (submission.status, submission.version) == (SubmissionStatus.SUBMITTED, 1)
    assert AuditEntry.objects.for_object(submission).filter(verb="submit_report").count() == 1
    assert SubmissionVersion.objects.get(submission=submission).answers[1]["value"] == "1"


def test_sending_from_the_page_is_a_fixed_handful_of_statements(
    login, quarterly, federation, school_chair, company_chair, django_assert_max_num_queries
):
    login(company_chair).post(
        f"/bao-cao/nop/{Submission.objects.get(unit=federation.company).pk}/",
        {**answers(quarterly, **GOOD), "action": "submit"},
    )  # warm: the form's indicators, content types
    client = login(school_chair)
    pk, values = Submission.objects.get(unit=federation.school).pk, answers(quarterly, **GOOD)
    # The session, the user and their role (middleware; production keeps sessions in Redis),
    # the report scoped to the chair with its unit, period and form, then the service's eight.
    with django_assert_max_num_queries(12):
        response = client.post(f"/bao-cao/nop/{pk}/", {**values, "action": "submit"})
    assert response.status_code == 302
    assert Submission.objects.get(pk=pk).status == SubmissionStatus.SUBMITTED


def test_a_copy_read_before_someone_else_sent_it_is_refused_and_counted_once(
    quarterly, federation, school_chair, lb_officer
):
    stale = _loaded(federation.school)  # read by one tab …
    services.save_report(school_chair, _loaded(federation.school), values=answers(quarterly, **GOOD), submit=True)
    with pytest.raises(ValidationError, match="Báo cáo đã nộp"):  # … sent from another
        services.save_report(school_chair, stale, values=answers(quarterly, **GOOD), submit=True)
    period = ReportPeriod.objects.get(form=quarterly)
    assert [_reports_counted(period, u) for u in (federation.school, federation.city)] == [1, 1]
    assert SubmissionVersion.objects.filter(submission__unit=federation.school).count() == 1
    # Returned, the same old copy is read again and sent: version 2, still one report counted.
    services.return_report(lb_officer, Submission.objects.get(unit=federation.school), reason="Thiếu số liệu")
    again = services.save_report(school_chair, stale, values=answers(quarterly, **GOOD), submit=True)
    assert again.version == 2
    assert [_reports_counted(period, u) for u in (federation.school, federation.city)] == [1, 1]


def test_a_refused_value_writes_nothing(quarterly, federation, school_chair):
    submission = _loaded(federation.school)
    with pytest.raises(ValidationError):
        services.save_report(
            school_chair, submission, values=answers(quarterly, **{**GOOD, "share": "120"}), submit=True
        )
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.PENDING
    assert not submission.answers.exists()
    assert not AuditEntry.objects.for_object(submission).exists()


def test_the_status_board_is_a_fixed_handful_of_statements(
    login, quarterly, federation, school_chair, lb_officer, django_assert_max_num_queries
):
    services.save_report(school_chair, _loaded(federation.school), values=answers(quarterly, **GOOD), submit=True)
    period = ReportPeriod.objects.get(form=quarterly)
    client = login(lb_officer)
    client.get(f"/bao-cao/ky/{period.pk}/")  # warm: content types, the page frame's caches
    # 13 on SQLite, 11 on PostgreSQL (BENCHMARKS.md, Reports), the session, the user and their
    # role included; test_views checks it stays the same as the district grows.
    with django_assert_max_num_queries(13):
        assert client.get(f"/bao-cao/ky/{period.pk}/").status_code == 200
