"""A plan typed in the editor with every part filled prints every part (issue 15): Long Biên's
emulation officer, from the home page's menu, writes the general part, the sections (purpose,
content with its numbered items, an empty window), an activity of the district, a deadline, the
reward part in full and the responsibilities of each level, issues the plan, and the PDF the
plan's page offers reads back every part in the seeds' order, I … V."""

import datetime
import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import DESKTOP, PHONE, _page
from tests.browser.journeys import steps

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

TITLE = "Phát động đợt thi đua cao điểm chào mừng kỷ niệm 20 năm Ngày thành lập quận Long Biên"
REWARD = {
    "Đối tượng": "Công đoàn cơ sở và đoàn viên có thành tích tiêu biểu trong đợt thi đua.",
    "Tiêu chuẩn chung": "Có kế hoạch và tổ chức tốt các hoạt động chào mừng tại đơn vị.",
    "Tiêu chuẩn tập thể": "Đạt các tiêu chuẩn sau:\nTổ chức tốt đợt thi đua cao điểm\nCó công trình chào mừng",
    "Tiêu chuẩn cá nhân": "Hoàn thành tốt nhiệm vụ được giao\nGương mẫu đi đầu trong đợt thi đua",
    "Số lượng": "Mỗi CĐCS đề nghị không quá 01 tập thể và 02 cá nhân",
    "Hồ sơ gồm": "Tờ trình của Công đoàn cơ sở\nBản tóm tắt thành tích của tập thể, cá nhân",
    "Hình thức khen thưởng": "Giấy khen của Ban Thường vụ LĐLĐ quận",
}


def _section(page, heading: str, part: str, body: str) -> None:
    page.locator("#panel-section").get_by_role("button", name="Thêm").click()
    form = page.locator("#form-section")
    form.get_by_label("Tiêu đề").fill(heading)
    form.get_by_label(re.compile(r"^Phần\b")).select_option(label=part)  # "Phần *": required
    form.get_by_label("Nội dung").fill(body)
    form.get_by_role("button", name="Lưu").click()
    # Saved when the panel comes back without its form (the form's own "Phần" list names the
    # part, so the panel's text alone does not tell).
    expect(form.locator("form")).to_have_count(0)
    expect(page.locator("#panel-section")).to_contain_text(heading)


def _responsibility(page, level: str, duties: str) -> None:
    page.locator("#panel-responsibility").get_by_role("button", name="Thêm").click()
    form = page.locator("#form-responsibility")
    form.get_by_label("Cấp, đơn vị").fill(level)
    form.get_by_label("Nhiệm vụ").fill(duties)
    form.get_by_role("button", name="Lưu").click()
    expect(form.locator("form")).to_have_count(0)
    expect(page.locator("#panel-responsibility")).to_contain_text(level)


def _in_order(text: str, expected: list[str]) -> None:
    at = 0
    for item in expected:
        found = text.find(item, at)
        assert found >= 0, f"missing after {at}: {item!r}; text there: {text[at : at + 300]!r}"
        at = found + len(item)


@pytest.fixture
def contexts():
    """Every browser context the test opens, closed at its end: closed contexts drop their
    keep-alive connections, so the live server lets go of the test database (PostgreSQL refuses
    to drop a database still in use)."""
    opened = []
    yield opened
    for context in opened:
        context.close()


def test_a_plan_with_every_part_filled_prints_every_part(
    browser, live_server, log_in, contexts, officer, members, artifacts, tmp_path
):
    context, page = _page(browser, DESKTOP)
    contexts.append(context)
    log_in(page, "lb_thiduakt")  # lands on the home page; the menu leads on
    steps.write_plan(
        page,
        kind="peak",
        title=TITLE,
        plan_date=datetime.date(2023, 8, 21),
        starts_on=datetime.date(2023, 8, 16),
        ends_on=datetime.date(2023, 9, 15),
        place="Long Biên",
        intro="Ban Thường vụ LĐLĐ quận xây dựng kế hoạch phát động đợt thi đua cao điểm như sau:",
        recipients="Quận ủy, UBND Quận;\nCông đoàn các CQ, ĐV, DN, TH;\nLưu VP, TĐ",
        signer_title="TM. BAN THƯỜNG VỤ\nCHỦ TỊCH",
        signer_name="Nguyễn Trường Giang",
    )
    # A document the plan rests on, under "Văn bản căn cứ": the opening text does not name it.
    page.locator("#panel-reference").get_by_role("button", name="Thêm").click()
    reference = page.locator("#form-reference")
    reference.get_by_label("Quan hệ").fill("Căn cứ")
    reference.get_by_label("Loại văn bản").fill("Kế hoạch")
    reference.get_by_label("Số, ký hiệu").fill("123/KH-LĐLĐ")
    reference.get_by_label("Ngày", exact=True).fill("2023-08-20")
    reference.get_by_label("Cơ quan ban hành").fill("LĐLĐ thành phố Hà Nội")
    reference.get_by_role("button", name="Lưu").click()
    expect(reference.locator("form")).to_have_count(0)
    expect(page.locator("#panel-reference")).to_contain_text("123/KH-LĐLĐ")
    _section(page, "Mục đích, yêu cầu", "Mục đích, yêu cầu", "1. Huy động sức mạnh tổng hợp của CNVCLĐ quận.")
    _section(
        page,
        "Nội dung thi đua",
        "Nội dung thi đua",
        "1. Đối với khối doanh nghiệp\n- Thi đua lao động sản xuất\n2. Đối với khối trường học\n- Thi đua dạy tốt, học tốt",
    )
    _section(page, "Thời gian thi đua", "Thời gian thi đua", "")
    page.locator("#panel-activity").get_by_role("button", name="Thêm").click()
    page.locator("#form-activity").get_by_label("Hoạt động").fill("Tổ chức gặp mặt cán bộ BCH, UBKT LĐLĐ quận khóa V")
    page.locator("#form-activity").get_by_label("Ngày", exact=True).fill("2023-09-01")
    page.locator("#form-activity").get_by_role("button", name="Lưu").click()
    expect(page.locator("#panel-activity")).to_contain_text("Tổ chức gặp mặt cán bộ BCH")
    steps.add_plan_deadline(page, "Gửi tin bài, hình ảnh công trình", datetime.date(2023, 9, 12))
    _responsibility(page, "Liên đoàn Lao động quận", "- Hướng dẫn công đoàn cơ sở triển khai kế hoạch.")
    _responsibility(page, "Công đoàn cơ sở", "- Xây dựng kế hoạch phát động đến 100% đoàn viên.")

    page.get_by_role("link", name="Phần khen thưởng").click()
    for label, value in REWARD.items():
        page.get_by_label(label, exact=True).fill(value)
    page.get_by_label("Thủ tục").select_option(label="Thủ tục đơn giản")
    page.get_by_label("Hạn gửi hồ sơ", exact=True).fill("2023-09-25")
    page.get_by_role("button", name="Lưu").click()
    steps.alert(page).to_contain_text("Đã lưu phần khen thưởng")

    steps.deploy_plan_to_all_grassroots(page)
    page.get_by_test_id("issue").click()
    expect(page.get_by_test_id("campaign-status")).to_have_text("Đã ban hành")
    page.screenshot(path=artifacts / "plan-paper-issued-desktop.png", full_page=True)

    # Tải PDF, fetched with the page's session. "Connection: close": kept alive, the live
    # server's thread held its database session after the test and PostgreSQL refused to drop
    # the test database.
    href = page.get_by_role("link", name="Tải PDF").get_attribute("href")
    response = page.context.request.get(live_server.url + href, headers={"Connection": "close"})
    assert response.ok and response.headers["content-type"] == "application/pdf", response.status
    paper = steps.pdf_text(response.body(), tmp_path)
    _in_order(
        paper,
        [
            "KẾ HOẠCH",
            "Căn cứ Kế hoạch số 123/KH-LĐLĐ ngày 20/08/2023 của LĐLĐ thành phố Hà Nội;",
            "Ban Thường vụ LĐLĐ quận xây dựng kế hoạch",
            "I. MỤC ĐÍCH, YÊU CẦU",
            "1. Huy động sức mạnh tổng hợp",
            "II. NỘI DUNG THI ĐUA",
            "2. Đối với khối trường học",
            "3. Các hoạt động của LĐLĐ quận Long Biên:",
            "Tổ chức gặp mặt cán bộ BCH, UBKT LĐLĐ quận khóa V (ngày 01/09/2023)",
            "III. THỜI GIAN THI ĐUA",
            "từ ngày 16/08/2023 đến hết ngày 15/09/2023",
            "IV. KHEN THƯỞNG",
            "1. Đối tượng: " + REWARD["Đối tượng"],
            "2. Tiêu chuẩn:",
            REWARD["Tiêu chuẩn chung"],
            "Tập thể: Đạt các tiêu chuẩn sau:",
            "Có công trình chào mừng",
            "Cá nhân:",
            "Gương mẫu đi đầu trong đợt thi đua",
            "3. Hình thức khen thưởng: " + REWARD["Hình thức khen thưởng"],
            "4. Số lượng, hồ sơ, thời gian đề nghị khen thưởng:",
            "a) Số lượng: " + REWARD["Số lượng"],
            "b) Hồ sơ gồm (theo thủ tục đơn giản):",
            "Bản tóm tắt thành tích của tập thể, cá nhân",
            "c) Thời gian gửi hồ sơ đề nghị khen thưởng: chậm nhất ngày 25/09/2023",
            "V. TỔ CHỨC THỰC HIỆN",
            "1. Liên đoàn Lao động quận:",
            "Hướng dẫn công đoàn cơ sở triển khai kế hoạch.",
            "2. Công đoàn cơ sở:",
            "Xây dựng kế hoạch phát động đến 100% đoàn viên.",
            "3. Các thời hạn:",  # an item of the organisation part, not of the reward part
            "Gửi tin bài, hình ảnh công trình: chậm nhất ngày 12/09/2023",
            "Nguyễn Trường Giang",
        ],
    )

    # The same paper on a phone, through the plan's preview.
    context, phone = _page(browser, PHONE, is_mobile=True, has_touch=True)
    contexts.append(context)
    log_in(phone, "lb_thiduakt")
    phone.goto(page.url)
    phone.get_by_role("link", name="Xem trước").click()
    expect(phone.locator("main")).to_contain_text("IV. KHEN THƯỞNG")
    expect(phone.locator("main")).to_contain_text("V. TỔ CHỨC THỰC HIỆN")
    phone.screenshot(path=artifacts / "plan-paper-preview-phone.png", full_page=True)
