"""A plan's whole first flow in a browser: the Long Biên emulation officer writes a plan part by
part and issues it to the schools; the school's CĐCS chair acknowledges, launches and starts
its own plan; the officer sees coverage change at the district and a city officer at the city."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import DESKTOP, _page
from tests.browser.menu import follow_menu
from thidua.org.models import RoleKind
from thidua.org.tests.factories import make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def people(federation, members, officer):
    return {
        "officer": officer,
        "chair": make_user("truong_chutich", RoleKind.GRASSROOTS_CHAIR, federation.school),
        "city": make_user("hn_thiduakt", RoleKind.EMULATION_OFFICER, federation.city),
    }


def test_plan_is_written_issued_acknowledged_launched_and_covered(
    browser, live_server, log_in, people, federation, artifacts
):
    officer_context, page = _page(browser, DESKTOP)
    log_in(page, "lb_thiduakt")
    follow_menu(page, "Thi đua", "Kế hoạch")
    page.get_by_role("link", name="Soạn kế hoạch mới").click()
    page.get_by_label("Loại").select_option("peak")
    page.get_by_label("Trích yếu").fill("Phát động đợt thi đua cao điểm trong khối trường học")
    page.get_by_label("Ngày ban hành").fill("2023-08-21")
    page.get_by_label("Thi đua từ ngày").fill("2023-08-16")
    page.get_by_label("Đến hết ngày").fill("2023-09-15")
    page.get_by_label("Chức danh người ký").fill("TM. BAN THƯỜNG VỤ\nCHỦ TỊCH")
    page.get_by_label("Người ký", exact=True).fill("Nguyễn Trường Giang")
    page.get_by_role("button", name="Lưu").click()
    expect(page.get_by_test_id("campaign-status")).to_have_text("Dự thảo")

    # A section, then a deadline, each in its own panel (htmx), without leaving the page.
    page.locator("#panel-section").get_by_role("button", name="Thêm").click()
    page.locator("#form-section").get_by_label("Tiêu đề").fill("Mục đích, yêu cầu")
    page.locator("#form-section").get_by_label("Nội dung").fill("- 100% trường học tổ chức phát động.")
    page.locator("#form-section").get_by_role("button", name="Lưu").click()
    expect(page.locator("#panel-section")).to_contain_text("Mục đích, yêu cầu")
    page.locator("#panel-deadline").get_by_role("button", name="Thêm").click()
    page.locator("#form-deadline").get_by_label("Việc phải làm").fill("Báo cáo kết quả")
    page.locator("#form-deadline").get_by_label("Hạn chót (hết ngày)").fill("2023-09-18")
    page.locator("#form-deadline").get_by_role("button", name="Lưu").click()
    expect(page.locator("#panel-deadline")).to_contain_text("18/09/2023")

    page.get_by_role("link", name="Nơi triển khai").click()
    page.get_by_label("Công đoàn cơ sở của một khối").check()
    page.get_by_label("Khối", exact=True).select_option("school")
    page.get_by_role("button", name="Lưu").click()
    expect(page.get_by_role("alert").first).to_contain_text("triển khai đến 1 đơn vị")
    page.get_by_test_id("issue").click()
    expect(page.get_by_test_id("campaign-status")).to_have_text("Đã ban hành")
    expect(page.get_by_test_id("campaign-number")).to_have_text("01/KH-LĐLĐ")
    plan_url = page.url
    page.screenshot(path=artifacts / "campaign-desktop.png", full_page=True)

    # The school's chair finds it on the home page and acts on it.
    chair_context, chair = _page(browser, DESKTOP)
    log_in(chair, "truong_chutich")
    expect(chair.get_by_test_id("home-campaigns")).to_contain_text("Phát động đợt thi đua cao điểm")
    chair.get_by_test_id("home-campaigns").get_by_role("link", name="Phát động đợt thi đua cao điểm").click()
    chair.get_by_role("button", name="Xác nhận đã nhận").click()
    expect(chair.get_by_test_id("deployment-status")).to_have_text("Đã xác nhận")
    chair.get_by_role("link", name="Ghi nhận phát động").click()
    chair.get_by_label("Ngày phát động").fill("2023-08-25")
    chair.get_by_label("Số đoàn viên được phổ biến").fill("2")
    chair.get_by_role("button", name="Lưu").click()
    expect(chair.get_by_test_id("deployment-status")).to_have_text("Đã phát động")
    chair.get_by_role("button", name="Soạn kế hoạch của đơn vị").click()
    expect(chair.get_by_test_id("campaign-status")).to_have_text("Dự thảo")
    expect(chair.locator("body")).to_contain_text("Thực hiện: 01/KH-LĐLĐ")
    chair_context.close()

    # Coverage at the district…
    page.goto(plan_url + "tien-do/")
    expect(page.get_by_test_id("cov-targets")).to_have_text("1")
    expect(page.get_by_test_id("cov-launched")).to_contain_text("1 (100\u00a0%)")
    expect(page.get_by_test_id("cov-own")).to_have_text("0")  # its own plan is still a draft
    page.screenshot(path=artifacts / "coverage-desktop.png", full_page=True)
    officer_context.close()

    # …and at the city, with Long Biên's row leading down to its CĐCS.
    city_context, city = _page(browser, DESKTOP)
    log_in(city, "hn_thiduakt")
    city.goto(plan_url + "tien-do/")
    expect(city.get_by_test_id("cov-launched")).to_contain_text("1 (100\u00a0%)")
    city.get_by_role("link", name="LĐLĐ quận Long Biên").click()
    expect(city.locator("table")).to_contain_text("CĐCS Trường THCS Gia Thụy")
    city_context.close()
