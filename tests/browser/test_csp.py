"""The Content-Security-Policy (settings.CONTENT_SECURITY_POLICY, issue 16 item 5) in a browser:
the demo's htmx pages keep working under it — the organisation tree opens a unit's children,
the member list and the support-team picker search as one types, the year picker sends its
form — and Chromium reports no violation of the policy on any of them (an inline script, an on*
handler, a style="…" attribute, htmx's injected indicator style or an eval would each be one)."""

import pytest
from playwright.sync_api import expect

from tests.browser.journeys.conftest import demo  # noqa: F401 - the demo federation fixture

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

DEMO_PASSWORD = "thidua2026"


def test_htmx_pages_work_without_a_policy_violation(page, live_server, log_in, demo, artifacts):  # noqa: F811
    refused = []
    page.on(
        "console", lambda message: refused.append(message.text) if "Content Security Policy" in message.text else None
    )
    # The browser's own violation event as well, recorded by a script the test injects (not the page).
    page.add_init_script(
        "document.addEventListener('securitypolicyviolation', e => console.error("
        "'Content Security Policy violation: ' + e.violatedDirective + ' ' + e.blockedURI));"
    )

    response = page.goto(f"{live_server.url}/dang-nhap/")
    policy = response.headers["content-security-policy"]
    assert "default-src 'self'" in policy
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy and "unsafe-eval" not in policy
    assert "frame-ancestors 'none'" in policy and "form-action 'self'" in policy
    log_in(page, "lb_thiduakt", DEMO_PASSWORD)

    # The tree: "+" fetches a unit's children with htmx, then disables itself (core/thidua.js).
    page.goto(f"{live_server.url}/don-vi/")
    opener = page.get_by_role("button", name="Mở đơn vị trực thuộc").first
    node = page.locator(".tree-node").filter(has=opener).first
    opener.click()
    expect(opener).to_be_disabled()
    expect(node.locator(".tree-children > li").first).to_be_visible()

    # The member list searches as one types (htmx swaps #results).
    page.goto(f"{live_server.url}/doan-vien/")
    page.locator("#id_q").fill("nguyen van an")
    expect(page.locator("#results")).to_contain_text("Nguyễn Văn An")

    # The support-team picker: matches come back through htmx as one types.
    page.goto(f"{live_server.url}/to-ho-tro-sang-kien/")
    page.get_by_label("Thành viên").fill("nguyen van an")
    expect(page.get_by_test_id("picker-results")).to_contain_text("Nguyễn Văn An")
    page.screenshot(path=artifacts / "csp-picker-desktop.png", full_page=True)

    # The year picker of the title registrations sends its form when a year is chosen.
    page.goto(f"{live_server.url}/dang-ky-danh-hieu/")
    years = page.locator("select#nam option")
    if years.count() > 1:
        other = years.nth(1).get_attribute("value")
        page.locator("select#nam").select_option(other)
        page.wait_for_url(lambda url: f"nam={other}" in url)

    page.goto(f"{live_server.url}/")
    expect(page.get_by_test_id("home-tasks")).to_be_visible()
    assert refused == []
    # htmx would have injected its indicator rules as a <style> element (refused by the policy).
    assert page.locator("head style").count() == 0
