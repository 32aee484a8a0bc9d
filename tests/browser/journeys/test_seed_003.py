"""Seed 003 — Kế hoạch 26/KH-LĐLĐ of LĐLĐ quận Long Biên: the movement "Đổi mới, sáng tạo, hiệu
quả trong hoạt động của tổ chức Công đoàn", played by the demo logins with the initiative
council at both levels. The seed asks that a member with a new idea registers it; the CĐCS's
"Tổ hỗ trợ sáng kiến" coaches it; the CĐCS's council (Hội đồng sáng kiến) recognises it and it is
written into the CĐCS's golden book (sổ vàng sáng kiến); the CĐCS proposes it to the district,
whose own council recognises it into the district's golden book. Here the CĐCS council meets
(quorum, paper ballots of the members present) and the district's council decides by written
consultation (lấy ý kiến bằng văn bản); each minutes paper says which. The seed's wording is
copied here (tests never read /work/shared); its dates are moved to today."""

import datetime

import pytest
from playwright.sync_api import expect

from tests.browser.journeys import steps

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

TODAY = datetime.date.today()
TITLE = (
    "Phát động và tổ chức thực hiện phong trào thi đua “Đổi mới, sáng tạo, hiệu quả trong hoạt động "
    "của tổ chức Công đoàn”"
)
INTRO = (
    "Thực hiện kế hoạch số 18/KH-LĐLĐ ngày 20/3/2019 của LĐLĐ Thành phố Hà Nội về phát động và tổ chức "
    "thực hiện phong trào thi đua “Đổi mới, sáng tạo, hiệu quả trong hoạt động của tổ chức công đoàn”. "
    "Ban Thường vụ LĐLĐ quận Long Biên xây dựng kế hoạch phát động và tổ chức thực hiện phong trào thi đua "
    "với những nội dung sau:"
)
ORGANISE = (
    "Công đoàn cơ sở thành lập “Tổ hỗ trợ sáng kiến”, “Tổ ươm mầm ý tưởng” để nắm bắt, hỗ trợ, hướng dẫn "
    "cá nhân nêu ý tưởng. Mỗi cấp công đoàn có sổ vàng sáng kiến; LĐLĐ quận thành lập Hội đồng sáng kiến "
    "để xem xét công nhận sáng kiến cấp quận."
)
PROGRAMME = "Phong trào “Đổi mới, sáng tạo, hiệu quả"
INITIATIVE = "Sổ tay điện tử tiếp nhận ý kiến đoàn viên qua mã QR tại bảng tin công đoàn"
SCORES = {"Tính mới": 35, "Khả năng áp dụng": 25, "Hiệu quả, lợi ích": 25}
CDCS = "CĐCS Trường THCS Gia Thụy"
CDCS_COUNCIL = ["Phạm Kim Nhung", "Lê Thùy Linh", "Nguyễn Thu Ngọc"]  # the demo seats; none has an account
DISTRICT = "LĐLĐ quận Long Biên"
ON_PAPER = ["Phạm Kim Nhung", "Nguyễn Thu Ngọc"]  # district council members without an account
STARTS, ENDS = TODAY - datetime.timedelta(days=30), TODAY + datetime.timedelta(days=330)


def play(journey) -> None:
    # The district's counters for the programme, before.
    officer = journey.as_user("lb_thiduakt")
    registered_before, recognised_before = steps.programme_counters(officer, PROGRAMME)

    # 1. The district writes the plan, its chair issues it to every CĐCS.
    steps.write_plan(
        officer,
        kind="movement",
        title=TITLE,
        plan_date=TODAY,
        starts_on=STARTS,
        ends_on=ENDS,
        place="Long Biên",
        intro=INTRO,
        recipients="Thường trực LĐLĐ HN;\nThường trực Quận uỷ, UBND Quận;\nCông đoàn cơ sở;\nLưu VP, Thi đua.",
        signer_title="TM. BAN THƯỜNG VỤ\nCHỦ TỊCH",
        signer_name="Phạm Thị Thu Hằng",
    )
    steps.add_plan_section(officer, "TỔ CHỨC PHONG TRÀO", ORGANISE)
    steps.deploy_plan_to_all_grassroots(officer)
    chair = journey.as_user("lb_chutich")
    number = steps.issue_plan(chair, TITLE, DISTRICT)
    paper = steps.plan_pdf_text(chair, journey.tmp)
    assert number in paper and "Tổ hỗ trợ sáng kiến" in paper and "Phạm Thị Thu Hằng" in paper

    # 2. The school acknowledges it from its home page; a member registers an idea in the
    # programme and the campaign.
    school = journey.as_user("cdcs_chutich")
    plan_url = steps.acknowledge_plan_from_home(school, TITLE)
    member = journey.as_user("doanvien")
    initiative_url = steps.register_initiative(
        member,
        title=INITIATIVE,
        solution="Mỗi bảng tin công đoàn có mã QR dẫn tới biểu mẫu góp ý; tổ hỗ trợ tổng hợp hằng tuần.",
        benefit=8_000_000,
        applied_since=STARTS,
        campaign=TITLE[:60],
        programme=PROGRAMME,
    )
    journey.shot(member, "journey-003-01-initiative-registered")

    # 3. The school's support team coaches it and hands it to the school's council.
    steps.open_initiative(school, INITIATIVE)
    steps.hand_to_support_team(school, "Tổ hỗ trợ sáng kiến")
    steps.comment_and_send_to_council(school, "Đề nghị bổ sung số ý kiến đoàn viên nhận được trong tháng đầu.")

    # 4. The council meets: with one member in the room it cannot vote; with its three it has the
    # quorum; the chair of the CĐCS enters the three paper ballots.
    session = steps.open_council_session(school, "Hội đồng sáng kiến", CDCS, TODAY, "Phòng họp Trường THCS Gia Thụy")
    steps.record_attendance(school, CDCS_COUNCIL[:1])
    expect(school.get_by_test_id("quorum")).to_contain_text("Chưa đủ số thành viên")
    steps.record_attendance(school, CDCS_COUNCIL)
    expect(school.get_by_test_id("quorum")).to_contain_text("Đủ số thành viên")
    signers = steps.choose_signers(school, "Phạm Kim Nhung", "Lê Thùy Linh")
    journey.shot(school, "journey-003-02-cdcs-council-quorum")
    steps.enter_paper_ballots(school, {name: {"agree": True, **SCORES} for name in CDCS_COUNCIL})
    assert steps.close_session(school, session) == "Thông qua · 3/3"
    minutes = steps.minutes_pdf_text(school, session, journey.tmp)
    assert "BIÊN BẢN" in minutes and "Có mặt 3/3" in minutes, minutes
    assert "thông qua tại phiên họp" in minutes and "bằng văn bản" not in minutes, minutes
    assert "Phạm Kim Nhung" in minutes and "THƯ KÝ" in minutes and "Lê Thùy Linh" in minutes, (signers, minutes)
    assert INITIATIVE[:40] in minutes

    # 5. Recognised by the CĐCS's decision, into its golden book; proposed up to the district.
    steps.recognise_initiatives(school, [INITIATIVE], signer="Nguyễn Thị Hồng Hạnh")
    expect(school.get_by_test_id("golden-book")).to_contain_text(INITIATIVE)
    school.goto(initiative_url)
    steps.propose_initiative_up(school, DISTRICT)

    # 6. The district's officer finds it among the tasks from below, hands it to the district's
    # support team and its council, which decides in writing: lb_hoidong and the school's chair
    # (who sits on it) reply on their own logins, the officer types the others' written replies.
    steps.go_home(officer)
    officer.get_by_test_id("initiatives-from-below").click()
    officer.get_by_test_id("initiatives").get_by_role("link", name=INITIATIVE).click()
    expect(officer.get_by_test_id("initiative-status")).to_have_text("Đề nghị cấp trên xét")
    steps.hand_to_support_team(officer, "Tổ hỗ trợ sáng kiến quận")
    steps.comment_and_send_to_council(officer, "Có thể nhân rộng ra các CĐCS khối trường học.")
    written = steps.open_written_consultation(officer, "Hội đồng sáng kiến", DISTRICT, TODAY, INITIATIVE)
    for voter in (journey.as_user("lb_hoidong"), school):
        steps.open_task(voter, f"Cho ý kiến bằng văn bản: {INITIATIVE[:30]}")
        steps.cast_own_ballot(voter, scores=SCORES)
    officer.goto(written)
    steps.enter_paper_ballots(officer, {name: {"agree": True, **SCORES} for name in ON_PAPER})
    outcome = steps.close_session(officer, written)
    assert outcome.startswith("Thông qua"), outcome
    journey.shot(officer, "journey-003-03-district-written-consultation")
    minutes = steps.minutes_pdf_text(officer, written, journey.tmp)
    assert "Lấy ý kiến thành viên Hội đồng sáng kiến bằng văn bản" in minutes, minutes
    assert "thông qua tại phiên họp" not in minutes, minutes
    assert "THƯ KÝ" in minutes

    # 7. The district recognises it: its golden book, the author's page, the programme's counters.
    steps.recognise_initiatives(officer, [INITIATIVE])
    expect(officer.get_by_test_id("golden-book")).to_contain_text(INITIATIVE)
    member.goto(initiative_url)
    expect(member.get_by_test_id("levels")).to_contain_text(DISTRICT)
    expect(member.get_by_test_id("levels")).to_contain_text(CDCS)
    phone = journey.as_user("doanvien", phone=True)
    phone.goto(initiative_url)
    expect(phone.get_by_test_id("levels")).to_contain_text(DISTRICT)
    journey.shot(phone, "journey-003-05-author-levels-phone")
    registered, recognised = steps.programme_counters(officer, PROGRAMME)
    assert (registered, recognised) == (registered_before + 1, recognised_before + 1)
    journey.shot(officer, "journey-003-04-programme-counters")
    assert plan_url


def test_seed_003_innovation_movement_with_initiative_councils(journey):
    play(journey)
