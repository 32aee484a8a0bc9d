"""The letterhead page in a browser (issue 15 item 5): Long Biên's emulation officer opens
"Thông tin cơ quan ban hành" from the menu, types a signer's title on two lines and a name,
watches the preview follow, leaves the unit's name empty and reads the message next to it,
then saves; the unit's page shows the new signer. The same page on a 390 px phone."""

import pytest
from playwright.sync_api import expect

from tests.browser.menu import follow_menu
from thidua.documents.models import IssuerProfile
from thidua.org.models import RoleKind
from thidua.org.tests.factories import make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_officer_edits_the_letterhead_with_a_live_preview(page, phone, log_in, federation, artifacts):
    make_user("lb_tdkt", RoleKind.EMULATION_OFFICER, federation.long_bien, first_name="Trang")
    log_in(page, "lb_tdkt")
    follow_menu(page, "Tổ chức", "Thông tin cơ quan ban hành")
    expect(page.get_by_role("heading", name="Thông tin cơ quan ban hành", exact=True)).to_be_visible()
    preview = page.get_by_test_id("letterhead-preview")
    expect(preview).to_contain_text("LĐLĐ QUẬN LONG BIÊN")
    page.get_by_label("Chức vụ người ký").fill("KT. Chủ tịch\nPhó Chủ tịch")
    page.get_by_label("Họ tên người ký").fill("Nguyễn Thị Minh")
    # The preview follows the typing: capitals as printed, one line per line typed.
    expect(preview.locator('[data-letterhead-show="signer_title"] div')).to_have_text(["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"])
    expect(preview).to_contain_text("Nguyễn Thị Minh")
    name = page.get_by_label("Tên cơ quan ban hành")
    kept = name.input_value()
    name.fill("")
    page.get_by_role("button", name="Lưu", exact=True).click()
    expect(page.locator('[data-field-error="body_line"]')).to_have_text("Hãy nhập tên cơ quan ban hành.")
    assert IssuerProfile.objects.get(unit=federation.long_bien).signer_name != "Nguyễn Thị Minh"
    page.screenshot(path=artifacts / "letterhead-error-desktop.png", full_page=True)
    page.get_by_label("Tên cơ quan ban hành").fill(kept)
    page.get_by_role("button", name="Lưu", exact=True).click()
    expect(page.get_by_text("Đã lưu thông tin cơ quan ban hành.")).to_be_visible()
    expect(page.get_by_test_id("letterhead-history")).to_contain_text("Sửa thông tin cơ quan ban hành")
    profile = IssuerProfile.objects.get(unit=federation.long_bien)
    assert profile.signer_lines[-2:] == ["KT. Chủ tịch", "Phó Chủ tịch"]
    assert profile.signer_name == "Nguyễn Thị Minh"
    page.screenshot(path=artifacts / "letterhead-desktop.png", full_page=True)
    # Back on the unit's page, the way there again.
    page.get_by_role("link", name="LĐLĐ quận Long Biên", exact=True).click()
    page.get_by_test_id("unit-letterhead").get_by_role("link", name="Thông tin cơ quan ban hành", exact=True).click()
    expect(page.get_by_test_id("letterhead-preview")).to_contain_text("Nguyễn Thị Minh")

    log_in(phone, "lb_tdkt")
    follow_menu(phone, "Tổ chức", "Thông tin cơ quan ban hành")
    expect(phone.get_by_test_id("letterhead-preview")).to_contain_text("PHÓ CHỦ TỊCH")
    phone.screenshot(path=artifacts / "letterhead-phone.png", full_page=True)
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"the page scrolls sideways on a phone ({width} px)"
