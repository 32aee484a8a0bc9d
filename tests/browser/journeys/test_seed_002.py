"""Seed 002 — Kế hoạch 92/KH-LĐLĐ of LĐLĐ huyện Gia Lâm: the special COVID-19 campaign, whose
awards go by the SIMPLIFIED procedure ("thủ tục đơn giản", Điều 55 Nghị định 91/2017/NĐ-CP:
Tờ trình; Bản tóm tắt thành tích, có xác nhận của lãnh đạo đơn vị). Played by the demo logins:
the district's officer writes and issues the plan; a CĐCS of Gia Lâm acknowledges and launches
it, nominates a member with the simplified dossier; the district's award council votes; the
chair issues the numbered decision; the certificate names the member and the decision's number.
The seed's wording is copied here (tests never read /work/shared); its dates are moved to today."""

import datetime
import re

import pytest
from playwright.sync_api import expect

from tests.browser.journeys import steps

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

TODAY = datetime.date.today()
TITLE = (
    "Tổ chức phong trào thi đua đặc biệt “Công nhân, viên chức, lao động nỗ lực vượt khó, sáng tạo, quyết tâm "
    "chiến thắng đại dịch COVID - 19”"
)
INTRO = (
    "Thực hiện Kế hoạch số 44/KH-LĐLĐ ngày 06/9/2021 của Liên đoàn Lao động thành phố Hà Nội về việc tổ chức "
    "phong trào thi đua đặc biệt “Công nhân, viên chức, lao động nỗ lực vượt khó, sáng tạo, quyết tâm chiến "
    "thắng đại dịch COVID-19”; Ban Thường vụ Liên đoàn Lao động Huyện xây dựng Kế hoạch với các nội dung cụ thể "
    "như sau."
)
CONTENT = (
    "Mỗi cơ quan, đơn vị, doanh nghiệp và công đoàn cơ sở là một pháo đài, là mái nhà bình yên. Tăng cường các "
    "biện pháp phòng, chống dịch với tinh thần “An toàn mới sản xuất, sản xuất phải an toàn”."
)
DOSSIER = "Tờ trình;\nBản tóm tắt thành tích, có xác nhận của lãnh đạo đơn vị."
GIAY_KHEN = "Giấy khen của Công đoàn cấp trên trực tiếp cơ sở"
SCHOOL = "CĐCS Trường THCS Dương Xá"
# The seed runs "từ ngày 01/9/2021 đến khi tình hình dịch bệnh được kiểm soát": moved to today.
STARTS, ENDS = TODAY - datetime.timedelta(days=10), TODAY + datetime.timedelta(days=90)
DOSSIER_DUE = TODAY + datetime.timedelta(days=30)
# Gia Lâm's award council, seated from the district's people (demo: README "Tài khoản dùng thử").
COUNCIL = (("Nguyễn Đức Thê", "Chủ tịch Hội đồng"), ("Vũ Thị Hồng Nhung", "Thư ký"), ("Ngô Thị Thanh Hương", "Ủy viên"))


def play(journey) -> None:
    # 1. Gia Lâm's officer writes the plan, its award part by the simplified procedure, and
    # issues it to every CĐCS of the district.
    officer = journey.as_user("gl_thiduakt")
    steps.write_plan(
        officer,
        kind="peak",
        title=TITLE,
        plan_date=TODAY,
        starts_on=STARTS,
        ends_on=ENDS,
        place="Gia Lâm",
        intro=INTRO,
        recipients="LĐLĐ thành phố (để b/c);\nHuyện ủy GL (để b/c);\nCĐCS trực thuộc; (để thực hiện)\nLưu VP.",
        signer_title="TM. BAN THƯỜNG VỤ\nCHỦ TỊCH",
        signer_name="Nguyễn Đức Thê",
    )
    steps.add_plan_section(officer, "NỘI DUNG PHONG TRÀO THI ĐUA", CONTENT)
    steps.set_reward_part(officer, procedure="Thủ tục đơn giản", dossier=DOSSIER, due_on=DOSSIER_DUE)
    steps.add_plan_part(officer, "KHEN THƯỞNG", "Khen thưởng")
    steps.deploy_plan_to_all_grassroots(officer)
    number = steps.issue_plan(officer, TITLE, "LĐLĐ huyện Gia Lâm")
    plan_url = officer.url
    paper = steps.plan_pdf_text(officer, journey.tmp)
    assert number in paper and "Nguyễn Đức Thê" in paper and "pháo đài" in paper
    assert "Hồ sơ gồm (theo thủ tục đơn giản)" in paper, paper
    assert "Bản tóm tắt thành tích, có xác nhận của lãnh đạo đơn vị" in paper, paper
    journey.shot(officer, "journey-002-01-plan-issued")

    # 2. The officer offers the district's Giấy khen and allots two to the school; the dossier
    # asked is the simplified one (no full report of achievements).
    steps.offer_awards_and_quotas(officer, plan_url, {(SCHOOL, GIAY_KHEN): 2}, DOSSIER_DUE)
    checklist = officer.get_by_test_id("checklist")
    expect(officer.locator("main")).to_contain_text("Thành phần hồ sơ (Thủ tục đơn giản)")
    expect(checklist).to_contain_text("Bản tóm tắt thành tích")
    expect(checklist).not_to_contain_text("Báo cáo thành tích")
    journey.shot(officer, "journey-002-02-award-setup")

    # 3. The school's chair finds the plan on her home page, acknowledges and launches it, and
    # nominates a teacher with the simplified dossier.
    chair = journey.as_user("gl_cdcs")
    steps.acknowledge_plan_from_home(chair, TITLE)
    steps.launch_plan(chair, TODAY, members_reached=4)
    steps.open_nominations(chair, TITLE)
    expect(chair.get_by_test_id("quota")).to_contain_text("còn 2")
    chair.get_by_role("link", name="Thêm đề nghị").click()  # whom the list offers (the demo's names are drawn)
    offered = [o.strip() for o in chair.get_by_label("Đoàn viên", exact=True).locator("option").all_inner_texts()]
    nominee = next(o for o in offered if o and o[0].isalpha() and o not in dict(COUNCIL))  # not the chair herself
    chair.go_back()
    nomination_url = steps.nominate_member(
        chair,
        award=GIAY_KHEN,
        member=nominee,
        achievement="Tham gia tổ An toàn Covid-19 của trường; vận động 100% đoàn viên tiêm vắc xin; dạy trực tuyến.",
    )
    codes = steps.upload_dossier(chair, journey.tmp)
    assert "tom-tat-thanh-tich" in codes and "bao-cao-thanh-tich" not in codes, codes
    journey.shot(chair, "journey-002-03-nomination-dossier")
    said = steps.send_batch(chair, TITLE)
    assert "đến LĐLĐ huyện Gia Lâm" in said, said

    # 4. Gia Lâm has no award council yet: the officer sets one up (the federation's chair,
    # herself as secretary, a CĐCS chair), accepts the nomination from her queue and sends it to
    # the council, which sits with all three present (their paper ballots entered).
    steps.found_council(
        officer, "Hội đồng Thi đua – Khen thưởng", "Hội đồng Thi đua – Khen thưởng LĐLĐ huyện Gia Lâm", COUNCIL
    )
    steps.open_queue_item(officer, nominee)
    steps.accept_and_send_to_council(officer)
    session = steps.open_council_session(
        officer, "Hội đồng Thi đua – Khen thưởng", "LĐLĐ huyện Gia Lâm", TODAY, "Hội trường LĐLĐ huyện"
    )
    steps.record_attendance(officer, [name for name, _role in COUNCIL])
    steps.enter_paper_ballots(officer, {name: {"agree": True, "Thành tích": 90} for name, _role in COUNCIL})
    steps.alert(officer).to_contain_text("Đã nhập phiếu")
    outcome = steps.close_session(officer, session)
    assert outcome == "Thông qua · 3/3", outcome
    journey.shot(officer, "journey-002-04-council")

    # 5. The chair of the district federation issues the numbered decision; the certificate
    # names the teacher and the decision's number; the school sees its nomination awarded.
    head = journey.as_user("gl_chutich")
    line = steps.issue_award_decision(head, plan_label=TITLE[:30], nominees=[nominee], issued_on=TODAY)
    decision_number = re.search(r"\d+/QĐ-[\wĐ-]+", line).group(0)
    journey.shot(head, "journey-002-05-decision")
    certificate = steps.certificate_text(head, journey.tmp)
    assert nominee in certificate and decision_number in certificate, certificate
    chair.goto(nomination_url)
    expect(chair.locator('[data-testid^="status-"]').first).to_contain_text("khen thưởng")


def test_seed_002_gia_lam_covid_simplified_awards(journey):
    play(journey)
