"""Issue 16 in a browser: a login locked after ten wrong passwords says so in Vietnamese on the
login page; a user changes their password from the top bar; the calendar page makes its feed
address only when asked. Screenshots (desktop and 390 px) in test-artifacts/."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import PASSWORD
from thidua.org.models import RoleKind
from thidua.org.tests.factories import make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def chair(federation):
    return make_user("cdcs_chutich", RoleKind.GRASSROOTS_CHAIR, federation.school, first_name="Hoàng Văn Chủ")


def try_password(page, url, password):
    page.goto(f"{url}/dang-nhap/")
    page.get_by_label("Tên đăng nhập").fill("cdcs_chutich")
    page.get_by_label("Mật khẩu").fill(password)
    page.get_by_role("button", name="Đăng nhập").click()


def test_ten_wrong_passwords_lock_the_login_with_a_message(live_server, page, phone, chair, artifacts):
    for _n in range(10):
        try_password(page, live_server.url, "doan-mo")
    try_password(page, live_server.url, PASSWORD)
    expect(page.get_by_test_id("login-locked")).to_contain_text("Đăng nhập sai quá 10 lần")
    expect(page.get_by_test_id("login-locked")).to_contain_text("30 phút")
    assert page.url == f"{live_server.url}/dang-nhap/"
    page.screenshot(path=artifacts / "login-locked-desktop.png", full_page=True)
    try_password(phone, live_server.url, PASSWORD)  # same account, same address: still locked
    expect(phone.get_by_test_id("login-locked")).to_be_visible()
    phone.screenshot(path=artifacts / "login-locked-phone.png", full_page=True)


def test_a_user_changes_their_password_from_the_top_bar(live_server, page, phone, chair, log_in, artifacts):
    log_in(page, "cdcs_chutich")
    page.get_by_test_id("password-change-link").click()
    page.get_by_label("Mật khẩu cũ").fill("sai-roi")
    page.get_by_label("Mật khẩu mới", exact=True).fill("Hoa-sen-2026")
    page.get_by_label("Xác nhận mật khẩu mới").fill("Hoa-sen-2026")
    page.get_by_role("button", name="Lưu mật khẩu mới").click()
    expect(page.locator('[data-field-error="old_password"]')).to_be_visible()
    page.screenshot(path=artifacts / "password-change-error-desktop.png", full_page=True)
    page.get_by_label("Mật khẩu cũ").fill(PASSWORD)
    page.get_by_label("Mật khẩu mới", exact=True).fill("Hoa-sen-2026")
    page.get_by_label("Xác nhận mật khẩu mới").fill("Hoa-sen-2026")
    page.get_by_role("button", name="Lưu mật khẩu mới").click()
    expect(page.get_by_test_id("password-changed")).to_be_visible()
    log_in(phone, "cdcs_chutich", "Hoa-sen-2026")
    phone.goto(f"{live_server.url}/doi-mat-khau/")
    phone.screenshot(path=artifacts / "password-change-phone.png", full_page=True)


def test_the_calendar_address_is_made_on_request(live_server, page, chair, log_in, artifacts):
    log_in(page, "cdcs_chutich")
    page.goto(f"{live_server.url}/lich/")
    assert not chair.calendar_tokens.exists()
    page.get_by_role("button", name="Tạo đường dẫn lịch").click()
    expect(page.get_by_label("Địa chỉ lịch iCalendar")).to_have_value(
        f"{live_server.url}/lich/{chair.calendar_tokens.get().token}.ics"
    )
    page.screenshot(path=artifacts / "calendar-address-desktop.png", full_page=True)
