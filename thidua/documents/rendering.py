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
import threading
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
            return {"kind": "table", "rows": cells, "header": header, "columns": width}
    raise TypeError(f"not a document block: {block!r}")


def document_data(doc: OfficialDocument) -> dict:
    """The document as plain JSON-able data, the one input of both templates. Letterhead lines
    and signer lines are upper-cased here (Phụ lục I) so templates only place them."""
    is_letter = not doc.type_name
    return {
        "superior_line": doc.superior_line.upper(),
        "body_line": doc.body_line.upper(),
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
        import typst

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
    from docxtpl import RichText

    rich = RichText()
    for run in runs:
        rich.add(run["text"], bold=run["bold"] or None, italic=run["italic"] or None)
    return rich


class _WordXml(str):
    """Ready WordprocessingML: `__html__` tells the template's autoescape it is safe."""

    def __html__(self) -> str:
        return str(self)


# Text width of the page (210 − 30 − 15 mm) in twentieths of a point.
_TEXT_WIDTH_TWIPS = 9355


def _table_xml(block: dict) -> _WordXml:
    """A table as a `<w:tbl>` put where its `{{p b.table }}` paragraph stood. Built as XML
    because Word templates cannot loop over a variable number of columns, and docxtpl's
    sub-documents need a further dependency. Borders are set on the table itself: an
    uploaded template need not have a grid style."""
    col = _TEXT_WIDTH_TWIPS // max(block["columns"], 1)
    edges = "".join(
        f'<w:{e} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
        for e in ("top", "left", "bottom", "right", "insideH", "insideV")
    )
    rows = []
    for r, row in enumerate(block["rows"]):
        bold = "<w:rPr><w:b/></w:rPr>" if block["header"] and r == 0 else ""
        cells = "".join(
            f'<w:tc><w:tcPr><w:tcW w:w="{col}" w:type="dxa"/></w:tcPr><w:p><w:pPr><w:ind w:firstLine="0"/>'
            f'<w:jc w:val="left"/></w:pPr><w:r>{bold}<w:t xml:space="preserve">{xml_escape(value)}</w:t></w:r></w:p></w:tc>'
            for value in row
        )
        rows.append(f"<w:tr>{cells}</w:tr>")
    grid = "".join(f'<w:gridCol w:w="{col}"/>' for _ in range(block["columns"]))
    return _WordXml(
        f'<w:tbl><w:tblPr><w:tblW w:w="{col * block["columns"]}" w:type="dxa"/><w:tblBorders>{edges}</w:tblBorders>'
        f"</w:tblPr><w:tblGrid>{grid}</w:tblGrid>{''.join(rows)}</w:tbl>"
    )


def _docx_context(data: dict) -> dict:
    blocks = []
    for block in data["body"]:
        if block["kind"] == "table":
            blocks.append({"kind": "table", "table": _table_xml(block)})
        else:
            blocks.append({"kind": block["kind"], "rich": _rich(block["runs"])})
    return {**data, "blocks": blocks}


def render_docx(doc: OfficialDocument, template: DocxSource | None = None) -> bytes:
    """`template`: an issuer's own .docx (bytes, a path or an open file), else the shipped one.
    See docx/build_template.py for the tags a template may use."""
    from docxtpl import DocxTemplate

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
