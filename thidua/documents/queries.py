"""Reads of the documents app."""

from django.db.models import Q

from thidua.documents.models import DocumentTemplate, RegisterEntry, RegisterEntryQuerySet, SignedOriginal, Verdict
from thidua.org.models import Unit


def register_for_user(user) -> RegisterEntryQuerySet:
    """The register page's rows: every entry of the acting unit's subtree, ready for the table."""
    return RegisterEntry.objects.visible_to(user).for_table()


def docx_template_for(unit: Unit, doc_type: str) -> bytes | None:
    """The issuer's own Word template for this kind of document, else its template for all
    kinds, else None (rendering then uses the shipped one)."""
    templates = DocumentTemplate.objects.filter(Q(doc_type=doc_type) | Q(doc_type=""), unit=unit)
    chosen = min(templates, key=lambda t: t.doc_type == "", default=None)
    if chosen is None:
        return None
    with chosen.file.open("rb") as handle:
        return handle.read()


def valid_signed_original(entry: RegisterEntry | None) -> SignedOriginal | None:
    """The paper's signed original of record (issue 21), when one is attached and valid."""
    if entry is None:
        return None
    signed = SignedOriginal.objects.filter(entry=entry, verdict=Verdict.VALID).first()
    if signed is not None:
        signed.entry = entry  # its file name and page read the entry: no second query
    return signed


def public_signed_entries(entry_ids) -> set[int]:
    """Of these register entries, those whose valid signed original the issuing unit made
    public (one query)."""
    return set(
        SignedOriginal.objects.filter(entry_id__in=list(entry_ids), verdict=Verdict.VALID, public=True).values_list(
            "entry_id", flat=True
        )
    )


def fingerprint(signed: SignedOriginal) -> str:
    """What a print cites to name the signed file it comes from: the first 8 hex digits of its
    SHA-256, upper case ("mã 1A2B3C4D"), shown beside the signed original on the paper's page."""
    return signed.sha256[:8].upper()
