"""Seed 001 — Kế hoạch 315/KH-LĐLĐ of LĐLĐ tỉnh Lai Châu: the province-wide campaign of the
year ("Phát động phong trào thi đua trong đoàn viên, công chức viên chức, lao động và các cấp
công đoàn"), played by the demo logins down the whole tree: the province's officer writes and
issues the plan to the unions of the level below; LĐLĐ thành phố Lai Châu acknowledges it and
issues its own implementing plan to its CĐCS; a CĐCS acknowledges, launches and registers; the
province's coverage, report board and roll-up see the whole subtree. The seed's wording is copied
here (tests never read /work/shared); its dates are moved to today."""

import datetime
import re

import pytest
from playwright.sync_api import expect

from tests.browser.journeys import steps

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

TODAY = datetime.date.today()
TITLE = "Phát động phong trào thi đua trong đoàn viên, công chức viên chức, lao động và các cấp công đoàn năm 2022"
INTRO = (
    "Thực hiện Chỉ thị số 03/CT-UBND, ngày 11/02/2022 của Ủy ban nhân dân tỉnh Lai Châu Chỉ thị về việc phát "
    "động phong trào thi đua thực hiện thắng lợi nhiệm vụ phát triển kinh tế - xã hội năm 2022; Căn cứ Chương "
    "trình, kế hoạch của Ban Thường vụ LĐLĐ tỉnh Lai Châu; Ban Thường vụ LĐLĐ tỉnh Ban hành Kế hoạch phát động "
    "phong trào thi đua trong công chức, viên chức, lao động và các cấp công đoàn với những nội dung chủ yếu sau:"
)
PURPOSE = (
    "Động viên đoàn viên, công chức, viên chức, lao động, ra sức thi đua lao động giỏi, lao động sáng tạo gắn "
    "với Chương trình “01 triệu sáng kiến” do Tổng Liên đoàn phát động góp phần vào việc phấn đấu hoàn thành tốt "
    "nhất các chỉ tiêu, nhiệm vụ được giao."
)
MEASURES = (
    "Căn cứ Nghị quyết Đại hội Công đoàn các cấp và điều kiện thực tiễn địa phương, đơn vị, các cấp công đoàn "
    "lựa chọn các nội dung, nhiệm vụ phù hợp; xây dựng kế hoạch phát động, hướng dẫn triển khai phong trào thi đua."
)
RECIPIENTS = (
    "TT Tỉnh ủy, HĐND, UBND tỉnh;\nThường trực Tổng Liên đoàn;\nTT TĐKT Cụm TĐ 7 tỉnh BGPB;\n"
    "Các cấp công đoàn trong tỉnh;\nLưu: VT, CSPL và QHLD."
)
DISTRICT_INTRO = (
    "Thực hiện Kế hoạch số {number} của Ban Thường vụ LĐLĐ tỉnh Lai Châu về phát động phong trào thi đua năm "
    "2022, Ban Thường vụ LĐLĐ thành phố Lai Châu triển khai đến các công đoàn cơ sở trực thuộc."
)
REPORT = "Báo cáo sơ kết phong trào thi đua năm 2022 của các cấp công đoàn tỉnh Lai Châu"
REPORTED = "Số đoàn viên được phổ biến, quán triệt"
# The seed runs the calendar year (17/02/2022 → the year's end): moved so that today falls inside.
STARTS, ENDS = TODAY - datetime.timedelta(days=20), TODAY + datetime.timedelta(days=200)
REPORT_ON = TODAY + datetime.timedelta(days=30)
SCHOOL = "CĐCS Trường THCS Quyết Thắng"
DISTRICT = "LĐLĐ thành phố Lai Châu"
# The implementing plan a level drafts from the one it received is titled after it.
DISTRICT_TITLE = "Triển khai " + TITLE[0].lower() + TITLE[1:]
BANG_KHEN = "Bằng khen của Liên đoàn Lao động tỉnh, thành phố"


def play(journey) -> None:
    # 1. The province's officer writes the plan and issues it to the unions one level below
    # (two district federations, the provincial education union, the province's own office).
    province = journey.as_user("lc_thiduakt")
    plan_url = steps.write_plan(
        province,
        kind="movement",
        title=TITLE,
        plan_date=TODAY,
        starts_on=STARTS,
        ends_on=ENDS,
        place="Lai Châu",
        intro=INTRO,
        recipients=RECIPIENTS,
        signer_title="TM. BAN THƯỜNG VỤ",
        signer_name="Nguyễn Thị Thiệp",
    )
    steps.add_plan_section(province, "MỤC ĐÍCH, YÊU CẦU", PURPOSE)
    steps.add_plan_section(province, "BIỆN PHÁP TỔ CHỨC THỰC HIỆN", MEASURES)
    said = steps.deploy_own_plan(province, "Công đoàn cấp dưới trực tiếp (triển khai tiếp xuống cơ sở)")
    assert "triển khai đến 4" in said, said
    number = steps.issue_plan(province, TITLE, "LĐLĐ tỉnh Lai Châu")
    assert number.endswith("/KH-LĐLĐ"), number
    journey.shot(province, "journey-001-01-province-plan-issued")
    paper = steps.plan_pdf_text(province, journey.tmp)
    assert number in paper and "KẾ HOẠCH" in paper and "Nguyễn Thị Thiệp" in paper
    assert "01 triệu sáng kiến" in paper and "Cụm TĐ 7 tỉnh BGPB" in paper

    # 2. LĐLĐ thành phố Lai Châu finds it on its home page, acknowledges it, and issues its own
    # implementing plan to all its CĐCS.
    district = journey.as_user("lctp_thiduakt")
    steps.acknowledge_plan_from_home(district, TITLE)
    steps.start_own_plan(district, number)
    district.get_by_role("link", name="Thông tin chung").click()
    district.get_by_label("Căn cứ, mở đầu").fill(DISTRICT_INTRO.format(number=number))
    district.get_by_label("Địa danh").fill("Thành phố Lai Châu")
    district.get_by_role("button", name="Lưu").click()
    said = steps.deploy_plan_to_all_grassroots(district)
    assert "12" in said, said
    steps.sign_and_date_plan(district, "Lò Văn Thắng", TODAY, signer_title="TM. BAN THƯỜNG VỤ\nPHÓ CHỦ TỊCH")
    district_number = steps.issue_open_plan(district)
    district_plan_url = district.url
    assert district_number.endswith("/KH-LĐLĐ") and district_number != number, district_number
    paper = steps.plan_pdf_text(district, journey.tmp)
    assert district_number in paper and number in paper and "Lò Văn Thắng" in paper, paper[:600]
    journey.shot(district, "journey-001-02-district-plan-issued")

    # 3. A CĐCS of the city finds the district's plan on its home page, acknowledges and
    # launches it, and registers for the campaign.
    school = journey.as_user("lctp_cdcs")
    cdcs_plan_url = steps.acknowledge_plan_from_home(school, TITLE)
    expect(school.locator("main")).to_contain_text(district_number)
    steps.launch_plan(school, TODAY, members_reached=4)
    steps.open_participation(school, cdcs_plan_url)
    steps.register_for_plan(school, "100% đoàn viên được phổ biến kế hoạch\nPhấn đấu 02 sáng kiến cấp cơ sở")
    journey.shot(school, "journey-001-03-cdcs-registered")

    # 4. The province's coverage counts the whole subtree through the district's plan: the
    # district acknowledged with its own plan, the school launched below it.
    province.goto(plan_url)
    province.get_by_role("link", name="Tiến độ triển khai").first.click()
    expect(province.get_by_test_id("cov-targets")).to_have_text("16")  # 4 below the province + 12 CĐCS
    expect(province.get_by_test_id("cov-acknowledged")).to_contain_text("2 (")
    expect(province.get_by_test_id("cov-launched")).to_contain_text("1 (")
    expect(province.get_by_test_id("cov-own")).to_have_text("1")
    expect(province.locator("table tr", has_text=DISTRICT).locator("td").nth(1)).to_have_text("13")
    journey.shot(province, "journey-001-04-province-coverage")
    province.locator("table").get_by_role("link", name=DISTRICT).click()
    expect(province.get_by_test_id("laggards")).not_to_contain_text(SCHOOL)
    expect(province.locator("table")).to_contain_text("CĐCS")

    # 5. The province asks every CĐCS in the province for a report tied to its plan; the school
    # sends it from its home page, its figure filled in from its own record; the province's board
    # and roll-up count it.
    steps.draft_report_form(
        province,
        title=REPORT,
        campaign=TITLE[:60],
        due_on=REPORT_ON,
        instructions="Gửi về LĐLĐ tỉnh qua hệ thống.",
    )
    steps.add_indicator(province, REPORTED, "Số nguyên", "Cộng tổng", "Số đoàn viên được phổ biến kế hoạch")
    sent = steps.send_report_form(province)
    steps.open_report_from_home(school, REPORT)
    expect(school.get_by_label(f"1. {REPORTED}")).to_have_value("4")
    steps.submit_report(school, {})
    steps.open_board(province, REPORT)
    expect(province.get_by_test_id("board-on_time")).to_have_text("1")
    assert province.get_by_test_id("board-total").inner_text() in sent, sent
    steps.accept_report(province, SCHOOL)
    steps.open_board(province, REPORT)
    province.get_by_role("link", name="Tổng hợp số liệu").first.click()
    expect(province.get_by_test_id("rollup-total")).to_contain_text("4")
    journey.shot(province, "journey-001-05-province-rollup")

    # 6. An award beyond the district's authority goes up: the district offers the province's
    # Bằng khen on its own plan; the school nominates a teacher; the district's award council
    # (founded for it) recommends her; the district forwards it; it reaches the province's queue.
    steps.offer_awards_and_quotas(district, district_plan_url, {(SCHOOL, BANG_KHEN): 1}, REPORT_ON)
    steps.open_nominations(school, DISTRICT_TITLE)
    school.get_by_role("link", name="Thêm đề nghị").click()  # whom the list offers (the demo's names are drawn)
    offered = [o.strip() for o in school.get_by_label("Đoàn viên", exact=True).locator("option").all_inner_texts()]
    nominee = next(o for o in offered if o and o[0].isalpha() and o != "Vàng Thị Dung")
    school.go_back()
    steps.nominate_member(
        school,
        award=BANG_KHEN,
        member=nominee,
        achievement="Giáo viên dạy giỏi cấp tỉnh; 02 sáng kiến được công nhận trong Chương trình “01 triệu sáng kiến”.",
    )
    steps.upload_dossier(school, journey.tmp)
    assert "đến LĐLĐ thành phố Lai Châu" in steps.send_batch(school, DISTRICT_TITLE)
    seats = [("Lò Văn Thắng", "Chủ tịch Hội đồng"), ("Vàng Thị Dung", "Thư ký")]  # the secretary signs the minutes
    steps.found_council(district, "Hội đồng Thi đua – Khen thưởng", f"Hội đồng Thi đua – Khen thưởng {DISTRICT}", seats)
    steps.open_queue_item(district, nominee)
    steps.accept_and_send_to_council(district)
    session = steps.open_council_session(district, "Hội đồng Thi đua – Khen thưởng", DISTRICT, TODAY)
    steps.record_attendance(district, [name for name, _role in seats])
    steps.enter_paper_ballots(district, {name: {"agree": True, "Thành tích": 90} for name, _role in seats})
    assert steps.close_session(district, session) == "Thông qua · 2/2"
    # Xét khen thưởng opens on what waits for review; the council's recommendations are a click away.
    steps.open_from_menu(district, "Khen thưởng", "Xét khen thưởng")
    district.get_by_role("link", name=re.compile("^Hội đồng đề nghị khen thưởng")).first.click()
    district.get_by_test_id("queue").get_by_role("link", name=nominee).first.click()
    steps.forward_up(district, "LĐLĐ tỉnh Lai Châu")
    steps.open_from_menu(province, "Khen thưởng", "Xét khen thưởng")
    queue = province.get_by_test_id("queue")
    expect(queue).to_contain_text(nominee)
    expect(queue).to_contain_text(BANG_KHEN)
    journey.shot(province, "journey-001-06-province-award-queue")


def test_seed_001_lai_chau_province_wide(journey):
    play(journey)
