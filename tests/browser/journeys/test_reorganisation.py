"""Journey: the 2025 reorganisation (issue 14, item 4; docs/domain.md "The union tree and its 2025
reform"). District federations ended on 01/07/2025: on the demo, the administrator dissolves LĐLĐ
huyện Gia Lâm and LĐLĐ thành phố Hà Nội takes its CĐCS and its open work. Then Gia Lâm's CĐCS
appear under the city, the city's coverage of Gia Lâm's plan (seed 002, 92/KH-LĐLĐ, now the
city's to follow) counts them, and that plan still prints Gia Lâm's letterhead."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.journeys.steps import download, pdf_text
from tests.browser.menu import follow_menu

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

GIA_LAM = "LĐLĐ huyện Gia Lâm"
HA_NOI = "LĐLĐ thành phố Hà Nội"
MOVED_CDCS = "CĐCS Trường THCS Dương Xá"  # one of Gia Lâm's CĐCS in the demo
REASON = "Quyết định số 1234/QĐ-TLĐ ngày 20/6/2025 kết thúc hoạt động LĐLĐ cấp huyện"


def open_unit_from_tree(page, *names: str) -> None:
    """Tổ chức › Cây tổ chức → the root → each named unit in the table of units below."""
    follow_menu(page, "Tổ chức", "Cây tổ chức")
    page.get_by_role("link", name="Tổng Liên đoàn Lao động Việt Nam").first.click()
    for name in names:
        page.locator("table").get_by_role("link", name=name, exact=True).click()
        expect(page.get_by_role("heading", level=1)).to_have_text(name)


def fill_dissolution(page, shoot=None) -> None:
    page.get_by_role("link", name="Giải thể").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Giải thể đơn vị: {GIA_LAM}")
    successor = page.get_by_role("combobox", name=re.compile("^Đơn vị tiếp nhận"))
    value = successor.locator("option", has_text=HA_NOI).first.get_attribute("value")
    successor.select_option(value)
    page.get_by_role("radio", name=re.compile("Chấm dứt các vai trò")).check()
    page.get_by_label("Lý do, căn cứ").fill(REASON)
    if shoot:
        shoot(page)
    page.get_by_role("button", name="Xem trước").click()


def test_admin_dissolves_gia_lam_into_the_city(journey):
    admin = journey.as_user("admin")
    open_unit_from_tree(admin, HA_NOI)
    city_grassroots = admin.get_by_test_id("unit-grassroots").inner_text()
    admin.locator("table").get_by_role("link", name=GIA_LAM, exact=True).click()
    gia_lam_grassroots = admin.get_by_test_id("unit-grassroots").inner_text()
    gia_lam_members = admin.get_by_test_id("unit-members").inner_text()
    gia_lam_url = admin.url

    # The phone: the same choice and preview, read on a 390 px screen (not confirmed there).
    phone = journey.as_user("admin", phone=True)
    phone.goto(gia_lam_url)
    fill_dissolution(phone, lambda p: journey.shot(p, "reorganisation-form-phone"))
    expect(phone.get_by_test_id("restructure-preview")).to_be_visible()
    journey.shot(phone, "reorganisation-preview-phone")

    fill_dissolution(admin, lambda p: journey.shot(p, "reorganisation-form-desktop"))
    preview = admin.get_by_test_id("restructure-preview")
    expect(preview).to_contain_text(f"{GIA_LAM} → {HA_NOI}")
    expect(admin.get_by_test_id("preview-grassroots")).to_have_text(gia_lam_grassroots)
    expect(admin.get_by_test_id("preview-members")).to_have_text(gia_lam_members)
    # Seed 002's plan among the open plans handed over (the demo adds a living one).
    expect(admin.get_by_test_id("preview-campaigns")).to_have_text(re.compile(r"^[1-9]"))
    expect(admin.get_by_test_id("preview-roles")).to_contain_text("gl_thiduakt: Cán bộ Thi đua – Khen thưởng")
    journey.shot(admin, "reorganisation-preview-desktop")
    admin.get_by_role("button", name="Xác nhận giải thể đơn vị").click()

    # The city's page: Gia Lâm's CĐCS are its own now, counted in its figures; Gia Lâm is history.
    expect(admin.get_by_role("heading", level=1)).to_have_text(HA_NOI)
    expect(admin.locator(".alert-success")).to_contain_text(f"Đã giải thể “{GIA_LAM}”")
    expect(admin.get_by_test_id("unit-grassroots")).to_have_text(city_grassroots)
    children = admin.locator("table").first
    expect(children.get_by_role("link", name=MOVED_CDCS, exact=True)).to_be_visible()
    expect(children.get_by_role("row", name=re.compile(f"^{GIA_LAM}"))).to_contain_text("Đã giải thể")
    journey.shot(admin, "reorganisation-city-after")
    children.get_by_role("link", name=GIA_LAM, exact=True).click()
    expect(admin.get_by_test_id("dissolved-notice")).to_contain_text(HA_NOI)
    expect(admin.get_by_test_id("history")).to_contain_text(REASON)
    expect(admin.get_by_role("link", name="Giải thể")).to_have_count(0)  # no second time

    # The city's office follows Gia Lâm's plan now: coverage counts the moved CĐCS.
    city = journey.as_user("hn_bantv")
    follow_menu(city, "Thi đua", "Kế hoạch")
    city.locator("tr", has_text="92/KH-LĐLĐ").get_by_role("link").first.click()
    expect(city.get_by_test_id("campaign-number")).to_have_text("92/KH-LĐLĐ")
    expect(city.get_by_test_id("campaign-handed-over")).to_contain_text(f"{GIA_LAM} ban hành · nay do {HA_NOI}")
    # The earlier Gia Lâm plan opens with its Gia Lâm letterhead.
    paper = pdf_text(download(city, city.get_by_role("link", name="Tải PDF")), journey.tmp)
    assert "LĐLĐ HUYỆN GIA LÂM" in paper
    assert "Số: 92/KH-LĐLĐ" in paper
    city.get_by_role("link", name=re.compile("Tiến độ")).first.click()
    expect(city.get_by_test_id("cov-targets")).to_have_text(gia_lam_grassroots)
    expect(city.locator("table")).to_contain_text(MOVED_CDCS)
    journey.shot(city, "reorganisation-coverage-city")
