"""Signing in thidua in a browser (issue 21, item 3): Long Biên's standing committee opens its
unit's page, stores the unit's PKCS#12 certificate (a test CA made here; a wrong passphrase is
refused next to its field first), then signs the issued award decision with "Ký số trên
thidua" and sees "Đã ký số" with the certificate's signer. Screenshots at desktop and 390 px."""

import pytest
from cryptography.fernet import Fernet
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.serialization import pkcs12
from playwright.sync_api import expect

from thidua.documents.tests import signing_ca
from thidua.org.models import RoleKind
from thidua.org.tests.factories import make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]
pytest_plugins = ["thidua.awards.tests.documents_fixtures"]


@pytest.fixture
def certificate_file(settings, tmp_path):
    who = signing_ca.trusted_chair(settings, tmp_path)
    settings.THIDUA_SIGNING_KEY = Fernet.generate_key().decode()
    path = tmp_path / "chung-thu-long-bien.p12"
    path.write_bytes(
        pkcs12.serialize_key_and_certificates(
            b"lb", who.key, who.cert, list(who.chain), serialization.BestAvailableEncryption(b"mat-khau-123")
        )
    )
    return path


def test_the_committee_stores_its_certificate_and_signs_the_decision(
    live_server, page, phone, log_in, artifacts, federation, decision, certificate_file
):
    make_user("lb_btv", RoleKind.STANDING_COMMITTEE, federation.long_bien)
    log_in(page, "lb_btv")
    page.goto(f"{live_server.url}/don-vi/{federation.long_bien.pk}/")
    page.get_by_role("link", name="Chứng thư ký số trên thidua").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Chứng thư ký số trên thidua")
    expect(page.get_by_test_id("certificate-none")).to_be_visible()
    page.get_by_label("Tệp chứng thư số (.p12, .pfx)").set_input_files(certificate_file)
    page.get_by_label("Mật khẩu của tệp chứng thư").fill("sai-mat-khau")
    page.get_by_role("button", name="Kiểm tra và lưu").click()
    expect(page.locator('[data-field-error="passphrase"]')).to_contain_text("sai mật khẩu")
    expect(page.get_by_test_id("certificate-none")).to_be_visible()
    page.get_by_label("Tệp chứng thư số (.p12, .pfx)").set_input_files(certificate_file)
    page.get_by_label("Mật khẩu của tệp chứng thư").fill("mat-khau-123")
    page.get_by_role("button", name="Kiểm tra và lưu").click()
    expect(page.get_by_test_id("certificate-subject")).to_have_text("Nguyễn Trường Giang")
    expect(page.get_by_test_id("signing-certificate")).to_contain_text("Test Root CA thidua")
    page.screenshot(path=artifacts / "signing-certificate-desktop.png", full_page=True)

    log_in(phone, "lb_btv")
    phone.goto(page.url)
    expect(phone.get_by_test_id("certificate-subject")).to_have_text("Nguyễn Trường Giang")
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"the certificate page scrolls sideways on a phone ({width} px)"
    phone.screenshot(path=artifacts / "signing-certificate-phone.png", full_page=True)

    page.goto(f"{live_server.url}/khen-thuong/quyet-dinh/{decision.pk}/")
    box = page.get_by_test_id("signed-original")
    expect(box).to_contain_text("Chưa có bản ký số")
    page.screenshot(path=artifacts / "sign-in-thidua-button-desktop.png", full_page=True)
    box.get_by_role("button", name="Ký số trên thidua").click()
    page.wait_for_url(f"{live_server.url}/khen-thuong/quyet-dinh/{decision.pk}/")
    expect(box.get_by_test_id("signed-verdict")).to_have_text("Đã ký số")
    expect(box.get_by_test_id("signers")).to_contain_text("Nguyễn Trường Giang")
    expect(box.get_by_role("button", name="Ký số trên thidua")).to_have_count(0)
    page.screenshot(path=artifacts / "signed-in-thidua-desktop.png", full_page=True)
    with page.expect_download() as info:
        box.get_by_role("link", name="Tải bản ký số (PDF)").click()
    assert info.value.suggested_filename == "01-qd-ldld-2026-da-ky-so.pdf"
    info.value.save_as(artifacts / "signed-in-thidua.pdf")
