"""Importing a higher level's plan in a browser: the Long Biên emulation officer uploads seed 000
(the district's own plan, as a CĐCS would receive it), reviews what was read, drops a deadline
and creates the draft, whose page lists the deadlines kept."""

from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import DESKTOP, PHONE, _page

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

SEEDS = Path(__file__).resolve().parents[2] / "thidua" / "planimport" / "tests" / "seeds"  # the repository's copies


@pytest.fixture
def seed_000() -> Path:
    found = sorted(SEEDS.glob("000_*.txt"))
    assert found, f"không có kế hoạch mẫu 000 trong {SEEDS}"
    return found[0]


def _upload(page, live_server, seed: Path) -> None:
    page.goto(f"{live_server.url}/ke-hoach/")
    page.get_by_role("link", name="Nhập từ văn bản").click()
    page.get_by_label("Tệp kế hoạch (.docx, .txt hoặc .md)").set_input_files(seed)
    page.get_by_role("button", name="Đọc văn bản").click()
    expect(page.get_by_role("heading", name="Xem lại nội dung đọc được")).to_be_visible()


def test_officer_uploads_a_plan_reviews_it_and_creates_the_draft(
    browser, live_server, log_in, federation, officer, seed_000, artifacts
):
    context, page = _page(browser, DESKTOP)
    log_in(page, "lb_thiduakt")
    _upload(page, live_server, seed_000)

    expect(page.get_by_label("Số, ký hiệu").first).to_have_value("32/KH-LDLĐ")
    expect(page.locator("#import-higher")).to_contain_text("Số: 32/KH-LDLĐ")  # the line it was read from
    expect(page.get_by_label("Thi đua từ ngày")).to_have_value("2023-08-16")
    expect(page.get_by_label("Đến hết ngày")).to_have_value("2023-09-15")
    deadlines = page.get_by_test_id("deadline-row")
    report = deadlines.filter(has=page.locator('input[value="2023-09-18"]'))
    expect(report).to_have_count(1)
    kept = deadlines.count() - 1
    page.screenshot(path=artifacts / "plan-import-review-desktop.png", full_page=True)

    # The officer drops the district's report deadline (not the unit's own) and names the new plan.
    report.get_by_label("Bỏ dòng này").check()
    page.locator("#import-draft").get_by_label("Trích yếu").fill(
        "Triển khai đợt thi đua cao điểm chào mừng kỷ niệm 20 năm Ngày thành lập quận Long Biên"
    )
    page.get_by_test_id("create-draft").click()

    expect(page.get_by_test_id("campaign-status")).to_have_text("Dự thảo")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Triển khai đợt thi đua cao điểm")
    panel = page.locator("#panel-deadline")
    expect(panel.locator("li")).to_have_count(kept)
    expect(panel).to_contain_text("15/09/2023")
    expect(panel).not_to_contain_text("18/09/2023")
    expect(page.locator("#panel-reference")).to_contain_text("32/KH-LDLĐ")
    page.screenshot(path=artifacts / "plan-import-draft-desktop.png", full_page=True)
    context.close()


def test_review_page_on_a_phone(browser, live_server, log_in, federation, officer, seed_000, artifacts):
    context, phone = _page(browser, PHONE, is_mobile=True, has_touch=True, device_scale_factor=2)
    log_in(phone, "lb_thiduakt")
    _upload(phone, live_server, seed_000)
    # Stacked: the source line sits under its field, inside the screen's width.
    field = phone.get_by_label("Thi đua từ ngày").bounding_box()
    source = phone.locator('[data-import-field="plan-starts_on"] [data-testid="source"]').bounding_box()
    assert source["y"] > field["y"] and source["x"] + source["width"] <= PHONE["width"]
    phone.screenshot(path=artifacts / "plan-import-review-phone.png", full_page=True)
    context.close()
