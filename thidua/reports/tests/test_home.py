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
    assert 'aria-label="Đã nộp: 50%"' in html
    on_time = "100%" if this_quarter.due_on >= datetime.date.today() else "0%"
    assert f'aria-label="Đúng hạn: {on_time}"' in html
    assert "<script" not in html.split('data-testid="home-reports"')[1].split("</div></div>")[0]
