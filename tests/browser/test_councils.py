"""A council decides in a browser, both ways the rules allow (issue 14).

A meeting of Long Biên's council: the secretariat opens it, marks attendance — first too few
for the quorum (nothing can be voted or closed), then enough, with the chair absent so that the
vice-chair, the demo's lb_hoidong, presides —, enters the paper ballots of the members present
without an account, lb_hoidong finds the item on his home page and votes on his own login, the
item passes by the 2/3 rule counted over the whole council, and the minutes PDF says the
council met, lists the chair absent and is signed by lb_hoidong (presiding) and the secretary.
Then a written consultation: the opinions are entered, and its minutes never claim a meeting.
"""

import datetime
import shutil
import subprocess

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import DESKTOP, PHONE, _page
from thidua.councils import services as councils
from thidua.councils import subjects
from thidua.councils.models import CouncilKind, CouncilRole
from thidua.org.models import Member, RoleKind
from thidua.org.tests.factories import MemberFactory, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]
TODAY = datetime.date.today()
SCORES = {"Thành tích": 85}


@pytest.fixture
def setting(federation):
    """Long Biên's award council of six — only lb_hoidong has an account — and members of
    its CĐCS as the subjects it decides on (the shape of a nomination, registered for this
    test so councils is driven without the apps above it)."""
    subjects.register(
        subjects.SubjectType(
            model=Member,
            interested_members=lambda m: {m.pk: "Người được đề nghị"},
            candidates=lambda council: Member.objects.filter(full_name__in=["Nguyễn Văn An", "Trần Thị Bình"]),
            on_decided=lambda actor, member, passed, item: None,
        )
    )
    company = federation.company
    officer = make_user("lb_tdkt", RoleKind.EMULATION_OFFICER, federation.long_bien)
    council = councils.create_council(
        officer, unit=federation.long_bien, kind=CouncilKind.AWARD, name="Hội đồng Thi đua – Khen thưởng quận"
    )
    tuan = MemberFactory(full_name="Lê Minh Tuấn", unit=company)
    hoidong = make_user("lb_hoidong", RoleKind.COUNCIL_MEMBER, federation.long_bien)
    Member.objects.filter(pk=tuan.pk).update(user=hoidong)
    for name, role in [
        ("Hoàng Văn Chủ", CouncilRole.CHAIR),
        ("Lê Minh Tuấn", CouncilRole.VICE_CHAIR),
        ("Ngô Thị Thư", CouncilRole.SECRETARY),
        ("Bùi Thị Giấy", CouncilRole.MEMBER),
        ("Đỗ Văn Ba", CouncilRole.MEMBER),
        ("Vũ Thị Tư", CouncilRole.MEMBER),
    ]:
        member = tuan if name == "Lê Minh Tuấn" else MemberFactory(full_name=name, unit=company)
        councils.add_member(officer, council, member=member, role=role)
    MemberFactory(full_name="Nguyễn Văn An", unit=company)
    MemberFactory(full_name="Trần Thị Bình", unit=company)
    yield council
    subjects._TYPES.pop(Member, None)


def _pdf_words(download) -> str:
    pdftotext = shutil.which("pdftotext")
    if not pdftotext:
        pytest.skip("pdftotext is not installed")
    out = subprocess.run([pdftotext, "-layout", download.path(), "-"], capture_output=True, check=True)
    return " ".join(out.stdout.decode().split())


def _attendance(page, present: list[str]) -> None:
    for box in page.get_by_test_id("attendance").locator('input[name="present"]').all():
        label = box.evaluate("e => e.labels[0].innerText")
        box.set_checked(any(name in label for name in present))
    page.get_by_role("button", name="Lưu điểm danh").click()


def _enter(page, ballots: dict[str, bool]) -> None:
    for name, agree in ballots.items():
        row = page.get_by_test_id("entry-row").filter(has_text=name)
        row.get_by_label("Đồng ý" if agree else "Không đồng ý", exact=True).check()
        for label, value in SCORES.items():
            row.get_by_label(label).fill(str(value if agree else 40))


def test_a_meeting_with_quorum_paper_ballots_and_an_own_vote_then_a_written_consultation(
    browser, live_server, log_in, setting, artifacts
):
    url = live_server.url
    contexts = []
    try:
        _walk(browser, url, log_in, setting, artifacts, contexts)
    finally:
        # Closed contexts drop their keep-alive connections, so the live server's threads let
        # go of the test database (PostgreSQL refuses to drop a database still in use).
        for context in contexts:
            context.close()


def _walk(browser, url, log_in, setting, artifacts, contexts):
    pages = []
    for viewport, username, options in [
        (DESKTOP, "lb_tdkt", {}),
        (DESKTOP, "lb_hoidong", {}),
        (PHONE, "lb_tdkt", {"is_mobile": True, "has_touch": True, "device_scale_factor": 2}),
    ]:
        context, page = _page(browser, viewport, **options)
        contexts.append(context)
        log_in(page, username)
        pages.append(page)
    officer, hoidong, phone = pages

    # 1. The secretariat opens a meeting and puts An's nomination on the agenda.
    officer.goto(f"{url}/hoi-dong/{setting.pk}/")
    officer.screenshot(path=artifacts / "council-detail-desktop.png", full_page=True)
    officer.get_by_label("Họp hội đồng").check()
    officer.get_by_label("Ngày họp").fill(TODAY.isoformat())
    officer.get_by_label("Địa điểm").fill("Phòng họp tầng 3")
    officer.get_by_role("button", name="Mở phiên họp").click()
    expect(officer.get_by_test_id("session-status")).to_have_text("Đang họp")
    session = officer.url
    officer.get_by_label("Nội dung chờ hội đồng xét").select_option(label="Nguyễn Văn An")
    officer.get_by_role("button", name="Đưa vào").click()
    expect(officer.get_by_test_id("agenda-item")).to_contain_text("Nguyễn Văn An")

    # 2. Only three of six in the room: below the quorum (4), nothing can be voted or closed.
    _attendance(officer, ["Lê Minh Tuấn", "Ngô Thị Thư", "Bùi Thị Giấy"])
    expect(officer.get_by_test_id("quorum")).to_have_text("Chưa đủ số thành viên (cần ít nhất 4)")
    hoidong.goto(session)
    expect(hoidong.get_by_text("Phiên họp chưa đủ số thành viên có mặt: chưa thể biểu quyết.")).to_be_visible()
    officer.get_by_role("button", name="Kết thúc và ghi kết quả").click()
    expect(officer.get_by_role("alert").first).to_contain_text("không thông qua được nội dung nào")

    # 3. Đỗ Văn Ba arrives: four present, the chair still absent, so the vice-chair presides.
    _attendance(officer, ["Lê Minh Tuấn", "Ngô Thị Thư", "Bùi Thị Giấy", "Đỗ Văn Ba"])
    expect(officer.get_by_test_id("quorum")).to_have_text("Đủ số thành viên (cần ít nhất 4)")
    expect(officer.get_by_test_id("signers")).to_have_text("Chủ trì: Lê Minh Tuấn · Thư ký: Ngô Thị Thư")
    officer.screenshot(path=artifacts / "council-meeting-desktop.png", full_page=True)
    phone.goto(session)
    phone.screenshot(path=artifacts / "council-meeting-phone.png", full_page=True)

    # 4. The paper ballots of the three present without an account, lb_hoidong's row left blank.
    officer.get_by_test_id("enter-ballots").click()
    expect(officer.get_by_test_id("entry-row")).to_have_count(4)  # the absent have no row
    _enter(officer, {"Ngô Thị Thư": True, "Bùi Thị Giấy": True, "Đỗ Văn Ba": True})
    officer.screenshot(path=artifacts / "council-paper-ballots-desktop.png", full_page=True)
    phone.goto(officer.url)
    _enter(phone, {"Ngô Thị Thư": True})
    phone.screenshot(path=artifacts / "council-paper-ballots-phone.png", full_page=True)
    officer.get_by_role("button", name="Ghi các phiếu đã nhập").click()
    expect(officer.get_by_role("alert").first).to_contain_text("Đã nhập phiếu của Ngô Thị Thư, Bùi Thị Giấy, Đỗ Văn Ba")

    # 5. lb_hoidong finds the vote on his home page and casts it on his own login.
    hoidong.goto(f"{url}/")
    hoidong.get_by_role("link", name="Biểu quyết tại họp hội đồng: Nguyễn Văn An").click()
    ballot = hoidong.get_by_test_id("my-ballot")
    ballot.get_by_label("Thành tích").fill("90")
    ballot.get_by_label("Đồng ý công nhận").check()
    hoidong.get_by_role("button", name="Gửi phiếu").click()
    expect(hoidong.get_by_text("Bạn đã biểu quyết nội dung này.")).to_be_visible()

    # 6. Four of six agree: exactly 2/3 of the whole council — passed.
    officer.goto(session)
    officer.get_by_role("button", name="Kết thúc và ghi kết quả").click()
    expect(officer.get_by_test_id("item-outcome")).to_have_text("Thông qua · 4/6")
    with officer.expect_download() as download:
        officer.get_by_role("link", name="Biên bản (PDF)").click()
    minutes = _pdf_words(download.value)
    assert "họp xét các nội dung" in minutes and "thông qua tại phiên họp" in minutes
    assert "Có mặt 4/6 thành viên Hội đồng" in minutes
    assert "Hoàng Văn Chủ — Chủ tịch Hội đồng (vắng mặt)" in minutes
    assert "Kết quả: 4/6 thành viên được biểu quyết đồng ý" in minutes
    signatures = minutes[minutes.index("thông qua tại phiên họp") :]
    assert "THƯ KÝ" in signatures and "CHỦ TRÌ PHIÊN HỌP" in signatures and "PHÓ CHỦ TỊCH HỘI ĐỒNG" in signatures
    assert "Ngô Thị Thư" in signatures and "Lê Minh Tuấn" in signatures and "Hoàng Văn Chủ" not in signatures

    # 7. Bình's nomination by written consultation: no meeting, each member's written opinion.
    officer.goto(f"{url}/hoi-dong/{setting.pk}/")
    officer.get_by_label("Lấy ý kiến bằng văn bản").check()
    officer.get_by_label("Ngày họp").fill(TODAY.isoformat())
    officer.get_by_role("button", name="Mở phiên họp").click()
    expect(officer.get_by_role("heading", level=1)).to_contain_text("Lấy ý kiến bằng văn bản")
    expect(officer.get_by_text("Lưu điểm danh")).to_have_count(0)
    officer.get_by_label("Nội dung chờ hội đồng xét").select_option(label="Trần Thị Bình")
    officer.get_by_role("button", name="Đưa vào").click()
    officer.get_by_test_id("enter-ballots").click()
    _enter(officer, {"Hoàng Văn Chủ": True, "Ngô Thị Thư": False, "Vũ Thị Tư": True})
    officer.get_by_role("button", name="Ghi các phiếu đã nhập").click()
    written = officer.url
    hoidong.goto(f"{url}/")
    hoidong.get_by_role("link", name="Cho ý kiến bằng văn bản: Trần Thị Bình").click()
    hoidong.get_by_test_id("my-ballot").get_by_label("Thành tích").fill("80")
    hoidong.get_by_test_id("my-ballot").get_by_label("Không đồng ý").check()
    hoidong.get_by_role("button", name="Gửi phiếu").click()
    officer.goto(written)
    officer.get_by_role("button", name="Kết thúc và ghi kết quả").click()
    expect(officer.get_by_test_id("item-outcome")).to_have_text("Không thông qua · 2/6")
    with officer.expect_download() as download:
        officer.get_by_role("link", name="Biên bản (PDF)").click()
    minutes = _pdf_words(download.value)
    assert "lấy ý kiến các thành viên Hội đồng bằng văn bản (không tổ chức họp)" in minutes
    assert "4 thành viên gửi ý kiến bằng văn bản" in minutes and "KHÔNG THÔNG QUA" in minutes
    assert "tại phiên họp" not in minutes and "Có mặt" not in minutes
