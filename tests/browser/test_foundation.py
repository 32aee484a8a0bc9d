"""The foundation as a Long Biên emulation officer meets it in a browser: log in, open the
tree and a district's CĐCS (htmx), search a member without diacritics, upload a member file
with a bad row; and the same pages on a phone, saved as screenshots in test-artifacts/."""

import io
import re

import openpyxl
import pytest
from django.urls import NoReverseMatch, reverse
from playwright.sync_api import expect

from tests.browser.menu import follow_menu
from thidua.org.models import Member
from thidua.org.tests.factories import MemberFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def district(federation, members, officer):
    """The fixture federation, with a few more members so the pages look like a real list."""
    for name, unit, direct in [
        ("Đặng Thị Thu Hà", federation.school, False),
        ("Vũ Minh Tuấn", federation.company, True),
        ("Hoàng Thị Ngọc Ánh", federation.company, True),
        ("Bùi Văn Khánh", federation.group, False),
    ]:
        MemberFactory(full_name=name, unit=unit, is_direct_worker=direct, position="Công nhân may")
    return federation


def members_xlsx(rows: list[list]) -> bytes:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["Họ và tên", "Giới tính", "Năm sinh", "Mã đơn vị", "Số thẻ đoàn viên"])
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def no_horizontal_scroll(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_officer_logs_in_opens_tree_and_searches_without_diacritics(page, live_server, log_in, district, artifacts):
    log_in(page, "lb_thiduakt")
    expect(page.get_by_test_id("acting-role")).to_have_text("Cán bộ Thi đua – Khen thưởng")

    follow_menu(page, "Tổ chức", "Cây tổ chức")
    root = page.locator(f'li.tree-node[data-unit="{district.long_bien.pk}"]')
    expect(root).to_contain_text("LĐLĐ quận Long Biên")
    expect(root).to_contain_text("2 CĐCS · 7 đoàn viên · 3 CNLĐ trực tiếp")
    root.get_by_role("button", name="Mở đơn vị trực thuộc").click()
    school = page.locator(f'li.tree-node[data-unit="{district.school.pk}"]')
    company = page.locator(f'li.tree-node[data-unit="{district.company.pk}"]')
    expect(school).to_contain_text("CĐCS Trường THCS Gia Thụy")
    expect(school).to_contain_text("4 đoàn viên · 0 CNLĐ trực tiếp")
    expect(company).to_contain_text("3 đoàn viên · 3 CNLĐ trực tiếp")
    expect(page.get_by_text("LĐLĐ huyện Gia Lâm")).to_have_count(0)
    page.screenshot(path=artifacts / "tree-desktop.png", full_page=True)

    school.get_by_role("link", name="CĐCS Trường THCS Gia Thụy").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("CĐCS Trường THCS Gia Thụy")
    expect(page.get_by_test_id("unit-members")).to_have_text("4")
    page.screenshot(path=artifacts / "unit-desktop.png", full_page=True)

    page.goto(f"{live_server.url}/doan-vien/")
    expect(page.get_by_test_id("result-count")).to_have_text("7 đoàn viên")
    page.get_by_label("Tìm theo tên, số thẻ").fill("nguyen van an")
    expect(page.get_by_test_id("result-count")).to_have_text("1 đoàn viên")
    expect(page.locator("#results tbody tr")).to_have_count(1)
    expect(page.locator("#results")).to_contain_text("Nguyễn Văn An")
    assert "q=nguyen%20van%20an" in page.url  # hx-push-url: the search survives a reload
    page.get_by_label("Tìm theo tên, số thẻ").fill("")
    expect(page.get_by_test_id("result-count")).to_have_text("7 đoàn viên")
    page.screenshot(path=artifacts / "members-desktop.png", full_page=True)


def test_member_import_with_unknown_unit_code_shows_row_error(page, live_server, log_in, district, artifacts):
    try:
        import_url = reverse("org:import_members")
    except NoReverseMatch:
        pytest.skip("Chưa có trang nhập đoàn viên (org:import_members).")
    log_in(page, "lb_thiduakt")
    page.goto(f"{live_server.url}/doan-vien/")
    page.get_by_role("link", name="Nhập từ Excel").click()
    page.wait_for_url(f"{live_server.url}{import_url}")
    upload = members_xlsx(
        [
            ["Ngô Thị Lan", "Nữ", 1991, "LB-001", "LB0200"],
            ["Phan Văn Đức", "Nam", 1988, "XX-999", "LB0201"],
        ]
    )
    page.get_by_label("Tệp dữ liệu (.xlsx hoặc .csv)").set_input_files(
        files=[{"name": "doan-vien-lb.xlsx", "mimeType": "application/octet-stream", "buffer": upload}]
    )
    page.get_by_role("button", name="Tải lên và nhập").click()
    expect(page.get_by_test_id("import-result")).to_contain_text("chưa được nhập: không dòng nào được ghi")
    errors = page.get_by_test_id("import-errors").locator("tbody tr")
    expect(errors).to_have_count(1)
    cells = errors.first.locator("td")
    expect(cells.nth(0)).to_have_text("3")
    expect(cells.nth(1)).to_have_text("Mã đơn vị")
    expect(cells.nth(2)).to_contain_text("XX-999")
    page.screenshot(path=artifacts / "import-error-desktop.png", full_page=True)
    assert Member.objects.filter(full_name__in=["Ngô Thị Lan", "Phan Văn Đức"]).count() == 0


def test_pages_fit_a_phone_screen(phone, live_server, log_in, district, artifacts):
    log_in(phone, "lb_thiduakt")
    expect(phone.get_by_test_id("acting-role")).to_be_visible()

    phone.goto(f"{live_server.url}/don-vi/")
    phone.locator(f'li.tree-node[data-unit="{district.long_bien.pk}"] .tree-toggle').first.tap()
    expect(phone.locator(f'li.tree-node[data-unit="{district.company.pk}"]')).to_contain_text("3 đoàn viên")
    phone.screenshot(path=artifacts / "tree-phone.png", full_page=True)
    assert no_horizontal_scroll(phone)

    phone.goto(f"{live_server.url}/don-vi/{district.long_bien.pk}/")
    expect(phone.get_by_test_id("unit-members")).to_have_text("7")
    phone.screenshot(path=artifacts / "unit-phone.png", full_page=True)
    assert no_horizontal_scroll(phone)

    phone.goto(f"{live_server.url}/doan-vien/?q=le+duc")
    expect(phone.get_by_test_id("result-count")).to_have_text("1 đoàn viên")
    expect(phone.locator("#results")).to_contain_text("Lê Đức Cường")
    phone.goto(f"{live_server.url}/doan-vien/")
    expect(phone.locator("#results tbody tr")).to_have_count(7)
    phone.screenshot(path=artifacts / "members-phone.png", full_page=True)
    assert no_horizontal_scroll(phone)

    # The menu folds behind the toggler and opens on a tap; its areas open on another.
    area = phone.get_by_role("button", name="Tổ chức", exact=True)
    expect(area).to_be_hidden()
    phone.get_by_role("button", name="Mở menu").tap()
    expect(area).to_be_visible()
    area.tap()
    expect(phone.get_by_role("link", name="Cây tổ chức")).to_be_visible()
    assert re.search(r"/doan-vien/$", phone.url)
