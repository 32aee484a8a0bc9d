"""A federation's office acts for a CĐCS (paper dossiers still arrive at the office), in a
browser: Long Biên's emulation officer picks the school on "Đề nghị khen thưởng", opens the
campaign, nominates one of its members, and the nomination's history says who made it for whom."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import DESKTOP, PHONE, _page
from tests.browser.menu import follow_menu
from tests.browser.test_awards import MOVEMENT, setting  # noqa: F401  (the campaign and its people)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_the_districts_office_nominates_for_a_cdcs(browser, live_server, log_in, setting, artifacts):  # noqa: F811
    kinds = setting["kinds"]
    _context, officer = _page(browser, DESKTOP)
    log_in(officer, "lb_tdkt")
    follow_menu(officer, "Khen thưởng", "Đề nghị khen thưởng")
    # The CĐCS picker searches (core.pickers): a few letters without diacritics, then the match;
    # picking sends the form.
    picker = officer.get_by_label("Lập đề nghị thay cho công đoàn cơ sở (hồ sơ giấy gửi về văn phòng)")
    picker.fill("gia thuy")
    officer.get_by_test_id("picker-results").get_by_label("CĐCS Trường THCS Gia Thụy").click()
    expect(officer.get_by_test_id("award-campaigns")).to_contain_text(MOVEMENT)
    officer.screenshot(path=artifacts / "awards-act-for-desktop.png", full_page=True)
    picked_url = officer.url
    officer.get_by_role("link", name=MOVEMENT).click()
    officer.get_by_role("link", name="Thêm đề nghị").click()
    officer.get_by_label("Danh hiệu, hình thức khen thưởng").select_option(label=kinds["giay-khen-cap-tren-co-so"].name)
    officer.get_by_label("Cá nhân (đoàn viên)").check()
    officer.get_by_label("Đoàn viên", exact=True).select_option(label="Lê Thị Hoa")
    officer.get_by_label("Tóm tắt thành tích").fill("Hồ sơ giấy của công đoàn cơ sở gửi về văn phòng.")
    officer.get_by_role("button", name="Lưu đề nghị").click()
    expect(officer.get_by_test_id("nomination-title")).to_have_text("Lê Thị Hoa")
    expect(officer.get_by_test_id("history")).to_contain_text(
        "LĐLĐ quận Long Biên lập thay cho CĐCS Trường THCS Gia Thụy"
    )
    _context, phone = _page(browser, PHONE, is_mobile=True, has_touch=True, device_scale_factor=2)
    log_in(phone, "lb_tdkt")
    phone.goto(picked_url)
    phone.screenshot(path=artifacts / "awards-act-for-phone.png", full_page=True)
