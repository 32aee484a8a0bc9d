"""Seed 004 — Long Biên's plan for the 2021 work theme (chủ đề công tác năm): each CĐCS registers
at least one "Dân vận khéo" model by a deadline (the seed: "chậm nhất ngày 22/02/2021") and
reports every quarter "trước ngày 15 tháng cuối quý". Played by the demo logins: the district
issues the plan; the school registers its model on time, the company does not; the quarterly
report is sent, returned with a reason, fixed and resent; the deadlines pass (the server's clock
moves on, nothing sleeps); the district sees who has no model, reminds the units that have not
reported from the board and reads the reminders sent; the interim review (sơ kết) drafted before
the deadline is refreshed with the figures of the day and issued. The seed's wording is copied
here (tests never read /work/shared); its dates are moved to today."""

import datetime

import pytest
from playwright.sync_api import expect

from tests.browser.journeys import steps

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

TODAY = datetime.date.today()
TITLE = f"Thực hiện chủ đề công tác năm {TODAY.year} trong CNVCLĐ quận Long Biên"
INTRO = (
    "Thực hiện chủ đề công tác năm của Tổng LĐLĐ Việt Nam “Nâng cao chất lượng đội ngũ cán bộ công đoàn cơ sở”, "
    "của quận Long Biên “Năm Dân vận khéo, trọng tâm công tác giải phóng mặt bằng” và của LĐLĐ quận Long Biên "
    "“Tổ chức công đoàn phục vụ đoàn viên”; Ban thường vụ LĐLĐ Quận Long Biên xây dựng kế hoạch như sau:"
)
MODELS_PART = (
    "Mỗi CĐCS lựa chọn ít nhất 1 nội dung để đăng ký mô hình “Dân vận khéo” phù hợp với tình hình thực tiễn, "
    "nhiệm vụ chính trị của cơ quan, đơn vị, doanh nghiệp, trường học."
)
MODEL_DUE_TEXT = "Đăng ký mô hình “Dân vận khéo” gửi về LĐLĐ Quận"
REPORT_DUE_TEXT = "Báo cáo kết quả thực hiện hằng quý về LĐLĐ quận Long Biên trước ngày 15 tháng cuối quý"
MODEL = "Tuyên truyền, vận động gia đình đoàn viên bàn giao mặt bằng đúng tiến độ"
REPORT = f"Báo cáo quý kết quả thực hiện chủ đề công tác năm {TODAY.year}"
REASON = "Đề nghị ghi rõ tên mô hình “Dân vận khéo” và số đoàn viên tham gia."
SCHOOL, COMPANY = "CĐCS Trường THCS Gia Thụy", "CĐCS Công ty CP May Đức Giang"
# The seed's model deadline (22/02, six weeks after the plan) moved to today: the school
# registers on the last day, the company misses it.
MODEL_DUE = TODAY
STARTS, ENDS = TODAY - datetime.timedelta(days=30), TODAY + datetime.timedelta(days=200)


def play(journey) -> None:
    # 1. The district writes the plan with its two deadlines; its chair issues it.
    officer = journey.as_user("lb_thiduakt")
    steps.write_plan(
        officer,
        kind="annual_theme",
        title=TITLE,
        plan_date=TODAY,
        starts_on=STARTS,
        ends_on=ENDS,
        place="Long Biên",
        intro=INTRO,
        recipients="Thường trực LĐLĐ HN;\nThường trực Quận uỷ, Lãnh đạo UBND Quận;\nCông đoàn cơ sở;\nLưu VP.",
        signer_title="TM. BAN THƯỜNG VỤ\nCHỦ TỊCH",
        signer_name="Phan Thị Thu Hằng",
    )
    steps.add_plan_section(officer, "NỘI DUNG", MODELS_PART)
    steps.add_plan_deadline(officer, MODEL_DUE_TEXT, MODEL_DUE)
    steps.deploy_plan_to_all_grassroots(officer)
    chair = journey.as_user("lb_chutich")
    number = steps.issue_plan(chair, TITLE, "LĐLĐ quận Long Biên")
    plan_url = chair.url
    paper = steps.plan_pdf_text(chair, journey.tmp)
    assert number in paper and "Dân vận khéo" in paper and "Phan Thị Thu Hằng" in paper
    steps.set_participation_due(officer, plan_url, "Mô hình “Dân vận khéo”", MODEL_DUE)

    # 2. The school acknowledges it from its home page and registers its model on the last day.
    school = journey.as_user("cdcs_chutich")
    steps.acknowledge_plan_from_home(school, TITLE)
    steps.open_participation(school, plan_url)
    models = school.get_by_test_id("record-models")
    expect(models).to_contain_text(f"Ít nhất 01 mô hình, hết ngày {MODEL_DUE:%d/%m/%Y}")
    steps.register_model(school, MODEL, "Giải phóng mặt bằng")
    expect(models.locator("div.border-bottom", has_text=MODEL)).not_to_contain_text("Muộn")
    journey.shot(school, "journey-004-01-model-on-time")
    company = journey.as_user("cdcs_canbo")
    steps.acknowledge_plan_from_home(company, TITLE)

    # 3. The quarterly report: due before the 15th of the quarter's last month; the model count
    # fills itself in from the school's record.
    steps.draft_quarterly_report_form(
        officer,
        title=REPORT,
        campaign=TITLE[:60],
        day=15,
        instructions="Gửi về LĐLĐ Quận trước ngày 15 tháng cuối quý.",
    )
    steps.add_indicator(
        officer, "Số mô hình “Dân vận khéo” đã đăng ký", "Số nguyên", "Cộng tổng", "Số mô hình đã đăng ký"
    )
    steps.add_indicator(officer, "Kết quả nổi bật, kiến nghị", "Văn bản", "Không tổng hợp")
    assert "18 đơn vị" in steps.send_report_form(officer)
    steps.open_board(officer, REPORT)
    report_due = steps.board_due_on(officer)
    assert report_due.day == 14 and report_due.month in (3, 6, 9, 12), report_due

    steps.open_report_from_home(school, REPORT)
    expect(school.get_by_label("1. Số mô hình “Dân vận khéo” đã đăng ký")).to_have_value("1")
    assert "lần 1" in steps.submit_report(school, {"2. Kết quả nổi bật, kiến nghị": "Đã đăng ký mô hình."})

    # 4. Returned with a reason: the school's home says so, with the reason; fixed and resent.
    steps.open_board(officer, REPORT)
    expect(officer.get_by_test_id("board-on_time")).to_have_text("1")
    steps.return_report(officer, SCHOOL, REASON)
    steps.go_home(school)
    expect(school.get_by_test_id("home-reports-returned")).to_contain_text(f"Bị trả lại: {REASON}")
    journey.shot(school, "journey-004-02-report-returned-home")
    phone = journey.as_user("cdcs_chutich", phone=True)
    expect(phone.get_by_test_id("home-reports-returned")).to_contain_text(f"Bị trả lại: {REASON}")
    journey.shot(phone, "journey-004-02-report-returned-home-phone")
    steps.open_report_from_home(school, REPORT, panel="home-reports-returned")
    said = steps.submit_report(
        school, {"2. Kết quả nổi bật, kiến nghị": f"Mô hình “{MODEL}”: 42 đoàn viên tham gia vận động."}
    )
    assert "lần 2" in said
    steps.go_home(school)
    expect(school.get_by_test_id("home-reports")).not_to_contain_text(REASON)

    # 5. The interim review drafted now, with the figures of today: one model, one report.
    steps.draft_review(officer, plan_url, kind="Sơ kết")
    review_url = officer.url
    body = officer.get_by_label("Nội dung")
    expect(body).to_contain_text("- 1 công đoàn cơ sở có mô hình")
    expect(body).to_contain_text(f"- Báo cáo “{REPORT}”: 1/18 đơn vị đã nộp")

    # 6. Both deadlines pass.
    with steps.days_later(max(1, (report_due - TODAY).days + 1)) as later:
        # The district sees who has no model: the company, past due; not the school.
        steps.open_participation_overview(officer, plan_url, missing="Chưa có mô hình")
        expect(officer.get_by_test_id("ov-missing-title")).to_contain_text("đã quá hạn")
        expect(officer.get_by_test_id("ov-missing")).to_contain_text(COMPANY)
        expect(officer.get_by_test_id("ov-missing")).not_to_contain_text(SCHOOL)
        journey.shot(officer, "journey-004-03-models-missing-past-due")

        # The board: the units still without a report are late; the officer reminds them and
        # reads the reminders sent, which name the company and not the school.
        steps.open_board(officer, REPORT)
        expect(officer.get_by_test_id("remind-late")).to_contain_text("17 đơn vị đã quá hạn mà chưa nộp")
        assert "Đã nhắc 17 đơn vị chưa nộp" in steps.remind_late_units(officer)
        log = officer.get_by_test_id("reminders-sent")
        expect(log.get_by_role("row").filter(has_text=COMPANY)).to_contain_text("Cán bộ nhắc")
        expect(log).not_to_contain_text(SCHOOL)
        journey.shot(officer, "journey-004-04-board-reminded")

        # The company sends its report late, from its home page.
        steps.go_home(company)
        expect(company.get_by_test_id("home-reports-overdue")).to_contain_text(REPORT[:40])
        steps.open_report_from_home(company, REPORT, panel="home-reports-overdue")
        steps.submit_report(company, {"2. Kết quả nổi bật, kiến nghị": "Đang lựa chọn mô hình “Dân vận khéo”."})
        steps.open_board(officer, REPORT)
        expect(officer.get_by_test_id("board-late")).to_have_text("1")

        # The review's figures refreshed to the day, then issued; its paper says them.
        officer.goto(review_url)
        expect(body).to_contain_text("1/18 đơn vị đã nộp")
        steps.refresh_review_figures(officer)
        expect(body).to_contain_text(f"- Báo cáo “{REPORT}”: 2/18 đơn vị đã nộp")
        expect(body).to_contain_text("%), 1 nộp muộn.")
        expect(body).to_contain_text("- 1 công đoàn cơ sở có mô hình")
        journey.shot(officer, "journey-004-05-review-refreshed")
        chair.goto(review_url)
        review_number = steps.issue_review(chair, later)
        paper = steps.pdf_text(steps.download(chair, chair.get_by_role("link", name="Tải PDF")), journey.tmp)
        assert review_number.split()[-1].split("/")[0] in paper
        assert "2/18 đơn vị đã nộp" in paper and "1 nộp muộn" in paper, paper
        assert "1 công đoàn cơ sở có mô hình" in paper, paper
        journey.shot(chair, "journey-004-06-review-issued")


def test_seed_004_work_theme_models_and_quarterly_reports(journey, settings):
    # The story runs past the report's deadline (up to a quarter): the logins stay signed in.
    settings.SESSION_COOKIE_AGE = 200 * 24 * 3600
    play(journey)
