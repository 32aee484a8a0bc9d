"""Signing in thidua (issue 21, item 3): Long Biên's standing committee stores a PKCS#12
certificate (made here, chained to a test root configured as the trust store), kept encrypted,
and signs its issued award decision on the server: the decision's signed original of record,
"Đã ký số" with the certificate's signer. A wrong passphrase, an expired or untrusted
certificate, a server without a key are refused with nothing stored; no one else stores or signs."""

import io
import shutil
import subprocess

import pytest
from cryptography.fernet import Fernet
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.serialization import pkcs12
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from thidua.core.models import AuditEntry
from thidua.documents import services, signing, signing_keys
from thidua.documents.models import SignedOriginal, SigningCertificate, Verdict
from thidua.documents.tests import signing_ca
from thidua.org.models import RoleKind
from thidua.org.tests.factories import make_user

pytest_plugins = ["thidua.awards.tests.documents_fixtures"]

PASSPHRASE = "mat-khau-123"


@pytest.fixture(autouse=True)
def configured(settings, tmp_path, ca):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.THIDUA_SIGNING_TRUST_ROOTS = signing_ca.write_roots(tmp_path, ca["root"])
    settings.THIDUA_SIGNING_KEY = Fernet.generate_key().decode()


def p12(who: signing_ca.Identity, passphrase: str = PASSPHRASE) -> bytes:
    return pkcs12.serialize_key_and_certificates(
        b"thidua test",
        who.key,
        who.cert,
        list(who.chain),
        serialization.BestAvailableEncryption(passphrase.encode()),
    )


@pytest.fixture
def committee(federation):
    return make_user("lb_btv", RoleKind.STANDING_COMMITTEE, federation.long_bien)


def refused(actor, unit, data, passphrase=PASSPHRASE) -> dict[str, list[str]]:
    with pytest.raises(ValidationError) as error:
        services.store_signing_certificate(actor, unit, data, passphrase)
    assert not SigningCertificate.objects.exists()
    return error.value.message_dict


def test_the_committee_stores_its_certificate_and_signs_the_decision(committee, federation, decision, ca):
    stored = services.store_signing_certificate(committee, federation.long_bien, p12(ca["chair"]), PASSPHRASE)
    assert (stored.subject, stored.organisation, stored.issuer) == (
        "Nguyễn Trường Giang",
        "LĐLĐ quận Long Biên",
        "Test Root CA thidua",
    )
    # Encrypted at rest: neither the PKCS#12 nor the private key is in the row.
    sealed = bytes(SigningCertificate.objects.get().sealed)
    raw_key = ca["chair"].key.private_bytes(
        serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    assert sealed != p12(ca["chair"]) and raw_key not in sealed and b"Giang" not in sealed
    original = services.sign_in_thidua(committee, decision.register_entry)
    assert original.verdict == Verdict.VALID
    assert [s["name"] for s in original.signers] == ["Nguyễn Trường Giang"]
    # What is stored passes the upload's own check again (the original of record).
    with original.file.open("rb") as handle:
        data = handle.read()
    entry = decision.register_entry
    again = signing.check_pdf(data, symbol=entry.symbol, issued_on=entry.issued_on, title=entry.title)
    assert again.ok
    verbs = set(AuditEntry.objects.values_list("verb", flat=True))
    assert {"store_signing_certificate", "sign_in_thidua", "attach_signed_original"} <= verbs


def test_the_signature_box_stands_under_the_signers_title_right_half(committee, federation, decision, ca):
    """ND 30/2020: the signature where the signer signs — on the decision's page with the
    signer's block (not the attached list after it), right half, between title and name."""
    from pyhanko.pdf_utils.reader import PdfFileReader

    services.store_signing_certificate(committee, federation.long_bien, p12(ca["chair"]), PASSPHRASE)
    original = services.sign_in_thidua(committee, decision.register_entry)
    with original.file.open("rb") as handle:
        data = handle.read()
    reader = PdfFileReader(io.BytesIO(data))
    widget = next(f.get_object() for f in reader.root["/AcroForm"]["/Fields"] if f.get_object()["/FT"] == "/Sig")
    assert "/AP" in widget  # a visible appearance, not an invisible signature
    pages = int(reader.root["/Pages"]["/Count"])
    on_page = next(
        i for i in range(pages) if reader.find_page_for_modification(i)[0].idnum == widget.raw_get("/P").idnum
    )
    x1, y1, x2, y2 = (float(v) for v in widget["/Rect"])
    assert x1 > 595 / 2 - 20 and x2 <= 595 and y2 - y1 >= 30
    # The box lies between the signer's title and name on that page.
    words = signing_keys._pages(
        subprocess.run(
            [shutil.which("pdftotext") or "pdftotext", "-bbox", "-", "-"], input=data, capture_output=True, check=True
        ).stdout.decode()
    )[on_page]
    height, tops = words[1], {w[4]: w[1] for w in words[2] if w[0] > 595 / 2 - 40}
    name_top, title_bottom = tops["Giang"], tops["TỊCH"] + 12
    assert title_bottom <= height - y2 and height - y1 <= name_top


def test_a_stuck_pdftotext_leaves_the_box_in_its_fixed_place(monkeypatch):
    """pdftotext timing out while looking for the signer's block: the box goes where it goes
    without pdftotext, on the last page (signing goes on, no server error)."""

    def stuck(*args, **kwargs):
        raise subprocess.TimeoutExpired(args[0], 60)

    monkeypatch.setattr(signing_keys.subprocess, "run", stuck)
    assert signing_keys.signature_box(b"%PDF", 2, "Nguyễn Trường Giang") == (1, signing_keys.FALLBACK_BOX)


def test_a_wrong_passphrase_is_refused_next_to_its_field(committee, federation, ca):
    errors = refused(committee, federation.long_bien, p12(ca["chair"]), "sai-mat-khau")
    assert "sai mật khẩu" in " ".join(errors["passphrase"])


def test_an_expired_or_untrusted_certificate_or_no_key_is_refused(committee, federation, ca, settings):
    assert "hết hiệu lực" in " ".join(refused(committee, federation.long_bien, p12(ca["expired"]))["file"])
    assert "tin cậy" in " ".join(refused(committee, federation.long_bien, p12(ca["stranger"]))["file"])
    assert "PKCS#12" in " ".join(refused(committee, federation.long_bien, b"%PDF-1.7 not a p12")["passphrase"])
    settings.THIDUA_SIGNING_KEY = ""
    assert "THIDUA_SIGNING_KEY" in " ".join(refused(committee, federation.long_bien, p12(ca["chair"]))["file"])


def test_no_one_but_the_units_standing_committee_stores_or_signs(
    committee, federation, lb_officer, decision, ca, django_user_model
):
    services.store_signing_certificate(committee, federation.long_bien, p12(ca["chair"]), PASSPHRASE)
    outsiders = (
        lb_officer,  # the emulation officer of the same unit: issues papers, does not sign them here
        make_user("hn_btv", RoleKind.STANDING_COMMITTEE, federation.city),  # the unit above
        make_user("gl_btv", RoleKind.STANDING_COMMITTEE, federation.gia_lam),  # a sibling district
        make_user("ct_gia_thuy", RoleKind.GRASSROOTS_CHAIR, federation.school),  # a CĐCS below
        django_user_model.objects.create_superuser("quan_tri", password="x"),  # not even the administrator
    )
    for outsider in outsiders:
        with pytest.raises(PermissionDenied):
            services.store_signing_certificate(outsider, federation.long_bien, p12(ca["chair"]), PASSPHRASE)
        with pytest.raises(PermissionDenied):
            services.sign_in_thidua(outsider, decision.register_entry)
    assert not SignedOriginal.objects.exists()
    assert SigningCertificate.objects.get().uploaded_by == committee


def _p12_file(data: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile("chung-thu.p12", data, content_type="application/x-pkcs12")


def test_the_pages_store_then_sign_and_others_get_404(login, committee, federation, lb_officer, decision, ca):
    unit = federation.long_bien
    page = reverse("documents:signing_certificate", args=[unit.pk])
    decision_page = reverse("awards:decision", args=[decision.pk])
    client = login(committee)
    # No certificate yet: no button on the decision.
    assert "Ký số trên thidua" not in client.get(decision_page).content.decode()
    wrong = client.post(page, {"file": _p12_file(p12(ca["chair"])), "passphrase": "sai"})
    assert wrong.status_code == 400 and "sai mật khẩu" in wrong.content.decode()
    assert not SigningCertificate.objects.exists()
    response = client.post(page, {"file": _p12_file(p12(ca["chair"])), "passphrase": PASSPHRASE}, follow=True)
    body = response.content.decode()
    assert "Nguyễn Trường Giang" in body and "Test Root CA thidua" in body
    assert "Ký số trên thidua" in client.get(decision_page).content.decode()
    # The emulation officer of the same unit sees no button; the button posts for the committee.
    assert "Ký số trên thidua" not in login(lb_officer).get(decision_page).content.decode()
    sign = reverse("documents:sign_in_thidua", args=[decision.register_entry.pk])
    client = login(committee)  # the same test client, logged in again
    response = client.post(sign, {"next": decision_page}, follow=True)
    body = response.content.decode()
    assert "Đã ký số" in body and "Nguyễn Trường Giang" in body and "Ký số trên thidua" not in body
    # Others: the page, the removal and the signing read as a guessed id.
    sibling = make_user("gl_btv", RoleKind.STANDING_COMMITTEE, federation.gia_lam)
    for user in (lb_officer, sibling):
        assert login(user).get(page).status_code == 404
        assert login(user).post(reverse("documents:signing_certificate_remove", args=[unit.pk])).status_code == 404
        assert login(user).post(sign).status_code == 404
    assert client.get(reverse("documents:signing_certificate", args=[987654])).status_code == 404
    # The committee removes it: gone, audited.
    client = login(committee)
    remove = reverse("documents:signing_certificate_remove", args=[unit.pk])
    # The first click asks (QA walk: the removal acted on one click); the confirmation removes.
    assert 'data-testid="certificate-remove"><summary' in client.get(page).content.decode()
    asked = client.post(remove)
    assert asked.status_code == 200 and 'data-testid="confirm-form"' in asked.content.decode()
    assert SigningCertificate.objects.exists()
    client.post(remove, {"xac-nhan": "1"})
    assert not SigningCertificate.objects.exists()
    assert AuditEntry.objects.filter(verb="remove_signing_certificate").exists()


def test_the_issued_plan_is_signed_in_thidua_from_its_own_print(login, committee, federation, campaign, ca):
    """Each paper kind registers its print (documents.printing): the plan's page offers the
    button and the plan then downloads signed, its print still a print."""
    services.store_signing_certificate(committee, federation.long_bien, p12(ca["chair"]), PASSPHRASE)
    client = login(committee)
    page = reverse("campaigns:detail", args=[campaign.pk])
    assert "Ký số trên thidua" in client.get(page).content.decode()
    sign = reverse("documents:sign_in_thidua", args=[campaign.register_entry.pk])
    body = client.post(sign, {"next": page}, follow=True).content.decode()
    assert "Đã ký số" in body and "Nguyễn Trường Giang" in body
    download = reverse("campaigns:download", args=[campaign.pk, "pdf"])
    signed = client.get(download)
    assert b"/ByteRange" in b"".join(signed.streaming_content)
    assert b"/ByteRange" not in client.get(download + "?ban-in=1").content


def test_signing_is_refused_when_the_stored_certificate_no_longer_passes(
    committee, federation, decision, ca, settings, tmp_path
):
    """The signed file is verified like an upload: once the root is withdrawn from the trust
    store, or the server's key has changed, signing says why and keeps nothing."""
    services.store_signing_certificate(committee, federation.long_bien, p12(ca["chair"]), PASSPHRASE)
    settings.THIDUA_SIGNING_TRUST_ROOTS = signing_ca.write_roots(tmp_path, signing_ca.make_root("Another Root"))
    with pytest.raises(ValidationError) as refused_untrusted:
        services.sign_in_thidua(committee, decision.register_entry)
    assert "tin cậy" in " ".join(refused_untrusted.value.messages)
    settings.THIDUA_SIGNING_KEY = Fernet.generate_key().decode()
    with pytest.raises(ValidationError) as refused_key:
        services.sign_in_thidua(committee, decision.register_entry)
    assert "tải chứng thư lên lại" in " ".join(refused_key.value.messages)
    assert not SignedOriginal.objects.exists()
    assert not list((tmp_path / "media").rglob("*.pdf"))
