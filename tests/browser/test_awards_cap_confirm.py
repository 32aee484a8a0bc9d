"""Issue 14, awards walked for seed 000, in a browser: Long Biên's officer allots 2 Chiến sĩ thi
đua cơ sở to the school and is warned in the cell that the 15 % cap makes them unusable now
("tối đa 0"); the school's chair nominates Nguyễn Văn An for Lao động tiên tiến (no rating on
record: criteria not met), uploads the dossier and sends the batch — asked to confirm An by name
with a reason, which the nomination's history then shows."""

import datetime

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import DESKTOP, PHONE, _page
from tests.browser.menu import follow_menu
from thidua.awards import services
from thidua.awards.catalogue import load_catalogue
from thidua.awards.models import AwardKind
from thidua.campaigns import services as campaigns
from thidua.campaigns.models import Campaign, Procedure, TargetMode
from thidua.org.models import RoleKind
from thidua.org.tests.factories import MemberFactory, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]
MOVEMENT = "Phong trào thi đua lao động giỏi, lao động sáng tạo năm 2026"
LDTT, CSTDCS = "lao-dong-tien-tien", "chien-si-thi-dua-co-so"


@pytest.fixture
def contexts():
    """Every browser context the test opens, closed at its end: closed contexts drop their
    keep-alive connections, so the live server lets go of the test database (PostgreSQL refuses
    to drop a database still in use)."""
    opened = []
    yield opened
    for context in opened:
        context.close()


@pytest.fixture
def setting(federation, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    load_catalogue()
    kinds = {k.code: k for k in AwardKind.objects.all()}
    MemberFactory(full_name="Nguyễn Văn An", unit=federation.school, position="Giáo viên Toán")
    make_user("chutich", RoleKind.GRASSROOTS_CHAIR, federation.school)
    officer = make_user("lb_tdkt", RoleKind.EMULATION_OFFICER, federation.long_bien)
    plan = campaigns.create_campaign(
        officer,
        issuer=federation.long_bien,
        kind="movement",
        title="Phát động phong trào thi đua lao động giỏi, lao động sáng tạo năm 2026",
        movement_name=MOVEMENT,
        plan_date=datetime.date(2026, 1, 5),
        starts_on=datetime.date(2026, 1, 1),
        ends_on=datetime.date(2026, 12, 31),
        place="Long Biên",
        signer_title="TM. BAN THƯỜNG VỤ\nCHỦ TỊCH",
        signer_name="Nguyễn Trường Giang",
    )
    campaigns.save_reward(officer, plan, procedure=Procedure.SIMPLIFIED, nomination_due_on=datetime.date(2099, 12, 31))
    campaigns.set_targets(officer, plan, mode=TargetMode.ALL_GRASSROOTS)
    campaigns.issue_campaign(officer, Campaign.objects.get(pk=plan.pk))
    campaign = Campaign.objects.select_related("issuer", "reward").get(pk=plan.pk)
    services.offer_awards(officer, campaign, {kinds[LDTT]: None, kinds[CSTDCS]: None})
    return {"campaign": campaign, "kinds": kinds}


def test_allot_with_the_cap_warning_nominate_and_send_with_confirmation(
    browser, live_server, log_in, setting, artifacts, contexts
):
    url = live_server.url
    campaign, kinds = setting["campaign"], setting["kinds"]
    _context, officer = _page(browser, DESKTOP)
    contexts.append(_context)
    log_in(officer, "lb_tdkt")

    # 1. The officer allots 2 Chiến sĩ thi đua cơ sở to the school: saved, with the cap's warning.
    officer.goto(f"{url}/ke-hoach/{campaign.pk}/")
    officer.get_by_role("link", name="Hình thức, chỉ tiêu khen thưởng").click()
    officer.get_by_label(f"CĐCS Trường THCS Gia Thụy — {kinds[CSTDCS].name}").fill("2")
    officer.get_by_label(f"CĐCS Trường THCS Gia Thụy — {kinds[LDTT].name}").fill("5")
    officer.get_by_role("button", name="Lưu chỉ tiêu").click()
    expect(officer.get_by_role("alert").first).to_contain_text("Đã lưu chỉ tiêu khen thưởng")
    expect(officer.get_by_text("Lưu ý: 1 ô có chỉ tiêu vượt giới hạn tỷ lệ của danh hiệu")).to_be_visible()
    warning = officer.locator("[data-cell-warning]")
    expect(warning).to_have_count(1)
    expect(warning).to_contain_text("nên hiện chỉ được tối đa 0; cần ít nhất 14 Lao động tiên tiến")
    officer.screenshot(path=artifacts / "awards-cap-warning-desktop.png", full_page=True)
    setup_url = officer.url
    _phone_context, officer_phone = _page(browser, PHONE, is_mobile=True, has_touch=True, device_scale_factor=2)
    contexts.append(_phone_context)
    log_in(officer_phone, "lb_tdkt")
    officer_phone.goto(setup_url)
    officer_phone.locator("[data-cell-warning]").scroll_into_view_if_needed()
    officer_phone.screenshot(path=artifacts / "awards-cap-warning-phone.png", full_page=True)

    # 2. The chair nominates An for Lao động tiên tiến and uploads the dossier.
    _chair_context, chair = _page(browser, DESKTOP)
    contexts.append(_chair_context)
    log_in(chair, "chutich")
    follow_menu(chair, "Khen thưởng", "Đề nghị khen thưởng")
    chair.get_by_role("link", name=MOVEMENT).click()
    chair.get_by_role("link", name="Thêm đề nghị").click()
    chair.get_by_label("Danh hiệu, hình thức khen thưởng").select_option(label=kinds[LDTT].name)
    chair.get_by_label("Cá nhân (đoàn viên)").check()
    chair.get_by_label("Đoàn viên", exact=True).select_option(label="Nguyễn Văn An")
    chair.get_by_label("Tóm tắt thành tích").fill("Hoàn thành tốt nhiệm vụ năm học; tích cực tham gia phong trào.")
    chair.get_by_role("button", name="Lưu đề nghị").click()
    expect(chair.get_by_test_id("nomination-title")).to_have_text("Nguyễn Văn An")
    nomination_url = chair.url
    for code in ("tom-tat-thanh-tich", "bien-ban-hop"):
        row = chair.locator(f'[data-requirement="{code}"]')
        row.locator('input[type="file"]').set_input_files(
            {"name": f"{code}.pdf", "mimeType": "application/pdf", "buffer": b"%PDF-1.4\n%%EOF\n"}
        )
        row.get_by_role("button", name="Tải lên").click()
        expect(chair.locator(f'[data-requirement="{code}"]')).to_contain_text(f"{code}.pdf")

    # 3. Sending asks to confirm An by name; without the tick and a reason, nothing leaves.
    chair.goto(f"{url}/khen-thuong/ke-hoach/{campaign.pk}/de-nghi/")
    chair.get_by_role("button", name="Gửi hồ sơ").click()
    confirm = chair.get_by_test_id("confirm-failing")
    expect(confirm).to_contain_text("Chưa đạt tiêu chuẩn: Nguyễn Văn An.")
    chair.screenshot(path=artifacts / "awards-send-confirm-desktop.png", full_page=True)
    confirm.get_by_role("button", name="Xác nhận và gửi hồ sơ").click()
    expect(chair.get_by_test_id("confirm-failing")).to_contain_text("Hãy xác nhận vẫn gửi từng đề nghị")
    expect(chair.get_by_test_id("batch")).to_contain_text("Đang soạn")
    _chair_phone_context, chair_phone = _page(browser, PHONE, is_mobile=True, has_touch=True, device_scale_factor=2)
    contexts.append(_chair_phone_context)
    log_in(chair_phone, "chutich")
    chair_phone.goto(f"{url}/khen-thuong/ke-hoach/{campaign.pk}/de-nghi/")
    chair_phone.get_by_role("button", name="Gửi hồ sơ").click()
    expect(chair_phone.get_by_test_id("confirm-failing")).to_be_visible()
    chair_phone.screenshot(path=artifacts / "awards-send-confirm-phone.png", full_page=True)

    confirm = chair.get_by_test_id("confirm-failing")
    confirm.get_by_label("Vẫn gửi đề nghị").check()
    confirm.get_by_label("Lý do vẫn gửi").fill(
        "Xếp loại năm 2026 chưa nhập; đơn vị đã họp xét, An hoàn thành tốt nhiệm vụ."
    )
    confirm.get_by_role("button", name="Xác nhận và gửi hồ sơ").click()
    expect(chair.get_by_role("alert").first).to_contain_text("Đã gửi 1 hồ sơ đề nghị khen thưởng")
    expect(chair.get_by_test_id("batch")).to_contain_text("Chưa đạt")  # the verdict, as the office reads it
    chair.goto(nomination_url)
    expect(chair.locator("body")).to_contain_text("gửi dù chưa đạt tiêu chuẩn")
