"""Reports in a browser: the school's CĐCS chair fills in the quarterly report, is refused a
120 % next to the field, sends it; the district's emulation officer sees it on the status board
and sends it back with a reason; the chair corrects and sends it again (two versions kept); the
officer accepts it and the home page's panel shows the share sent with its chart."""

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.browser.conftest import DESKTOP, PHONE, _page
from thidua.org.models import RoleKind
from thidua.org.tests.factories import SYSTEM, MemberFactory, make_user
from thidua.reports import services
from thidua.reports.models import Submission
from thidua.reports.tests.conftest import make_quarterly

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def setting(federation, officer):
    for n in range(5):
        MemberFactory(full_name=f"Đoàn viên {n}", unit=federation.school)
    make_user("truong_chutich", RoleKind.GRASSROOTS_CHAIR, federation.school, first_name="Hà")
    form = make_quarterly(officer, federation.long_bien, title="Báo cáo quý về phong trào thi đua")
    period = services.publish_form(officer, form, today=timezone.localdate())
    return {"period": period, "submission": Submission.objects.get(period=period, unit=federation.school)}


def _shot(page, artifacts, name):
    page.screenshot(path=str(artifacts / name), full_page=True)


def test_submit_return_resubmit_board_and_dashboard(browser, live_server, log_in, setting, artifacts):
    submission, period = setting["submission"], setting["period"]
    context, chair = _page(browser, PHONE, is_mobile=True, has_touch=True)
    log_in(chair, "truong_chutich")
    expect(chair.get_by_test_id("home-reports-due")).to_contain_text("Báo cáo quý về phong trào thi đua")
    chair.get_by_test_id("home-reports-due").get_by_role("link").first.click()
    expect(chair.get_by_label("1. Tổng số đoàn viên")).to_have_value("5")  # filled in from the members

    chair.get_by_label("2. Số đoàn viên được phổ biến").fill("4")
    chair.get_by_label("3. Tỷ lệ CNLĐ được ký thỏa ước").fill("120")
    chair.get_by_label("Có", exact=True).check()
    chair.get_by_role("button", name="Nộp báo cáo").click()
    share = submission.period.form.indicators.get(label="Tỷ lệ CNLĐ được ký thỏa ước").field_name
    expect(chair.locator(f'[data-field-error="{share}"]')).to_contain_text("Tỷ lệ phải từ 0 đến 100 %")
    _shot(chair, artifacts, "reports-fill-phone.png")
    chair.get_by_label("3. Tỷ lệ CNLĐ được ký thỏa ước").fill("87,5")
    chair.get_by_role("button", name="Nộp báo cáo").click()
    expect(chair.get_by_role("alert").first).to_contain_text("Đã nộp báo cáo (lần 1)")

    officer_context, officer = _page(browser, DESKTOP)
    log_in(officer, "lb_thiduakt")
    officer.goto(f"{live_server.url}/bao-cao/ky/{period.pk}/")
    expect(officer.get_by_test_id("board-total")).to_have_text("2")
    expect(officer.get_by_test_id("board-on_time")).to_have_text("1")
    _shot(officer, artifacts, "reports-board-desktop.png")
    officer.get_by_test_id("board-rows").get_by_role("link", name="CĐCS Trường THCS Gia Thụy").click()
    officer.get_by_label("Lý do trả lại").fill("Số đoàn viên được phổ biến chưa khớp biên bản hội nghị")
    officer.get_by_role("button", name="Trả lại để sửa").click()
    expect(officer.get_by_role("alert").first).to_contain_text("Đã trả lại báo cáo")

    chair.goto(f"{live_server.url}/bao-cao/nop/{submission.pk}/")
    expect(chair.get_by_test_id("return-reason")).to_contain_text("chưa khớp biên bản")
    chair.get_by_label("2. Số đoàn viên được phổ biến").fill("5")
    chair.get_by_role("button", name="Nộp báo cáo").click()
    expect(chair.get_by_role("alert").first).to_contain_text("Đã nộp báo cáo (lần 2)")
    expect(chair.get_by_test_id("version-1")).to_be_visible()
    _shot(chair, artifacts, "reports-resubmitted-phone.png")

    officer.goto(f"{live_server.url}/bao-cao/nop/{submission.pk}/")
    officer.get_by_role("button", name="Tiếp nhận").click()
    expect(officer.get_by_test_id("submission-status").first).to_have_text("Đã tiếp nhận")
    officer.goto(f"{live_server.url}/")
    expect(officer.get_by_test_id("home-reports-chart").locator("svg")).to_be_visible()
    expect(officer.get_by_test_id("home-reports")).to_contain_text("1/2")
    _shot(officer, artifacts, "reports-dashboard-desktop.png")
    officer.set_viewport_size(PHONE)
    _shot(officer, artifacts, "reports-dashboard-phone.png")
    officer.goto(f"{live_server.url}/bao-cao/ky/{period.pk}/tong-hop/")
    expect(officer.get_by_test_id("rollup-total")).to_contain_text("5")
    _shot(officer, artifacts, "reports-rollup-phone.png")
    context.close()
    officer_context.close()


def test_officer_drafts_a_quarterly_form_and_sends_it(browser, live_server, log_in, federation, officer, artifacts):
    context, page = _page(browser, DESKTOP)
    log_in(page, "lb_thiduakt")
    page.goto(f"{live_server.url}/bao-cao/")
    page.get_by_role("link", name="Soạn biểu mẫu báo cáo").click()
    page.get_by_label("Tên báo cáo").fill("Báo cáo quý kết quả phong trào thi đua")
    page.get_by_label("Kỳ báo cáo").select_option("quarter")
    page.get_by_label("Ngày trong tháng cuối kỳ").fill("15")
    page.get_by_role("button", name="Lưu biểu mẫu").click()
    expect(page.get_by_test_id("due-rule")).to_have_text("trước ngày 15 tháng cuối quý")

    page.locator("summary", has_text="Thêm chỉ tiêu").click()
    page.locator("#ind_label").fill("Đã tổ chức Hội nghị người lao động")
    page.get_by_label("Kiểu").select_option("yes_no")
    page.get_by_label("Tổng hợp lên cấp trên").select_option("sum")
    page.get_by_role("button", name="Thêm chỉ tiêu").click()
    expect(page.locator('[data-field-error="aggregation"]')).to_contain_text("Chỉ cộng tổng hay tính trung bình")
    page.get_by_label("Tổng hợp lên cấp trên").select_option("share_yes")
    page.get_by_role("button", name="Thêm chỉ tiêu").click()
    expect(page.get_by_test_id("indicators")).to_contain_text("Tỷ lệ đơn vị trả lời “Có”")
    _shot(page, artifacts, "reports-form-desktop.png")
    page.get_by_role("button", name="Gửi các đơn vị").click()
    expect(page.get_by_role("alert").first).to_contain_text("Đã gửi biểu mẫu tới 2 đơn vị")
    expect(page.get_by_test_id("board-total")).to_have_text("2")
    context.close()


def test_officer_and_chair_open_a_past_period_from_the_page(browser, live_server, log_in, setting, artifacts):
    """The district's officer steps back one quarter on the board, picks another in the list,
    then opens its roll-up; the chair, on a phone, opens the school's report of last quarter."""
    import datetime

    period = setting["period"]
    form = period.form
    earlier, _created = services.open_period(form, period.starts_on - datetime.timedelta(days=1))
    oldest, _created = services.open_period(form, earlier.starts_on - datetime.timedelta(days=1))
    old_submission = Submission.objects.get(period=oldest, unit=setting["submission"].unit)
    services.save_report(SYSTEM, old_submission, values={}, submit=False)

    context, officer = _page(browser, DESKTOP)
    log_in(officer, "lb_thiduakt")
    officer.goto(f"{live_server.url}/bao-cao/ky/{period.pk}/")
    officer.get_by_test_id("period-previous").click()
    expect(officer.get_by_text(f"{earlier.label} · hạn nộp hết ngày")).to_be_visible()
    officer.get_by_label("Chọn kỳ báo cáo").select_option(label=oldest.label)
    officer.get_by_role("button", name="Xem kỳ này").click()
    expect(officer.get_by_text(f"{oldest.label} · hạn nộp hết ngày")).to_be_visible()
    expect(officer.get_by_test_id("board-total")).to_have_text("2")
    _shot(officer, artifacts, "reports-period-picker-desktop.png")
    officer.get_by_role("link", name="Tổng hợp số liệu").click()
    officer.get_by_test_id("period-next").click()
    expect(officer.get_by_text(f"{earlier.label} · tính trên")).to_be_visible()
    context.close()

    phone_context, chair = _page(browser, PHONE, is_mobile=True, has_touch=True)
    log_in(chair, "truong_chutich")
    chair.goto(f"{live_server.url}/bao-cao/nop/{setting['submission'].pk}/")
    chair.get_by_label("Chọn kỳ báo cáo").select_option(label=oldest.label)
    chair.get_by_role("button", name="Xem kỳ này").click()
    expect(chair.get_by_test_id("submission-status").first).to_have_text("Đang soạn")
    expect(chair.locator("#id_period_pick")).to_have_value(str(old_submission.pk))
    _shot(chair, artifacts, "reports-period-picker-phone.png")
    phone_context.close()


def test_officer_drafts_an_interim_review_of_a_stretch(browser, live_server, log_in, federation, officer, artifacts):
    """From the campaign's page: a sơ kết of August, its figures counted between the two days
    (initiatives, awards, reports), then the draft's page says which days it covers."""
    import datetime

    from thidua.campaigns import services as campaigns
    from thidua.campaigns.models import Campaign, TargetMode

    plan = campaigns.create_campaign(
        officer,
        issuer=federation.long_bien,
        kind="peak",
        title="Đợt thi đua cao điểm chào mừng kỷ niệm Ngày thành lập quận Long Biên",
        plan_date=datetime.date(2023, 7, 20),
        starts_on=datetime.date(2023, 8, 1),
        ends_on=datetime.date(2023, 10, 31),
        place="Long Biên",
        signer_title="TM. BAN THƯỜNG VỤ\nCHỦ TỊCH",
        signer_name="Nguyễn Trường Giang",
    )
    campaigns.set_targets(officer, plan, mode=TargetMode.ALL_GRASSROOTS)
    campaigns.issue_campaign(officer, Campaign.objects.get(pk=plan.pk))

    context, page = _page(browser, DESKTOP)
    log_in(page, "lb_thiduakt")
    page.goto(f"{live_server.url}/ke-hoach/{plan.pk}/")
    section = page.get_by_test_id("reports-section")
    section.get_by_label("Loại báo cáo").select_option(label="Sơ kết")
    section.get_by_label("Số liệu từ ngày").fill("2023-08-01")
    section.get_by_label("đến ngày").fill("2023-08-31")
    section.screenshot(path=str(artifacts / "reports-review-draft-section-desktop.png"))
    section.get_by_role("button", name="Soạn báo cáo với số liệu hiện có").click()
    expect(page.get_by_test_id("review-covers")).to_contain_text("Số liệu từ ngày 01/08/2023 đến ngày 31/08/2023")
    body = page.get_by_label("Nội dung")
    expect(body).to_contain_text("Sáng kiến (từ ngày 01/08/2023 đến ngày 31/08/2023, trong toàn đơn vị)")
    expect(body).to_contain_text("Khen thưởng (từ ngày 01/08/2023 đến ngày 31/08/2023, trong toàn đơn vị)")
    page.screenshot(path=str(artifacts / "reports-review-stretch-desktop.png"), full_page=True)
    page.set_viewport_size(PHONE)
    page.screenshot(path=str(artifacts / "reports-review-stretch-phone.png"), full_page=True)
    context.close()
