"""An award from quota to certificate, in a browser (issue 8, "Done when"): Long Biên's
emulation officer allocates the quotas of its campaign (a bad cell refused with its own
message); the school's CĐCS chair nominates a member and uploads the dossier, sends the batch;
the officer returns it with a reason; the chair fixes and resends; the officer accepts it and
sends it to the award council; the council members vote; Long Biên's standing committee issues
the numbered decision and downloads the certificate PDF. A Bằng khen of the city recommended by
the same council is forwarded by the officer and appears in Hà Nội's queue."""

import datetime

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import DESKTOP, PHONE, _page
from tests.browser.menu import follow_menu
from thidua.awards import services
from thidua.awards.catalogue import load_catalogue
from thidua.awards.models import AwardKind
from thidua.awards.tests.conftest import award_council, complete_dossier, vote
from thidua.campaigns import services as campaigns
from thidua.campaigns.models import Campaign, Procedure, TargetMode
from thidua.org.models import Member, RoleKind
from thidua.org.tests.factories import MemberFactory, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]
TODAY = datetime.date.today().isoformat()
MOVEMENT = "Phong trào thi đua lao động giỏi, lao động sáng tạo năm 2026"


@pytest.fixture
def setting(federation, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    load_catalogue()
    kinds = {k.code: k for k in AwardKind.objects.all()}
    school = federation.school
    an = MemberFactory(full_name="Nguyễn Văn An", unit=school, position="Giáo viên Toán")
    binh = MemberFactory(full_name="Trần Thị Bình", unit=federation.group, position="Tổ trưởng chuyên môn")
    MemberFactory(full_name="Lê Thị Hoa", unit=school)
    chair = make_user("chutich", RoleKind.GRASSROOTS_CHAIR, school)
    officer = make_user("lb_tdkt", RoleKind.EMULATION_OFFICER, federation.long_bien)
    make_user("lb_ct", RoleKind.STANDING_COMMITTEE, federation.long_bien)
    make_user("hn_tdkt", RoleKind.EMULATION_OFFICER, federation.city)
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
    campaigns.save_reward(
        officer,
        plan,
        procedure=Procedure.SIMPLIFIED,
        nomination_due_on=datetime.date(2099, 12, 31),
        quota_rule="Mỗi công đoàn cơ sở đề nghị không quá 02 cá nhân; số lượng phân bổ sau đợt thi đua.",
    )
    campaigns.set_targets(officer, plan, mode=TargetMode.ALL_GRASSROOTS)
    campaigns.issue_campaign(officer, Campaign.objects.get(pk=plan.pk))
    campaign = Campaign.objects.select_related("issuer", "reward").get(pk=plan.pk)
    services.offer_awards(
        officer, campaign, {kinds["giay-khen-cap-tren-co-so"]: None, kinds["bang-khen-ldld-tinh"]: None}
    )
    services.allocate_quotas(officer, campaign, {(school.pk, kinds["bang-khen-ldld-tinh"].pk): 1})
    council = award_council(
        federation.long_bien, officer, ["Đỗ Minh Khang", "Vũ Thị Lan", "Phan Văn Mạnh"], federation.company
    )
    for n, name in enumerate(["Đỗ Minh Khang", "Vũ Thị Lan", "Phan Văn Mạnh"]):
        user = Member.objects.get(full_name=name).user
        user.username = f"hoidong{n + 1}"
        user.save()
    # Trần Thị Bình's Bằng khen of the city went through Long Biên's council earlier.
    bang_khen = services.nominate(
        chair,
        campaign=campaign,
        award_kind=kinds["bang-khen-ldld-tinh"],
        unit=school,
        achievement="Giáo viên dạy giỏi cấp thành phố; chủ nhiệm đề tài sáng kiến được công nhận.",
        subject_member=binh,
    )
    complete_dossier(chair, bang_khen)
    services.submit_batch(chair, campaign=campaign, unit=school)
    services.accept(officer, bang_khen)
    services.send_to_council(officer, bang_khen)
    vote(officer, council, [bang_khen], on=datetime.date(2026, 11, 2))
    return {"campaign": campaign, "council": council, "an": an, "bang_khen": bang_khen, "kinds": kinds}


def test_an_award_from_quota_to_certificate_and_a_forwarded_one(browser, live_server, log_in, setting, artifacts):
    url = live_server.url
    campaign, kinds = setting["campaign"], setting["kinds"]
    pages = {}

    def as_user(username, viewport=DESKTOP):
        key = (username, viewport["width"])
        if key not in pages:
            options = {"is_mobile": True, "has_touch": True, "device_scale_factor": 2} if viewport == PHONE else {}
            _context, page = _page(browser, viewport, **options)
            log_in(page, username)
            pages[key] = page
        return pages[key]

    # 1. Long Biên's officer allocates the quotas from the campaign's page; a bad cell is refused.
    officer = as_user("lb_tdkt")
    officer.goto(f"{url}/ke-hoach/{campaign.pk}/")
    officer.get_by_role("link", name="Hình thức, chỉ tiêu khen thưởng").click()
    expect(officer.get_by_test_id("quota-rule")).to_contain_text("không quá 02 cá nhân")
    cell = officer.get_by_label(f"CĐCS Trường THCS Gia Thụy — {kinds['giay-khen-cap-tren-co-so'].name}")
    cell.fill("-1")
    officer.get_by_role("button", name="Lưu chỉ tiêu").click()
    expect(officer.locator("[data-cell-error]")).to_have_text("Hãy nhập một số nguyên không âm.")
    officer.get_by_label(f"CĐCS Trường THCS Gia Thụy — {kinds['giay-khen-cap-tren-co-so'].name}").fill("2")
    officer.get_by_role("button", name="Lưu chỉ tiêu").click()
    expect(officer.get_by_role("alert").first).to_contain_text("Đã lưu chỉ tiêu khen thưởng")
    officer.screenshot(path=artifacts / "awards-setup-desktop.png", full_page=True)
    setup_url = officer.url
    as_user("lb_tdkt", PHONE).goto(setup_url)
    as_user("lb_tdkt", PHONE).screenshot(path=artifacts / "awards-setup-phone.png", full_page=True)

    # 2. The school's chair nominates Nguyễn Văn An and uploads the dossier, then sends the batch.
    chair = as_user("chutich")
    follow_menu(chair, "Khen thưởng", "Đề nghị khen thưởng")
    chair.get_by_role("link", name=MOVEMENT).click()
    expect(chair.get_by_test_id("quota")).to_contain_text("đã dùng 0/2 · còn 2")
    chair.get_by_role("link", name="Thêm đề nghị").click()
    chair.get_by_label("Danh hiệu, hình thức khen thưởng").select_option(label=kinds["giay-khen-cap-tren-co-so"].name)
    chair.get_by_label("Cá nhân (đoàn viên)").check()
    chair.get_by_label("Đoàn viên", exact=True).select_option(label="Nguyễn Văn An")
    chair.get_by_label("Tóm tắt thành tích").fill("Giáo viên dạy giỏi cấp quận; 100% học sinh lớp chủ nhiệm lên lớp.")
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
    chair.screenshot(path=artifacts / "awards-nomination-desktop.png", full_page=True)
    chair.goto(f"{url}/khen-thuong/ke-hoach/{campaign.pk}/de-nghi/")
    chair.get_by_role("button", name="Gửi hồ sơ").click()
    expect(chair.get_by_role("alert").first).to_contain_text(
        "Đã gửi 1 hồ sơ đề nghị khen thưởng đến LĐLĐ quận Long Biên"
    )
    expect(chair.get_by_test_id("batch")).to_contain_text("Đã gửi")
    chair.screenshot(path=artifacts / "awards-batch-desktop.png", full_page=True)
    chair_phone = as_user("chutich", PHONE)
    chair_phone.goto(chair.url)
    chair_phone.screenshot(path=artifacts / "awards-batch-phone.png", full_page=True)

    # 3. The officer finds it in the queue and returns it with a reason.
    follow_menu(officer, "Khen thưởng", "Xét khen thưởng")
    expect(officer.get_by_test_id("queue")).to_contain_text("Nguyễn Văn An")
    officer.screenshot(path=artifacts / "awards-queue-desktop.png", full_page=True)
    officer.get_by_test_id("queue").get_by_role("link", name="Nguyễn Văn An").click()
    officer.locator("summary", has_text="Trả lại để đơn vị bổ sung").click()
    officer.get_by_label("Lý do trả lại, nội dung cần bổ sung").fill("Tóm tắt thành tích cần nêu số liệu cụ thể.")
    officer.get_by_role("button", name="Trả lại", exact=True).click()
    expect(officer.get_by_test_id("nomination-title")).to_have_text("Nguyễn Văn An")
    expect(officer.locator('[data-testid^="status-"]').first).to_have_text("Trả lại để bổ sung")

    # 4. The chair sees the reason, fixes the summary and sends it again.
    chair.goto(nomination_url)
    expect(chair.get_by_test_id("return-reason")).to_contain_text("cần nêu số liệu cụ thể")
    chair_phone.goto(nomination_url)
    chair_phone.screenshot(path=artifacts / "awards-nomination-phone.png", full_page=True)
    chair.get_by_role("link", name="Sửa tóm tắt thành tích").click()
    chair.get_by_label("Tóm tắt thành tích").fill(
        "Giáo viên dạy giỏi cấp quận năm học 2025–2026; 38/38 học sinh lớp chủ nhiệm lên lớp; 02 sáng kiến."
    )
    chair.get_by_role("button", name="Lưu").click()
    chair.get_by_role("button", name="Gửi lại hồ sơ đã bổ sung").click()
    expect(chair.locator('[data-testid^="status-"]').first).to_have_text("Đã gửi")

    # 5. The officer accepts it and sends it to the award council.
    officer.goto(nomination_url)
    officer.get_by_role("button", name="Tiếp nhận hồ sơ hợp lệ").click()
    officer.get_by_role("button", name="Trình Hội đồng Thi đua – Khen thưởng").click()
    expect(officer.locator('[data-testid^="status-"]').first).to_have_text("Đang trình Hội đồng")

    # 6. The council sits: the officer opens the session, each member votes, the officer closes it.
    officer.goto(f"{url}/hoi-dong/{setting['council'].pk}/")
    officer.get_by_label("Ngày họp").fill(TODAY)
    officer.get_by_role("button", name="Mở phiên họp").click()
    officer.get_by_role("button", name="Đưa vào").click()
    expect(officer.get_by_test_id("agenda-item")).to_contain_text("Nguyễn Văn An")
    session = officer.url
    for n in (1, 2, 3):
        member = as_user(f"hoidong{n}")
        member.goto(session)
        ballot = member.get_by_test_id("my-ballot")
        ballot.get_by_label("Thành tích").fill(str(80 + n))
        ballot.get_by_label("Đồng ý công nhận").check()
        member.get_by_role("button", name="Gửi phiếu").click()
        expect(member.get_by_text("Bạn đã biểu quyết nội dung này.")).to_be_visible()
    officer.goto(session)
    officer.get_by_role("button", name="Kết thúc và ghi kết quả").click()
    expect(officer.get_by_test_id("item-outcome")).to_have_text("Thông qua · 3/3")
    officer.goto(nomination_url)
    expect(officer.locator('[data-testid^="status-"]').first).to_have_text("Hội đồng đề nghị khen thưởng")

    # 7. The standing committee issues the numbered decision and downloads the certificate.
    committee = as_user("lb_ct")
    follow_menu(committee, "Khen thưởng", "Quyết định khen thưởng")
    committee.get_by_role("link", name="Lập quyết định (1 được đề nghị)").click()
    committee.get_by_label("Kế hoạch").select_option(label=MOVEMENT)
    committee.get_by_role("button", name="Chọn").click()
    candidates = committee.get_by_test_id("candidates")
    expect(candidates).to_contain_text("Nguyễn Văn An")
    expect(candidates).not_to_contain_text("Trần Thị Bình")  # a city Bằng khen is not the district's to decide
    # Nothing is ticked until the chair chooses whom the decision awards (issue 14).
    expect(candidates.get_by_role("checkbox", name="Nguyễn Văn An")).not_to_be_checked()
    candidates.get_by_role("checkbox", name="Nguyễn Văn An").check()
    committee.get_by_label("Ngày ban hành").fill(TODAY)
    committee.get_by_role("button", name="Ban hành quyết định (lấy số)").click()
    expect(committee.get_by_test_id("decision-number")).to_contain_text("Quyết định số 01/QĐ-")
    expect(committee.get_by_test_id("awardees")).to_contain_text("Nguyễn Văn An")
    committee.screenshot(path=artifacts / "awards-decision-desktop.png", full_page=True)
    with committee.expect_download() as download:
        committee.get_by_test_id("awardees").get_by_role("link", name="Tải PDF").click()
    certificate = download.value.path().read_bytes()
    assert certificate.startswith(b"%PDF")
    decision_url = committee.url
    committee_phone = as_user("lb_ct", PHONE)
    committee_phone.goto(decision_url)
    committee_phone.screenshot(path=artifacts / "awards-decision-phone.png", full_page=True)

    # 8. The officer forwards the city's Bằng khen; it appears in Hà Nội's queue.
    officer.goto(f"{url}/khen-thuong/de-nghi/{setting['bang_khen'].pk}/")
    officer.get_by_role("button", name="Đề nghị LĐLĐ thành phố Hà Nội khen thưởng").click()
    expect(officer.locator('[data-testid^="status-"]').first).to_have_text("Đã đề nghị cấp trên")
    city = as_user("hn_tdkt")
    follow_menu(city, "Khen thưởng", "Xét khen thưởng")
    queue = city.get_by_test_id("queue")
    expect(queue).to_contain_text("Trần Thị Bình")
    expect(queue).to_contain_text(kinds["bang-khen-ldld-tinh"].name)
    expect(queue).not_to_contain_text("Nguyễn Văn An")
    city_phone = as_user("hn_tdkt", PHONE)
    city_phone.goto(city.url)
    city_phone.screenshot(path=artifacts / "awards-queue-phone.png", full_page=True)
