"""Reads of the documents app."""

from django.db.models import Q

from thidua.documents.models import DocumentTemplate, RegisterEntry, RegisterEntryQuerySet
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
