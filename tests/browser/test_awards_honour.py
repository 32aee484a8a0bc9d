"""The honour roll and the certificates in a browser: an anonymous visitor opens a campaign's
honour roll and reads the awardees and the statistics (desktop and a 390 px phone); Long
Biên's officer finds it from the menu, downloads the decision's certificates as one PDF and
reads the awardee's name, the decision number and the date line in it."""

import re
import shutil
import subprocess

import pytest
from playwright.sync_api import expect

from tests.browser.menu import follow_menu

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]
pytest_plugins = ["thidua.awards.tests.documents_fixtures"]


def test_anonymous_visitor_reads_the_honour_roll(live_server, page, phone, artifacts, decision, campaign):
    page.goto(f"{live_server.url}/vinh-danh/")
    expect(page.get_by_role("heading", name="Bảng vinh danh")).to_be_visible()
    page.get_by_role("link", name=re.compile("đợt thi đua cao điểm")).click()
    expect(page.get_by_role("heading", name=re.compile("Phát động đợt thi đua cao điểm"))).to_be_visible()
    roll = page.get_by_test_id("honour-roll").first
    expect(page.get_by_text("Nguyễn Thị Hằng", exact=True)).to_be_visible()
    expect(roll).to_be_visible()
    totals = page.get_by_test_id("honour-totals")
    expect(totals).to_contain_text("Được khen thưởng")
    expect(totals).to_contain_text("4")
    expect(page.get_by_test_id("by-bloc")).to_contain_text("Trường học")
    expect(page.get_by_test_id("by-level")).to_contain_text("Công đoàn cấp trên trực tiếp cơ sở")
    # Nothing to download for a visitor.
    expect(page.get_by_text("Tải giấy khen (PDF)")).to_have_count(0)
    page.screenshot(path=artifacts / "awards-honour-roll-desktop.png", full_page=True)

    phone.goto(page.url)
    expect(phone.get_by_text("Nguyễn Thị Hằng", exact=True)).to_be_visible()
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"the honour roll scrolls sideways on a phone ({width} px)"
    phone.screenshot(path=artifacts / "awards-honour-roll-phone.png", full_page=True)


def test_officer_downloads_the_certificates_of_the_decision(live_server, page, log_in, artifacts, lb_officer, decision):
    log_in(page, "lb_tdkt")
    group = page.locator("#mainnav").get_by_role("button", name="Khen thưởng", exact=True)
    follow_menu(page, "Khen thưởng" if group.count() else None, "Bảng vinh danh")
    page.get_by_role("link", name=re.compile("đợt thi đua cao điểm")).click()
    expect(page.get_by_test_id("honour-decisions")).to_contain_text("Số 01/QĐ-LĐLĐ ngày 15/12/2026")
    page.screenshot(path=artifacts / "awards-honour-roll-officer.png", full_page=True)
    with page.expect_download() as info:
        page.get_by_role("link", name="In tất cả giấy khen (PDF)").click()
    download = info.value
    assert download.suggested_filename == "giay-khen-quyet-dinh-khen-thuong-01-2026.pdf"
    path = artifacts / "awards-certificates.pdf"
    download.save_as(path)
    pdftotext = shutil.which("pdftotext")
    if pdftotext:
        text = " ".join(
            subprocess.run([pdftotext, str(path), "-"], capture_output=True, check=True).stdout.decode().split()
        )
        assert "Nguyễn Thị Hằng" in text
        assert "Quyết định số 01/QĐ-LĐLĐ, ngày 15 tháng 12 năm 2026" in text
        assert "Long Biên, ngày 15 tháng 12 năm 2026" in text
    # One awardee's certificate from the roll.
    with page.expect_download() as info:
        page.locator("li", has_text="Nguyễn Thị Hằng").get_by_role("link", name="Tải giấy khen (PDF)").click()
    assert info.value.suggested_filename.startswith("giay-khen-")
