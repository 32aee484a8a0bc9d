"""Signed originals of issued papers (issue 21): a test CA made here, the award decision
Long Biên issued, signed outside thidua with pyHanko, uploaded and verified — valid, tampered,
another paper, expired, untrusted, an incremental update after signing, unsigned, too big —
and who may upload, see and download it; the plan and the review the same way, the
certificates naming the signed decision, the public honour roll, a re-check."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from thidua.awards import documents as award_documents
from thidua.campaigns import plan_document
from thidua.documents import services, signing
from thidua.documents.models import SignedOriginal, Verdict
from thidua.documents.rendering import render_pdf
from thidua.documents.tests import signing_ca
from thidua.org.models import RoleKind
from thidua.org.tests.factories import make_user
from thidua.reports.models import CampaignReview

pytest_plugins = ["thidua.awards.tests.documents_fixtures"]


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def trusted(settings, tmp_path, ca):
    settings.THIDUA_SIGNING_TRUST_ROOTS = signing_ca.write_roots(tmp_path, ca["root"])
    return ca


@pytest.fixture
def printed(decision):
    return award_documents.decision_pdf(decision)


def attach(actor, decision, data):
    return services.attach_signed_original(actor, decision.register_entry, data, name="qd.pdf")


def stored(original: SignedOriginal) -> bytes:
    with original.file.open("rb") as handle:
        return handle.read()


def refusal(actor, decision, data) -> str:
    with pytest.raises(ValidationError) as refused:
        attach(actor, decision, data)
    assert not SignedOriginal.objects.filter(entry=decision.register_entry).exists()
    return " ".join(refused.value.message_dict["file"])


def test_a_decision_signed_by_the_chair_and_the_office_is_its_original(lb_officer, decision, trusted, printed):
    signed = signing_ca.sign(signing_ca.sign(printed, trusted["chair"]), trusted["office"], field="Signature2")
    original = attach(lb_officer, decision, signed)
    assert original.verdict == Verdict.VALID
    assert [s["name"] for s in original.signers] == ["Nguyễn Trường Giang", "LIÊN ĐOÀN LAO ĐỘNG QUẬN LONG BIÊN"]
    assert all(s["signed_at"] and s["issuer"] == "Test Root CA thidua" for s in original.signers)
    assert stored(original) == signed


def test_a_tampered_file_is_refused(lb_officer, decision, trusted, printed):
    message = refusal(lb_officer, decision, signing_ca.tamper(signing_ca.sign(printed, trusted["chair"])))
    assert "không còn nguyên vẹn" in message


def test_a_page_changed_after_signing_is_an_incremental_update(lb_officer, decision, trusted, printed):
    message = refusal(lb_officer, decision, signing_ca.append_page_text(signing_ca.sign(printed, trusted["chair"])))
    assert "sửa thêm sau khi ký" in message


def test_another_decision_signed_is_refused(lb_officer, decision, new_decision, federation, campaign, trusted):
    other = new_decision(federation.long_bien, campaign, [])
    message = refusal(lb_officer, decision, signing_ca.sign(award_documents.decision_pdf(other), trusted["chair"]))
    assert "không phải văn bản này" in message and decision.register_entry.symbol in message


def test_an_expired_certificate_is_refused(lb_officer, decision, trusted, printed):
    message = refusal(lb_officer, decision, signing_ca.sign(printed, trusted["expired"]))
    assert "hết hạn" in message


def test_a_certificate_outside_the_trust_store_is_refused(lb_officer, decision, trusted, printed):
    message = refusal(lb_officer, decision, signing_ca.sign(printed, trusted["stranger"]))
    assert "không thuộc tổ chức" in message and "tin cậy" in message


def test_an_unsigned_print_and_a_file_too_big_are_refused(lb_officer, decision, trusted, printed, settings):
    assert "chưa có chữ ký số" in refusal(lb_officer, decision, printed)
    assert "Không đọc được tệp" in refusal(lb_officer, decision, b"MZ not a pdf")
    settings.THIDUA_SIGNED_MAX_BYTES = 1024
    assert "Tệp quá lớn" in refusal(lb_officer, decision, signing_ca.sign(printed, trusted["chair"]))


def test_a_refused_file_replaces_nothing(lb_officer, decision, trusted, printed):
    good = signing_ca.sign(printed, trusted["chair"])
    attach(lb_officer, decision, good)
    with pytest.raises(ValidationError):
        attach(lb_officer, decision, signing_ca.sign(printed, trusted["stranger"]))
    kept = SignedOriginal.objects.get(entry=decision.register_entry)
    assert kept.verdict == Verdict.VALID and stored(kept) == good


def test_without_a_trust_store_nothing_is_accepted(lb_officer, decision, ca, printed, settings):
    settings.THIDUA_SIGNING_TRUST_ROOTS = ""
    assert "THIDUA_SIGNING_TRUST_ROOTS" in refusal(lb_officer, decision, signing_ca.sign(printed, ca["chair"]))


def test_only_the_issuing_units_officers_attach(federation, decision, trusted, printed):
    signed = signing_ca.sign(printed, trusted["chair"])
    for outsider in (
        make_user("hn_tdkt", RoleKind.EMULATION_OFFICER, federation.city),  # the unit above
        make_user("gl_tdkt", RoleKind.EMULATION_OFFICER, federation.gia_lam),  # a sibling district
        make_user("ct_gia_thuy", RoleKind.GRASSROOTS_CHAIR, federation.school),  # a CĐCS below
    ):
        with pytest.raises(PermissionDenied):
            attach(outsider, decision, signed)
    assert not SignedOriginal.objects.exists()


# ---------------------------------------------------------------- pages and downloads


def _body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def test_upload_through_the_page_then_the_decision_downloads_signed(login, lb_officer, decision, trusted, printed):
    signed = signing_ca.sign(printed, trusted["chair"])
    client = login(lb_officer)
    page = reverse("awards:decision", args=[decision.pk])
    assert "Chưa có bản ký số" in client.get(page).content.decode()
    upload = reverse("documents:signed_original", args=[decision.register_entry.pk])
    response = client.post(upload, {"file": _file(signed), "next": page})
    assert response.status_code == 302 and response["Location"] == page
    html = client.get(page).content.decode()
    assert "Đã ký số" in html and "Nguyễn Trường Giang" in html and "Bản in (chưa ký số)" in html
    pdf = reverse("awards:decision_file", args=[decision.pk, "pdf"])
    assert _body(client.get(pdf)) == signed
    unsigned = _body(client.get(pdf + "?ban-in=1"))
    assert unsigned.startswith(b"%PDF") and unsigned != signed and b"/ByteRange" not in unsigned
    assert _body(client.get(reverse("documents:signed_original_file", args=[decision.register_entry.pk]))) == signed


def _file(data: bytes, name: str = "quyet-dinh-da-ky.pdf"):
    return SimpleUploadedFile(name, data, content_type="application/pdf")


def test_a_refused_upload_says_why_next_to_the_field(login, lb_officer, decision, trusted, printed):
    upload = reverse("documents:signed_original", args=[decision.register_entry.pk])
    response = login(lb_officer).post(upload, {"file": _file(printed)})
    assert response.status_code == 400
    html = response.content.decode()
    assert 'data-field-error="file"' in html and "chưa có chữ ký số" in html
    assert not SignedOriginal.objects.exists()


def test_scope_of_the_upload_page_and_the_signed_file(login, federation, lb_officer, decision, trusted, printed):
    attach(lb_officer, decision, signing_ca.sign(printed, trusted["chair"]))
    entry = decision.register_entry
    page = reverse("documents:signed_original", args=[entry.pk])
    signed_file = reverse("documents:signed_original_file", args=[entry.pk])
    city = make_user("hn_tdkt", RoleKind.EMULATION_OFFICER, federation.city)
    sibling = make_user("gl_tdkt", RoleKind.EMULATION_OFFICER, federation.gia_lam)
    chair = make_user("ct_gia_thuy", RoleKind.GRASSROOTS_CHAIR, federation.school)
    # The city reads Long Biên's register: sees the verdict, may not upload in its name.
    assert login(city).get(page).status_code == 200
    assert login(city).post(page, {"file": _file(printed)}).status_code == 404
    response = login(city).get(signed_file)
    assert response.status_code == 200 and _body(response).startswith(b"%PDF")
    # A sibling district: nothing, as for a guessed id.
    for url in (page, signed_file):
        assert login(sibling).get(url).status_code == 404
    assert login(sibling).post(page, {"file": _file(printed)}).status_code == 404
    assert login(sibling).get(reverse("awards:decision_file", args=[decision.pk, "pdf"])).status_code == 404
    assert login(lb_officer).get(reverse("documents:signed_original", args=[987654])).status_code == 404
    # A CĐCS whose people the decision names reads the decision (signed), may not upload.
    assert login(chair).post(page, {"file": _file(printed)}).status_code == 404
    response = login(chair).get(reverse("awards:decision_file", args=[decision.pk, "pdf"]))
    assert response.status_code == 200 and b"/ByteRange" in _body(response)


def test_the_issued_plan_takes_its_signed_original_and_downloads_it(login, lb_officer, campaign, trusted):
    signed = signing_ca.sign(render_pdf(plan_document.build(campaign)), trusted["chair"])
    client = login(lb_officer)
    page = reverse("campaigns:detail", args=[campaign.pk])
    upload = reverse("documents:signed_original", args=[campaign.register_entry.pk])
    assert client.post(upload, {"file": _file(signed), "next": page}).status_code == 302
    html = client.get(page).content.decode()
    assert "Đã ký số" in html and "Nguyễn Trường Giang" in html
    assert _body(client.get(reverse("campaigns:download", args=[campaign.pk, "pdf"]))) == signed
    printed = _body(client.get(reverse("campaigns:download", args=[campaign.pk, "pdf"]) + "?ban-in=1"))
    assert printed.startswith(b"%PDF") and b"/ByteRange" not in printed


def test_certificates_name_the_signed_decision_they_come_from(lb_officer, decision, trusted, printed):
    assert "bản ký số" not in " ".join(signing.pdf_text(award_documents.certificates_pdf(decision)).split())
    original = attach(lb_officer, decision, signing_ca.sign(printed, trusted["chair"]))
    text = " ".join(signing.pdf_text(award_documents.certificates_pdf(decision)).split())
    assert f"Quyết định số 01/QĐ-LĐLĐ (bản ký số, mã {original.sha256[:8].upper()})" in text


def test_the_issuing_unit_makes_the_signed_decision_public_on_the_honour_roll(
    client, login, federation, lb_officer, decision, campaign, trusted, printed
):
    signed = signing_ca.sign(printed, trusted["chair"])
    attach(lb_officer, decision, signed)
    entry = decision.register_entry
    public_url = reverse("documents:public_signed_file", args=[entry.pk])
    roll = reverse("awards:honour_roll", args=[campaign.pk])
    assert client.get(public_url).status_code == 404  # not public until the unit says so
    assert public_url not in client.get(roll).content.decode()
    publish = reverse("documents:signed_original_publish", args=[entry.pk])
    city = make_user("hn_tdkt", RoleKind.EMULATION_OFFICER, federation.city)
    assert login(city).post(publish, {"public": "1"}).status_code == 404  # the unit above may not
    assert login(lb_officer).post(publish, {"public": "1"}).status_code == 302
    client.logout()
    html = client.get(roll).content.decode()
    assert public_url in html and "Đã ký số" in html
    assert _body(client.get(public_url)) == signed
    login(lb_officer).post(publish, {"public": "0"})
    client.logout()
    assert client.get(public_url).status_code == 404


def test_a_recheck_after_the_root_is_withdrawn_falls_back_to_the_print(
    login, federation, lb_officer, decision, trusted, printed, settings, tmp_path
):
    signed = signing_ca.sign(printed, trusted["chair"])
    attach(lb_officer, decision, signed)
    entry = decision.register_entry
    client = login(lb_officer)
    pdf = reverse("awards:decision_file", args=[decision.pk, "pdf"])
    assert _body(client.get(pdf)) == signed
    # The administrator's trust store no longer holds the test root.
    (tmp_path / "new").mkdir()
    settings.THIDUA_SIGNING_TRUST_ROOTS = signing_ca.write_roots(tmp_path / "new", signing_ca.make_root("Root mới"))
    recheck = reverse("documents:signed_original_recheck", args=[entry.pk])
    assert client.post(recheck).status_code == 302
    kept = SignedOriginal.objects.get(entry=entry)
    assert kept.verdict == Verdict.UNTRUSTED
    page = client.get(reverse("awards:decision", args=[decision.pk])).content.decode()
    assert "Chứng thư số không được tin cậy" in page and "Bản in (chưa ký số)" not in page
    assert b"/ByteRange" not in _body(client.get(pdf))  # the print again
    chair = make_user("ct_gia_thuy", RoleKind.GRASSROOTS_CHAIR, federation.school)
    assert login(chair).post(recheck).status_code == 404


def test_the_issued_review_takes_its_signed_original(login, client, lb_officer, campaign, trusted):
    login(lb_officer)
    client.post(f"/ke-hoach/{campaign.pk}/so-ket-tong-ket/moi/", {"kind": "final"})
    review = CampaignReview.objects.get()
    values = {
        "title": review.title,
        "body": review.body,
        "place": "Long Biên",
        "issued_on": "2026-11-20",
        "recipients": review.recipients or "Lưu: VT.",
        "signer_title": review.signer_title or "TM. BAN THƯỜNG VỤ\nCHỦ TỊCH",
        "signer_name": review.signer_name or "Nguyễn Trường Giang",
        "action": "issue",
    }
    client.post(f"/so-ket-tong-ket/{review.pk}/", values)
    review.refresh_from_db()
    assert review.register_entry_id, "the review was not issued"
    pdf_url = f"/so-ket-tong-ket/{review.pk}/tai.pdf"
    signed = signing_ca.sign(client.get(pdf_url).content, trusted["chair"])
    upload = reverse("documents:signed_original", args=[review.register_entry_id])
    assert client.post(upload, {"file": _file(signed)}).status_code == 302
    assert "Đã ký số" in client.get(f"/so-ket-tong-ket/{review.pk}/").content.decode()
    assert _body(client.get(pdf_url)) == signed


def test_the_upload_page_opened_without_next_leads_back_to_the_paper(login, lb_officer, decision, campaign, federation):
    """QA walk: opened from a bookmark or the register (no ?next=), the signed-original page had
    no link back to its paper. It leads to the paper's own page, or to the register for a paper
    whose kind has no page."""
    import datetime

    from django.db import transaction

    from thidua.documents.models import DocType

    client = login(lb_officer)
    for entry, paper in (
        (decision.register_entry, reverse("awards:decision", args=[decision.pk])),
        (campaign.register_entry, reverse("campaigns:detail", args=[campaign.pk])),
    ):
        html = client.get(reverse("documents:signed_original", args=[entry.pk])).content.decode()
        assert f'<a href="{paper}" data-testid="paper-link">{entry.symbol}</a>' in html

    with transaction.atomic():
        letter = services.take_number(
            lb_officer, federation.long_bien, DocType.OFFICIAL_LETTER, issued_on=datetime.date.today(), title="Công văn"
        )
    html = client.get(reverse("documents:signed_original", args=[letter.pk])).content.decode()
    assert 'data-testid="paper-link"' not in html
    assert f'<a href="{reverse("documents:register")}">Sổ văn bản</a>' in html
