"""Text of a plan → :class:`PlanExtract`.

The document is read in the order Nghị định 30/2020 lays it out: letterhead and title
(header.py), the basis paragraph (references.py), the numbered parts (sections.py) with the
window, deadlines and periodic duties found in them (timing.py), the reward part (reward.py),
and the closing: recipients, signer, contacts (closing.py). Every part is optional: a missing
one leaves its field empty with a warning the reviewer reads, never an exception.
"""

from __future__ import annotations

import gc
import re

from django.conf import settings
from django.utils.translation import gettext as _

from . import closing as closing_module
from . import header as header_module
from . import references as references_module
from . import reward as reward_module
from . import sections as sections_module
from . import timing
from .flattened import reline
from .normalize import Line, fold, split_lines
from .structure import PlanExtract, PlanImportError, Responsibility


def parse(text: str) -> PlanExtract:
    # The reading builds tens of thousands of small objects (a Line per paragraph, its parts)
    # and holds no reference cycle: the cyclic collector's passes over them were a fifth of the
    # time on long inputs. Reference counting still frees everything as usual.
    paused = gc.isenabled()
    gc.disable()
    try:
        return _parse(text)
    finally:
        if paused:
            gc.enable()


def _parse(text: str) -> PlanExtract:
    if text is None or not text.strip():
        raise PlanImportError(_("Văn bản trống: không có nội dung để đọc."))
    _check_size(text)
    lines = split_lines(reline(text))
    if not lines:
        raise PlanImportError(_("Văn bản trống: không có nội dung để đọc."))
    if not _looks_vietnamese(lines):
        raise PlanImportError(
            _("Văn bản không phải tiếng Việt hoặc không đọc được chữ: không tìm thấy nội dung của một kế hoạch.")
        )
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
    if extract.title:
        extract.movement_names = _quoted(extract.title)

    basis = _basis_lines(body)
    relation = None
    for line in basis:
        found, relation = references_module.find_references(line.text, relation)
        extract.implements.extend(found)
    if extract.implements:
        extract.evidence["implements"] = " ".join(line.text for line in basis)
    basis_end = basis[-1].number + 1 - body[0].number if basis else 0
    parts, closing_start = sections_module.find_parts(body)
    extract.sections = [part.section for part in parts]
    main = body[:closing_start]

    default_year = extract.date.year if extract.date else _year_of_draft(extract)
    window_lines = {body[i].number for p in parts if p.section.part == "window" for i in range(p.line, p.last)}
    window = timing.find_window(main[basis_end:], window_lines)
    extract.period_start, extract.period_end, extract.end_condition = window.start, window.end, window.end_condition
    if window.source:
        extract.evidence["period_start"] = window.source
        if window.end:
            extract.evidence["period_end"] = window.source
        if window.end_condition:
            extract.evidence["end_condition"] = window.source
    skip = {window.line: [window.span]} if window.span else {}
    extract.deadlines = timing.find_deadlines(main, default_year, skip)
    extract.periodic = timing.find_periodic(main[basis_end:])

    reward = reward_module.read_reward(body, parts, closing_start, default_year)
    extract.reward_targets = reward.targets
    extract.collective_criteria = reward.collective
    extract.individual_criteria = reward.individual
    extract.quota = reward.quota
    extract.dossier = reward.dossier
    extract.procedure = reward.procedure
    extract.award_forms = reward.forms
    extract.nomination_due = reward.due
    extract.nomination_due_text = reward.due_text
    extract.evidence.update(reward.evidence)
    if extract.nomination_due is None:
        # "Hồ sơ gửi về LĐLĐ tỉnh chậm nhất ngày 15/6/2024": the deadline that carries the dossier.
        for deadline in extract.deadlines:
            if re.search(r"\bho so\b|de nghi khen thuong", fold(deadline.source)):
                extract.nomination_due = deadline.date
                extract.evidence["nomination_due"] = deadline.source
                break
    extract.responsibilities = _responsibilities(body, parts)

    closing = closing_module.read_closing(body[closing_start:])
    extract.recipients = closing.recipients
    extract.signer_title = closing.signer_title
    extract.signer_name = closing.signer_name
    extract.evidence.update(closing.evidence)
    extract.emails, extract.contacts = closing_module.find_contacts("\n".join(line.text for line in lines))
    _warn_missing(extract, head, parts, reward)
    return extract


# A plan runs to a few hundred lines; the caps keep the parse (linear, under 1 s per MB on a
# shared 2-core box) within a request's time whatever is pasted.
DEFAULT_MAX_CHARS = 3_000_000
DEFAULT_MAX_LINES = 100_000


def _check_size(text: str) -> None:
    max_chars = getattr(settings, "THIDUA_PLAN_IMPORT_MAX_CHARS", DEFAULT_MAX_CHARS)
    max_lines = getattr(settings, "THIDUA_PLAN_IMPORT_MAX_LINES", DEFAULT_MAX_LINES)
    chars, lines = len(text), text.count("\n") + 1
    if chars > max_chars or lines > max_lines:
        raise PlanImportError(
            _(
                "Văn bản quá dài (%(lines)s dòng, %(chars)s ký tự): chỉ đọc văn bản đến %(max_lines)s dòng và "
                "%(max_chars)s ký tự. Hãy bỏ phần phụ lục, danh sách kèm theo hoặc tách văn bản rồi tải lên lại."
            )
            % {
                "lines": f"{lines:,}".replace(",", "."),
                "chars": f"{chars:,}".replace(",", "."),
                "max_lines": f"{max_lines:,}".replace(",", "."),
                "max_chars": f"{max_chars:,}".replace(",", "."),
            }
        )


def _year_of_draft(extract: PlanExtract) -> int | None:
    """The year of a plan whose date is left blank ("ngày    tháng 4 năm 2025", a draft), or
    failing that the year its title names ("… năm 2025"): "trước ngày 31/5" falls in it."""
    for text in (extract.evidence.get("place", ""), extract.title or ""):
        years = re.findall(r"\bnam\s*((?:19|20)\d\d)\b", fold(text))
        if years:
            return int(years[-1])
    return None


def _looks_vietnamese(lines: list[Line]) -> bool:
    """Some Vietnamese words a plan cannot do without, with or without their diacritics."""
    sample = " ".join(line.folded for line in lines[:400])
    words = set(re.findall(r"[a-z]+", sample))
    hits = len(words & _VIETNAMESE_WORDS)
    return hits >= 4 or (hits >= 2 and len(words) < 15)


_VIETNAMESE_WORDS = {
    "cua", "va", "cac", "nhung", "trong", "ngay", "thang", "thi", "dua", "cong", "doan", "lao", "dong",
    "ke", "hoach", "thuc", "hien", "khen", "thuong", "chuc", "viec", "nhiem", "vu", "duoc", "quan", "huyen",
    "tinh", "phong", "trao", "nguoi",
}  # fmt: skip
_QUOTED = re.compile(r"“([^”]{3,200})”|\"([^\"]{3,200})\"")


def _quoted(text: str) -> list[str]:
    return [(a or b).strip() for a, b in _QUOTED.findall(text)]


def _responsibilities(body: list[Line], parts: list) -> list[Responsibility]:
    found = []
    # (the organisation part's level once, not again for each of its sub-parts: quadratic)
    parent_level = min((p.section.level for p in parts if p.section.part == "organisation"), default=0)
    for part in parts:
        if part.section.part != "organisation" or part.section.level == 1:
            continue
        if part.section.level != parent_level + 1:
            continue
        level = re.sub(r"^(?:Đối với|đối với)\s+", "", part.section.heading).strip()
        found.append(Responsibility(level=level, body=part.section.body, source=body[part.line].text))
    return found


_HEADING_START = re.compile(r"^(?:[ivxlc]+|\d+)\s*[.)/]\s")


def _basis_lines(body: list[Line]) -> list[Line]:
    """The paragraphs between the title and the first numbered part."""
    basis = []
    for index, line in enumerate(body[:12]):
        if index == 0 and header_module.is_authority_line(line):
            continue  # "BAN THƯỜNG VỤ LĐLĐ HUYỆN …" above a decision's "Căn cứ …" lines
        if _HEADING_START.match(line.folded) or line.hashes or sections_module.heading_of(line):
            break
        basis.append(line)
    return basis


def _warn_missing(extract: PlanExtract, head, parts: list, reward) -> None:
    warnings = extract.warnings
    warnings.extend(head.warnings)
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
        if head.date_partial:
            warnings.append(
                _("Ngày ban hành thiếu ngày, tháng hoặc năm (“%(printed)s”): cần nhập ngày đúng.")
                % {"printed": head.evidence["date"][:80]}
            )
        elif head.date_undetermined:
            warnings.append(_("Ngày ban hành còn để trống (bản dự thảo?)."))
        else:
            warnings.append(_("Không tìm thấy ngày ban hành."))
    if extract.place is None:
        warnings.append(_("Không tìm thấy địa danh ban hành."))
    if not extract.title:
        warnings.append(_("Không tìm thấy trích yếu (tên) của văn bản."))
    if not extract.implements:
        warnings.append(_("Không tìm thấy văn bản căn cứ (Thực hiện…, Căn cứ…)."))
    if not parts:
        warnings.append(_("Không nhận ra các phần của văn bản (I., II., 1., 2.…)."))
    if extract.period_start is None and extract.period_end is None:
        warnings.append(_("Không tìm thấy thời gian thi đua (từ ngày … đến ngày …)."))
    if any(p.section.part == "reward" for p in parts):
        if not extract.collective_criteria and not extract.individual_criteria:
            warnings.append(_("Có phần khen thưởng nhưng không tìm thấy tiêu chuẩn tập thể, cá nhân."))
        if not extract.dossier:
            warnings.append(_("Có phần khen thưởng nhưng không tìm thấy hồ sơ đề nghị khen thưởng."))
    if not extract.recipients:
        warnings.append(_("Không tìm thấy nơi nhận."))
    if not extract.signer_title:
        warnings.append(_("Không tìm thấy chức vụ người ký."))
    if not extract.signer_name:
        warnings.append(_("Không tìm thấy họ tên người ký."))
