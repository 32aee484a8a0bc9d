"""The documents of awards: the numbered Quyết định khen thưởng with its list of awardees (DOCX,
PDF), the certificates (Giấy khen, Bằng khen…: one PDF per awardee, one printable file for a
whole decision) and the CĐCS's Tờ trình đề nghị khen thưởng with its list.

Official documents are Vietnamese whatever language the reader uses (Nghị định 30/2020), so
every builder runs under `translation.override("vi")`.

Size. A district's year-end decision may list thousands of names. The decision itself is the
project's official document (documents.rendering, Nghị định 30/2020 layout); its list goes
in one piece, never row by row through a slow path:
- PDF: one Typst compile of awards/typst/decision.typ, which includes documents' official.typ
  for the decision and sets the list as one table (5,000 rows: bench/bench_awards.py);
- DOCX: the decision through docxtpl (the issuer's own Word template when it has one), then
  the list appended as one block of WordprocessingML written as a string (a docxtpl loop or
  python-docx's row API costs seconds at that size).
Certificates of a decision are one Typst compile, one landscape page per awardee.
"""

from __future__ import annotations

import datetime
import io
import json
import re
import subprocess
import sys
import threading
import zipfile
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape as xml_escape

from django.core.exceptions import ValidationError
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from thidua.awards.models import AwardCategory, AwardKind, Decision, Nomination
from thidua.core.text import date_line
from thidua.councils import minutes
from thidua.documents import legal, rendering
from thidua.documents.issuer import issuer_line, spelled_out
from thidua.documents.models import DocType
from thidua.documents.queries import docx_template_for, fingerprint, valid_signed_original
from thidua.documents.rendering import Bullet, OfficialDocument, Paragraph, Table
from thidua.documents.services import profile_for

HERE = Path(__file__).resolve().parent
TYPST_DIR = HERE / "typst"
# The Typst root is the project package, so awards' templates may include documents' own.
TYPST_ROOT = HERE.parent
ACHIEVEMENT_IN_LIST = 220  # characters of the achievement a list shows; the dossier has the rest
CERTIFICATE_ACHIEVEMENT = 240  # what a certificate page holds under the name


# ---------------------------------------------------------------- words shared by the documents


def short_text(text: str, limit: int = ACHIEVEMENT_IN_LIST) -> str:
    """The start of `text`, cut at a word, with "…" when cut."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0].rstrip(",;:.")
    return cut + "…"


def form_of(kind: AwardKind) -> str:
    """What the award is called on the certificate: "Giấy khen của Công đoàn cấp trên…" is a
    Giấy khen; a title is the title."""
    return kind.name.split(" của ", 1)[0].strip()


def certificate_heading(kind: AwardKind) -> tuple[str, str]:
    """The two lines a certificate prints above the name: the verb and the form or title.
    ("TẶNG", "GIẤY KHEN"), ("CÔNG NHẬN DANH HIỆU", "LAO ĐỘNG TIÊN TIẾN"), ("", "BIỂU DƯƠNG")."""
    if kind.category in (AwardCategory.STATE_TITLE, AwardCategory.UNION_TITLE) and not kind.name.startswith("Cờ"):
        return _("CÔNG NHẬN DANH HIỆU"), kind.name.upper()
    if kind.category == AwardCategory.PRAISE:
        return "", form_of(kind).upper()
    return _("TẶNG"), form_of(kind).upper()


def _day_words(day: datetime.date) -> str:
    """ "ngày 15 tháng 12 năm 2026" (the date line without its place)."""
    return date_line("", day).removeprefix(", ")


# ---------------------------------------------------------------- the decision's list


@dataclass(frozen=True)
class ListGroup:
    """Awardees of one kind, collectives or individuals: a titled block of the list."""

    title: str
    rows: list[list[str]]  # STT, name, position/unit, achievement


def _decision_awards(decision: Decision) -> tuple[dict[int, AwardKind], list[tuple]]:
    """The decision's awards as plain tuples (5,000 model instances cost more than the list
    they feed) and their kinds: one query each."""
    rows = list(
        decision.awards.order_by().values_list(
            "award_kind_id", "member_id", "name", "position", "achievement", "order", "id"
        )
    )
    kinds = {k.pk: k for k in AwardKind.objects.filter(pk__in={r[0] for r in rows})}
    return kinds, rows


def group_key(kind: AwardKind, individual: bool) -> tuple:
    """Where a kind's collectives or individuals come in a decision's list: the kinds in
    catalogue order, collectives before individuals (list_groups; the decision's page)."""
    return (kind.order, kind.name, kind.pk, individual)


def list_groups(kinds: dict[int, AwardKind], awards: list[tuple]) -> list[ListGroup]:
    """Grouped by kind (catalogue order), collectives before individuals, each group numbered
    from 1 ("I. Giấy khen … — Tập thể (12)")."""
    buckets: dict[tuple[int, bool], list[tuple]] = {}
    for award in awards:
        buckets.setdefault((award[0], award[1] is not None), []).append(award)
    keys = sorted(buckets, key=lambda k: group_key(kinds[k[0]], k[1]))
    groups = []
    for n, (kind_id, individual) in enumerate(keys, start=1):
        members = sorted(buckets[(kind_id, individual)], key=lambda a: (a[5], a[6]))
        who = _("Cá nhân") if individual else _("Tập thể")
        title = f"{_roman(n)}. {kinds[kind_id].name} — {who} ({len(members)})"
        rows = [[str(i), a[2], a[3], short_text(a[4])] for i, a in enumerate(members, start=1)]
        groups.append(ListGroup(title, rows))
    return groups


def _roman(n: int) -> str:
    numerals = ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
    out = ""
    for value, letters in numerals:
        while n >= value:
            out += letters
            n -= value
    return out


def _list_header() -> list[str]:
    return [_("STT"), _("Họ và tên / Tên tập thể"), _("Chức vụ, đơn vị"), _("Thành tích")]


# ---------------------------------------------------------------- the decision


_PLAN_VERBS = re.compile(r"^(về việc|v/v|kế hoạch|phát động|tổ chức|triển khai)\s+", re.IGNORECASE)


def _campaign_name(campaign) -> str:
    """What the campaign is, to follow "thành tích xuất sắc trong": its movement's name, or
    its plan's title without the verb ("Phát động đợt thi đua…" → "đợt thi đua…")."""
    name = (campaign.movement_name or "").strip()
    if name and re.match(r"(phong trào|đợt)\s", name, re.IGNORECASE):  # already says what it is
        return name
    if name:
        return _("phong trào thi đua “%(name)s”") % {"name": name}
    return _plan_subject(campaign.title)


def _plan_subject(title: str) -> str:
    """A plan's title without its verb: "Phát động đợt thi đua…" → "đợt thi đua…"."""
    title = title.strip()
    while (shorter := _PLAN_VERBS.sub("", title)) != title:
        title = shorter
    return title


def basis_roles(kinds) -> list[str]:
    """The roles of the legal table an award decision cites: the law, its decree and the
    union's award rules, with any other role the kinds' own legal basis names."""
    roles = list(legal.AWARD_ROLES)
    for kind in sorted(kinds, key=lambda k: (k.order, k.name)):
        roles += [role for role in legal.roles_named(kind.legal_basis) if role not in roles]
    return roles


def require_basis(issued_on: datetime.date, campaign, nominations) -> None:
    """Refuse a decision dated `issued_on` whose legal basis is unknown that day (no law,
    decree or union rules in force in the table), or that would cite a later paper: its
    campaign's plan or the council's minutes dated after it (issue 15 items 3 and 7)."""

    legal.require(issued_on, basis_roles({n.award_kind for n in nominations}))
    if campaign is not None and campaign.plan_date and campaign.plan_date > issued_on:
        raise ValidationError(
            {
                "issued_on": _("Ngày quyết định %(day)s trước ngày của kế hoạch mà quyết định căn cứ (%(plan)s).")
                % {"day": f"{issued_on:%d/%m/%Y}", "plan": f"{campaign.plan_date:%d/%m/%Y}"}
            }
        )
    minutes.require_not_before(Nomination, [n.pk for n in nominations], issued_on)


def _basis_lines(decision: Decision, kinds: dict[int, AwardKind]) -> list[str]:
    """Căn cứ: the union's charter; the law, decree and union rules in force on the decision's
    day (documents.legal: never a document dated after it); the campaign's plan (number and
    date); the award council's minutes, by number and day, when it decided on these awards
    by the decision's day."""
    day = decision.issued_on or timezone.localdate()
    lines = [_("Căn cứ Điều lệ Công đoàn Việt Nam;")]
    # Printed again at each download: issuing checked the basis (require_basis), so an edited
    # table never stops an issued decision from printing.
    lines += legal.citations(day, basis_roles(kinds.values()), strict=False)
    campaign = decision.campaign
    if campaign is not None:
        if campaign.register_entry_id and campaign.plan_date and campaign.plan_date <= day:
            lines.append(
                _("Căn cứ Kế hoạch số %(number)s ngày %(day)s của %(issuer)s về %(title)s;")
                % {
                    "number": campaign.register_entry.symbol,
                    "day": f"{campaign.plan_date:%d/%m/%Y}",
                    "issuer": campaign.issuer.name,
                    "title": _lower_first(campaign.title),
                }
            )
        else:
            lines.append(
                _("Căn cứ Kế hoạch của %(issuer)s về %(title)s;")
                % {"issuer": campaign.issuer.name, "title": _lower_first(campaign.title)}
            )
    # The council's minutes by number and day ("Căn cứ Biên bản số 01/BB-LĐLĐ ngày
    # 10/10/2023 của Hội đồng …;"): only a closed session's, held by the decision's day.
    nominations = decision.awards.filter(nomination__isnull=False).values("nomination_id")
    lines += [line for line, _council in minutes.cited(Nomination, nominations, until=day)]
    return lines


def _lower_first(text: str) -> str:
    text = text.strip().rstrip(".")
    return text[:1].lower() + text[1:] if text[:2] != text[:2].upper() else text


def _counts_by_kind(kinds: dict[int, AwardKind], awards: list[tuple]) -> list[tuple[AwardKind, int, int]]:
    counts: dict[int, list[int]] = {}
    for award in awards:
        counts.setdefault(award[0], [0, 0])[0 if award[1] is None else 1] += 1
    ordered = sorted(counts, key=lambda k: (kinds[k].order, kinds[k].name, k))
    return [(kinds[k], counts[k][0], counts[k][1]) for k in ordered]


def _collectives_and_individuals(collectives: int, individuals: int) -> str:
    parts = []
    if collectives:
        parts.append(_("%(n)s tập thể") % {"n": collectives})
    if individuals:
        parts.append(_("%(n)s cá nhân") % {"n": individuals})
    return _(" và ").join(parts) or _("0 cá nhân")


def decision_document(decision: Decision) -> tuple[OfficialDocument, dict]:
    """The decision as an official document, and its list as data (title, subtitle, header,
    groups) for both renderings."""
    with translation.override("vi"):
        decision = Decision.objects.select_related(
            "unit", "unit__kind", "register_entry", "campaign", "campaign__issuer", "campaign__register_entry"
        ).get(pk=decision.pk)
        profile = profile_for(decision.unit, issued=decision.register_entry)  # as issued
        kinds, awards = _decision_awards(decision)
        counts = _counts_by_kind(kinds, awards)
        collectives = sum(c for _k, c, _i in counts)
        individuals = sum(i for _k, _c, i in counts)
        number = decision.register_entry.symbol if decision.register_entry_id else "…"
        day = decision.issued_on
        body: list = [Paragraph(issuer_line(profile), bold=True)]
        body += [Paragraph(line, italic=True) for line in _basis_lines(decision, kinds)]
        body.append(
            Paragraph(
                _("Xét đề nghị của Hội đồng Thi đua – Khen thưởng %(unit)s,") % {"unit": decision.unit.name},
                italic=True,
            )
        )
        body.append(Paragraph(_("QUYẾT ĐỊNH:"), bold=True))
        if decision.campaign is not None:
            article_1 = _(
                "Điều 1. Khen thưởng %(who)s có tên trong danh sách kèm theo Quyết định này "
                "đã có thành tích xuất sắc trong %(campaign)s."
            ) % {
                "who": _collectives_and_individuals(collectives, individuals),
                "campaign": _lower_first(_campaign_name(decision.campaign)),
            }
        else:
            article_1 = _(
                "Điều 1. Khen thưởng %(who)s có tên trong danh sách kèm theo Quyết định này đã có thành tích xuất sắc."
            ) % {"who": _collectives_and_individuals(collectives, individuals)}
        body.append(Paragraph(article_1))
        body.append(Paragraph(_("Điều 2. Hình thức khen thưởng:")))
        for kind, c, i in counts:
            body.append(Bullet(f"{kind.name}: {_collectives_and_individuals(c, i)};"))
        body.append(
            Paragraph(
                _(
                    "Điều 3. Văn phòng, bộ phận Thi đua – Khen thưởng %(unit)s, các đơn vị có liên quan và các tập thể, "
                    "cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này. "
                    "Quyết định có hiệu lực kể từ ngày ký."
                )
                % {"unit": decision.unit.name}
            )
        )
        doc = OfficialDocument(
            superior_line=profile.superior_line,
            body_line=profile.body_line,
            number_line=f"Số: {number}",
            date_line=date_line(profile.place, day) if profile.place and day else "",
            type_name="QUYẾT ĐỊNH",
            summary=[decision.title or _("Về việc khen thưởng")],
            body=body,
            recipients=[_("Như Điều 3;"), _("Lưu: VT, Thi đua – Khen thưởng.")],
            signer_lines=profile.signer_lines,
            signer_name=profile.signer_name,
        )
        subtitle = (
            _("(Kèm theo Quyết định số %(number)s ngày %(day)s của %(issuer)s)")
            % {"number": number, "day": f"{day:%d/%m/%Y}", "issuer": decision.unit.name}
            if day
            else _("(Kèm theo Quyết định số %(number)s)") % {"number": number}
        )
        title = _("DANH SÁCH TẬP THỂ, CÁ NHÂN ĐƯỢC KHEN THƯỞNG")
        if decision.campaign is not None:
            title += "\n" + _("trong %(campaign)s") % {"campaign": _lower_first(_campaign_name(decision.campaign))}
        groups = list_groups(kinds, awards)
        attached = {
            "title": title,
            "subtitle": subtitle,
            "header": _list_header(),
            "groups": [{"title": g.title, "rows": g.rows} for g in groups],
        }
        return doc, attached


# ---------------------------------------------------------------- Typst compilers

_typst = threading.local()


def _compiler(template: str):
    """One compiler per thread and template (documents.rendering explains why)."""
    compilers = getattr(_typst, "compilers", None)
    if compilers is None:
        compilers = _typst.compilers = {}
    if template not in compilers:
        import typst  # noqa: PLC0415 — Typst's compiler loads only when a paper is rendered

        compilers[template] = typst.Compiler(
            str(TYPST_DIR / template),
            root=str(TYPST_ROOT),
            font_paths=rendering._font_paths(),
            ignore_system_fonts=True,
        )
    return compilers[template]


def _json(value) -> str:
    return json.dumps(value, ensure_ascii=False)


# Above this many rows (list rows, certificates) a document is compiled in a child process:
# Typst's cache would keep ~60 KB a row of the last ten compiles in the worker (isolated_typst.py).
ISOLATE_ABOVE = 500


def _compile(template: str, inputs: dict[str, str], size: int) -> bytes:
    if size <= ISOLATE_ABOVE:
        return _compiler(template).compile(sys_inputs=inputs)
    request = {
        "template": str(TYPST_DIR / template),
        "root": str(TYPST_ROOT),
        "font_paths": rendering._font_paths(),
        "inputs": inputs,
    }
    # A fixed command (this interpreter, our script); the document's data goes in on stdin.
    child = subprocess.run(  # noqa: S603
        [sys.executable, str(HERE / "isolated_typst.py")],
        input=_json(request).encode("utf-8"),
        capture_output=True,
        check=False,
    )
    if child.returncode != 0:
        raise RuntimeError(f"Typst ({template}) failed: {child.stderr.decode('utf-8', 'replace')[-2000:]}")
    return child.stdout


def decision_pdf(decision: Decision) -> bytes:
    doc, attached = decision_document(decision)
    data = rendering.document_data(doc)
    rows = sum(len(group["rows"]) for group in attached["groups"])
    # The list's column widths are the DOCX's (_LIST_COLUMNS, twips): the same lines wrap alike.
    attached = {**attached, "widths": list(_LIST_COLUMNS)}
    return _compile("decision.typ", {"data": _json(data), "list": _json(attached)}, rows)


# ---------------------------------------------------------------- DOCX: the list as one XML block

# The list's page (decision.typ): A4 portrait, 20 mm left and 15 mm right, 175 mm of text =
# 9,921 twips. Its columns, the same for the PDF and the DOCX: STT, name (27 %), position and
# achievement sharing the rest 1 : 1.3. LibreOffice lays a table out by these grid widths.
_LIST_COLUMNS = (680, 2679, 2853, 3709)
_LIST_LEFT_MARGIN = 1134  # 20 mm
_LIST_SIZE = 26  # half-points: 13 pt, as decision.typ
# decision.typ's lines: leading 0.45 em below the capitals = 0.962 of Word's single line.
_LIST_LINE = '<w:spacing w:before="0" w:after="0" w:line="231" w:lineRule="auto"/>'
_BORDERS = "".join(
    f'<w:{e} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
    for e in ("top", "left", "bottom", "right", "insideH", "insideV")
)
# Typst's 4 pt padding, less what Word adds above and below a cell's lines (5.4 and 1.8 pt at
# 13 pt; documents.rendering._table_xml explains), so rows are as tall as in the PDF.
_LIST_CELL_MARGINS = (
    '<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="80" w:type="dxa"/>'
    '<w:bottom w:w="42" w:type="dxa"/><w:right w:w="80" w:type="dxa"/></w:tblCellMar>'
)


def _p(text: str, *, bold=False, italic=False, center=False, size: int | None = None, after: int = 0) -> str:
    props = f'<w:spacing w:before="0" w:after="{after}" w:line="231" w:lineRule="auto"/><w:ind w:firstLine="0"/>'
    if center:
        props += '<w:jc w:val="center"/>'
    run_props = ("<w:b/>" if bold else "") + ("<w:i/>" if italic else "")
    if size:
        run_props += f'<w:sz w:val="{size}"/><w:szCs w:val="{size}"/>'
    line_break = f"<w:r><w:rPr>{run_props}</w:rPr><w:br/></w:r>"
    runs = line_break.join(
        f'<w:r><w:rPr>{run_props}</w:rPr><w:t xml:space="preserve">{xml_escape(line)}</w:t></w:r>'
        for line in text.split("\n")
    )
    return f"<w:p><w:pPr>{props}</w:pPr>{runs}</w:p>"


def _cell(text: str, width: int, *, bold=False, span: int = 1) -> str:
    span_xml = f'<w:gridSpan w:val="{span}"/>' if span > 1 else ""
    size = f'<w:sz w:val="{_LIST_SIZE}"/><w:szCs w:val="{_LIST_SIZE}"/>'
    rpr = f"<w:rPr><w:b/>{size}</w:rPr>" if bold else f"<w:rPr>{size}</w:rPr>"
    return (
        f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{span_xml}</w:tcPr>'
        f'<w:p><w:pPr>{_LIST_LINE}<w:ind w:firstLine="0"/><w:jc w:val="left"/></w:pPr>'
        f'<w:r>{rpr}<w:t xml:space="preserve">{xml_escape(text)}</w:t></w:r></w:p></w:tc>'
    )


def list_xml(attached: dict) -> str:
    """The attached list as WordprocessingML: its title, and one table whose header row
    repeats on every page (append_to_docx starts it on a new page with the list's margins).
    Written as one string: 5,000 rows in well under a second."""
    out = [
        _p(attached["title"], bold=True, center=True, size=_LIST_SIZE, after=50),
        _p(attached["subtitle"], italic=True, center=True, size=_LIST_SIZE, after=200),
    ]
    total = sum(_LIST_COLUMNS)
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in _LIST_COLUMNS)
    out.append(
        f'<w:tbl><w:tblPr><w:tblW w:w="{total}" w:type="dxa"/><w:tblInd w:w="80" w:type="dxa"/>'
        f"<w:tblBorders>{_BORDERS}</w:tblBorders>"
        f'<w:tblLayout w:type="fixed"/>{_LIST_CELL_MARGINS}</w:tblPr><w:tblGrid>{grid}</w:tblGrid>'
    )
    header = "".join(_cell(h, w, bold=True) for h, w in zip(attached["header"], _LIST_COLUMNS, strict=True))
    out.append(f"<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>{header}</w:tr>")
    widths = _LIST_COLUMNS
    # Rows move whole to the next page, as in the PDF.
    row_start = "<w:tr><w:trPr><w:cantSplit/></w:trPr>"
    for group in attached["groups"]:
        out.append(f"{row_start}{_cell(group['title'], total, bold=True, span=len(widths))}</w:tr>")
        for row in group["rows"]:
            out.append(
                row_start
                + _cell(row[0], widths[0])
                + _cell(row[1], widths[1])
                + _cell(row[2], widths[2])
                + _cell(row[3], widths[3])
                + "</w:tr>"
            )
    out.append("</w:tbl>")
    return "".join(out)


def append_to_docx(docx: bytes, xml: str, *, new_section: bool = False) -> bytes:
    """`docx` with `xml` (body-level WordprocessingML) added at the end of its body, before
    the final section properties. The archive is copied entry by entry; only
    word/document.xml changes.

    `new_section`: `xml` starts a section of its own, on a new page with the list's margins
    (20 mm left, as decision.typ) and a page number on each of its pages; the document's own
    section, closed before it, keeps its margins."""
    source = zipfile.ZipFile(io.BytesIO(docx))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename == "word/document.xml":
                text = content.decode("utf-8")
                end = text.rfind("</w:body>")
                section = text.rfind("<w:sectPr", 0, end)
                # The body's own sectPr is its last child; a paragraph's sectPr sits inside a <w:p>.
                at = section if section != -1 and text.rfind("</w:p>", 0, end) < section else end
                tail = text[at:]
                if new_section and at == section:
                    closing = tail[: tail.index("</w:sectPr>") + len("</w:sectPr>")]
                    xml = f"<w:p><w:pPr>{closing}</w:pPr></w:p>" + xml
                    tail = re.sub(r'(<w:pgMar\b[^>]*?w:left=")\d+(")', rf"\g<1>{_LIST_LEFT_MARGIN}\2", tail, count=1)
                    tail = re.sub(r"<w:titlePg(\s+w:val=\"[^\"]*\")?\s*/>", "", tail, count=1)
                content = (text[:at] + xml + tail).encode("utf-8")
            target.writestr(item, content)
    return out.getvalue()


def decision_docx(decision: Decision) -> bytes:
    doc, attached = decision_document(decision)
    template = docx_template_for(decision.unit, DocType.DECISION)
    return append_to_docx(rendering.render_docx(doc, template), list_xml(attached), new_section=True)


# ---------------------------------------------------------------- certificates


def _certificate_frame(decision: Decision) -> dict:
    """What every certificate of a decision prints: issuer, decision line, date, signer."""
    profile = profile_for(decision.unit, issued=decision.register_entry)  # as issued
    day = decision.issued_on
    number = decision.register_entry.symbol if decision.register_entry_id else ""
    # Once the decision's signed original is attached (issue 21), the certificate names it.
    signed = valid_signed_original(decision.register_entry) if decision.register_entry_id else None
    decision_line = (
        _("Quyết định số %(number)s (bản ký số, mã %(code)s), %(day)s")
        if signed is not None
        else _("Quyết định số %(number)s, %(day)s")
    ) % {"number": number, "day": _day_words(day), "code": fingerprint(signed) if signed is not None else ""}
    return {
        "superior": spelled_out(profile.superior_line.upper()),
        "issuer": issuer_line(profile),
        "decision_line": decision_line,
        "date_line": date_line(profile.place, day) if profile.place else _day_words(day).capitalize(),
        "signer_lines": [line.upper() for line in profile.signer_lines],
        "signer_name": profile.signer_name,
    }


def _certificate_item(kind: AwardKind, name: str, position: str, achievement: str, campaign) -> dict:
    verb, form = certificate_heading(kind)
    achievement = short_text(achievement, CERTIFICATE_ACHIEVEMENT)
    # The seeds' wording: "Đã có thành tích xuất sắc trong <the campaign>" — the decision's list
    # carries each one's achievement ("Đã có thành tích tích cực hưởng ứng…" read the demo's).
    if campaign is not None:
        text = _("Đã có thành tích xuất sắc trong %(c)s") % {"c": _lower_first(_campaign_name(campaign))}
    elif achievement:
        text = achievement.rstrip(".…") + ("…" if achievement.endswith("…") else "")
        text = (
            text if text.lower().startswith(("đã", "có")) else _("Đã có thành tích %(a)s") % {"a": _lower_first(text)}
        )
    else:
        text = _("Đã có thành tích xuất sắc")
    if not text.endswith("…"):
        text += "."
    return {"verb": verb, "form": form, "name": name, "position": position, "achievement": text}


def _certificates(decision: Decision, awards) -> bytes:
    with translation.override("vi"):
        frame = _certificate_frame(decision)
        kinds: dict[int, AwardKind] = {}
        items = []
        for kind_id, name, position, achievement in awards:
            if kind_id not in kinds:
                kinds[kind_id] = AwardKind.objects.get(pk=kind_id)
            items.append(_certificate_item(kinds[kind_id], name, position, achievement, decision.campaign))
        data = {**frame, "items": items}
    return _compile("certificates.typ", {"data": _json(data)}, len(items))


def _issued(decision: Decision) -> Decision:
    return Decision.objects.select_related("unit", "register_entry", "campaign").get(pk=decision.pk)


def certificate_pdf(award) -> bytes:
    """One awardee's certificate (one landscape A4 page)."""
    decision = _issued(award.decision)
    return _certificates(decision, [(award.award_kind_id, award.name, award.position, award.achievement)])


def certificates_pdf(decision: Decision) -> bytes:
    """Every certificate of a decision, one page each, in the list's order: one compile."""
    decision = _issued(decision)
    kinds, awards = _decision_awards(decision)
    awards.sort(key=lambda a: (*group_key(kinds[a[0]], a[1] is not None), a[5], a[6]))
    return _certificates(decision, [(a[0], a[2], a[3], a[4]) for a in awards])


# ---------------------------------------------------------------- the CĐCS's tờ trình


def proposal_document(campaign, unit, nominations) -> OfficialDocument:
    """Tờ trình đề nghị khen thưởng of a CĐCS to the level handling its nominations, with the
    list (collectives, then individuals) built from the nominations.

    Unnumbered on purpose: seeds 000 and 002 ask for "Tờ trình của Ban Chấp hành công đoàn
    cơ sở (kèm theo danh sách…)" in the paper dossier the chair signs; a CĐCS numbers its
    own outgoing papers by hand, if at all. So "Số: …/TTr-<symbol>" and the day stay blank
    for the chair to fill when signing; thidua keeps no register entry for it."""
    with translation.override("vi"):
        nominations = list(nominations)
        profile = profile_for(unit)
        level = nominations[0].level if nominations else campaign.issuer
        collectives = [n for n in nominations if n.subject_unit_id]
        individuals = [n for n in nominations if n.subject_member_id]
        # Undated until the chair signs it: it cites what is in force today (documents.legal).
        basis = legal.citations(timezone.localdate(), basis_roles({n.award_kind for n in nominations}))
        body: list = [
            Paragraph(_("Kính gửi: Ban Thường vụ %(level)s") % {"level": level.name}, bold=True),
            *[Paragraph(line, italic=True) for line in basis],
            Paragraph(
                _(
                    "Thực hiện %(campaign)s của %(issuer)s, Ban Chấp hành %(unit)s đã tổ chức triển khai, "
                    "bình xét trong đơn vị. Căn cứ thành tích đạt được, Ban Chấp hành %(unit)s đề nghị "
                    "Ban Thường vụ %(level)s xét, khen thưởng %(who)s, cụ thể như sau:"
                )
                % {
                    "campaign": _("Kế hoạch số %(n)s") % {"n": campaign.register_entry.symbol}
                    if campaign.register_entry_id
                    else _("kế hoạch"),
                    "issuer": campaign.issuer.name,
                    "unit": unit.name,
                    "level": level.name,
                    "who": _collectives_and_individuals(len(collectives), len(individuals)),
                }
            ),
        ]
        header = [
            _("STT"),
            _("Tên tập thể, cá nhân"),
            _("Chức vụ, đơn vị"),
            _("Hình thức đề nghị"),
            _("Tóm tắt thành tích"),
        ]
        if collectives:
            body.append(Paragraph(_("I. Tập thể (%(n)s)") % {"n": len(collectives)}, bold=True))
            rows = [header]
            for i, n in enumerate(collectives, start=1):
                parent = n.subject_unit.parent.name if n.subject_unit.parent_id and n.subject_unit_id != unit.pk else ""
                rows.append([str(i), n.subject_unit.name, parent, n.award_kind.name, short_text(n.achievement)])
            body.append(Table(rows))
        if individuals:
            body.append(
                Paragraph(
                    _("%(r)s. Cá nhân (%(n)s)") % {"r": "II" if collectives else "I", "n": len(individuals)}, bold=True
                )
            )
            rows = [header]
            for i, n in enumerate(individuals, start=1):
                member = n.subject_member
                where = ", ".join(p for p in (member.position, member.unit.name) if p)
                rows.append([str(i), member.full_name, where, n.award_kind.name, short_text(n.achievement)])
            body.append(Table(rows))
        body.append(
            Paragraph(
                _(
                    "Hồ sơ kèm theo gồm tóm tắt thành tích của các tập thể, cá nhân và các tài liệu theo "
                    "hướng dẫn của kế hoạch. Kính đề nghị Ban Thường vụ %(level)s xem xét, quyết định."
                )
                % {"level": level.name}
            )
        )
        year = timezone.localdate().year
        return OfficialDocument(
            superior_line=profile.superior_line,
            body_line=profile.body_line,
            number_line=f"Số:       /{DocType.SUBMISSION.value}-{profile.symbol_suffix}",
            date_line=f"{profile.place}, ngày      tháng      năm {year}" if profile.place else "",
            type_name="TỜ TRÌNH",
            summary=[_("Về việc đề nghị khen thưởng")],
            body=body,
            recipients=[_("Như trên;"), _("Lưu: BCH.")],
            signer_lines=profile.signer_lines,
            signer_name=profile.signer_name,
        )


def _proposal_rows(nominations):
    if hasattr(nominations, "select_related"):
        nominations = nominations.select_related(
            "award_kind", "level", "subject_unit", "subject_unit__parent", "subject_member", "subject_member__unit"
        ).order_by("award_kind__order", "id")
    return nominations


def proposal_pdf(campaign, unit, nominations) -> bytes:
    return rendering.render_pdf(proposal_document(campaign, unit, _proposal_rows(nominations)))


def proposal_docx(campaign, unit, nominations) -> bytes:
    template = docx_template_for(unit, DocType.SUBMISSION)
    return rendering.render_docx(proposal_document(campaign, unit, _proposal_rows(nominations)), template)
