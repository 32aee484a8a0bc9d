"""Two hand-offs between levels, on the demo: a CĐCS answers its district's plan with its own
implementing plan, issued to its groups (tổ công đoàn), and the district's coverage counts it;
the district ties its schools' covenant (giao ước thi đua) to its plan, the school signs it from
its record for the plan, and the plan's "Giao ước thi đua" part shows the signature."""

import datetime
import re

import pytest
from playwright.sync_api import expect

from tests.browser.journeys import steps

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

TODAY = datetime.date.today()
GROUPS = "Tổ Toán – Tin, Tổ Ngữ văn – Ngoại ngữ, Tổ Khoa học tự nhiên, Tổ Văn phòng"  # the demo school's
SEED_000 = "32/KH-LĐLĐ"  # the district's seed plan, numbered as on paper
COVENANT = "Giao ước thi đua khối trường học chào mừng 20 năm thành lập quận"


def open_plan(page, number: str) -> str:
    """Thi đua › Kế hoạch → the plan's row in the list; returns its URL."""
    steps.open_from_menu(page, "Thi đua", "Kế hoạch")
    page.locator("tr", has_text=number).get_by_role("link").first.click()
    expect(page.get_by_test_id("campaign-number")).to_have_text(number)
    return page.url


def own_plans_on_coverage(page, plan_url: str) -> int:
    page.goto(plan_url)
    page.get_by_role("link", name="Tiến độ triển khai").click()
    return int(page.get_by_test_id("cov-own").inner_text())


def test_cdcs_issues_its_own_plan_to_its_groups_and_the_district_counts_it(journey):
    # The school's chair finds a plan of the district not yet acknowledged among those received.
    school = journey.as_user("cdcs_chutich")
    steps.open_from_menu(school, "Thi đua", "Kế hoạch")
    school.get_by_test_id("received").locator("a", has_text="Đã nhận kế hoạch").first.click()
    number = school.get_by_test_id("campaign-number").inner_text()
    assert number.endswith("/KH-LĐLĐ")
    plan_url = school.url

    officer = journey.as_user("lb_thiduakt")
    before = own_plans_on_coverage(officer, plan_url)

    school.get_by_role("button", name="Xác nhận đã nhận").click()
    expect(school.get_by_test_id("deployment-status")).to_have_text("Đã xác nhận")
    steps.start_own_plan(school, number)
    # Pre-filled: the basis, the signer's title, and its groups as the place it goes to.
    expect(school.get_by_test_id("targets-line")).to_have_text(f"Các tổ công đoàn của đơn vị: {GROUPS}")
    journey.shot(school, "cdcs-own-plan-draft-desktop")
    school.get_by_role("link", name="Thông tin chung").click()
    expect(school.get_by_label("Căn cứ, mở đầu")).to_have_value(re.compile(f"^Thực hiện Kế hoạch số {number}"))
    expect(school.get_by_label("Chức danh người ký")).to_have_value("TM. BAN CHẤP HÀNH / CHỦ TỊCH")
    school.get_by_label("Người ký", exact=True).fill("Nguyễn Thị Hồng Hạnh")
    school.get_by_label("Ngày ban hành").fill(TODAY.isoformat())
    school.get_by_role("button", name="Lưu").click()
    said = steps.deploy_own_plan(school, "Các tổ công đoàn của đơn vị")
    assert "Kế hoạch sẽ được gửi đến 4 tổ công đoàn của đơn vị." in said

    phone = journey.as_user("cdcs_chutich", phone=True)
    phone.goto(school.url + "noi-trien-khai/")
    expect(phone.get_by_label("Toàn thể đoàn viên của đơn vị")).to_be_visible()
    journey.shot(phone, "cdcs-own-plan-targets-phone")

    own_number = steps.issue_open_plan(school)
    assert own_number.endswith("/KH-CĐCS")
    steps.alert(school).to_contain_text(f"Đã ban hành Kế hoạch số {own_number}.")
    expect(school.get_by_test_id("issued-targets")).to_contain_text(GROUPS)
    journey.shot(school, "cdcs-own-plan-issued-desktop")
    phone.goto(school.url)
    journey.shot(phone, "cdcs-own-plan-issued-phone")

    # The district's coverage of its plan counts the school's plan, now issued.
    assert own_plans_on_coverage(officer, plan_url) == before + 1
    expect(officer.get_by_test_id("laggards")).not_to_contain_text("Tổ Toán – Tin")
    journey.shot(officer, "cdcs-own-plan-district-coverage")


def test_covenant_tied_to_the_plan_is_signed_by_the_school_and_shown_on_the_plan(journey):
    officer = journey.as_user("lb_thiduakt")
    plan_url = open_plan(officer, SEED_000)
    section = officer.get_by_test_id("plan-covenants")
    expect(section).to_contain_text("Chưa có giao ước nào gắn với kế hoạch này.")
    section.get_by_role("link", name="Soạn giao ước cho kế hoạch này").click()
    plan_choice = officer.get_by_label("Kế hoạch thi đua")
    expect(plan_choice.locator("option:checked")).to_contain_text(SEED_000)
    officer.get_by_label("Cụm, khối thi đua").select_option(label="Khối Trường học")
    officer.get_by_label("Năm").fill(str(TODAY.year))
    officer.get_by_label("Tên giao ước").fill(COVENANT)
    officer.get_by_label("Nội dung giao ước").fill("Các trường cùng thi đua lập thành tích chào mừng 20 năm.")
    officer.get_by_label("Chỉ tiêu").fill("100% đoàn viên được phổ biến\nMỗi trường có ít nhất 01 công trình")
    journey.shot(officer, "covenant-form-desktop")
    officer.get_by_role("button", name="Lưu").click()
    expect(officer.get_by_test_id("parties")).to_contain_text("CĐCS Trường THCS Gia Thụy")

    officer.goto(plan_url)
    row = officer.get_by_test_id("plan-covenants").locator("li", has_text=COVENANT)
    expect(row).to_contain_text("Đã ký 0/")
    signed_of = re.search(r"Đã ký 0/(\d+)", row.inner_text()).group(1)

    # The school reads it in its record for the plan (part 4) and signs it.
    school = journey.as_user("cdcs_chutich")
    school.goto(plan_url)
    school.get_by_test_id("participation-section").get_by_role("link", name="Đăng ký, công trình, mô hình").click()
    part = school.get_by_test_id("record-covenants")
    expect(part).to_contain_text("Chưa ký")
    part.get_by_role("link", name=COVENANT).click()
    school.get_by_label("Họ tên người ký").fill("Nguyễn Thị Hồng Hạnh")
    school.get_by_label("Chức vụ").fill("Chủ tịch Công đoàn cơ sở")
    school.get_by_role("button", name="Ký giao ước").click()
    expect(school.get_by_test_id("parties")).to_contain_text("Nguyễn Thị Hồng Hạnh")
    school.goto(plan_url)
    school.get_by_test_id("participation-section").get_by_role("link", name="Đăng ký, công trình, mô hình").click()
    expect(school.get_by_test_id("record-covenants")).to_contain_text("Đã ký")

    officer.goto(plan_url)
    expect(officer.get_by_test_id("plan-covenants").locator("li", has_text=COVENANT)).to_contain_text(
        f"Đã ký 1/{signed_of}"
    )
    officer.get_by_test_id("plan-covenants").scroll_into_view_if_needed()
    journey.shot(officer, "plan-covenants-desktop")
    phone = journey.as_user("lb_thiduakt", phone=True)
    phone.goto(plan_url)
    journey.shot(phone, "plan-covenants-phone")


def test_cdcs_registers_a_model_late_and_the_district_sees_who_has_none_and_who_was_late(journey):
    """Seed 004: each CĐCS registers at least one "Dân vận khéo" model by 22/02/2021."""
    school = journey.as_user("cdcs_chutich")
    steps.open_from_menu(school, "Thi đua", "Kế hoạch")
    school.get_by_test_id("received").locator("a", has_text="chủ đề công tác năm 2021").first.click()
    plan_url = school.url
    school.get_by_test_id("participation-section").get_by_role("link", name="Đăng ký, công trình, mô hình").click()
    models = school.get_by_test_id("record-models")
    expect(models).to_contain_text("Ít nhất 01 mô hình, hết ngày 22/02/2021")
    steps.register_model(school, "Tổ công đoàn tự quản, đoàn viên tự giác", "Xây dựng tổ chức công đoàn")
    expect(models.locator("div.border-bottom", has_text="Tổ công đoàn tự quản")).to_contain_text("Muộn")
    journey.shot(school, "model-record-desktop")
    phone = journey.as_user("cdcs_chutich", phone=True)
    phone.goto(school.url)
    journey.shot(phone, "model-record-phone")

    officer = journey.as_user("lb_thiduakt")
    officer.goto(plan_url)
    officer.get_by_test_id("participation-section").get_by_role("link", name="Tổng hợp tham gia").click()
    officer.get_by_role("link", name="Chưa có mô hình").click()
    expect(officer.get_by_test_id("ov-missing-title")).to_contain_text("đã quá hạn")
    expect(officer.get_by_test_id("ov-missing")).not_to_contain_text("CĐCS Trường THCS Gia Thụy")
    expect(officer.get_by_test_id("ov-late-parts")).to_contain_text(
        f"CĐCS Trường THCS Gia Thụy (LĐLĐ quận Long Biên) — {TODAY:%d/%m/%Y}"
    )
    journey.shot(officer, "model-overview-desktop")
    officer_phone = journey.as_user("lb_thiduakt", phone=True)
    officer_phone.goto(officer.url)
    journey.shot(officer_phone, "model-overview-phone")
