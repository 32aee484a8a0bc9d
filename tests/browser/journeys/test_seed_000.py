"""Seed 000 — Kế hoạch 32/KH-LĐLĐ of LĐLĐ quận Long Biên: the peak campaign "chào mừng kỷ niệm
20 năm Ngày thành lập quận Long Biên", played by the demo logins across every level, from the
plan the district writes to the certificate and the public honour roll. The seed's wording is
copied here (tests never read /work/shared); its dates are moved to today, so what the actors
see is current work rather than a campaign closed years ago."""

import datetime
import re

import pytest
from playwright.sync_api import expect

from tests.browser.journeys import steps

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

TODAY = datetime.date.today()
TITLE = (
    "Phát động đợt thi đua cao điểm trong CNVCLĐ phần đấu lập thành tích chào mừng kỷ niệm 20 năm "
    "Ngày thành lập quận Long Biên (06/11/2003 – 06/11/2023)."
)
INTRO = (
    "Thực hiện kế hoạch số 338/KH-UBND ngày 09/8/2023 của UBND quận Long Biên về phát động đợt thi đua cao "
    "điểm, phần đấu lập thành tích chào mừng kỷ niệm 20 năm Ngày thành lập quận Long Biên; Ban thường vụ "
    "LĐLĐ Quận xây dựng kế hoạch phát động đợt thi đua cao điểm trong CNVCLĐ như sau:"
)
PURPOSE = (
    "100% các cơ quan, đơn vị, doanh nghiệp, trường học tổ chức tốt các phong trào thi đua, đảm bảo thiết "
    "thực, hiệu quả, thiết thực chào mừng kỷ niệm 20 năm ngày thành lập quận."
)
WORKS_DUE = "Hoàn thành các công trình, phần việc chào mừng kỷ niệm 20 năm Ngày thành lập quận Long Biên"
WORK = "Vườn trường xanh chào mừng 20 năm thành lập quận"
COVENANT = "Giao ước thi đua khối trường học chào mừng 20 năm thành lập quận"
INITIATIVE = "Bảng tính dùng chung theo dõi công trình, tin bài chào mừng 20 năm thành lập quận"
SCORES = {"agree": True, "Tính mới": 35, "Khả năng áp dụng": 25, "Hiệu quả, lợi ích": 25}
REPORT = "Báo cáo kết quả đợt thi đua cao điểm chào mừng 20 năm thành lập quận Long Biên"
# Long Biên's initiative council as the demo seats it, present at the session.
# Lê Minh Tuấn is lb_hoidong, Nguyễn Thị Hồng Hạnh cdcs_chutich; the two others have no account.
DISTRICT_COUNCIL = ["Nguyễn Thị Hồng Hạnh", "Lê Minh Tuấn", "Phạm Kim Nhung", "Nguyễn Thu Ngọc", "Nguyễn Văn An"]
ON_PAPER = ["Phạm Kim Nhung", "Nguyễn Thu Ngọc"]
GIAY_KHEN = "Giấy khen của Công đoàn cấp trên trực tiếp cơ sở"
BANG_KHEN = "Bằng khen của Liên đoàn Lao động tỉnh, thành phố"
AN_FIRST = "Tích cực tham gia đợt thi đua cao điểm; tác giả sáng kiến được công nhận."
AN_FIXED = (
    "Tác giả sáng kiến “Bảng tính dùng chung…” được LĐLĐ quận công nhận, làm lợi 15.000.000 đồng/năm; "
    "cùng tổ chức khánh thành vườn trường xanh chào mừng 20 năm thành lập quận."
)
NHUNG = "Chủ trì xây dựng vườn trường xanh (45.000.000 đồng) chào mừng 20 năm thành lập quận."
REPORT_DUE = "Báo cáo kết quả thực hiện kế hoạch về LĐLĐ Quận Long Biên"
# The seed's window (16/8 – 15/9, works by 15/9, report by 18/9), moved so that today falls inside.
STARTS, ENDS = TODAY - datetime.timedelta(days=5), TODAY + datetime.timedelta(days=25)
REPORT_ON = ENDS + datetime.timedelta(days=3)


def play(journey) -> None:
    """The whole seed; the test runs it, and so can a script against a running demo server."""
    # 1. The district's officer writes the plan; the chair of the district federation issues it.
    officer = journey.as_user("lb_thiduakt")
    steps.write_plan(
        officer,
        kind="peak",
        title=TITLE,
        plan_date=TODAY,
        starts_on=STARTS,
        ends_on=ENDS,
        place="Long Biên",
        intro=INTRO,
        recipients="Quận ủy, UBND Quận;\nCông đoàn các CQ, ĐV, DN, TH;\nLưu VP, TĐ",
        signer_title="TM. BAN THƯỜNG VỤ\nCHỦ TỊCH",
        signer_name="Nguyễn Trường Giang",
    )
    steps.add_plan_section(officer, "MỤC ĐÍCH, YÊU CẦU", PURPOSE)
    steps.add_plan_deadline(officer, WORKS_DUE, ENDS)
    steps.add_plan_deadline(officer, REPORT_DUE, REPORT_ON)
    expect_ = steps.deploy_plan_to_all_grassroots(officer)
    assert "triển khai đến" in expect_
    journey.shot(officer, "journey-000-01-plan-draft")

    chair = journey.as_user("lb_chutich")
    number = steps.issue_plan(chair, TITLE, "LĐLĐ quận Long Biên")
    assert number.endswith("/KH-LĐLĐ")
    journey.shot(chair, "journey-000-02-plan-issued")
    paper = steps.plan_pdf_text(chair, journey.tmp)
    assert number in paper and "KẾ HOẠCH" in paper and "Nguyễn Trường Giang" in paper
    assert "chào mừng kỷ niệm 20 năm" in paper

    # 2. Each CĐCS finds it on its home page, acknowledges and launches it; the school answers
    # with its own implementing plan, issued to its groups (tổ công đoàn).
    school = journey.as_user("cdcs_chutich")
    plan_url = steps.acknowledge_plan_from_home(school, TITLE)
    steps.launch_plan(school, TODAY, members_reached=5)
    with journey.known_break("H3 CĐCS implementing plan"):
        steps.start_own_plan(school, number)
        said = steps.deploy_own_plan(school, "Các tổ công đoàn của đơn vị")
        assert "chưa có đơn vị nhận" not in said
        steps.sign_and_date_plan(school, "Nguyễn Thị Hồng Hạnh", TODAY)
        own_number = steps.issue_open_plan(school)
        assert own_number.endswith("/KH-CĐCS")
        journey.shot(school, "journey-000-03-cdcs-own-plan")
    company = journey.as_user("cdcs_canbo")
    steps.acknowledge_plan_from_home(company, TITLE)
    steps.launch_plan(company, TODAY, members_reached=8)

    # The district sees both on the plan's coverage: 2 launched, 1 with its own plan.
    officer.goto(plan_url + "tien-do/")
    expect(officer.get_by_test_id("cov-launched")).to_contain_text("2 (")
    expect(officer.get_by_test_id("cov-own")).to_have_text("1")
    journey.shot(officer, "journey-000-04-coverage")

    # 3. Registrations, a work dedicated to the 20 years (done, inaugurated, with its news and
    # photo), a model; the schools' covenant tied to the plan, signed by the school.
    steps.open_participation(school, plan_url)
    steps.register_for_plan(school, "100% đoàn viên được phổ biến kế hoạch\n01 công trình chào mừng 20 năm")
    steps.register_work(school, WORK, 45_000_000)
    steps.complete_and_inaugurate_work(
        school,
        WORK,
        TODAY,
        steps.small_photo(journey.tmp, "khanh-thanh-vuon-truong.jpg"),
        "https://longbien.hanoi.gov.vn/tin/vuon-truong-xanh",
        "Khánh thành vườn trường xanh chào mừng 20 năm thành lập quận",
    )
    steps.open_participation(school, plan_url)
    steps.register_model(school, "Nhà giáo gương mẫu, học sinh chăm ngoan", "Giáo dục")
    journey.shot(school, "journey-000-05-participation-record")
    steps.open_participation(company, plan_url)
    steps.register_for_plan(company, "Tăng năng suất lao động 5%; chỉnh trang cổng, tường rào")
    with journey.known_break("H3 covenants tied to the plan"):
        steps.write_covenant(
            officer,
            cluster="Khối Trường học",
            year=TODAY.year,
            title=COVENANT,
            content="Các trường cùng thi đua lập thành tích chào mừng 20 năm thành lập quận.",
            targets="100% đoàn viên được phổ biến\nMỗi trường có ít nhất 01 công trình",
            plan=number,
        )
        steps.sign_covenant(school, COVENANT, "Nguyễn Thị Hồng Hạnh", "Chủ tịch Công đoàn cơ sở")
        officer.goto(plan_url)
        expect(officer.locator("main")).to_contain_text(COVENANT)

    # The officer's overview of participation: who registered, what works, the photo.
    officer.goto(plan_url)
    officer.get_by_role("link", name="Tổng hợp tham gia").click()
    expect(officer.get_by_test_id("ov-registered")).to_contain_text("2 (")
    expect(officer.get_by_test_id("ov-works")).to_contain_text("1 đăng ký, 1 hoàn thành")
    expect(officer.get_by_test_id("ov-gallery").locator("img")).to_have_count(1)
    journey.shot(officer, "journey-000-06-participation-overview")

    # 4. An initiative: the member registers it for this campaign; the CĐCS's support team
    # coaches it and hands it to the CĐCS council, which sits with its three members present
    # (none has an account: the chair enters their paper ballots); the CĐCS recognises it by a
    # numbered decision, it enters the CĐCS's golden book, and is proposed up to Long Biên.
    member = journey.as_user("doanvien")
    initiative_url = steps.register_initiative(
        member,
        title=INITIATIVE,
        solution="Mỗi tổ công đoàn dùng chung một bảng tính, tự động nhắc hạn báo cáo và tổng hợp tin bài.",
        benefit=15_000_000,
        applied_since=STARTS,
        campaign=TITLE[:60],
    )
    steps.open_initiative(school, INITIATIVE)
    steps.hand_to_support_team(school, "Tổ hỗ trợ sáng kiến")
    steps.comment_and_send_to_council(school, "Bổ sung số liệu trước và sau khi áp dụng trong đợt thi đua.")
    session = steps.open_council_session(
        school, "Hội đồng sáng kiến", "CĐCS Trường THCS Gia Thụy", TODAY, "Phòng họp Trường THCS Gia Thụy"
    )
    with journey.known_break("H2 council ballots of members present without an account"):
        steps.record_attendance(school, ["Phạm Kim Nhung", "Lê Thùy Linh", "Nguyễn Thu Ngọc"])
        steps.enter_paper_ballots(
            school, {name: dict(SCORES) for name in ("Phạm Kim Nhung", "Lê Thùy Linh", "Nguyễn Thu Ngọc")}
        )
        assert steps.close_session(school, session) == "Thông qua · 3/3"
        said = steps.recognise_initiatives(school, [INITIATIVE], signer="Nguyễn Thị Hồng Hạnh")
        expect(school.get_by_test_id("golden-book")).to_contain_text(INITIATIVE)
        school.goto(initiative_url)
        expect(school.get_by_test_id("levels")).to_contain_text("CĐCS Trường THCS Gia Thụy")
        decision = steps.pdf_text(
            steps.download(school, school.get_by_test_id("levels").get_by_role("link")), journey.tmp
        )
        decision_number = re.search(r"\d+/QĐ-[\wĐ-]+", said).group(0)
        assert decision_number in decision, (decision_number, decision)
        assert "công nhận sáng kiến" in decision and "Nguyễn Thị Hồng Hạnh" in decision, decision
        steps.propose_initiative_up(school, "LĐLĐ quận Long Biên")

    # Long Biên takes it through its own support team and council: its officer finds it among
    # the tasks on the home page; lb_hoidong votes on their own login, the officer enters the
    # paper ballots of the others present; the author, a member of the council, does not vote.
    with journey.known_break("H1 initiatives up a level / H2 lb_hoidong seat"):
        steps.go_home(officer)
        expect(officer.get_by_test_id("initiatives-from-below")).to_contain_text("sáng kiến chờ xử lý")
        officer.get_by_test_id("initiatives-from-below").click()
        officer.get_by_test_id("initiatives").get_by_role("link", name=INITIATIVE).click()
        expect(officer.get_by_test_id("initiative-status")).to_have_text("Đề nghị cấp trên xét")
        steps.hand_to_support_team(officer, "Tổ hỗ trợ sáng kiến quận")
        steps.comment_and_send_to_council(officer, "Đề nghị nêu rõ khả năng nhân rộng ra các CĐCS khối trường học.")
        district_session = steps.open_council_session(
            officer, "Hội đồng sáng kiến", "LĐLĐ quận Long Biên", TODAY, "Hội trường LĐLĐ quận"
        )
        steps.record_attendance(officer, DISTRICT_COUNCIL)
        for voter in (journey.as_user("lb_hoidong"), school):
            steps.open_task(voter, "Biểu quyết", INITIATIVE[:30])
            steps.cast_own_ballot(voter, scores={k: v for k, v in SCORES.items() if k != "agree"})
        steps.enter_paper_ballots(officer, {name: dict(SCORES) for name in ON_PAPER})
        outcome = steps.close_session(officer, district_session)
        assert outcome == "Thông qua · 4/4", outcome  # the author is recused
        journey.shot(officer, "journey-000-10-district-council")
        steps.recognise_initiatives(officer, [INITIATIVE])
        expect(officer.get_by_test_id("golden-book")).to_contain_text(INITIATIVE)
        member.goto(initiative_url)
        expect(member.get_by_test_id("levels")).to_contain_text("LĐLĐ quận Long Biên")

    # 5. The result report (seed: "chậm nhất ngày 18/9"): the officer drafts it with figures
    # thidua fills in, sends it; the school's figures come from its own record; returned with a
    # reason, fixed and resent; both CĐCS accepted; the roll-up adds them up.
    steps.draft_report_form(
        officer,
        title=REPORT,
        campaign=TITLE[:60],
        due_on=REPORT_ON,
        instructions="Gửi về LĐLĐ Quận chậm nhất ngày hạn nộp.",
    )
    steps.add_indicator(
        officer,
        "Số đoàn viên được phổ biến, quán triệt",
        "Số nguyên",
        "Cộng tổng",
        "Số đoàn viên được phổ biến kế hoạch",
    )
    steps.add_indicator(
        officer,
        "Số công trình, phần việc đã hoàn thành",
        "Số nguyên",
        "Cộng tổng",
        "Số công trình, phần việc đã hoàn thành",
    )
    steps.add_indicator(officer, "Kết quả nổi bật, kiến nghị", "Văn bản", "Không tổng hợp")
    assert "18 đơn vị" in steps.send_report_form(officer)

    steps.open_report_from_home(school, REPORT)
    expect(school.get_by_label("1. Số đoàn viên được phổ biến, quán triệt")).to_have_value("5")
    expect(school.get_by_label("2. Số công trình, phần việc đã hoàn thành")).to_have_value("1")
    assert "lần 1" in steps.submit_report(school, {"3. Kết quả nổi bật, kiến nghị": "Khánh thành vườn trường xanh."})
    steps.open_board(officer, REPORT)
    expect(officer.get_by_test_id("board-on_time")).to_have_text("1")
    journey.shot(officer, "journey-000-07-report-board")
    steps.return_report(officer, "CĐCS Trường THCS Gia Thụy", "Đề nghị ghi rõ ngày khánh thành và đường dẫn tin bài.")
    steps.open_report_from_home(school, REPORT, panel="home-reports-returned")
    expect(school.get_by_test_id("return-reason")).to_contain_text("ghi rõ ngày khánh thành")
    said = steps.submit_report(
        school,
        {
            "3. Kết quả nổi bật, kiến nghị": f"Khánh thành vườn trường xanh ngày {TODAY:%d/%m/%Y}; tin bài trên cổng quận."
        },
    )
    assert "lần 2" in said
    steps.open_report_from_home(company, REPORT)
    steps.submit_report(company, {"3. Kết quả nổi bật, kiến nghị": "Chỉnh trang cổng, tường rào công ty."})
    for unit in ("CĐCS Trường THCS Gia Thụy", "CĐCS Công ty CP May Đức Giang"):
        steps.open_board(officer, REPORT)
        steps.accept_report(officer, unit)
    steps.open_board(officer, REPORT)
    expect(officer.get_by_test_id("board-total")).to_have_text("18")
    officer.get_by_role("link", name="Tổng hợp số liệu").first.click()
    expect(officer.get_by_test_id("rollup-total")).to_contain_text("13")  # 5 + 8 members reached
    journey.shot(officer, "journey-000-08-report-rollup")

    # 6. The review with today's figures, issued under a number; its paper says so. The window
    # is still open today (the seed's year is played in one day), so it is the interim review
    # (sơ kết): a tổng kết dated before the campaign's end is refused (reports.review_document).
    steps.draft_review(officer, plan_url, kind="Sơ kết")
    body = officer.get_by_label("Nội dung")
    expect(body).to_contain_text("2/18 đơn vị đã nộp")
    expect(body).to_contain_text("1 công trình, phần việc được đăng ký; 1 hoàn thành, 1 khánh thành")
    expect(body).to_contain_text("Sáng kiến (gắn với kế hoạch): đăng ký 1, được công nhận 1")
    steps.open_review(chair, plan_url, kind="Sơ kết")
    review_number = steps.issue_review(chair, TODAY)
    journey.shot(chair, "journey-000-09-review")
    paper = steps.pdf_text(steps.download(chair, chair.get_by_role("link", name="Tải PDF")), journey.tmp)
    assert review_number.split()[-1].split("/")[0] in paper

    # 7. Awards: the officer offers Long Biên's Giấy khen and the city's Bằng khen with quotas;
    # the school nominates two members with their dossiers (real PDFs) and sends the batch; one
    # is returned, fixed and resent; both go to the award council; lb_hoidong votes from home.
    steps.offer_awards_and_quotas(
        officer,
        plan_url,
        {("CĐCS Trường THCS Gia Thụy", GIAY_KHEN): 2, ("CĐCS Trường THCS Gia Thụy", BANG_KHEN): 1},
        due_on=ENDS + datetime.timedelta(days=10),
    )
    journey.shot(officer, "journey-000-11-award-quotas")
    steps.open_nominations(school, TITLE)
    expect(school.get_by_test_id("quota").first).to_contain_text("còn")
    an_url = steps.nominate_member(school, award=GIAY_KHEN, member="Nguyễn Văn An", achievement=AN_FIRST)
    steps.upload_dossier(school, journey.tmp)
    steps.open_nominations(school, TITLE)
    nhung_url = steps.nominate_member(school, award=BANG_KHEN, member="Phạm Kim Nhung", achievement=NHUNG)
    steps.upload_dossier(school, journey.tmp)
    assert "LĐLĐ quận Long Biên" in steps.send_batch(school, TITLE)
    journey.shot(school, "journey-000-12-batch-sent")

    steps.open_queue_item(officer, "Nguyễn Văn An")
    steps.return_nomination(officer, "Tóm tắt thành tích cần nêu số liệu cụ thể của đợt thi đua.")
    steps.go_home(school)
    expect(school.locator("main")).to_contain_text("cần nêu số liệu cụ thể")
    school.goto(an_url)
    expect(school.get_by_test_id("return-reason")).to_contain_text("cần nêu số liệu cụ thể")
    steps.fix_and_resend_nomination(school, AN_FIXED)
    for url in (an_url, nhung_url):
        officer.goto(url)
        steps.accept_and_send_to_council(officer)

    award_session = steps.open_council_session(
        officer, "Hội đồng Thi đua – Khen thưởng", "LĐLĐ quận Long Biên", TODAY, "Hội trường LĐLĐ quận"
    )
    officer.get_by_role("button", name="Đưa vào").first.click()  # the second nomination
    with journey.known_break("H2 award council: lb_hoidong's seat and paper ballots"):
        seats = officer.get_by_test_id("attendance").locator('input[name="present"]')
        steps.record_attendance(officer, [s.evaluate("e => e.labels[0].innerText") for s in seats.all()])
        hoidong = journey.as_user("lb_hoidong")
        for nominee in ("Nguyễn Văn An", "Phạm Kim Nhung"):
            steps.open_task(hoidong, "Biểu quyết", nominee)
            steps.cast_own_ballot(hoidong, scores={"Thành tích": 90}, item=nominee)
        for nominee in ("Nguyễn Văn An", "Phạm Kim Nhung"):
            officer.goto(award_session)
            steps.enter_paper_ballots(officer, {"*": {"agree": True, "Thành tích": 85}}, item=nominee)
        steps.close_session(officer, award_session)
        expect(officer.get_by_test_id("item-outcome").first).to_contain_text("Thông qua")

        # 8. The district's chair issues the numbered decision; the certificate names An and
        # carries the number; the officer forwards the city's Bằng khen to Hà Nội.
        decision = steps.issue_award_decision(
            lb_chair := chair, plan_label=TITLE[:40], nominees=["Nguyễn Văn An"], issued_on=TODAY
        )
        number = re.search(r"\d+/QĐ-[\wĐ-]+", decision).group(0)
        journey.shot(lb_chair, "journey-000-13-award-decision")
        certificate = steps.pdf_text(
            steps.download(lb_chair, lb_chair.get_by_test_id("awardees").get_by_role("link", name="Tải PDF")),
            journey.tmp,
        )
        assert "Nguyễn Văn An" in certificate and number in certificate, certificate[:400]
        officer.goto(nhung_url)
        steps.forward_up(officer, "LĐLĐ thành phố Hà Nội")
        city = journey.as_user("hn_bantv")
        steps.open_from_menu(city, "Khen thưởng", "Xét khen thưởng")
        expect(city.get_by_test_id("queue")).to_contain_text("Phạm Kim Nhung")

        # 9. The public honour roll, without logging in, names the awardee.
        public = journey.anonymous()
        public.goto(f"{journey.url}/vinh-danh/")
        public.get_by_test_id("honour-index").get_by_role("link").filter(has_text=TITLE[:40]).first.click()
        expect(public.locator("main")).to_contain_text("Nguyễn Văn An")
        journey.shot(public, "journey-000-14-honour-roll")
        phone = journey.as_user("cdcs_chutich", phone=True)
        steps.go_home(phone)
        journey.shot(phone, "journey-000-15-chair-home-phone")


def test_seed_000_long_bien_20_years(journey):
    play(journey)
