"""The home page on the demo loaded as a living year (load_demo --hom-nay, the clock fixed on
that day): what the district's officer, a CĐCS chair and a member see first, on a desktop
and on a 390 px phone."""

import datetime

import pytest
from django.utils import timezone

from thidua.org.tests.demo_snapshot import load_demo

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

DAY = datetime.date(2026, 3, 10)
REASON = "Số đoàn viên được phổ biến chưa khớp với biên bản."  # the reports demo's return
DEMO_PASSWORD = "thidua2026"


@pytest.fixture
def living_demo(monkeypatch, unit_kinds):
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: DAY)
    load_demo(scale=0.03, today=DAY.isoformat())


def _first_task(page):
    return page.get_by_test_id("home-tasks").get_by_test_id("home-task").first


def test_each_role_opens_on_what_to_do_now(browser, live_server, log_in, living_demo, page, phone, artifacts):
    for viewport, tab in (("desktop", page), ("phone", phone)):
        log_in(tab, "cdcs_chutich", DEMO_PASSWORD)
        first = _first_task(tab)
        assert first.get_attribute("data-state") == "returned"
        assert first.get_attribute("data-urgency") == "late"
        assert f"Bị trả lại: {REASON}" in first.inner_text()
        assert first.get_by_role("link", name="Sửa và nộp lại", exact=True).is_visible()
        second = tab.get_by_test_id("home-tasks").get_by_test_id("home-task").nth(1)
        assert "Đăng ký thi đua, chỉ tiêu năm gửi về LĐLĐ Quận" in second.inner_text()
        assert "Quá hạn" in second.inner_text()
        # The 2023 campaign's deadlines are folded away, not among today's work.
        assert not tab.get_by_text("Hoàn thành các công trình, phần việc chào mừng kỷ niệm 20 năm").first.is_visible()
        tab.screenshot(path=str(artifacts / f"home-chair-{viewport}.png"), full_page=False)
        tab.context.clear_cookies()

        log_in(tab, "lb_thiduakt", DEMO_PASSWORD)
        first = _first_task(tab)
        assert "đơn vị chưa nộp: Báo cáo định kỳ hằng quý" in first.inner_text()
        assert first.get_attribute("data-urgency") == "late"
        second = tab.get_by_test_id("home-tasks").get_by_test_id("home-task").nth(1)
        assert "Theo dõi: Đăng ký thi đua, chỉ tiêu năm gửi về LĐLĐ Quận" in second.inner_text()
        assert second.get_attribute("data-urgency") == "late"
        tab.screenshot(path=str(artifacts / f"home-officer-{viewport}.png"), full_page=False)
        tab.context.clear_cookies()

        log_in(tab, "doanvien", DEMO_PASSWORD)
        own = tab.get_by_test_id("home-own")
        assert own.get_by_text("Số hóa sổ theo dõi đoàn viên bằng bảng tính dùng chung").is_visible()
        assert own.get_by_text("Đăng ký danh hiệu năm 2026: Lao động tiên tiến").is_visible()
        tab.screenshot(path=str(artifacts / f"home-member-{viewport}.png"), full_page=False)
        tab.context.clear_cookies()
