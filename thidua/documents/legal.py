"""The legal basis of a paper: the "Căn cứ …" lines it prints, taken from the dated table of
documents (documents.LegalDocument) by the paper's own date.

Two rules (issue 15 item 3, item 7):
- a paper cites what is in force on its date, and never a document dated after itself: a
  decision of 20/10/2023 cites the 2003 law as amended in 2013 and 1689/QĐ-TLĐ, one of 2025
  Luật 06/2022/QH15 and 999/QĐ-TLĐ;
- where the table holds nothing in force for a role the paper needs, issuing is refused with
  a Vietnamese message naming the role and the day (no paper with an unknown legal basis).

Services call `require` before taking a number; documents call `citations` when they print.
"""

from __future__ import annotations

import datetime
import importlib
import re
from collections.abc import Iterable

from django.apps import apps
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from thidua.documents.models import LegalDocument, LegalDocumentQuerySet, LegalRole

# The roles every award decision and tờ trình rests on: the emulation law, its decree and the
# Confederation's award rules (docs/domain.md "Legal base").
AWARD_ROLES: tuple[str, ...] = (LegalRole.LAW, LegalRole.DECREE, LegalRole.UNION_RULES)

# Words by which a free text (AwardKind.legal_basis, typed by an administrator: "Luật Thi đua,
# khen thưởng, Điều 24") names a role, lower case.
_ROLE_WORDS: dict[str, tuple[str, ...]] = {
    LegalRole.LAW: ("luật thi đua",),
    LegalRole.DECREE: ("nghị định",),
    LegalRole.UNION_RULES: ("quy chế khen thưởng",),
    LegalRole.INITIATIVES: ("điều lệ sáng kiến",),
}


def in_force(on: datetime.date, role: str | None = None) -> LegalDocumentQuerySet:
    """The documents a paper dated `on` may cite, of one role or all."""
    return LegalDocument.objects.in_force(on, role)


def roles_named(text: str) -> list[str]:
    """The roles a free text names, in the table's order: "Quy chế khen thưởng của tổ chức
    Công đoàn; Luật Thi đua, khen thưởng, Điều 25" → law, union rules. The article numbers
    are left to the text: a paper cites documents, and the 2022 law's articles are not the
    2003 law's."""
    lowered = (text or "").lower()
    return [role for role, words in _ROLE_WORDS.items() if any(word in lowered for word in words)]


def _missing_message(role: str, on: datetime.date) -> str:
    return _(
        "Chưa có văn bản “%(role)s” còn hiệu lực ngày %(day)s trong bảng văn bản pháp lý làm căn cứ: "
        "quản trị viên cần bổ sung trước khi ban hành."
    ) % {"role": LegalRole(role).label, "day": f"{on:%d/%m/%Y}"}


def documents_for(on: datetime.date, roles: Iterable[str], *, field: str = "issued_on") -> list[LegalDocument]:
    """The documents of each role in force on `on`, roles in the order asked, each role's
    documents oldest first (the 2003 law before its 2013 amendment). Refused with a
    ValidationError on `field` where a role has none."""
    ordered = list(dict.fromkeys(roles))
    found: dict[str, list[LegalDocument]] = {role: [] for role in ordered}
    for document in in_force(on).filter(role__in=ordered):
        found[document.role].append(document)
    missing = [_missing_message(role, on) for role in ordered if not found[role]]
    if missing:
        raise ValidationError({field: missing})
    return [document for role in ordered for document in found[role]]


def require(on: datetime.date | None, roles: Iterable[str], *, field: str = "issued_on") -> None:
    """Refuse issuing a paper dated `on` whose legal basis the table cannot give."""
    if on is not None:
        documents_for(on, roles, field=field)


def citations(on: datetime.date, roles: Iterable[str], *, strict: bool = True) -> list[str]:
    """ "Căn cứ <document>;" for each document of the roles in force on `on`. Strict (a paper
    being issued or handed out now): refused where a role has none. Not strict (printing again a
    paper issued earlier, which `require` let through): what the table gives, without failing
    the download because an administrator has since edited the table."""
    if strict:
        documents = documents_for(on, roles)
    else:
        order = {role: n for n, role in enumerate(dict.fromkeys(roles))}
        documents = sorted(
            in_force(on).filter(role__in=list(order)), key=lambda d: (order[d.role], d.signed_on, d.number)
        )
    return [_("Căn cứ %(document)s;") % {"document": d.citation} for d in documents]


def later_documents(text: str, on: datetime.date) -> list[LegalDocument]:
    """Documents of the table that `text` names by number ("999/QĐ-TLĐ") and that were signed
    after `on`: an officer's own wording citing them would cite the future."""
    if not text:
        return []
    later = LegalDocument.objects.filter(signed_on__gt=on).order_by("signed_on")
    return [d for d in later if re.search(rf"(?<![\w/]){re.escape(d.number)}(?![\w])", text)]


def refuse_later_documents(text: str, on: datetime.date | None, *, field: str) -> None:
    """Refuse a paper dated `on` whose text names a document of the table signed after it."""
    if on is None:
        return
    later = later_documents(text, on)
    if later:
        raise ValidationError(
            {
                field: [
                    _("Văn bản dẫn “%(number)s” (ngày %(signed)s) sau ngày ban hành %(day)s.")
                    % {"number": d.number, "signed": f"{d.signed_on:%d/%m/%Y}", "day": f"{on:%d/%m/%Y}"}
                    for d in later
                ]
            }
        )


def ensure_defaults() -> None:
    """The initial rows of migration 0003 where the table is empty (a test database flushed by
    a transactional test; the demo on such a database). Rows an administrator edited stay."""
    if LegalDocument.objects.exists():
        return

    importlib.import_module("thidua.documents.migrations.0003_legal_documents").load(apps, None)


def load_demo_legal(log) -> None:
    ensure_defaults()
    log(f"  Văn bản pháp lý làm căn cứ: {LegalDocument.objects.count()} văn bản.")
