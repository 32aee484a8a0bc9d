"""The signed-original hand-offs as the issuing unit's people read them (QA walk of issue 21 on
the demo): the paper's box says how a signed original comes about and, to the standing
committee of a unit without a stored certificate, where "Ký số trên thidua" comes from; a
server without THIDUA_SIGNING_KEY / THIDUA_SIGNING_TRUST_ROOTS (a dev or demo install) says so
in Vietnamese on the certificate and upload pages instead of offering a form that refuses
every file."""

import pytest
from cryptography.fernet import Fernet
from django.urls import reverse

from thidua.documents import services
from thidua.documents.tests import signing_ca
from thidua.documents.tests.test_sign_in_thidua import PASSPHRASE, p12
from thidua.org.models import RoleKind
from thidua.org.tests.factories import make_user

pytest_plugins = ["thidua.awards.tests.documents_fixtures"]
pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def root():
    return signing_ca.make_root()


@pytest.fixture
def committee(federation):
    return make_user("lb_btv", RoleKind.STANDING_COMMITTEE, federation.long_bien)


@pytest.fixture
def configured(settings, tmp_path, root):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.THIDUA_SIGNING_TRUST_ROOTS = signing_ca.write_roots(tmp_path, root)
    settings.THIDUA_SIGNING_KEY = Fernet.generate_key().decode()


@pytest.fixture
def bare(settings, tmp_path):
    """A `make run` install: neither the key nor the trust store is configured."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.THIDUA_SIGNING_TRUST_ROOTS = ""
    settings.THIDUA_SIGNING_KEY = ""


def test_the_committee_without_a_certificate_is_pointed_to_the_certificate_page(
    login, committee, federation, lb_officer, decision, root, configured
):
    page = reverse("awards:decision", args=[decision.pk])
    certificate_page = reverse("documents:signing_certificate", args=[federation.long_bien.pk])
    body = login(committee).get(page).content.decode()
    assert 'data-testid="signing-certificate-hint"' in body and f'href="{certificate_page}"' in body
    # The officer may upload a signed file but not store a certificate: told how, not pointed there.
    body = login(lb_officer).get(page).content.decode()
    assert 'data-testid="signed-original-steps"' in body and "USB token" in body
    assert 'data-testid="signing-certificate-hint"' not in body
    # Once the certificate is stored the committee sees the button, not the hint.
    ca_chair = signing_ca.make_signer(root, "Nguyễn Trường Giang", "LĐLĐ quận Long Biên")
    services.store_signing_certificate(committee, federation.long_bien, p12(ca_chair), PASSPHRASE)
    body = login(committee).get(page).content.decode()
    assert 'data-testid="sign-in-thidua"' in body and 'data-testid="signing-certificate-hint"' not in body


def test_a_bare_install_explains_on_the_certificate_page_instead_of_a_form(login, committee, federation, bare):
    response = login(committee).get(reverse("documents:signing_certificate", args=[federation.long_bien.pk]))
    assert response.status_code == 200
    body = response.content.decode()
    assert "Máy chủ thidua này chưa bật ký số trên thidua." in body
    assert "<code>THIDUA_SIGNING_TRUST_ROOTS</code>, <code>THIDUA_SIGNING_KEY</code>" in body
    assert 'data-testid="certificate-upload"' not in body


def test_a_bare_install_explains_on_the_upload_page_and_a_configured_one_shows_the_form(
    login, lb_officer, decision, settings, tmp_path, root, bare
):
    page = reverse("documents:signed_original", args=[decision.register_entry.pk])
    body = login(lb_officer).get(page).content.decode()
    assert "Máy chủ thidua này chưa kiểm tra được bản ký số." in body
    assert "<code>THIDUA_SIGNING_TRUST_ROOTS</code>" in body and "THIDUA_SIGNING_KEY" not in body
    assert 'data-testid="signed-upload"' not in body
    settings.THIDUA_SIGNING_TRUST_ROOTS = signing_ca.write_roots(tmp_path, root)
    body = login(lb_officer).get(page).content.decode()
    assert 'data-testid="signing-server-gaps"' not in body
    assert 'data-testid="signed-upload"' in body and 'data-testid="signed-upload-steps"' in body


def test_the_unit_page_puts_the_certificate_with_the_letterhead_not_under_the_awards(login, committee, federation):
    body = login(committee).get(reverse("org:unit_detail", args=[federation.long_bien.pk])).content.decode()
    letterhead = body.index(reverse("documents:issuer_profile", args=[federation.long_bien.pk]))
    certificate = body.index('data-testid="unit-signing-certificate"')
    awards = body.index("Khen thưởng</h2>")
    assert letterhead < certificate < awards
