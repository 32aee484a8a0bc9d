"""An initiative from idea to the district's golden book, in a browser: a member registers it
(warned of a similar one), the CĐCS gives it to its support team, the team comments and hands
it to the council; the CĐCS council sits (the author recused, a paper ballot entered by the secretariat),
passes it, the chair recognises it by a numbered decision and it enters the golden book; it is
proposed to Long Biên, whose council passes it and whose officer recognises it there."""

import datetime

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import DESKTOP, PHONE, _page
from tests.browser.menu import follow_menu
from thidua.councils import services as councils
from thidua.councils.models import CouncilKind, CouncilRole
from thidua.initiatives import services
from thidua.org.models import Member, RoleKind
from thidua.org.tests.factories import MemberFactory, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]
TODAY = datetime.date.today().isoformat()


def _account(username, role, unit, member, **extra):
    user = make_user(username, role, unit, **extra)
    Member.objects.filter(pk=member.pk).update(user=user)
    return user


@pytest.fixture
def setting(federation, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    school, company = federation.school, federation.company
    an = MemberFactory(full_name="Nguyễn Văn An", unit=school)
    MemberFactory(full_name="Trần Thị Bình", unit=federation.group)
    hoa, chu = MemberFactory(full_name="Lê Thị Hoa", unit=school), MemberFactory(full_name="Hoàng Văn Chủ", unit=school)
    nam, sau = MemberFactory(full_name="Trịnh Văn Năm", unit=school), MemberFactory(full_name="Lê Văn Sáu", unit=school)
    _account("tacgia", RoleKind.MEMBER, school, an)
    _account("tohotro", RoleKind.MEMBER, school, hoa)
    chair = _account("chutich", RoleKind.GRASSROOTS_CHAIR, school, chu)
    _account("uyvien", RoleKind.MEMBER, school, nam)
    officer = make_user("lb_tdkt", RoleKind.EMULATION_OFFICER, federation.long_bien)
    mot = MemberFactory(full_name="Phan Văn Một", unit=company)
    _account("hd_quan", RoleKind.MEMBER, company, mot)
    services.create_support_team(chair, unit=school, name="Tổ ươm mầm ý tưởng", members=[hoa])
    # An older idea of the school, so the duplicate warning has something to find.
    services.register_initiative(
        chair, unit=school, authors=[(hoa, 100)], title="Sổ theo dõi đoàn viên trên bảng tính chung", solution="…"
    )
    council = councils.create_council(chair, unit=school, kind=CouncilKind.INITIATIVE, name="Hội đồng sáng kiến CĐCS")
    for member, role in [
        (chu, CouncilRole.CHAIR),
        (an, CouncilRole.MEMBER),
        (nam, CouncilRole.MEMBER),
        (sau, CouncilRole.SECRETARY),
    ]:
        councils.add_member(chair, council, member=member, role=role)
    district = councils.create_council(
        officer, unit=federation.long_bien, kind=CouncilKind.INITIATIVE, name="Hội đồng sáng kiến quận Long Biên"
    )
    for member, role in [
        (mot, CouncilRole.CHAIR),
        (MemberFactory(full_name="Phan Văn Hai", unit=company), CouncilRole.MEMBER),
        (MemberFactory(full_name="Phan Văn Ba", unit=company), CouncilRole.SECRETARY),
    ]:
        councils.add_member(officer, district, member=member, role=role)
    return {"council": council, "district": district}


def _ballot(form, agree=True, scores=(32, 25, 24)):
    for label, value in zip(["Tính mới", "Khả năng áp dụng", "Hiệu quả, lợi ích"], scores, strict=True):
        form.get_by_label(label).fill(str(value))
    form.get_by_label("Đồng ý công nhận" if agree else "Không đồng ý").check()


def _sit(page, url, council_pk, *, absent=(), paper=(), own_vote=None):
    """Open a session of the council, put the initiative on the agenda, mark `absent`, and
    enter the `paper` ballots of members present on the secretariat's page (a meeting counts
    the members present only)."""
    page.goto(f"{url}/hoi-dong/{council_pk}/")
    page.get_by_label("Ngày họp").fill(TODAY)
    page.get_by_role("button", name="Mở phiên họp").click()
    expect(page.get_by_test_id("session-status")).to_have_text("Đang họp")
    page.get_by_role("button", name="Đưa vào").click()
    expect(page.get_by_test_id("agenda-item")).to_contain_text("Ứng dụng bảng tính chung")
    for name in absent:
        page.get_by_label(name).uncheck()
    if absent:
        page.get_by_role("button", name="Lưu điểm danh").click()
    session = page.url
    if paper:
        page.get_by_role("link", name="Nhập phiếu giấy của thành viên có mặt").click()
        for name in paper:
            row = page.get_by_test_id("entry-row").filter(has_text=name)
            for label, value in zip(["Tính mới", "Khả năng áp dụng", "Hiệu quả, lợi ích"], (32, 25, 24), strict=True):
                row.get_by_label(label).fill(str(value))
            row.get_by_label("Đồng ý", exact=True).check()
        page.get_by_role("button", name="Ghi các phiếu đã nhập").click()
        for name in paper:
            expect(page.get_by_test_id("agenda-item")).to_contain_text(name)
    return session


def test_initiative_from_idea_to_the_district_golden_book(browser, live_server, log_in, setting, artifacts):
    url = live_server.url
    pages = {}

    def as_user(username, viewport=DESKTOP):
        if username not in pages:
            _context, page = _page(browser, viewport)
            log_in(page, username)
            pages[username] = page
        return pages[username]

    # 1. The member registers; the title typed without accents warns of the older idea.
    author = as_user("tacgia")
    author.goto(f"{url}/sang-kien/dang-ky/")
    author.get_by_label("Tên sáng kiến").fill("Ung dung bang tinh chung theo doi doan vien")
    expect(author.get_by_test_id("similar")).to_contain_text("Sổ theo dõi đoàn viên trên bảng tính chung")
    author.get_by_label("Tên sáng kiến").fill("Ứng dụng bảng tính chung theo dõi đoàn viên và đoàn phí")
    author.get_by_label("Nội dung giải pháp").fill(
        "Một bảng tính dùng chung cho các tổ công đoàn, cập nhật hằng tháng."
    )
    author.get_by_label("Lợi ích (đồng/năm)").fill("12000000")
    author.get_by_label("Áp dụng lần đầu từ ngày").fill("2026-01-05")
    author.get_by_label("Tỷ lệ (%) của tác giả 1").fill("60")
    author.get_by_label("Tác giả 2", exact=True).select_option(label="Trần Thị Bình")
    author.get_by_label("Tỷ lệ (%) của tác giả 2").fill("50")
    author.get_by_role("button", name="Lưu").click()
    expect(author.locator('[data-field-error="authors"]')).to_contain_text("hiện là 110%")
    author.get_by_label("Tỷ lệ (%) của tác giả 2").fill("40")
    author.get_by_role("button", name="Lưu").click()
    expect(author.get_by_test_id("authors")).to_contain_text("Trần Thị Bình (40%)")
    author.get_by_role("button", name="Gửi đăng ký").click()
    expect(author.get_by_test_id("initiative-status")).to_have_text("Đã đăng ký")
    detail = author.url
    phone = _page(browser, PHONE, is_mobile=True, has_touch=True, device_scale_factor=2)[1]
    log_in(phone, "tacgia")
    phone.goto(f"{url}/sang-kien/dang-ky/")
    phone.screenshot(path=artifacts / "initiative-register-phone.png", full_page=True)

    # 2. The CĐCS gives it to its support team, which comments and hands it to the council.
    chair = as_user("chutich")
    follow_menu(chair, "Sáng kiến", "Danh sách sáng kiến")
    expect(chair.locator("body")).to_contain_text("Ứng dụng bảng tính chung theo dõi đoàn viên và đoàn phí")
    chair.goto(detail)
    chair.get_by_label("Tổ hỗ trợ").select_option(label="Tổ ươm mầm ý tưởng")
    chair.get_by_role("button", name="Giao tổ hỗ trợ").click()
    expect(chair.get_by_test_id("initiative-status")).to_have_text("Tổ hỗ trợ đang hoàn thiện")
    team = as_user("tohotro")
    team.goto(detail)
    team.get_by_label("Góp ý").fill("Bổ sung số liệu trước và sau khi áp dụng.")
    team.get_by_role("button", name="Gửi góp ý").click()
    expect(team.get_by_test_id("comments")).to_contain_text("Bổ sung số liệu")
    team.get_by_role("button", name="Trình Hội đồng sáng kiến").click()
    expect(team.get_by_test_id("initiative-status")).to_have_text("Chờ Hội đồng xét")

    # 3. The CĐCS council: An (the author) recused, Sáu's paper ballot entered, Chủ and Năm vote.
    session = _sit(chair, url, setting["council"].pk, paper=["Lê Văn Sáu"])
    expect(chair.get_by_test_id("agenda-item")).to_contain_text("Nguyễn Văn An (Tác giả)")
    _ballot(chair.get_by_test_id("my-ballot"))
    chair.get_by_role("button", name="Gửi phiếu").click()
    member = as_user("uyvien")
    member.goto(session)
    _ballot(member.get_by_test_id("my-ballot"), scores=(30, 20, 20))
    member.get_by_role("button", name="Gửi phiếu").click()
    expect(member.get_by_text("Bạn đã biểu quyết nội dung này.")).to_be_visible()
    chair.goto(session)
    chair.screenshot(path=artifacts / "council-session-desktop.png", full_page=True)
    chair.get_by_role("button", name="Kết thúc và ghi kết quả").click()
    expect(chair.get_by_test_id("item-outcome")).to_have_text("Thông qua · 3/3")

    # 4. Recognised by a numbered decision; the golden book shows it.
    chair.goto(f"{url}/cong-nhan-sang-kien/")
    chair.get_by_label("Ứng dụng bảng tính chung theo dõi đoàn viên và đoàn phí").check()
    chair.get_by_label("Người ký").fill("Hoàng Văn Chủ")
    chair.get_by_role("button", name="Ban hành quyết định công nhận").click()
    expect(chair.get_by_role("alert").first).to_contain_text("Đã ban hành Quyết định số 01/QĐ-")
    book = chair.get_by_test_id("golden-book")
    expect(book).to_contain_text("Ứng dụng bảng tính chung theo dõi đoàn viên và đoàn phí")
    expect(book).to_contain_text("Nguyễn Văn An (60%), Trần Thị Bình (40%)")
    chair.screenshot(path=artifacts / "golden-book-desktop.png", full_page=True)
    # The author sits on the council too: on a phone, the session says they were recused.
    phone.goto(session)
    expect(phone.get_by_test_id("agenda-item")).to_contain_text("Nguyễn Văn An (Tác giả)")
    phone.screenshot(path=artifacts / "council-session-phone.png", full_page=True)
    phone.goto(f"{url}/so-vang/")
    expect(phone.get_by_test_id("golden-book")).to_contain_text("Ứng dụng bảng tính chung")
    phone.screenshot(path=artifacts / "golden-book-phone.png", full_page=True)

    # 5. Proposed to Long Biên, whose council passes it (two paper ballots) and recognises it.
    chair.goto(detail)
    chair.get_by_role("button", name="Đề nghị LĐLĐ quận Long Biên xét công nhận").click()
    expect(chair.get_by_test_id("initiative-status")).to_have_text("Đề nghị cấp trên xét")
    officer = as_user("lb_tdkt")
    officer.goto(detail)  # the district sends it to its own council (without a team of its own)
    officer.get_by_role("button", name="Trình Hội đồng sáng kiến").click()
    expect(officer.get_by_test_id("initiative-status")).to_have_text("Chờ Hội đồng xét")
    district_session = _sit(
        officer,
        url,
        setting["district"].pk,
        paper=["Phan Văn Hai", "Phan Văn Ba"],
    )
    district_member = as_user("hd_quan")
    district_member.goto(district_session)
    _ballot(district_member.get_by_test_id("my-ballot"))
    district_member.get_by_role("button", name="Gửi phiếu").click()
    officer.goto(district_session)
    officer.get_by_role("button", name="Kết thúc và ghi kết quả").click()
    expect(officer.get_by_test_id("item-outcome")).to_have_text("Thông qua · 3/3")
    officer.goto(f"{url}/cong-nhan-sang-kien/")
    officer.get_by_label("Ứng dụng bảng tính chung theo dõi đoàn viên và đoàn phí").check()
    officer.get_by_role("button", name="Ban hành quyết định công nhận").click()
    expect(officer.get_by_test_id("golden-book")).to_contain_text("Nguyễn Văn An (60%), Trần Thị Bình (40%)")

    # The initiative shows both levels reached; the officer's home counts it.
    officer.goto(detail)
    levels = officer.get_by_test_id("levels")
    expect(levels).to_contain_text("CĐCS Trường THCS Gia Thụy")
    expect(levels).to_contain_text("LĐLĐ quận Long Biên")
    expect(officer.get_by_test_id("initiative-status")).to_have_text("Đã công nhận")
    officer.screenshot(path=artifacts / "initiative-detail-desktop.png", full_page=True)
    phone.goto(detail)
    phone.screenshot(path=artifacts / "initiative-detail-phone.png", full_page=True)
    officer.goto(f"{url}/")
    expect(officer.get_by_test_id("home-initiatives")).to_contain_text("1")
