"""The home page's reports panel: a CĐCS sees what it must send and what is overdue, with its
reminders; the district sees the share sent and on time, with a chart drawn without internet."""

import datetime

import pytest
from django.utils import timezone

from thidua.reports import reminders, services
from thidua.reports.models import Submission
from thidua.reports.tests.conftest import answers


@pytest.fixture
def this_quarter(federation, lb_officer, members):
    from thidua.reports.tests.conftest import make_quarterly

    form = make_quarterly(lb_officer, federation.long_bien, title="Báo cáo quý về phong trào thi đua")
    return services.publish_form(lb_officer, form, today=timezone.localdate())


def test_a_cdcs_sees_its_report_due_and_its_reminder(login, school_chair, this_quarter):
    reminders.send_reminders(this_quarter.due_on)  # within the days before the due day
    html = login(school_chair).get("/").content.decode()
    assert 'data-testid="home-reports"' in html
    assert "Báo cáo quý về phong trào thi đua" in html
    assert "Sắp đến hạn nộp" in html


def test_the_district_sees_shares_and_an_inline_chart(login, lb_officer, school_chair, federation, this_quarter):
    submission = Submission.objects.get(unit=federation.school, period=this_quarter)
    values = answers(this_quarter.form, reached="1", share="50", held="no")
    services.save_report(school_chair, submission, values=values, submit=True, at=timezone.now())
    html = login(lb_officer).get("/").content.decode()
    assert 'data-testid="home-reports-chart"><svg' in html
    assert 'aria-label="Đã nộp: 50\u00a0%"' in html
    on_time = "100\u00a0%" if this_quarter.due_on >= datetime.date.today() else "0\u00a0%"
    assert f'aria-label="Đúng hạn: {on_time}"' in html
    assert "<script" not in html.split('data-testid="home-reports"')[1].split("</div></div>")[0]


def test_a_member_reads_none_of_the_units_report_work(login, federation, school_chair, this_quarter):
    """doanvien on the demo read "Bị trả lại, cần sửa và nộp lại" with a button to fix the
    CĐCS's report (issue 14): the unit's reports are its chair's and officers' work."""
    from thidua.org.models import RoleKind
    from thidua.org.tests.factories import make_user

    submission = Submission.objects.get(unit=federation.school, period=this_quarter)
    values = answers(this_quarter.form, reached="1", share="50", held="no")
    services.save_report(school_chair, submission, values=values, submit=True, at=timezone.now())
    lb_officer = make_user("lb_tdkt_home", RoleKind.EMULATION_OFFICER, federation.long_bien)
    services.return_report(lb_officer, submission, reason="Số đoàn viên được phổ biến chưa khớp.")
    chair_home = login(school_chair).get("/").content.decode()
    assert "Số đoàn viên được phổ biến chưa khớp." in chair_home
    member = make_user("dv_home", RoleKind.MEMBER, federation.school)
    member_home = login(member).get("/").content.decode()
    assert "Số đoàn viên được phổ biến chưa khớp." not in member_home
    assert 'data-testid="home-reports"' not in member_home


def test_the_gauges_write_a_share_as_vietnamese_does():
    """QA walk: the panel printed "27.8%"; Vietnamese writes "27,8 %" (decimal comma from the
    format module, a non-breaking space before the sign), English keeps its decimal point."""
    from django.utils import translation

    from thidua.reports.charts import gauge

    svg = gauge(27.777, label="Đã nộp")
    assert 'aria-label="Đã nộp: 27,8\u00a0%"' in svg and ">27,8\u00a0%</text>" in svg
    assert "27.8" not in svg
    with translation.override("en"):
        assert ">27.8\u00a0%</text>" in gauge(27.777, label="Sent")
