"""Report pages: filling in and sending from the page, returning with a reason, the status board
and roll-up with their exports — each scoped to the viewer's subtree (404 outside it) and with a
fixed number of queries whatever the number of units."""

import datetime
import io

import pytest
from openpyxl import load_workbook

from thidua.org.models import RoleKind
from thidua.org.tests.factories import make_unit, make_user
from thidua.reports import services
from thidua.reports.models import ReportPeriod, Submission, SubmissionStatus
from thidua.reports.tests.conftest import answers

GOOD = {"reached": "1", "share": "80", "held": "yes"}


@pytest.fixture
def school_submission(quarterly, federation) -> Submission:
    return Submission.objects.get(period__form=quarterly, unit=federation.school)


def test_chair_sends_the_report_from_the_page(login, school_chair, quarterly, school_submission):
    client = login(school_chair)
    page = client.get(f"/bao-cao/nop/{school_submission.pk}/")
    assert page.status_code == 200
    assert "Số liệu hệ thống đã ghi nhận: 2" in page.content.decode()
    response = client.post(
        f"/bao-cao/nop/{school_submission.pk}/", {**answers(quarterly, **GOOD), "action": "submit"}, follow=True
    )
    assert "Đã nộp báo cáo (lần 1)." in response.content.decode()
    school_submission.refresh_from_db()
    assert school_submission.status == SubmissionStatus.SUBMITTED


def test_letters_in_a_number_are_shown_next_to_the_field(login, school_chair, quarterly, school_submission):
    client = login(school_chair)
    values = answers(quarterly, **{**GOOD, "reached": "mười"})
    response = client.post(f"/bao-cao/nop/{school_submission.pk}/", {**values, "action": "submit"})
    assert response.status_code == 400
    field = answers(quarterly, reached="").popitem()[0]
    html = response.content.decode()
    assert f'data-field-error="{field}">Hãy nhập một số nguyên' in html
    assert 'value="mười"' in html  # what was typed stays, to be corrected
    school_submission.refresh_from_db()
    assert school_submission.status == SubmissionStatus.PENDING


def test_officer_returns_with_a_reason_the_chair_sees_it(
    login, client, school_chair, lb_officer, quarterly, school_submission
):
    services.save_report(school_chair, school_submission, values=answers(quarterly, **GOOD), submit=True)
    login(lb_officer)
    refused = client.post(f"/bao-cao/nop/{school_submission.pk}/xem-xet/", {"action": "return", "reason": ""})
    assert refused.status_code == 400
    assert "Hãy ghi lý do trả lại" in refused.content.decode()
    client.post(f"/bao-cao/nop/{school_submission.pk}/xem-xet/", {"action": "return", "reason": "Thiếu biên bản"})
    login(school_chair)
    page = client.get(f"/bao-cao/nop/{school_submission.pk}/").content.decode()
    assert "Thiếu biên bản" in page and "Nộp báo cáo" in page


@pytest.mark.parametrize("who", ["company_chair", "gia_lam_chair", "gia_lam_officer"])
def test_a_report_outside_ones_scope_is_not_found(request, login, federation, school_submission, who):
    if who == "gia_lam_officer":
        user = make_user("gl_tdkt", RoleKind.EMULATION_OFFICER, federation.gia_lam)
    else:
        user = request.getfixturevalue(who)
    client = login(user)
    assert client.get(f"/bao-cao/nop/{school_submission.pk}/").status_code == 404
    assert client.post(f"/bao-cao/nop/{school_submission.pk}/", {"action": "submit"}).status_code == 404
    period = school_submission.period_id
    assert client.get(f"/bao-cao/ky/{period}/").status_code == 404
    assert client.get(f"/bao-cao/ky/{period}/tong-hop.xlsx").status_code == 404


def test_a_cdcs_lists_only_its_own_reports(login, school_chair, school_submission, federation):
    html = login(school_chair).get("/bao-cao/").content.decode()
    assert f"/bao-cao/nop/{school_submission.pk}/" in html
    other = Submission.objects.get(unit=federation.company)
    assert f"/bao-cao/nop/{other.pk}/" not in html
    assert login(school_chair).get(f"/bao-cao/ky/{school_submission.period_id}/").status_code == 404


def test_the_city_sees_the_district_subtree_and_drills_down(login, city_officer, federation, school_submission):
    client = login(city_officer)
    board = client.get(f"/bao-cao/ky/{school_submission.period_id}/").content.decode()
    assert federation.long_bien.name in board
    below = client.get(f"/bao-cao/ky/{school_submission.period_id}/?don-vi={federation.long_bien.pk}").content.decode()
    assert federation.school.name in below and federation.company.name in below


def _grow(federation, quarterly, n: int) -> ReportPeriod:
    """n more CĐCS in Long Biên that must report in the open quarter, in every state."""
    period = ReportPeriod.objects.get(form=quarterly)
    states = [SubmissionStatus.SUBMITTED, SubmissionStatus.RETURNED, SubmissionStatus.DRAFT, SubmissionStatus.PENDING]
    for k in range(n):
        unit = make_unit(federation.long_bien, "grassroots", f"CĐCS thêm {k}")
        Submission.objects.create(period=period, unit=unit, status=states[k % 4], is_late=k % 3 == 0)
    return period


@pytest.mark.parametrize("path", ["/bao-cao/ky/{pk}/", "/bao-cao/ky/{pk}/tong-hop/"])
def test_board_and_rollup_run_a_fixed_number_of_queries(
    login, lb_officer, school_chair, federation, quarterly, django_assert_num_queries, path
):
    period = ReportPeriod.objects.get(form=quarterly)
    one = Submission.objects.get(unit=federation.school)
    services.save_report(school_chair, one, values=answers(quarterly, **GOOD), submit=True)
    client = login(lb_officer)
    client.get(path.format(pk=period.pk))  # warm the session and content types
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        assert client.get(path.format(pk=period.pk)).status_code == 200
    _grow(federation, quarterly, 12)
    with django_assert_num_queries(len(few)):
        assert client.get(path.format(pk=period.pk)).status_code == 200


def test_board_export_lists_every_unit_with_its_state(login, lb_officer, federation, quarterly, school_chair):
    submission = Submission.objects.get(unit=federation.school)
    services.save_report(school_chair, submission, values=answers(quarterly, **GOOD), submit=True)
    response = login(lb_officer).get(f"/bao-cao/ky/{submission.period_id}/tinh-hinh.xlsx")
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    rows = {r[2]: r[4] for r in sheet.iter_rows(min_row=2, values_only=True)}
    assert rows[federation.school.name] in ("Đúng hạn", "Nộp muộn")
    assert rows[federation.company.name].startswith("Chưa nộp")


def test_rollup_export_adds_up_the_reports(login, lb_officer, federation, quarterly, school_chair, company_chair):
    for chair, unit, reached in ((school_chair, federation.school, "2"), (company_chair, federation.company, "1")):
        submission = Submission.objects.get(unit=unit)
        services.save_report(
            chair, submission, values=answers(quarterly, reached=reached, share="50", held="yes"), submit=True
        )
    period = ReportPeriod.objects.get(form=quarterly)
    response = login(lb_officer).get(f"/bao-cao/ky/{period.pk}/tong-hop.xlsx")
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    header, *rows = list(sheet.iter_rows(values_only=True))
    total = dict(zip(header, rows[-1], strict=True))
    assert total["Số báo cáo đã nộp"] == 2
    assert total["Tổng số đoàn viên"] == "3"  # the school's 2 members and the company's 1
    assert total["Số đoàn viên được phổ biến"] == "3"
    assert total["Đã tổ chức Hội nghị người lao động"] == "100"


def test_publishing_from_the_page_opens_the_board(login, lb_officer, federation, members):
    from thidua.reports.tests.conftest import make_quarterly

    form = make_quarterly(lb_officer, federation.long_bien, title="Báo cáo 6 tháng", period="half")
    response = login(lb_officer).post(f"/bao-cao/bieu-mau/{form.pk}/gui/", follow=True)
    html = response.content.decode()
    period = ReportPeriod.objects.get(form=form)
    assert period.due_on.day == 14 and period.due_on.month in (6, 12)
    assert "Đã gửi biểu mẫu tới 2 đơn vị" in html
    assert period.starts_on <= datetime.date.today() <= period.ends_on


def test_a_district_sees_only_its_subtree_of_a_city_wide_report(login, federation, city_officer, members):
    from thidua.reports.tests.conftest import make_quarterly

    form = make_quarterly(city_officer, federation.city, title="Báo cáo quý của thành phố")
    period = services.publish_form(city_officer, form, today=datetime.date(2023, 8, 16))
    gia_lam = make_user("gl_tdkt_city", RoleKind.EMULATION_OFFICER, federation.gia_lam)
    client = login(gia_lam)
    board = client.get(f"/bao-cao/ky/{period.pk}/").content.decode()
    assert federation.gia_lam_cdcs.name in board
    assert federation.school.name not in board and federation.company.name not in board
    assert client.get(f"/bao-cao/ky/{period.pk}/?don-vi={federation.long_bien.pk}").status_code == 404
    assert client.get(f"/bao-cao/ky/{period.pk}/?don-vi={federation.city.pk}").status_code == 404
    school = Submission.objects.get(period=period, unit=federation.school)
    assert client.get(f"/bao-cao/nop/{school.pk}/").status_code == 404
    export = client.get(f"/bao-cao/ky/{period.pk}/tinh-hinh.xlsx")
    sheet = load_workbook(io.BytesIO(b"".join(export.streaming_content))).active
    assert [r[2] for r in sheet.iter_rows(min_row=2, values_only=True)] == [federation.gia_lam_cdcs.name]


def test_a_report_resent_after_the_due_day_stays_on_time_on_the_board_and_in_the_export(
    login, lb_officer, federation, quarterly, school_chair
):
    from thidua.reports.tests.conftest import local

    submission = Submission.objects.get(period__form=quarterly, unit=federation.school)
    services.save_report(
        school_chair, submission, values=answers(quarterly, **GOOD), submit=True, at=local("2023-09-10", "08:30")
    )
    services.return_report(lb_officer, submission, reason="Thiếu biên bản")
    services.save_report(
        school_chair, submission, values=answers(quarterly, **GOOD), submit=True, at=local("2023-09-25", "16:00")
    )
    client = login(lb_officer)
    html = client.get(f"/bao-cao/ky/{submission.period_id}/?tinh-trang=on_time").content.decode()
    assert federation.school.name in html
    assert "10/09/2023 08:30" in html and "nộp lại 25/09/2023 16:00 (lần 2)" in html
    response = client.get(f"/bao-cao/ky/{submission.period_id}/tinh-hinh.xlsx")
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    header, *rows = list(sheet.iter_rows(values_only=True))
    row = dict(zip(header, next(r for r in rows if r[2] == federation.school.name), strict=True))
    assert row["Tình trạng"] == "Đúng hạn"
    assert (row["Nộp lần đầu"], row["Nộp lần cuối"], row["Lần nộp"]) == ("10/09/2023 08:30", "25/09/2023 16:00", 2)


def _quarters(quarterly, *days) -> list[ReportPeriod]:
    """Earlier quarters of the form opened (as the daily command does), newest first."""
    for day in days:
        services.open_period(quarterly, day)
    return list(ReportPeriod.objects.filter(form=quarterly).order_by("-starts_on"))


@pytest.mark.parametrize(("name", "path"), [("board", ""), ("rollup", "tong-hop/")])
def test_the_board_and_rollup_open_a_past_period_from_the_page(login, lb_officer, federation, quarterly, name, path):
    q3, q2, q1 = _quarters(quarterly, datetime.date(2023, 5, 1), datetime.date(2023, 2, 1))
    client = login(lb_officer)
    html = client.get(f"/bao-cao/ky/{q2.pk}/{path}?don-vi={federation.long_bien.pk}").content.decode()
    unit = f"?don-vi={federation.long_bien.pk}"
    assert f'href="/bao-cao/ky/{q1.pk}/{path}{unit}" data-testid="period-previous"' in html
    assert f'href="/bao-cao/ky/{q3.pk}/{path}{unit}" data-testid="period-next"' in html
    assert [label for label in ("Quý III năm 2023", "Quý II năm 2023", "Quý I năm 2023") if label in html] == [
        "Quý III năm 2023",
        "Quý II năm 2023",
        "Quý I năm 2023",
    ]
    # The list's choice opens that period, keeping the unit viewed.
    response = client.get(f"/bao-cao/ky/{q2.pk}/{path}?ky={q1.pk}&don-vi={federation.long_bien.pk}")
    assert response.status_code == 302 and response.url == f"/bao-cao/ky/{q1.pk}/{path}{unit}"
    # A period of another form is not one of the list's: no jump.
    other = make_quarterly_elsewhere(federation)
    assert client.get(f"/bao-cao/ky/{q2.pk}/{path}?ky={other.pk}").status_code == 200


def make_quarterly_elsewhere(federation) -> ReportPeriod:
    from thidua.reports.tests.conftest import make_quarterly

    officer = make_user("gl_tdkt_picker", RoleKind.EMULATION_OFFICER, federation.gia_lam)
    form = make_quarterly(officer, federation.gia_lam, title="Báo cáo của Gia Lâm")
    return services.publish_form(officer, form, today=datetime.date(2023, 8, 16))


@pytest.mark.parametrize("path", ["/bao-cao/ky/{pk}/", "/bao-cao/ky/{pk}/tong-hop/", "/bao-cao/nop/{sub}/"])
def test_the_period_picker_keeps_a_fixed_number_of_queries(
    login, lb_officer, federation, quarterly, django_assert_num_queries, path
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    period = ReportPeriod.objects.get(form=quarterly)
    submission = Submission.objects.get(period=period, unit=federation.school)
    url = path.format(pk=period.pk, sub=submission.pk)
    client = login(lb_officer)
    _quarters(quarterly, datetime.date(2023, 5, 1))
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        assert client.get(url).status_code == 200
    _quarters(quarterly, *(datetime.date(year, month, 1) for year in (2020, 2021, 2022) for month in (2, 5, 8, 11)))
    with django_assert_num_queries(len(few)):
        assert client.get(url).status_code == 200


def test_a_cdcs_opens_its_own_report_of_a_past_period_and_no_other_units(
    login, school_chair, federation, quarterly, school_submission
):
    _q3, q2 = _quarters(quarterly, datetime.date(2023, 5, 1))
    own_q2 = Submission.objects.get(period=q2, unit=federation.school)
    company_q2 = Submission.objects.get(period=q2, unit=federation.company)
    client = login(school_chair)
    html = client.get(f"/bao-cao/nop/{school_submission.pk}/").content.decode()
    assert f'href="/bao-cao/nop/{own_q2.pk}/" data-testid="period-previous"' in html
    assert f'value="{company_q2.pk}"' not in html
    response = client.get(f"/bao-cao/nop/{school_submission.pk}/?ky={own_q2.pk}")
    assert response.url == f"/bao-cao/nop/{own_q2.pk}/"
    assert client.get(f"/bao-cao/nop/{school_submission.pk}/?ky={company_q2.pk}").status_code == 200  # stays
    assert client.get(f"/bao-cao/nop/{company_q2.pk}/").status_code == 404
    assert "Quý II năm 2023" in client.get(response.url).content.decode()


def test_the_board_shows_unit_names_as_text_and_links_each_row_to_its_report(
    login, lb_officer, city_officer, federation, quarterly
):
    # The board's rows are written in Python (issue 18, "Status board"): a name is text, never markup.
    period = ReportPeriod.objects.get(form=quarterly)
    unit = make_unit(federation.long_bien, "grassroots", '<b>CĐCS "A&B"</b>')
    submission = Submission.objects.create(period=period, unit=unit, status=SubmissionStatus.PENDING)
    html = login(lb_officer).get(f"/bao-cao/ky/{period.pk}/").content.decode()
    assert "<b>CĐCS" not in html
    escaped = "&lt;b&gt;CĐCS &quot;A&amp;B&quot;&lt;/b&gt;"
    assert f'<td data-label="Đơn vị">{escaped}</td>' in html  # its child row: a CĐCS, no drill-down
    assert f'<a href="/bao-cao/nop/{submission.pk}/">{escaped}</a></td><td data-label="Cấp trên">' in html
    city = login(city_officer).get(f"/bao-cao/ky/{period.pk}/").content.decode()
    assert f'<a href="?don-vi={federation.long_bien.pk}">{federation.long_bien.name}</a>' in city


def test_sending_a_report_by_a_guessed_or_impossible_id_or_a_personal_role_is_not_found(
    login, federation, school_submission, school_chair
):
    """The POST's scoped read is compiled (org.scoping.CompiledGet): the same 404s as the page."""
    client = login(school_chair)
    for pk in (school_submission.pk + 10_000, 2**63, 10**20):
        assert client.post(f"/bao-cao/nop/{pk}/", {"action": "submit"}).status_code == 404
    member = make_user("doan_vien", RoleKind.MEMBER, federation.school)
    assert login(member).post(f"/bao-cao/nop/{school_submission.pk}/", {"action": "submit"}).status_code == 404
    school_submission.refresh_from_db()
    assert school_submission.status == SubmissionStatus.PENDING
