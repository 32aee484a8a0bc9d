"""Text of a plan → :class:`PlanExtract`.

The document is read in the order Nghị định 30/2020 lays it out: letterhead and title
(header.py), the basis paragraph (references.py), the numbered parts (sections.py) with the
window, deadlines and periodic duties found in them (timing.py), the reward part (reward.py),
and the closing: recipients, signer, contacts (closing.py). Every part is optional: a missing
one leaves its field empty with a warning the reviewer reads, never an exception.
"""

from __future__ import annotations

import re

from django.utils.translation import gettext as _

from . import header as header_module
from . import references as references_module
from . import timing
from .normalize import Line, split_lines
from .structure import PlanExtract, PlanImportError


def parse(text: str) -> PlanExtract:
    if text is None or not text.strip():
        raise PlanImportError(_("Văn bản trống: không có nội dung để đọc."))
    lines = split_lines(text)
    if not lines:
        raise PlanImportError(_("Văn bản trống: không có nội dung để đọc."))
    extract = PlanExtract()
    head = header_module.read_header(lines)
    for name in ("doc_type", "number", "symbol", "issuer", "issuer_parent", "place", "date", "title"):
        setattr(extract, name, getattr(head, name))
    extract.evidence.update(head.evidence)
    body = lines[head.body_start :]
    if extract.issuer is None:
        issuer, evidence = header_module.issuer_from_body(lines, extract.place)
        if issuer:
            extract.issuer = issuer
            extract.evidence["issuer"] = evidence
    basis = _basis_lines(body)
    relation = None
    for line in basis:
        found, relation = references_module.find_references(line.text, relation)
        extract.implements.extend(found)
    default_year = extract.date.year if extract.date else None
    window = timing.find_window(body, set())
    extract.period_start, extract.period_end, extract.end_condition = window.start, window.end, window.end_condition
    if window.source:
        extract.evidence["period_start"] = window.source
        if window.end:
            extract.evidence["period_end"] = window.source
        if window.end_condition:
            extract.evidence["end_condition"] = window.source
    skip = {window.line: [window.span]} if window.span else {}
    extract.deadlines = timing.find_deadlines(body, default_year, skip)
    extract.periodic = timing.find_periodic(body)
    _warn_missing(extract, head)
    return extract


_HEADING_START = re.compile(r"^(?:[ivxlc]+|\d+)\s*[.)/]\s")


def _basis_lines(body: list[Line]) -> list[Line]:
    """The paragraphs between the title and the first numbered part."""
    basis = []
    for line in body[:12]:
        if _HEADING_START.match(line.folded) or line.hashes:
            break
        basis.append(line)
    return basis


def _warn_missing(extract: PlanExtract, head) -> None:
    warnings = extract.warnings
    if extract.doc_type is None:
        warnings.append(_("Không nhận ra loại văn bản (kế hoạch, hướng dẫn, quyết định…)."))
    if extract.number is None:
        if extract.symbol:
            warnings.append(
                _("Văn bản chưa có số (bản dự thảo?): chỉ có ký hiệu %(symbol)s.") % {"symbol": extract.symbol}
            )
        else:
            warnings.append(_("Không tìm thấy số, ký hiệu văn bản."))
    if extract.issuer is None:
        warnings.append(_("Không tìm thấy cơ quan ban hành."))
    elif "issuer" in extract.evidence and not head.issuer:
        warnings.append(_("Cơ quan ban hành được suy ra từ nội dung văn bản (không có phần tiêu đề): cần kiểm tra."))
    if extract.date is None:
        if head.date_undetermined:
            warnings.append(_("Ngày ban hành còn để trống (bản dự thảo?)."))
        else:
            warnings.append(_("Không tìm thấy ngày ban hành."))
    if extract.place is None:
        warnings.append(_("Không tìm thấy địa danh ban hành."))
    if not extract.title:
        warnings.append(_("Không tìm thấy trích yếu (tên) của văn bản."))
