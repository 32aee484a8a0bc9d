"""Seed 000 — Kế hoạch 32/KH-LĐLĐ of LĐLĐ quận Long Biên: the peak campaign "chào mừng kỷ niệm
20 năm Ngày thành lập quận Long Biên", played by the demo logins across every level, from the
plan the district writes to the certificate and the public honour roll. The seed's wording is
copied here (tests never read /work/shared); its dates are moved to today, so what the actors
see is current work rather than a campaign closed years ago."""

import datetime

import pytest
from playwright.sync_api import expect

from tests.journeys import steps

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


def test_seed_000_long_bien_20_years(journey):
    play(journey)
