"""Taking part in a browser: the school's CĐCS chair registers for Long Biên's peak campaign,
registers a work and completes it with a photo and an article link, registers a "Dân vận khéo"
model and signs the cluster's covenant; the district's emulation officer sees each of them in
the overview (figures, gallery) and on the covenant."""

import datetime

import pytest
from PIL import Image
from playwright.sync_api import expect

from tests.browser.conftest import DESKTOP, PHONE, _page
from tests.browser.menu import follow_menu
from thidua.campaigns import services as campaigns
from thidua.campaigns.models import Campaign, TargetMode
from thidua.org.models import EmulationCluster, RoleKind
from thidua.org.tests.factories import make_user
from thidua.participation import services

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def setting(federation, officer, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    chair = make_user("truong_chutich", RoleKind.GRASSROOTS_CHAIR, federation.school, first_name="Hà")
    plan = campaigns.create_campaign(
        officer,
        issuer=federation.long_bien,
        kind="peak",
        title="Phát động đợt thi đua cao điểm chào mừng kỷ niệm 20 năm Ngày thành lập quận Long Biên",
        plan_date=datetime.date(2026, 8, 21),
        starts_on=datetime.date(2026, 8, 16),
        ends_on=datetime.date(2026, 12, 31),
        signer_title="TM. BAN THƯỜNG VỤ\nCHỦ TỊCH",
        signer_name="Nguyễn Trường Giang",
    )
    campaigns.set_targets(officer, plan, mode=TargetMode.ALL_GRASSROOTS)
    campaigns.issue_campaign(officer, Campaign.objects.get(pk=plan.pk))
    cluster = EmulationCluster.objects.create(name="Khối trường học quận Long Biên", organiser=federation.long_bien)
    federation.school.clusters.add(cluster)
    federation.company.clusters.add(cluster)
    covenant = services.create_covenant(
        officer,
        cluster=cluster,
        year=2026,
        title="Giao ước thi đua khối trường học năm 2026",
        content="Các đơn vị cùng thi đua hoàn thành xuất sắc nhiệm vụ năm học.",
        targets="100% đoàn viên được phổ biến\nMỗi đơn vị có ít nhất 01 công trình",
        campaign=Campaign.objects.get(pk=plan.pk),
    )
    photo = tmp_path / "khanh-thanh-vuon-truong.jpg"
    image = Image.new("RGB", (1024, 768), (40, 140, 60))
    image.save(photo, format="JPEG")
    return {"chair": chair, "plan": plan, "covenant": covenant, "photo": photo}


def test_chair_takes_part_and_the_officer_sees_it(browser, live_server, log_in, setting, artifacts):
    plan = setting["plan"]
    context, chair = _page(browser, DESKTOP)
    log_in(chair, "truong_chutich")
    chair.goto(f"{live_server.url}/ke-hoach/{plan.pk}/")
    expect(chair.get_by_test_id("participation-section")).to_contain_text("Chưa đăng ký")
    chair.get_by_role("link", name="Đăng ký, công trình, mô hình").click()

    # 1. Registration with its targets.
    chair.get_by_label("Nội dung, chỉ tiêu đăng ký").fill("100% đoàn viên được phổ biến kế hoạch\n01 công trình")
    chair.get_by_role("button", name="Lưu đăng ký").click()
    expect(chair.get_by_role("alert").first).to_contain_text("Đã lưu đăng ký thi đua")
    expect(chair.get_by_test_id("record-registration")).to_contain_text("01 công trình")

    # 2. A work: a bad value is refused next to the field, then it is registered.
    chair.locator("summary", has_text="Đăng ký công trình, phần việc").click()
    chair.get_by_label("Tên công trình, phần việc").fill("Vườn trường xanh")
    chair.get_by_label("Giá trị (đồng)").fill("-1")
    chair.get_by_role("button", name="Đăng ký công trình").click()
    expect(chair.locator('[data-field-error="value"]')).to_be_visible()
    chair.get_by_label("Giá trị (đồng)").fill("45000000")
    chair.get_by_role("button", name="Đăng ký công trình").click()
    expect(chair.get_by_test_id("record-works")).to_contain_text("45.000.000 đ")
    chair.get_by_role("link", name="Vườn trường xanh").click()
    chair.get_by_label("Ngày hoàn thành").fill(datetime.date.today().isoformat())
    chair.locator("#complete_photos").set_input_files(str(setting["photo"]))
    chair.locator("#complete_article_url").fill("https://longbien.hanoi.gov.vn/tin/vuon-truong-xanh")
    chair.locator("#complete_article_title").fill("Khánh thành vườn trường xanh")
    chair.get_by_role("button", name="Đã hoàn thành").click()
    expect(chair.get_by_test_id("work-status")).to_have_text("Đã hoàn thành")
    expect(chair.get_by_test_id("work-evidence").locator("img")).to_have_count(1)
    expect(chair.get_by_test_id("work-evidence")).to_contain_text("Khánh thành vườn trường xanh")
    chair.screenshot(path=artifacts / "participation-work-desktop.png", full_page=True)
    work_url = chair.url

    # 3. A model.
    chair.goto(f"{live_server.url}/tham-gia/{plan.pk}/")
    chair.locator("summary", has_text="Đăng ký mô hình").click()
    chair.get_by_label("Tên mô hình").fill("Nhà giáo gương mẫu, học sinh chăm ngoan")
    chair.get_by_label("Lĩnh vực").fill("Giáo dục")
    chair.get_by_role("button", name="Đăng ký mô hình").click()
    expect(chair.get_by_test_id("record-models")).to_contain_text("Nhà giáo gương mẫu")
    chair.screenshot(path=artifacts / "participation-record-desktop.png", full_page=True)

    # 4. The covenant.
    follow_menu(chair, "Thi đua", "Giao ước")
    chair.get_by_role("link", name="Giao ước thi đua khối trường học năm 2026").click()
    chair.get_by_label("Họ tên người ký").fill("Nguyễn Thị Hà")
    chair.get_by_label("Chức vụ").fill("Chủ tịch Công đoàn cơ sở")
    chair.get_by_role("button", name="Ký giao ước").click()
    expect(chair.get_by_test_id("parties")).to_contain_text("Nguyễn Thị Hà")
    expect(chair.locator("body")).to_contain_text("Đơn vị ký: 1/2")
    context.close()

    # The phone sees the same record, readable.
    phone_context, phone = _page(browser, PHONE, is_mobile=True, has_touch=True, device_scale_factor=2)
    log_in(phone, "truong_chutich")
    phone.goto(f"{live_server.url}/tham-gia/{plan.pk}/")
    expect(phone.get_by_test_id("record-works")).to_contain_text("Vườn trường xanh")
    phone.screenshot(path=artifacts / "participation-record-phone.png", full_page=True)
    phone.goto(work_url)
    phone.screenshot(path=artifacts / "participation-work-phone.png", full_page=True)
    phone_context.close()

    # The district's officer sees each of them.
    officer_context, officer = _page(browser, DESKTOP)
    log_in(officer, "lb_thiduakt")
    officer.goto(f"{live_server.url}/ke-hoach/{plan.pk}/")
    officer.get_by_role("link", name="Tổng hợp tham gia").click()
    expect(officer.get_by_test_id("ov-targets")).to_have_text("2")
    expect(officer.get_by_test_id("ov-registered")).to_contain_text("1 (50\u00a0%)")
    expect(officer.get_by_test_id("ov-models")).to_contain_text("1 (50\u00a0%)")
    expect(officer.get_by_test_id("ov-with-works")).to_contain_text("1 (50\u00a0%)")
    expect(officer.get_by_test_id("ov-works")).to_contain_text("1 đăng ký, 1 hoàn thành")
    expect(officer.get_by_test_id("ov-missing")).to_contain_text("CĐCS Công ty May Đức Giang")
    expect(officer.get_by_test_id("ov-gallery").locator("img")).to_have_count(1)
    # A function, not an expression: Playwright polls an expression through eval(), which the
    # site's CSP refuses whenever the photo has not loaded at the first look (a flaky failure).
    officer.wait_for_function("() => document.querySelector('[data-testid=ov-gallery] img').naturalWidth > 0")
    officer.screenshot(path=artifacts / "participation-overview-desktop.png", full_page=True)
    follow_menu(officer, "Thi đua", "Giao ước")
    officer.get_by_role("link", name="Giao ước thi đua khối trường học năm 2026").click()
    expect(officer.get_by_test_id("parties")).to_contain_text("Nguyễn Thị Hà")
    officer.screenshot(path=artifacts / "participation-covenant-desktop.png", full_page=True)
    officer_context.close()

    phone_context, phone = _page(browser, PHONE, is_mobile=True, has_touch=True, device_scale_factor=2)
    log_in(phone, "lb_thiduakt")
    phone.goto(f"{live_server.url}/tham-gia/{plan.pk}/tong-hop/")
    expect(phone.get_by_test_id("ov-targets")).to_have_text("2")
    phone.screenshot(path=artifacts / "participation-overview-phone.png", full_page=True)
    phone_context.close()


@pytest.fixture
def titles(unit_kinds):
    """The titles participation 0002 loads; a transactional test's flush empties them (see
    the unit_kinds fixture)."""
    import importlib

    from django.apps import apps

    from thidua.participation.models import EmulationTitle

    if not EmulationTitle.objects.exists():
        importlib.import_module("thidua.participation.migrations.0002_default_titles").load(apps, None)


def test_officer_writes_a_covenant_and_a_cdcs_registers_titles_as_a_list_and_from_a_file(
    browser, live_server, log_in, federation, members, officer, titles, tmp_path, artifacts
):
    import xlsxwriter

    make_user("truong_chutich", RoleKind.GRASSROOTS_CHAIR, federation.school)
    cluster = EmulationCluster.objects.create(name="Khối trường học quận Long Biên", organiser=federation.long_bien)
    federation.school.clusters.add(cluster)

    # The district's officer writes the bloc's covenant.
    context, page = _page(browser, DESKTOP)
    log_in(page, "lb_thiduakt")
    follow_menu(page, "Thi đua", "Giao ước")
    page.get_by_role("link", name="Soạn giao ước").click()
    page.get_by_label("Cụm, khối thi đua").select_option(label="Khối trường học quận Long Biên")
    page.get_by_label("Tên giao ước").fill("Giao ước thi đua khối trường học")
    page.get_by_role("button", name="Lưu").click()
    expect(page.locator('[data-field-error="content"]')).to_contain_text("bắt buộc")
    page.get_by_label("Nội dung giao ước").fill("Cùng thi đua dạy tốt, học tốt.")
    page.get_by_role("button", name="Lưu").click()
    expect(page.get_by_test_id("parties")).to_contain_text("CĐCS Trường THCS Gia Thụy")
    context.close()

    # The school's chair registers two members for a title, then imports a list with a bad row.
    year = datetime.date.today().year
    sheet = tmp_path / "dang-ky.xlsx"
    book = xlsxwriter.Workbook(str(sheet))
    worksheet = book.add_worksheet()
    rows = [["Số thẻ đoàn viên", "Họ và tên", "Danh hiệu"], ["LB0001", "Nguyễn Văn An", "Chiến sĩ thi đua cơ sở"]]
    rows.append(["LB0003", "Lê Đức Cường", "Lao động giỏi"])  # the company's member: not found here
    for r, row in enumerate(rows):
        worksheet.write_row(r, 0, row)
    book.close()
    context, chair = _page(browser, DESKTOP)
    log_in(chair, "truong_chutich")
    follow_menu(chair, "Thi đua", "Đăng ký danh hiệu")
    expect(chair.get_by_test_id("title-members")).to_contain_text("Nguyễn Văn An")
    chair.get_by_label("Nguyễn Văn An").check()
    chair.get_by_label("Trần Thị Bình").check()
    chair.get_by_label("Đăng ký cho các đoàn viên đã chọn danh hiệu").select_option(label="Lao động giỏi")
    chair.get_by_role("button", name="Đăng ký theo danh sách").click()
    expect(chair.get_by_role("alert").first).to_contain_text("Đã đăng ký “Lao động giỏi” cho 2 đoàn viên")
    chair.screenshot(path=artifacts / "participation-titles-desktop.png", full_page=True)
    chair.get_by_label("Tệp danh sách").set_input_files(str(sheet))
    chair.get_by_role("button", name="Nhập", exact=True).click()
    expect(chair.get_by_test_id("import-errors")).to_contain_text(
        'Dòng 3, cột "Số thẻ đoàn viên": Không tìm thấy đoàn viên có số thẻ “LB0003”.'
    )
    chair.screenshot(path=artifacts / "participation-titles-import-errors-desktop.png", full_page=True)
    context.close()

    # The district sees who registered and who did not, on a phone too.
    context, phone = _page(browser, PHONE, is_mobile=True, has_touch=True, device_scale_factor=2)
    log_in(phone, "lb_thiduakt")
    phone.goto(f"{live_server.url}/dang-ky-danh-hieu/?nam={year}")
    expect(phone.get_by_test_id("title-rows")).to_contain_text("CĐCS Trường THCS Gia Thụy")
    expect(phone.get_by_test_id("title-rows")).to_contain_text("2 (100\u00a0%)")
    phone.screenshot(path=artifacts / "participation-titles-phone.png", full_page=True)
    context.close()
