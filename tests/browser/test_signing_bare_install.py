"""A dev/demo install (`make run`: no THIDUA_SIGNING_KEY, no trust store) in a browser (QA walk
of issue 21): Long Biên's standing committee, on its issued award decision, is told how a signed
original comes about and follows the link to its unit's certificate page, which explains in
Vietnamese what the administrator must configure instead of a form refusing every file; the
API docs page has its heading and a way home. Desktop and 390 px, no sideways scroll."""

import pytest
from playwright.sync_api import expect

from thidua.org.models import RoleKind
from thidua.org.tests.factories import make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]
pytest_plugins = ["thidua.awards.tests.documents_fixtures"]


@pytest.fixture
def bare(settings, tmp_path):
    settings.THIDUA_SIGNING_TRUST_ROOTS = ""
    settings.THIDUA_SIGNING_KEY = ""
    settings.MEDIA_ROOT = tmp_path / "media"


def test_the_committee_finds_why_it_cannot_sign_in_thidua_yet(
    live_server, page, phone, log_in, artifacts, federation, decision, bare
):
    make_user("lb_btv", RoleKind.STANDING_COMMITTEE, federation.long_bien)
    for view, name in ((page, "desktop"), (phone, "phone")):
        log_in(view, "lb_btv")
        view.goto(f"{live_server.url}/khen-thuong/quyet-dinh/{decision.pk}/")
        box = view.get_by_test_id("signed-original")
        expect(box.get_by_test_id("signed-original-steps")).to_contain_text("USB token")
        box.get_by_role("link", name="Chứng thư ký số trên thidua").click()
        expect(view.get_by_role("heading", level=1)).to_have_text("Chứng thư ký số trên thidua")
        expect(view.get_by_test_id("signing-server-gaps")).to_contain_text("chưa bật ký số trên thidua")
        expect(view.get_by_test_id("certificate-upload")).to_have_count(0)
        assert view.evaluate("document.documentElement.scrollWidth") <= view.viewport_size["width"]
        view.screenshot(path=artifacts / f"signing-bare-install-{name}.png", full_page=True)

        view.goto(f"{live_server.url}/api/")
        expect(view.get_by_role("heading", level=1)).to_have_text("Tài liệu API thidua")
        expect(view.locator(".swagger-ui .info")).to_be_visible()
        assert view.evaluate("document.documentElement.scrollWidth") <= view.viewport_size["width"]
        view.screenshot(path=artifacts / f"api-docs-heading-{name}.png")
        view.get_by_role("link", name="Trang chủ").click()
        expect(view).to_have_url(f"{live_server.url}/")
