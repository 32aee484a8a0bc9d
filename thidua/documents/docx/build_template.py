"""Write official.docx: the Word template of an official document (Nghị định 30/2020/NĐ-CP,
Phụ lục I) with docxtpl tags, the DOCX counterpart of ../typst/official.typ.

Run it again after changing the layout and commit both files:

    .venv/bin/python thidua/documents/docx/build_template.py

An office may open the result in Word, restyle it and upload it as its own template
(documents.DocumentTemplate), keeping the tags. The values they receive
(documents.rendering.document_data and _docx_context):

    {{ superior_line }} {{ body_line }} {{ number_line }} {{ date_line }} {{ type_name }}
    summary, letter_summary, recipients, signer_lines, cosigner_lines: lists of strings
    {{ signer_name }} {{ cosigner_name }} (a second signer, on the left: minutes' secretary)
    blocks: each with `kind` ("heading", "paragraph", "bullet", "table"), `keep` (true on
    the last paragraph, which keeps with the signature) and `rich` (the
    text with its bold and italic runs, shown with {{r b.rich }}) or, for a table,
    `table` (a ready Word table, shown with {{p b.table }}).

The paragraph styles "Đề mục", "Nội dung", "Gạch đầu dòng" carry the body layout, so an
office changes the look of all headings or paragraphs in one place.
"""

from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt, Twips

OUT = Path(__file__).with_name("official.docx")
FONT = "Times New Roman"


def _set_font(style_or_run, size: float | None = None) -> None:
    font = style_or_run.font
    font.name = FONT
    if size is not None:
        font.size = Pt(size)
    # Word picks the font per script; without these, Vietnamese letters may fall back.
    rpr = style_or_run.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.append(fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), FONT)


def _line_under(paragraph, indent_cm: float) -> None:
    """A short rule: the bottom border of an empty paragraph narrowed by its indents."""
    fmt = paragraph.paragraph_format
    fmt.left_indent = fmt.right_indent = Cm(indent_cm)
    fmt.space_after = Pt(0)
    fmt.line_spacing = Pt(2)
    ppr = paragraph._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        bottom.set(qn(key), value)
    borders.append(bottom)
    ppr.append(borders)
    run = paragraph.add_run()
    run.font.size = Pt(2)


def _no_borders(table) -> None:
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "nil")
        borders.append(element)
    table._tbl.tblPr.append(borders)


def _set_widths(table, *widths: int) -> None:
    """Fixed column widths (twips) in all three places Word and LibreOffice read them: the
    table's width, its grid, each cell. LibreOffice lays a table out by its tblGrid and ignores
    the cells' tcW: with python-docx's equal grid the 40/60 header came out 50/50 and the
    motto broke onto two lines. No cell margins either, as in the Typst grid, so each column's
    lines centre on the same axis as in the PDF."""
    tbl_pr = table._tbl.tblPr
    for tag in ("w:tblW", "w:tblLayout", "w:tblCellMar", "w:tblInd"):
        for old in tbl_pr.findall(qn(tag)):
            tbl_pr.remove(old)
    width = OxmlElement("w:tblW")
    width.set(qn("w:w"), str(sum(widths)))
    width.set(qn("w:type"), "dxa")
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    margins = OxmlElement("w:tblCellMar")
    for edge in ("top", "left", "bottom", "right"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:w"), "0")
        element.set(qn("w:type"), "dxa")
        margins.append(element)
    # Schema order of CT_TblPr: … tblW, jc, …, tblLayout, tblCellMar, tblLook.
    first = tbl_pr.find(qn("w:jc"))
    (first.addprevious(width) if first is not None else tbl_pr.append(width))
    look = tbl_pr.find(qn("w:tblLook"))
    for element in (layout, margins):
        (look.addprevious(element) if look is not None else tbl_pr.append(element))
    grid = table._tbl.tblGrid
    for col, w in zip(grid.findall(qn("w:gridCol")), widths, strict=True):
        col.set(qn("w:w"), str(w))
    for row in table.rows:
        for cell, w in zip(row.cells, widths, strict=True):
            cell.width = Twips(w)


# Line spacing as multiples of Word's "single" line, which for Times New Roman (and Liberation
# Serif) is 1.149 em. official.typ sets its lines `leading` apart below the capitals (0.655
# em): body text 0.55 em → 1.205 em a line (1.05 single), centred blocks 0.4 em (0.92),
# the recipients 4.9 pt. Equal line heights are what keeps page counts equal.
BODY_LINE = 1.05
CENTRED_LINE = 0.92
RECIPIENTS_LINE = Pt(12.1)  # 11 pt lines 0.35 × 14 pt apart: a fixed height


def _para(
    container,
    text: str = "",
    *,
    size: float = 14,
    bold=False,
    italic=False,
    underline=False,
    center=True,
    before: float = 0,
    line: float | None = None,
):
    paragraph = container.add_paragraph()
    fmt = paragraph.paragraph_format
    fmt.space_before, fmt.space_after = Pt(before), Pt(0)
    fmt.first_line_indent = Cm(0)
    fmt.line_spacing = line if line is not None else (CENTRED_LINE if center else BODY_LINE)
    if center:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if text:
        run = paragraph.add_run(text)
        run.font.size = Pt(size)
        run.bold = bold or None
        run.italic = italic or None
        run.underline = underline or None
    return paragraph


def _tag(container, tag: str):
    """A paragraph holding only a docxtpl block tag ({%p … %}); docxtpl removes it."""
    return _para(container, tag, size=14, center=False)


def _gap(container, points: float):
    """Vertical space of exactly `points`: an empty paragraph of that fixed line height."""
    paragraph = _para(container)
    paragraph.paragraph_format.line_spacing = Pt(points)
    return paragraph


def _keep_together(table) -> None:
    """Rows that never break across pages (official.typ's `breakable: false`)."""
    for row in table.rows:
        tr_pr = row._tr.get_or_add_trPr()
        tr_pr.append(OxmlElement("w:cantSplit"))


def _page_numbers(doc, section) -> None:
    """The page number at the top centre from the second page on (Phụ lục I, mục 11), as in
    official.typ; the first page's header stays empty."""
    section.different_first_page_header_footer = True
    paragraph = section.header.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    run = OxmlElement("w:r")
    rpr = OxmlElement("w:rPr")
    size = OxmlElement("w:sz")
    size.set(qn("w:val"), "26")
    rpr.append(size)
    text = OxmlElement("w:t")
    text.text = "2"
    run.append(rpr)
    run.append(text)
    field.append(run)
    paragraph._p.append(field)
    section.header_distance = Mm(10)


def _recipients(container) -> None:
    """ "Nơi nhận:" (12 pt bold italic) and one 11 pt line per recipient, 12.1 pt apart."""
    label = _para(container, "{% if recipients %}Nơi nhận:{% endif %}", size=12, bold=True, italic=True)
    label.alignment = WD_ALIGN_PARAGRAPH.LEFT
    label.paragraph_format.line_spacing = RECIPIENTS_LINE
    _tag(container, "{%p for r in recipients %}")
    _para(container, "{{ r }}", size=11, center=False, line=RECIPIENTS_LINE)
    _tag(container, "{%p endfor %}")


def _first_para(cell):
    """The cell's own empty paragraph, dropped: `_para` adds every paragraph the same way."""
    cell.paragraphs[0]._p.getparent().remove(cell.paragraphs[0]._p)
    return cell


# Text width (210 − 30 − 15 mm) in twips, and the header's columns: 40 % / 60 % as in
# official.typ, so "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" (12.5 pt bold) sits on one line.
TEXT_WIDTH = 9355
HEADER_COLUMNS = (3742, 5613)
CLOSING_COLUMNS = (4677, 4678)
# Vertical gaps (points) matching official.typ's: before the type name, after the summary's
# rule, before the closing table, the room to sign between title and name (2.6 cm), and
# above the recipients when they go under two signatures.
ROW_GAP = 2.5
TITLE_BEFORE = 22
TITLE_AFTER = 16.6
CLOSING_BEFORE = 10
SIGNATURE_SPACE = 73.7
RECIPIENTS_UNDER = 17  # official.typ's v(8pt) and block spacing, under two signatures


def build() -> None:
    doc = Document()
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin = section.bottom_margin = Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    _page_numbers(doc, section)

    normal = doc.styles["Normal"]
    _set_font(normal, 14)
    normal.paragraph_format.space_before = Pt(0)
    normal.paragraph_format.space_after = Pt(6)
    normal.paragraph_format.line_spacing = BODY_LINE

    body = doc.styles.add_style("Nội dung", WD_STYLE_TYPE.PARAGRAPH)
    body.base_style = normal
    body.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    body.paragraph_format.first_line_indent = Cm(1)
    body.paragraph_format.space_after = Pt(6)
    heading = doc.styles.add_style("Đề mục", WD_STYLE_TYPE.PARAGRAPH)
    heading.base_style = body
    heading.font.bold = True
    bullet = doc.styles.add_style("Gạch đầu dòng", WD_STYLE_TYPE.PARAGRAPH)
    bullet.base_style = body

    # Header, two rows as in official.typ so "Số: …" and the date line start at one height:
    # issuer | national title and motto, then number | place and date.
    header = doc.add_table(rows=2, cols=2)
    header.alignment = WD_TABLE_ALIGNMENT.CENTER
    header.autofit = False
    _no_borders(header)
    _set_widths(header, *HEADER_COLUMNS)
    left, right = (_first_para(c) for c in header.rows[0].cells)
    _tag(left, "{%p if superior_line %}")
    _para(left, "{{ superior_line }}", size=13)
    _tag(left, "{%p endif %}")
    _para(left, "{{ body_line }}", size=13, bold=True)
    _line_under(_para(left, before=3), (3742 - 0.3 * 3742) / 2 / 567)

    _para(right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", size=12.5, bold=True)
    _para(right, "Độc lập - Tự do - Hạnh phúc", size=13.5, bold=True, underline=True)

    left, right = (_first_para(c) for c in header.rows[1].cells)
    _para(left, "{{ number_line }}", size=13, before=ROW_GAP)
    _tag(left, "{%p for line in letter_summary %}")
    _para(left, "{{ line }}", size=12)
    _tag(left, "{%p endfor %}")
    _para(right, "{{ date_line }}", size=14, italic=True, before=ROW_GAP)

    # Type name and summary.
    _tag(doc, "{%p if type_name %}")
    _para(doc, "{{ type_name }}", bold=True, before=TITLE_BEFORE)
    _tag(doc, "{%p endif %}")
    _tag(doc, "{%p for line in summary %}")
    _para(doc, "{{ line }}", bold=True)
    _tag(doc, "{%p endfor %}")
    _tag(doc, "{%p if summary %}")
    _line_under(_para(doc, before=3), (TEXT_WIDTH - 0.22 * TEXT_WIDTH) / 2 / 567)
    _tag(doc, "{%p endif %}")
    _gap(doc, TITLE_AFTER)

    # Body: one template paragraph per kind of block, each with its style.
    _tag(doc, "{%p for b in blocks %}")
    # The last paragraph (b.keep) stays on the page of the signature, as official.typ keeps
    # it: a signature alone on a page signs nothing the reader can see.
    _tag(doc, "{%p if b.keep %}")
    last = doc.add_paragraph("{{r b.rich }}", style=body)
    last.paragraph_format.keep_with_next = True
    last.paragraph_format.keep_together = True
    _tag(doc, "{%p elif b.kind == 'heading' %}")
    doc.add_paragraph("{{r b.rich }}", style=heading)
    _tag(doc, "{%p elif b.kind == 'bullet' %}")
    doc.add_paragraph("{{r b.rich }}", style=bullet)
    _tag(doc, "{%p elif b.kind == 'table' %}")
    _tag(doc, "{{p b.table }}")
    _tag(doc, "{%p else %}")
    doc.add_paragraph("{{r b.rich }}", style=body)
    _tag(doc, "{%p endif %}")
    _tag(doc, "{%p endfor %}")

    # Recipients (left) and signature (right), on one page as official.typ keeps them. With
    # a second signer (minutes: the secretary) the two sign side by side, the recipients under.
    _gap(doc, CLOSING_BEFORE).paragraph_format.keep_with_next = True
    closing = doc.add_table(rows=1, cols=2)
    closing.autofit = False
    _no_borders(closing)
    _set_widths(closing, *CLOSING_COLUMNS)
    _keep_together(closing)
    left, signature = (_first_para(c) for c in closing.rows[0].cells)
    _tag(left, "{%p if cosigner_lines %}")
    _tag(left, "{%p for line in cosigner_lines %}")
    _para(left, "{{ line }}", bold=True)
    _tag(left, "{%p endfor %}")
    _para(left, "{{ cosigner_name }}", bold=True, before=SIGNATURE_SPACE)
    _tag(left, "{%p else %}")
    _recipients(left)
    _tag(left, "{%p endif %}")

    _tag(signature, "{%p for line in signer_lines %}")
    _para(signature, "{{ line }}", bold=True)
    _tag(signature, "{%p endfor %}")
    _para(signature, "{{ signer_name }}", bold=True, before=SIGNATURE_SPACE)

    _tag(doc, "{%p if cosigner_lines and recipients %}")
    _gap(doc, RECIPIENTS_UNDER)
    _recipients(doc)
    _tag(doc, "{%p endif %}")

    doc.core_properties.title = "Mẫu văn bản hành chính (Nghị định 30/2020/NĐ-CP)"
    doc.save(OUT)


if __name__ == "__main__":
    build()
    print(f"wrote {OUT}")
