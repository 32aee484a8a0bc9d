"""Switching the interface to English and back from the top bar, on a desktop and on a phone
(where the button sits in the collapsed menu once logged in, and in plain sight on the login
page). Screenshots go to test-artifacts/."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.menu import follow_menu

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_officer_switches_to_english_and_back(page, live_server, log_in, federation, members, officer, artifacts):
    log_in(page, "lb_thiduakt")
    page.goto(f"{live_server.url}/doan-vien/")
    expect(page.get_by_test_id("result-count")).to_have_text("3 đoàn viên")

    page.get_by_role("button", name="English").click()
    # set_language sends the user back to the page they were on, now in English.
    page.wait_for_url(f"{live_server.url}/doan-vien/")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_test_id("result-count")).to_have_text("3 members")
    expect(page.get_by_role("heading", level=1)).to_have_text("Members")
    expect(page.get_by_role("link", name="Export to Excel")).to_be_visible()
    expect(page.get_by_test_id("acting-role")).to_have_text("Emulation and Commendation officer")
    expect(page.get_by_role("button", name="Log out")).to_be_visible()
    expect(page.get_by_role("button", name="English")).to_have_count(0)
    page.screenshot(path=artifacts / "language-en-members-desktop.png", full_page=True)

    # The choice stays while the user moves around.
    follow_menu(page, "Emulation", "Plan")
    expect(page.get_by_role("heading", level=1)).to_have_text("Plans and emulation campaigns")

    page.get_by_role("button", name="Tiếng Việt").click()
    expect(page.locator("html")).to_have_attribute("lang", "vi")
    expect(page.get_by_role("heading", level=1)).to_have_text("Kế hoạch, phong trào thi đua")
    expect(page.get_by_role("button", name="Đăng xuất")).to_be_visible()
    expect(page.get_by_role("button", name="English")).to_be_visible()
    page.screenshot(path=artifacts / "language-vi-plans-desktop.png")


def test_phone_switches_on_the_login_page_and_in_the_menu(phone, live_server, officer, artifacts):
    phone.goto(f"{live_server.url}/dang-nhap/")
    phone.get_by_role("button", name="English").click()
    expect(phone.get_by_role("heading", level=1)).to_have_text("Log in")
    phone.screenshot(path=artifacts / "language-en-login-phone.png", full_page=True)

    phone.get_by_label("Username").fill("lb_thiduakt")
    phone.get_by_label("Password").fill("matkhau-thu-nghiem")
    phone.get_by_role("button", name="Log in").click()
    phone.wait_for_url(f"{live_server.url}/")
    expect(phone.get_by_text("Acting as")).to_be_visible()
    assert phone.evaluate("document.documentElement.scrollWidth <= window.innerWidth")

    phone.get_by_role("button", name="Open menu").click()
    expect(phone.locator("#mainnav")).to_have_class(re.compile(r"\bshow\b"))  # opened, not mid-slide
    switch = phone.get_by_role("button", name="Tiếng Việt")
    expect(switch).to_be_visible()
    phone.screenshot(path=artifacts / "language-en-menu-phone.png", full_page=True)
    switch.click()
    expect(phone.locator("html")).to_have_attribute("lang", "vi")
    expect(phone.get_by_text("Đang làm việc với tư cách")).to_be_visible()
