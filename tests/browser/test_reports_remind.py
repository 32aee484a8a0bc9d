"""Issue 14, reports, in a browser: Long Biên's officer opens a report period that is past its
due day, presses "Nhắc các đơn vị chưa nộp" on the status board — only the late company is
reminded, the school having sent — and reads the reminders sent: the schedule's automatic one
and hers, with when, which unit and who."""

import datetime

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import DESKTOP, PHONE, _page
from thidua.org.models import RoleKind
from thidua.org.tests.factories import MemberFactory, make_user
from thidua.reports import services
from thidua.reports.models import Reminder, ReminderKind, Submission
from thidua.reports.tests.conftest import answers, make_quarterly

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]
TITLE = "Báo cáo quý về phong trào thi đua"


@pytest.fixture
def contexts():
    """Every browser context the test opens, closed at its end: closed contexts drop their
    keep-alive connections, so the live server lets go of the test database (PostgreSQL refuses
    to drop a database still in use)."""
    opened = []
    yield opened
    for context in opened:
        context.close()


@pytest.fixture
def setting(federation, officer, mailoutbox):
    MemberFactory(full_name="Đoàn viên 1", unit=federation.school)
    chair = make_user("truong_chutich", RoleKind.GRASSROOTS_CHAIR, federation.school)
    make_user("maydg_chutich", RoleKind.GRASSROOTS_CHAIR, federation.company, email="maydg@example.vn")
    form = make_quarterly(officer, federation.long_bien, title=TITLE)
    period = services.publish_form(officer, form, today=datetime.date(2023, 8, 16))  # Q3 2023, due 14/09/2023
    school = Submission.objects.get(period=period, unit=federation.school)
    services.save_report(chair, school, values=answers(form, reached="1", share="50", held="no"), submit=True)
    company = Submission.objects.get(period=period, unit=federation.company)
    Reminder.objects.create(submission=company, kind=ReminderKind.AFTER, on_date=datetime.date(2023, 9, 16))
    return {"period": period}


def test_remind_the_late_units_and_read_the_log(browser, live_server, log_in, setting, artifacts, contexts, mailoutbox):
    _context, officer = _page(browser, DESKTOP)
    contexts.append(_context)
    log_in(officer, "lb_thiduakt")
    officer.get_by_role("link", name="Báo cáo", exact=True).first.click()
    officer.get_by_role("link", name=TITLE).first.click()
    officer.get_by_role("link", name="Tình hình nộp").first.click()
    remind = officer.get_by_test_id("remind-late")
    expect(remind).to_contain_text("1 đơn vị đã quá hạn mà chưa nộp")
    log = officer.get_by_test_id("reminders-sent")
    expect(log).to_contain_text("Tự động (theo lịch nhắc)")
    remind.get_by_role("button", name="Nhắc các đơn vị chưa nộp").click()
    expect(officer.get_by_role("alert").first).to_contain_text("Đã nhắc 1 đơn vị chưa nộp")
    log = officer.get_by_test_id("reminders-sent")
    expect(log).to_contain_text("Cán bộ nhắc")
    expect(log.get_by_role("row").filter(has_text="Cán bộ nhắc")).to_contain_text("CĐCS Công ty May Đức Giang")
    expect(log).not_to_contain_text("CĐCS Trường THCS Gia Thụy")  # it sent its report
    assert [m.to for m in mailoutbox] == [["maydg@example.vn"]]
    officer.screenshot(path=artifacts / "reports-remind-desktop.png", full_page=True)
    # Reminded today: the board says so instead of offering the button again.
    expect(officer.get_by_test_id("reminded-today")).to_have_text("Đã nhắc tất cả các đơn vị này hôm nay.")
    expect(officer.get_by_role("button", name="Nhắc các đơn vị chưa nộp")).to_have_count(0)
    assert len(mailoutbox) == 1
    board_url = officer.url
    _phone_context, phone = _page(browser, PHONE, is_mobile=True, has_touch=True, device_scale_factor=2)
    contexts.append(_phone_context)
    log_in(phone, "lb_thiduakt")
    phone.goto(board_url)
    expect(phone.get_by_test_id("reminders-sent")).to_contain_text("Cán bộ nhắc")
    phone.screenshot(path=artifacts / "reports-remind-phone.png", full_page=True)
