"""Importing a nomination list in a browser: the school's CĐCS chair follows the menu to "Nhập
danh sách đề nghị", uploads the office's list (title rows above the header) with one name
misspelt, reads the error next to its row in the preview — nothing saved — uploads the fixed
file, confirms, and the three draft nominations exist. Screenshots at desktop and phone width."""

import datetime

import pytest
import xlsxwriter
from playwright.sync_api import expect

from tests.browser.conftest import DESKTOP, PHONE, _page
from tests.browser.menu import follow_menu
from thidua.awards import services
from thidua.awards.catalogue import load_catalogue
from thidua.awards.models import AwardKind, Nomination
from thidua.campaigns import services as campaigns
from thidua.campaigns.models import Campaign, Procedure, TargetMode
from thidua.org.models import RoleKind
from thidua.org.tests.factories import MemberFactory, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

HEADER = ["STT", "Họ và tên / Tên tập thể", "Chức vụ, đơn vị", "Hình thức/danh hiệu đề nghị", "Tóm tắt thành tích"]


def list_file(path, second_name):
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet()
    rows = [
        ["DANH SÁCH TẬP THỂ, CÁ NHÂN ĐỀ NGHỊ KHEN THƯỞNG NĂM 2026"],
        ["(Kèm theo Tờ trình số 15/TTr-CĐCS ngày 05/12/2026 của CĐCS Trường THCS Gia Thụy)"],
        HEADER,
        ["I", "TẬP THỂ"],
        [1, "Tổ Toán – Tin", "", "Giấy khen", "Tổ dẫn đầu phong trào thi đua dạy tốt, học tốt năm học 2025–2026."],
        ["II", "CÁ NHÂN"],
        [1, "Nguyễn Văn An", "Giáo viên", "Lao động tiên tiến", "Hoàn thành tốt nhiệm vụ, có 01 sáng kiến."],
        [2, second_name, "Tổ trưởng, Tổ Toán – Tin", "Lao động tiên tiến", "Hoàn thành xuất sắc nhiệm vụ."],
    ]
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            sheet.write(r, c, value)
    sheet.set_column(1, 4, 30)
    book.close()
    return path


@pytest.fixture
def setting(federation, officer, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    load_catalogue()
    make_user("truong_chutich", RoleKind.GRASSROOTS_CHAIR, federation.school, first_name="Hà")
    MemberFactory(full_name="Nguyễn Văn An", unit=federation.school, position="Giáo viên")
    MemberFactory(full_name="Trần Thị Bình", unit=federation.group, position="Tổ trưởng")
    plan = campaigns.create_campaign(
        officer,
        issuer=federation.long_bien,
        kind="movement",
        title="Phát động phong trào thi đua lao động giỏi, lao động sáng tạo năm 2026",
        movement_name="Phong trào thi đua lao động giỏi, lao động sáng tạo năm 2026",
        plan_date=datetime.date(2026, 1, 5),
        starts_on=datetime.date(2026, 1, 1),
        ends_on=datetime.date(2026, 12, 31),
        signer_title="TM. BAN THƯỜNG VỤ\nCHỦ TỊCH",
        signer_name="Nguyễn Trường Giang",
    )
    campaigns.save_reward(officer, plan, procedure=Procedure.SIMPLIFIED, nomination_due_on=datetime.date(2099, 12, 31))
    campaigns.set_targets(officer, plan, mode=TargetMode.ALL_GRASSROOTS)
    campaigns.issue_campaign(officer, Campaign.objects.get(pk=plan.pk))
    campaign = Campaign.objects.get(pk=plan.pk)
    kinds = AwardKind.objects.filter(code__in=["giay-khen-cap-tren-co-so", "lao-dong-tien-tien"])
    services.offer_awards(officer, campaign, dict.fromkeys(kinds))
    return {
        "bad": list_file(tmp_path / "danh-sach-de-nghi.xlsx", "Trần Thị Bìnhh"),
        "good": list_file(tmp_path / "danh-sach-de-nghi-da-sua.xlsx", "Tran Thi Binh"),
    }


def test_upload_preview_with_an_error_fix_and_confirm(browser, live_server, log_in, setting, artifacts):
    for viewport, tag in ((DESKTOP, "desktop"), (PHONE, "phone")):
        context, page = _page(browser, viewport)
        log_in(page, "truong_chutich")
        follow_menu(page, "Khen thưởng", "Nhập danh sách đề nghị")
        expect(page.get_by_role("heading", name="Nhập danh sách đề nghị khen thưởng")).to_be_visible()
        page.screenshot(path=str(artifacts / f"awards-intake-upload-{tag}.png"), full_page=True)
        page.get_by_label("Tệp danh sách (.xlsx)").set_input_files(str(setting["bad"]))
        page.get_by_role("button", name="Kiểm tra danh sách").click()

        expect(page.get_by_test_id("intake-summary")).to_contain_text("1/3 dòng có lỗi")
        expect(page.get_by_test_id("intake-row-8")).to_contain_text(
            "Không tìm thấy đoàn viên “Trần Thị Bìnhh” trong CĐCS Trường THCS Gia Thụy."
        )
        expect(page.get_by_test_id("intake-row-5")).to_contain_text("Hợp lệ")
        expect(page.get_by_test_id("intake-confirm")).to_have_count(0)
        page.screenshot(path=str(artifacts / f"awards-intake-preview-{tag}.png"), full_page=True)
        assert not Nomination.objects.exists()
        context.close()

    context, page = _page(browser, DESKTOP)
    log_in(page, "truong_chutich")
    page.goto(f"{live_server.url}/khen-thuong/nhap-danh-sach/")
    page.get_by_label("Tệp danh sách (.xlsx)").set_input_files(str(setting["bad"]))
    page.get_by_role("button", name="Kiểm tra danh sách").click()
    # Fix: the corrected file, uploaded from the preview page itself.
    page.get_by_label("Tệp danh sách (.xlsx)").set_input_files(str(setting["good"]))
    page.get_by_role("button", name="Kiểm tra lại").click()
    expect(page.get_by_test_id("intake-summary")).to_contain_text("Cả 3 dòng đề nghị đều hợp lệ")
    expect(page.get_by_test_id("intake-row-8")).to_contain_text("Trần Thị Bình")
    # The criteria as the data stands, for information: An has no rating for 2026 yet.
    page.get_by_test_id("intake-row-7").get_by_text("Tiêu chuẩn: chưa đạt").click()
    expect(page.get_by_test_id("intake-row-7")).to_contain_text("Chưa có xếp loại năm 2026")
    page.screenshot(path=str(artifacts / "awards-intake-ready-desktop.png"), full_page=True)
    page.get_by_test_id("intake-confirm").click()
    expect(page.get_by_role("alert").first).to_contain_text("Đã nhập 3 đề nghị khen thưởng (bản nháp)")
    context.close()
    names = sorted(n.subject_name for n in Nomination.objects.all())
    assert names == ["Nguyễn Văn An", "Trần Thị Bình", "Tổ Toán – Tin"]
