"""Issue 20 in a browser: an office's IT officer makes an API token on the "Khóa API" page from
the top bar, sees it once, uses it, and revokes it; the API's documentation page (Swagger UI
from the package's files) renders under the site's Content-Security-Policy. Screenshots
(desktop and 390 px) in test-artifacts/."""

import pytest
from playwright.sync_api import expect

from thidua.org.models import RoleKind
from thidua.org.tests.factories import make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def it_officer(federation):
    return make_user("lb_thiduakt", RoleKind.EMULATION_OFFICER, federation.long_bien, first_name="Trần Văn Kỹ")


def test_a_user_makes_a_token_sees_it_once_and_revokes_it(live_server, page, phone, it_officer, log_in, artifacts):
    log_in(page, "lb_thiduakt")
    page.get_by_test_id("api-tokens-link").click()
    expect(page.get_by_role("heading", name="Khóa API", exact=True)).to_be_visible()
    page.get_by_role("button", name="Tạo khóa").click()  # no name: refused next to the field
    expect(page.locator('[data-field-error="name"]')).to_contain_text("Hãy đặt tên cho khóa")
    page.get_by_label("Tên khóa").fill("Hệ thống quản lý văn bản")
    page.get_by_label("Chỉ đọc").check()
    page.get_by_role("button", name="Tạo khóa").click()
    secret = page.get_by_test_id("new-token-secret").inner_text().strip()
    assert secret.startswith("thd_")
    expect(page.get_by_test_id("token-row")).to_contain_text("Hệ thống quản lý văn bản")
    expect(page.get_by_test_id("token-row")).to_contain_text("Đang dùng")
    page.screenshot(path=artifacts / "api-tokens-new-desktop.png", full_page=True)

    answer = page.request.get(f"{live_server.url}/api/v1/units/", headers={"Authorization": f"Bearer {secret}"})
    assert answer.status == 200
    assert answer.json()["results"][0]["name"] == "LĐLĐ quận Long Biên"

    page.reload()  # shown once
    expect(page.get_by_test_id("new-token")).to_have_count(0)
    assert secret not in page.content()

    phone_login = log_in
    phone_login(phone, "lb_thiduakt")
    phone.goto(f"{live_server.url}/tai-khoan/khoa-api/")
    expect(phone.get_by_test_id("token-row")).to_be_visible()
    phone.screenshot(path=artifacts / "api-tokens-phone.png", full_page=True)

    page.get_by_test_id("token-revoke").locator("summary").click()  # opens the confirmation, revokes nothing
    page.get_by_role("button", name="Thu hồi khóa này").click()
    expect(page.get_by_test_id("token-row")).to_contain_text("Đã thu hồi")
    expect(page.get_by_test_id("token-revoke")).to_have_count(0)
    refused = page.request.get(f"{live_server.url}/api/v1/units/", headers={"Authorization": f"Bearer {secret}"})
    assert refused.status == 401
    page.screenshot(path=artifacts / "api-tokens-revoked-desktop.png", full_page=True)


def test_the_api_documentation_page_renders_under_the_csp(live_server, page, it_officer, log_in, artifacts):
    violations = []
    page.on(
        "console",
        lambda message: violations.append(message.text) if "Content Security Policy" in message.text else None,
    )
    log_in(page, "lb_thiduakt")
    page.goto(f"{live_server.url}/api/")
    expect(page.locator(".swagger-ui .title")).to_contain_text("thidua API")
    expect(page.locator(".opblock-summary-path").first).to_be_visible()
    assert violations == []
    page.screenshot(path=artifacts / "api-docs-desktop.png")
