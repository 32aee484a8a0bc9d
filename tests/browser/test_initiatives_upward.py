"""An initiative proposed up a level, in a browser: the chair of CĐCS Trường THCS Gia Thụy proposes
its recognised initiative to Long Biên; the district's emulation officer finds it on the home page
('Cấp dưới đề nghị'), gives it to the district's own support team, sends it to the district's
council, which meets (one member votes on their own login, the secretariat enters the paper ballots
of the two others), recognises it by the district's decision into Long Biên's golden book and
proposes it to Hà Nội; the CĐCS reads the outcome on the initiative's page; Gia Lâm finds nothing."""

import datetime

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import DESKTOP, PHONE, _page
from tests.browser.menu import follow_menu
from thidua.councils import services as councils
from thidua.councils.models import CouncilKind, CouncilRole
from thidua.initiatives import services
from thidua.initiatives.tests.conftest import council_for, pass_council
from thidua.org.models import Member, RoleKind
from thidua.org.tests.factories import MemberFactory, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]
TODAY = datetime.date.today()
TITLE = "Tủ sách pháp luật điện tử cho giáo viên"


def _account(username, role, unit, member):
    user = make_user(username, role, unit)
    Member.objects.filter(pk=member.pk).update(user=user)
    return user


@pytest.fixture
def setting(federation, settings, tmp_path):
    """The school's initiative recognised by the school (its own steps are the other browser
    test's), the district's support team and council ready."""
    settings.MEDIA_ROOT = tmp_path / "media"
    school, company = federation.school, federation.company
    hanh = MemberFactory(full_name="Nguyễn Thị Hồng Hạnh", unit=school)
    an = MemberFactory(full_name="Nguyễn Văn An", unit=school)
    chair = _account("cdcs_chutich", RoleKind.GRASSROOTS_CHAIR, school, hanh)
    officer = make_user("lb_thiduakt", RoleKind.EMULATION_OFFICER, federation.long_bien)
    make_user("gl_thiduakt", RoleKind.EMULATION_OFFICER, federation.gia_lam)
    initiative = services.register_initiative(
        chair,
        unit=school,
        authors=[(an, 100)],
        title=TITLE,
        solution="Số hóa văn bản pháp luật thường dùng, đặt mã QR tại phòng giáo viên.",
        benefit_amount=5_000_000,
        applied_since=TODAY - datetime.timedelta(days=120),
    )
    services.submit(chair, initiative, on=TODAY - datetime.timedelta(days=60))
    services.send_to_council(chair, initiative)
    school_council = council_for(school, chair, ["Nguyễn Thị Hồng Hạnh", "Lê Thị Hoa", "Trịnh Văn Năm"])
    pass_council(chair, school_council, initiative)
    services.issue_recognition_decision(
        chair, unit=school, initiative_ids=[initiative.pk], issued_on=TODAY - datetime.timedelta(days=30)
    )
    staff = MemberFactory(full_name="Đỗ Thị Thanh Loan", unit=company)
    services.create_support_team(officer, unit=federation.long_bien, name="Tổ hỗ trợ sáng kiến quận", members=[staff])
    district = councils.create_council(
        officer, unit=federation.long_bien, kind=CouncilKind.INITIATIVE, name="Hội đồng sáng kiến quận Long Biên"
    )
    mot = MemberFactory(full_name="Phan Văn Một", unit=company)
    _account("hd_quan", RoleKind.MEMBER, company, mot)
    for member, role in [
        (mot, CouncilRole.CHAIR),
        (MemberFactory(full_name="Phan Văn Hai", unit=company), CouncilRole.MEMBER),
        (MemberFactory(full_name="Phan Văn Ba", unit=company), CouncilRole.SECRETARY),
    ]:
        councils.add_member(officer, district, member=member, role=role)
    return {"initiative": initiative, "council": district}


SCORES = {"Tính mới": "30", "Khả năng áp dụng": "25", "Hiệu quả, lợi ích": "24"}


def test_a_cdcs_proposal_goes_through_the_districts_steps(browser, live_server, log_in, setting, artifacts):
    url = live_server.url
    pages = {}

    def as_user(username, viewport=DESKTOP, **options):
        key = (username, viewport["width"])
        if key not in pages:
            _context, page = _page(browser, viewport, **options)
            log_in(page, username)
            pages[key] = page
        return pages[key]

    def phone_of(username):
        return as_user(username, PHONE, is_mobile=True, has_touch=True, device_scale_factor=2)

    # 1. The CĐCS chair finds the recognised initiative in the list and proposes it up.
    chair = as_user("cdcs_chutich")
    follow_menu(chair, "Sáng kiến", "Danh sách sáng kiến")
    chair.get_by_role("link", name=TITLE).click()
    chair.get_by_role("button", name="Đề nghị LĐLĐ quận Long Biên xét công nhận").click()
    expect(chair.get_by_test_id("initiative-status")).to_have_text("Đề nghị cấp trên xét")
    expect(chair.get_by_test_id("upper-outcome")).to_contain_text("Đã đề nghị LĐLĐ quận Long Biên xét công nhận")
    expect(chair.get_by_test_id("actions")).to_have_count(0)  # the district's turn now
    detail = chair.url
    chair.screenshot(path=artifacts / "initiative-proposed-cdcs-desktop.png", full_page=True)

    # 2. The district's officer: the task on the home page, opened from there.
    officer = as_user("lb_thiduakt")
    officer.goto(f"{url}/")
    task = officer.get_by_test_id("home-task").filter(has_text=TITLE)
    expect(task).to_contain_text("Tiếp nhận sáng kiến cấp dưới đề nghị")
    expect(task).to_contain_text("Cấp dưới đề nghị")
    expect(task).to_contain_text("CĐCS Trường THCS Gia Thụy")
    expect(officer.get_by_test_id("initiatives-from-below")).to_have_text("Cấp dưới đề nghị: 1 sáng kiến chờ xử lý")
    officer.screenshot(path=artifacts / "initiative-from-below-home-desktop.png", full_page=True)
    phone = phone_of("lb_thiduakt")
    phone.goto(f"{url}/")
    expect(phone.get_by_test_id("home-task").filter(has_text=TITLE)).to_be_visible()
    phone.screenshot(path=artifacts / "initiative-from-below-home-phone.png", full_page=True)
    task.get_by_role("link").first.click()
    expect(officer).to_have_url(detail)
    expect(officer.get_by_test_id("upper-outcome")).to_contain_text(
        "CĐCS Trường THCS Gia Thụy đề nghị LĐLĐ quận Long Biên xét công nhận sáng kiến này"
    )
    officer.screenshot(path=artifacts / "initiative-from-below-detail-desktop.png", full_page=True)
    phone.goto(detail)
    phone.screenshot(path=artifacts / "initiative-from-below-detail-phone.png", full_page=True)

    # 3. The district's own support team, a note, then the district's council.
    officer.get_by_label("Tổ hỗ trợ").select_option(label="Tổ hỗ trợ sáng kiến quận")
    officer.get_by_role("button", name="Giao tổ hỗ trợ").click()
    expect(officer.get_by_test_id("initiative-status")).to_have_text("Tổ hỗ trợ đang hoàn thiện")
    officer.get_by_label("Góp ý").fill("Bổ sung số giáo viên đã dùng tủ sách mỗi tháng.")
    officer.get_by_role("button", name="Gửi góp ý").click()
    expect(officer.get_by_test_id("comments")).to_contain_text("Bổ sung số giáo viên")
    officer.get_by_role("button", name="Trình Hội đồng sáng kiến").click()
    expect(officer.get_by_test_id("initiative-status")).to_have_text("Chờ Hội đồng xét")

    # 4. The council meets: Một votes on his own login, the secretariat enters Hai's and Ba's paper ballots.
    officer.get_by_role("link", name="Mở phiên họp của Hội đồng sáng kiến quận Long Biên").click()
    officer.get_by_label("Ngày họp").fill(TODAY.isoformat())
    officer.get_by_role("button", name="Mở phiên họp").click()
    expect(officer.get_by_test_id("session-status")).to_have_text("Đang họp")
    officer.get_by_role("button", name="Đưa vào").click()
    expect(officer.get_by_test_id("agenda-item")).to_contain_text(TITLE)
    session = officer.url
    member = as_user("hd_quan")
    member.goto(session)
    ballot = member.get_by_test_id("my-ballot")
    for label, value in SCORES.items():
        ballot.get_by_label(label).fill(value)
    ballot.get_by_label("Đồng ý công nhận").check()
    member.get_by_role("button", name="Gửi phiếu").click()
    expect(member.get_by_text("Bạn đã biểu quyết nội dung này.")).to_be_visible()
    officer.goto(session)
    officer.get_by_test_id("enter-ballots").click()
    for name in ("Phan Văn Hai", "Phan Văn Ba"):
        row = officer.get_by_test_id("entry-row").filter(has_text=name)
        row.get_by_label("Đồng ý", exact=True).check()
        for label, value in SCORES.items():
            row.get_by_label(label).fill(value)
    officer.get_by_role("button", name="Ghi các phiếu đã nhập").click()
    officer.goto(session)
    officer.get_by_role("button", name="Kết thúc và ghi kết quả").click()
    expect(officer.get_by_test_id("item-outcome")).to_have_text("Thông qua · 3/3")

    # 5. The district's decision: from the initiative's page to the recognition page, into the golden book.
    officer.get_by_test_id("agenda-item").get_by_role("link", name=TITLE).click()
    expect(officer.get_by_test_id("initiative-status")).to_have_text("Hội đồng đề nghị công nhận")
    officer.get_by_role("link", name="Ban hành quyết định công nhận").click()
    officer.get_by_label(TITLE).check()
    officer.get_by_label("Người ký").fill("Nguyễn Trường Giang")
    officer.get_by_role("button", name="Ban hành quyết định công nhận").click()
    expect(officer.get_by_role("alert").first).to_contain_text("Đã ban hành Quyết định số 01/QĐ-")
    book = officer.get_by_test_id("golden-book")
    expect(book).to_contain_text(TITLE)
    expect(book).to_contain_text("Nguyễn Văn An (100%)")
    officer.screenshot(path=artifacts / "golden-book-district-desktop.png", full_page=True)
    phone.goto(f"{url}/so-vang/")
    expect(phone.get_by_test_id("golden-book")).to_contain_text(TITLE)
    phone.screenshot(path=artifacts / "golden-book-district-phone.png", full_page=True)

    # 6. Up again, to Hà Nội; the district's task is done.
    officer.goto(detail)
    officer.get_by_role("button", name="Đề nghị LĐLĐ thành phố Hà Nội xét công nhận").click()
    expect(officer.get_by_test_id("initiative-status")).to_have_text("Đề nghị cấp trên xét")
    officer.goto(f"{url}/")
    expect(officer.get_by_test_id("home-initiatives")).to_be_visible()
    expect(officer.get_by_test_id("initiatives-from-below")).to_have_count(0)
    expect(officer.get_by_test_id("home-task").filter(has_text=TITLE)).to_have_count(0)

    # 7. The CĐCS reads the outcome: both levels' golden books, now at Hà Nội.
    chair.goto(detail)
    levels = chair.get_by_test_id("levels")
    expect(levels).to_contain_text("CĐCS Trường THCS Gia Thụy")
    expect(levels).to_contain_text("LĐLĐ quận Long Biên")
    expect(chair.get_by_test_id("upper-outcome")).to_contain_text("Đã đề nghị LĐLĐ thành phố Hà Nội xét công nhận")
    chair.screenshot(path=artifacts / "initiative-outcome-cdcs-desktop.png", full_page=True)
    chair_phone = phone_of("cdcs_chutich")
    chair_phone.goto(detail)
    chair_phone.screenshot(path=artifacts / "initiative-outcome-cdcs-phone.png", full_page=True)

    # 8. A sibling district finds nothing.
    sibling = as_user("gl_thiduakt")
    response = sibling.goto(detail)
    assert response.status == 404
    sibling.goto(f"{url}/sang-kien/")
    expect(sibling.locator("body")).not_to_contain_text(TITLE)
