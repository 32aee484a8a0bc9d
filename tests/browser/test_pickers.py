"""The searchable picker in a browser (core.pickers): Long Biên's emulation officer forms a support
team by typing members' names without diacritics, picks two, removes one, cannot find Gia Lâm's
member, and sends the form; on a phone the same page is usable at 390 px. Screenshots of the home
page and the picker in use, desktop and phone."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import PHONE, _page
from tests.browser.menu import follow_menu
from thidua.initiatives.models import SupportTeam
from thidua.org.models import RoleKind
from thidua.org.tests.factories import MemberFactory, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def district(federation, members):
    MemberFactory(full_name="Nguyễn Thị Hà", unit=federation.company, card_number="LB0010")
    make_user("lb_tdkt", RoleKind.EMULATION_OFFICER, federation.long_bien, first_name="Trang")
    return federation


def test_officer_forms_a_support_team_by_searching_members(page, browser, live_server, log_in, district, artifacts):
    log_in(page, "lb_tdkt")
    page.screenshot(path=artifacts / "home-desktop.png", full_page=True)
    follow_menu(page, "Sáng kiến", "Danh sách sáng kiến")
    page.get_by_role("link", name="Tổ hỗ trợ").click()
    search = page.get_by_label("Thành viên")
    search.fill("nguyen")
    results = page.get_by_test_id("picker-results")
    expect(results).to_contain_text("Nguyễn Văn An — CĐCS Trường THCS Gia Thụy")
    results.get_by_label("Nguyễn Văn An — CĐCS Trường THCS Gia Thụy").click()
    results.get_by_label("Nguyễn Thị Hà — CĐCS Công ty May Đức Giang").click()
    chips = page.locator("[data-picker-chip]")
    expect(chips).to_have_count(2)
    # A new search keeps what was chosen, and does not offer it again.
    search.fill("le duc")
    results.get_by_label("Lê Đức Cường — CĐCS Công ty May Đức Giang").click()
    expect(chips).to_have_count(3)
    search.fill("nguyen van")
    expect(page.locator("[data-picker-results]")).not_to_contain_text("Nguyễn Văn An")
    # Gia Lâm's member is outside the district: not found.
    search.fill("pham thi dung")
    expect(page.get_by_test_id("picker-empty")).to_be_visible()
    search.fill("")
    expect(page.get_by_test_id("picker-empty")).to_have_count(0)
    page.screenshot(path=artifacts / "picker-desktop.png", full_page=True)
    chips.filter(has_text="Nguyễn Thị Hà").get_by_role("button", name="Bỏ chọn").click()
    expect(chips).to_have_count(2)
    page.get_by_role("button", name="Thành lập").click()
    expect(page.get_by_test_id("teams")).to_contain_text("Lê Đức Cường, Nguyễn Văn An")
    team = SupportTeam.objects.get()
    assert sorted(team.members.values_list("full_name", flat=True)) == ["Lê Đức Cường", "Nguyễn Văn An"]

    context, phone = _page(browser, PHONE, is_mobile=True, has_touch=True, device_scale_factor=2)
    log_in(phone, "lb_tdkt")
    phone.screenshot(path=artifacts / "home-phone.png", full_page=True)
    phone.goto(page.url)
    phone.get_by_label("Thành viên").fill("nguyen")
    phone.get_by_test_id("picker-results").get_by_label("Nguyễn Thị Hà — CĐCS Công ty May Đức Giang").click()
    phone.get_by_label("Thành viên").fill("tran")
    expect(phone.get_by_test_id("picker-results")).to_contain_text("Trần Thị Bình")
    phone.screenshot(path=artifacts / "picker-phone.png", full_page=True)
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"the page scrolls sideways on a phone ({width} px)"
    context.close()
