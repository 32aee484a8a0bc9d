"""Official documents (Nghị định 30/2020/NĐ-CP, Phụ lục I) as data, rendered to PDF and DOCX.

An app builds an `OfficialDocument` (letterhead lines from `documents.services.profile_for`,
the number from `take_number`, its own body blocks) and hands it to `render_pdf` (Typst,
template `typst/official.typ`) or `render_docx` (docxtpl, template `docx/official.docx` or the
issuer's own). No database access here: rendering is a pure function of the document.

User text never becomes markup: the PDF template receives the document as JSON and shows its
strings as text (Typst does not parse a string value), and the DOCX template escapes its
values (autoescape, RichText). So "#", "*", "$", "@", "<" and every Vietnamese letter come out
as typed, with no escaping function to forget.
"""

import dataclasses
import io
import json
import re
import threading
import unicodedata
from collections.abc import Sequence
from pathlib import Path
from typing import IO, Literal
from xml.sax.saxutils import escape as xml_escape

from django.conf import settings

HERE = Path(__file__).resolve().parent
TYPST_TEMPLATE = HERE / "typst" / "official.typ"
DOCX_TEMPLATE = HERE / "docx" / "official.docx"
# Liberation Serif has the metrics of Times New Roman, the font Nghị định 30 names. Only
# version 2 (Debian fonts-liberation2) has the Vietnamese letters (ơ, ư, ạ … ỹ); version 1
# (fonts-liberation) lacks them, and Typst would then take each such letter from another font,
# mid-word. Where liberation2 is missing, Typst's embedded Libertinus Serif (which has every
# Vietnamese letter) sets the whole document.
DEFAULT_FONT_PATHS = ("/usr/share/fonts/truetype/liberation2",)


@dataclasses.dataclass(frozen=True)
class Run:
    """A stretch of a paragraph with its own emphasis ("… **chậm nhất ngày 18/9/2023**")."""

    text: str
    bold: bool = False
    italic: bool = False


Text = str | Sequence[Run]


@dataclasses.dataclass(frozen=True)
class Heading:
    """A numbered heading as written: "I. MỤC ĐÍCH, YÊU CẦU" (level 1), "1. Đối tượng" (2)."""

    level: int
    text: str


@dataclasses.dataclass(frozen=True)
class Paragraph:
    text: Text
    bold: bool = False
    italic: bool = False


@dataclasses.dataclass(frozen=True)
class Bullet:
    """A dashed line of a list; `text` without its marker."""

    text: Text
    marker: str = "-"


@dataclasses.dataclass(frozen=True)
class Table:
    """A grid of plain cells; the first row is the header when `header`."""

    rows: Sequence[Sequence[str]]
    header: bool = True


Block = Heading | Paragraph | Bullet | Table


@dataclasses.dataclass
class OfficialDocument:
    superior_line: str  # "LĐLĐ THÀNH PHỐ HÀ NỘI" (may be empty)
    body_line: str  # "LĐLĐ QUẬN LONG BIÊN"
    number_line: str  # "Số: 32/KH-LĐLĐ"
    date_line: str  # "Long Biên, ngày 21 tháng 8 năm 2023" (core.text.date_line)
    type_name: str  # "KẾ HOẠCH"; empty for a công văn, whose summary goes under the number
    summary: Sequence[str]  # the trích yếu, one string per printed line
    body: Sequence[Block] = ()
    recipients: Sequence[str] = ()  # "Quận ủy, UBND Quận;" — the "- " is added when missing
    signer_lines: Sequence[str] = ()  # ["TM. BAN THƯỜNG VỤ", "CHỦ TỊCH"]
    signer_name: str = ""
    # A second signature on the left, where a letter lists its recipients: the secretary of
    # a council's minutes signs beside the member presiding. Empty for other documents.
    cosigner_lines: Sequence[str] = ()
    cosigner_name: str = ""


def _runs(text: Text, *, bold: bool = False, italic: bool = False) -> list[dict]:
    runs = [Run(text)] if isinstance(text, str) else list(text)
    return [{"text": r.text, "bold": r.bold or bold, "italic": r.italic or italic} for r in runs]


def _recipient(line: str) -> str:
    return "- " + line.strip().lstrip("-–•+").strip()


# Text width of the page (210 − 30 − 15 mm) in twentieths of a point (twips).
TEXT_WIDTH_TWIPS = 9355
TABLE_TEXT_PT = 13  # official.typ's tables; the DOCX cells use the same
TABLE_INSET_PT = 5  # padding on each side of a cell, both formats


def _text_em(text: str, bold: bool = False) -> float:
    """About how wide `text` is in Liberation Serif (Times New Roman's metrics), in em: near
    enough to share a table's width out, with no font file read."""
    em = 0.0
    for ch in unicodedata.normalize("NFD", text):
        if unicodedata.combining(ch):
            continue
        if ch == " ":
            em += 0.25
        elif ch.isupper():
            em += 0.7
        elif ch.isdigit():
            em += 0.5
        elif ch in "ilfjrt.,;:'!|()[]/-":
            em += 0.3
        else:
            em += 0.48
    return em * (1.06 if bold else 1.0)


def column_widths(rows: Sequence[Sequence[str]], header: bool = True, total: int = TEXT_WIDTH_TWIPS) -> list[int]:
    """Column widths (twips, summing to `total`) from the content, the same for the PDF and
    the DOCX: a column as wide as its longest cell when all fit (the spare width going to the
    text columns, not to "STT"). Otherwise short columns (STT, a name, a date, a score, an
    empty "Chức vụ, đơn vị") keep their content whole, their header on one line where room
    allows, else wrapped between its words; the long ones share the rest, the longer the
    wider. Equal columns gave "STT" as much room as a nominee's achievement, and an empty
    column with a long header was wider than the names, which wrapped (QA walk, issue 15)."""
    count = max((len(row) for row in rows), default=0)
    if count == 0:
        return []
    pad = 2 * TABLE_INSET_PT * 20
    per_em = TABLE_TEXT_PT * 20

    def measure(text: str, bold: bool) -> float:
        # 5 % over the estimate: a cell exactly as wide as its text would still wrap it.
        return max((_text_em(line, bold) for line in text.split("\n")), default=0.0) * per_em * 1.05 + pad

    head = [0.0] * count  # the header on one line
    head_word = [0.0] * count  # its longest word: narrower, the header would break a word
    content = [0.0] * count  # the longest cell below the header
    for r, row in enumerate(rows):
        for c, cell in enumerate(row):
            if header and r == 0:
                head[c] = measure(cell, True)
                head_word[c] = max((measure(word, True) for word in cell.split()), default=0.0)
            else:
                content[c] = max(content[c], measure(cell, False))
    natural = [max(head[c], content[c]) for c in range(count)]
    if sum(natural) <= total:
        widths = natural[:]
        wide = [c for c in range(count) if natural[c] > 0.15 * total] or list(range(count))
        spare = total - sum(widths)
        share = sum(natural[c] for c in wide)
        for c in wide:
            widths[c] += spare * natural[c] / share
    else:
        # Short columns (STT, a name, a score, an empty one), shortest first, whole (their
        # header wrapped between words if need be) while the long ones keep a quarter of the
        # width each, half in all at most; then headers back on one line while room lasts.
        def floor(longs: int) -> float:
            return min(total / 4 * longs, total / 2) if longs else 0.0

        whole: dict[int, float] = {}
        for c in sorted(range(count), key=lambda c: content[c]):
            want = max(content[c], head_word[c])
            if sum(whole.values()) + want <= total - floor(count - len(whole) - 1):
                whole[c] = want
        long = [c for c in range(count) if c not in whole]
        for c in sorted(whole, key=lambda c: natural[c]):
            if sum(whole.values()) - whole[c] + natural[c] <= total - floor(len(long)):
                whole[c] = natural[c]
        widths = [0.0] * count
        for c, w in whole.items():
            widths[c] = w
        left = total - sum(whole.values())
        if long:
            weights = {c: natural[c] ** 0.6 for c in long}
            for c in long:
                widths[c] = left * weights[c] / sum(weights.values())
        else:
            for c in whole:
                widths[c] += left * whole[c] / sum(whole.values())
    out = [int(w) for w in widths]
    out[-1] += total - sum(out)
    return out


def _block_data(block: Block) -> dict:
    match block:
        case Heading(level, text):
            return {"kind": "heading", "level": level, "runs": _runs(text, bold=True, italic=level >= 3)}
        case Paragraph(text, bold, italic):
            return {"kind": "paragraph", "runs": _runs(text, bold=bold, italic=italic)}
        case Bullet(text, marker):
            return {"kind": "bullet", "runs": [{"text": f"{marker} ", "bold": False, "italic": False}, *_runs(text)]}
        case Table(rows, header):
            width = max((len(row) for row in rows), default=0)
            cells = [[str(c) for c in row] + [""] * (width - len(row)) for row in rows]
            return {
                "kind": "table",
                "rows": cells,
                "header": header,
                "columns": width,
                "widths": column_widths(cells, header),
            }
    raise TypeError(f"not a document block: {block!r}")


# Where an officer breaks a line in a one-line field (a signer's title, a letterhead name): a
# newline or " / " ("TM. BAN THƯỜNG VỤ / CHỦ TỊCH"); a "/" inside a word ("V/v") is kept.
_LINE_BREAK = re.compile(r"\s*\n\s*|\s+/\s+")


def title_lines(*texts: str) -> list[str]:
    """Texts as printed lines: each split at its line breaks and at " / "."""
    return [line.strip() for text in texts for line in _LINE_BREAK.split(text or "") if line.strip()]


NBSP = "\u00a0"


def letterhead_lines(text: str) -> str:
    """An issuer's name as printed, upper-cased (Phụ lục I): broken where the officer broke
    it, and within each line the last two words joined by a no-break space, so a line that
    wraps never leaves one word alone ("CĐCS TRƯỜNG THCS GIA / THỤY", QA walk, issue 15)."""
    lines = []
    for line in title_lines(text):
        words = line.upper().split()
        if len(words) >= 3:
            words[-2:] = [NBSP.join(words[-2:])]
        if words:
            lines.append(" ".join(words))
    return "\n".join(lines)


def document_data(doc: OfficialDocument) -> dict:
    """The document as plain JSON-able data, the one input of both templates. Letterhead lines
    and signer lines are upper-cased here (Phụ lục I) so templates only place them."""
    is_letter = not doc.type_name
    return {
        "superior_line": letterhead_lines(doc.superior_line),
        "body_line": letterhead_lines(doc.body_line),
        "number_line": doc.number_line,
        "date_line": doc.date_line,
        "type_name": doc.type_name.upper(),
        # A công văn prints its summary ("V/v …") under the number, not as a title.
        "letter_summary": list(doc.summary) if is_letter else [],
        "summary": [] if is_letter else list(doc.summary),
        "body": [_block_data(b) for b in doc.body],
        "recipients": [_recipient(r) for r in doc.recipients if r.strip()],
        "signer_lines": [line.upper() for line in doc.signer_lines],
        "signer_name": doc.signer_name,
        "cosigner_lines": [line.upper() for line in doc.cosigner_lines],
        "cosigner_name": doc.cosigner_name,
    }


# ---------------------------------------------------------------- PDF (Typst)

_typst = threading.local()


def _font_paths() -> list[str]:
    paths = getattr(settings, "THIDUA_TYPST_FONT_PATHS", DEFAULT_FONT_PATHS)
    return [p for p in paths if Path(p).is_dir()]


def _compiler():
    """One compiler per thread: it keeps the parsed template and the loaded fonts between
    calls (the first call pays ~100 ms of font loading, later ones a few ms). Per thread
    because a compiler is a mutable native object that must not compile twice at once."""
    compiler = getattr(_typst, "compiler", None)
    if compiler is None:
        import typst  # noqa: PLC0415 — Typst's compiler loads only when a paper is rendered

        compiler = typst.Compiler(
            str(TYPST_TEMPLATE),
            root=str(TYPST_TEMPLATE.parent),
            font_paths=_font_paths(),
            # Only the fonts named above and Typst's own: the same PDF on every machine.
            ignore_system_fonts=True,
        )
        _typst.compiler = compiler
    return compiler


def render_pdf(doc: OfficialDocument) -> bytes:
    data = json.dumps(document_data(doc), ensure_ascii=False)
    return _compiler().compile(sys_inputs={"data": data})


# ---------------------------------------------------------------- DOCX (docxtpl)

DocxSource = bytes | str | Path | IO[bytes]


def _rich(runs: list[dict]):
    from docxtpl import RichText  # noqa: PLC0415 — docxtpl loads only when a Word paper is written

    rich = RichText()
    for run in runs:
        rich.add(run["text"], bold=run["bold"] or None, italic=run["italic"] or None)
    return rich


class _WordXml(str):
    """Ready WordprocessingML: `__html__` tells the template's autoescape it is safe."""

    def __html__(self) -> str:
        return str(self)


def _table_xml(block: dict) -> _WordXml:
    """A table as a `<w:tbl>` put where its `{{p b.table }}` paragraph stood. Built as XML
    because Word templates cannot loop over a variable number of columns, and docxtpl's
    sub-documents need a further dependency. Borders are set on the table itself: an
    uploaded template need not have a grid style. The widths go in the table, its grid
    (what LibreOffice reads) and each cell (what Word reads), fixed, with official.typ's
    padding and text size, so the table wraps the same lines in both formats."""
    widths = block["widths"]
    pad = TABLE_INSET_PT * 20
    size = TABLE_TEXT_PT * 2
    # Word and LibreOffice start a cell's first line at its ascender and end its last below the
    # descender, 5.4 pt and 1.8 pt more than Typst's capitals-to-baseline lines: the vertical
    # padding is Typst's 5 pt less that, so rows are equally tall and the text sits alike.
    margins = (
        f'<w:top w:w="0" w:type="dxa"/><w:left w:w="{pad}" w:type="dxa"/>'
        f'<w:bottom w:w="46" w:type="dxa"/><w:right w:w="{pad}" w:type="dxa"/>'
    )
    edges = "".join(
        f'<w:{e} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
        for e in ("top", "left", "bottom", "right", "insideH", "insideV")
    )
    # Single lines 1.05 apart as the body's (docx/build_template.py BODY_LINE), no space after.
    ppr = '<w:pPr><w:spacing w:before="0" w:after="0" w:line="252" w:lineRule="auto"/><w:ind w:firstLine="0"/><w:jc w:val="left"/></w:pPr>'
    rows = []
    for r, row in enumerate(block["rows"]):
        bold = "<w:b/><w:bCs/>" if block["header"] and r == 0 else ""
        rpr = f'<w:rPr>{bold}<w:sz w:val="{size}"/><w:szCs w:val="{size}"/></w:rPr>'
        cells = "".join(
            f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr><w:p>{ppr}'
            f'<w:r>{rpr}<w:t xml:space="preserve">{xml_escape(value)}</w:t></w:r></w:p></w:tc>'
            for value, width in zip(row, widths, strict=True)
        )
        # A row moves whole to the next page, as Typst moves it.
        rows.append(f"<w:tr><w:trPr><w:cantSplit/></w:trPr>{cells}</w:tr>")
    grid = "".join(f'<w:gridCol w:w="{width}"/>' for width in widths)
    # official.typ sets a table apart as a block: 4.8 pt more above it than a paragraph's
    # 6 pt, 8.3 pt below it. Empty paragraphs of that exact height say so in Word.
    return _WordXml(
        _gap_xml(96) +
        # Indented by the padding: Word and LibreOffice put the first cell's text, not its
        # border, at the margin; Typst the border.
        f'<w:tbl><w:tblPr><w:tblW w:w="{sum(widths)}" w:type="dxa"/><w:tblInd w:w="{pad}" w:type="dxa"/>'
        f"<w:tblBorders>{edges}</w:tblBorders>"
        f'<w:tblLayout w:type="fixed"/><w:tblCellMar>{margins}</w:tblCellMar>'
        f"</w:tblPr><w:tblGrid>{grid}</w:tblGrid>{''.join(rows)}</w:tbl>" + _gap_xml(166)
    )


def _gap_xml(twips: int) -> str:
    return (
        f'<w:p><w:pPr><w:spacing w:before="0" w:after="0" w:line="{twips}" w:lineRule="exact"/>'
        '<w:rPr><w:sz w:val="2"/></w:rPr></w:pPr></w:p>'
    )


def _docx_context(data: dict) -> dict:
    blocks = []
    for block in data["body"]:
        if block["kind"] == "table":
            blocks.append({"kind": "table", "table": _table_xml(block), "keep": False})
        else:
            blocks.append({"kind": block["kind"], "rich": _rich(block["runs"]), "keep": False})
    # The last paragraph keeps with the signature (official.typ does the same); a last table
    # may run pages and is left to break.
    if blocks and blocks[-1]["kind"] != "table":
        blocks[-1]["keep"] = True
    return {**data, "blocks": blocks}


def render_docx(doc: OfficialDocument, template: DocxSource | None = None) -> bytes:
    """`template`: an issuer's own .docx (bytes, a path or an open file), else the shipped one.
    See docx/build_template.py for the tags a template may use."""
    from docxtpl import DocxTemplate  # noqa: PLC0415 — docxtpl loads only when a Word paper is written

    if template is None:
        source: str | IO[bytes] = str(DOCX_TEMPLATE)
    elif isinstance(template, bytes):
        source = io.BytesIO(template)
    elif isinstance(template, Path):
        source = str(template)
    else:
        source = template
    tpl = DocxTemplate(source)
    tpl.render(_docx_context(document_data(doc)), autoescape=True)
    out = io.BytesIO()
    tpl.save(out)
    return out.getvalue()


def render(doc: OfficialDocument, fmt: Literal["pdf", "docx"], template: DocxSource | None = None) -> bytes:
    return render_pdf(doc) if fmt == "pdf" else render_docx(doc, template)
