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
    blocks: each with `kind` ("heading", "paragraph", "bullet", "table") and `rich` (the
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
from docx.shared import Cm, Mm, Pt

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
    fmt.space_before = fmt.space_after = Pt(0)
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


def _para(container, text: str = "", *, size: float = 14, bold=False, italic=False, underline=False, center=True):
    paragraph = container.add_paragraph()
    fmt = paragraph.paragraph_format
    fmt.space_before = fmt.space_after = Pt(0)
    fmt.first_line_indent = Cm(0)
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


def build() -> None:
    doc = Document()
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin = section.bottom_margin = Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)

    normal = doc.styles["Normal"]
    _set_font(normal, 14)
    normal.paragraph_format.space_after = Pt(6)
    normal.paragraph_format.line_spacing = 1.1

    body = doc.styles.add_style("Nội dung", WD_STYLE_TYPE.PARAGRAPH)
    body.base_style = normal
    body.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    body.paragraph_format.first_line_indent = Cm(1)
    body.paragraph_format.space_after = Pt(6)
    heading = doc.styles.add_style("Đề mục", WD_STYLE_TYPE.PARAGRAPH)
    heading.base_style = body
    heading.paragraph_format.keep_with_next = True
    heading.font.bold = True
    bullet = doc.styles.add_style("Gạch đầu dòng", WD_STYLE_TYPE.PARAGRAPH)
    bullet.base_style = body

    # Header: issuer on the left, national title and date line on the right.
    header = doc.add_table(rows=1, cols=2)
    header.alignment = WD_TABLE_ALIGNMENT.CENTER
    header.autofit = False
    _no_borders(header)
    left, right = header.rows[0].cells
    left.width, right.width = Cm(6.6), Cm(9.9)
    left.paragraphs[0].text = ""
    first = left.paragraphs[0]
    first.alignment = WD_ALIGN_PARAGRAPH.CENTER
    first.paragraph_format.space_after = Pt(0)
    run = first.add_run("{{ superior_line }}")
    run.font.size = Pt(13)
    _para(left, "{{ body_line }}", size=13, bold=True)
    _line_under(_para(left), 2.0)
    _para(left, "", size=6)
    _para(left, "{{ number_line }}", size=13)
    _tag(left, "{%p for line in letter_summary %}")
    _para(left, "{{ line }}", size=12)
    _tag(left, "{%p endfor %}")

    national = right.paragraphs[0]
    national.alignment = WD_ALIGN_PARAGRAPH.CENTER
    national.paragraph_format.space_after = Pt(0)
    run = national.add_run("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    run.bold, run.font.size = True, Pt(12.5)
    _para(right, "Độc lập - Tự do - Hạnh phúc", size=13.5, bold=True, underline=True)
    _para(right, "", size=8)
    _para(right, "{{ date_line }}", size=14, italic=True)

    # Type name and summary.
    _para(doc, "", size=10)
    _tag(doc, "{%p if type_name %}")
    _para(doc, "{{ type_name }}", bold=True)
    _tag(doc, "{%p endif %}")
    _tag(doc, "{%p for line in summary %}")
    _para(doc, "{{ line }}", bold=True)
    _tag(doc, "{%p endfor %}")
    _tag(doc, "{%p if summary %}")
    _line_under(_para(doc), 6.5)
    _tag(doc, "{%p endif %}")
    _para(doc, "", size=8)

    # Body: one template paragraph per kind of block, each with its style.
    _tag(doc, "{%p for b in blocks %}")
    _tag(doc, "{%p if b.kind == 'heading' %}")
    doc.add_paragraph("{{r b.rich }}", style=heading)
    _tag(doc, "{%p elif b.kind == 'bullet' %}")
    doc.add_paragraph("{{r b.rich }}", style=bullet)
    _tag(doc, "{%p elif b.kind == 'table' %}")
    _tag(doc, "{{p b.table }}")
    _tag(doc, "{%p else %}")
    doc.add_paragraph("{{r b.rich }}", style=body)
    _tag(doc, "{%p endif %}")
    _tag(doc, "{%p endfor %}")

    # Recipients (left) and signature (right).
    _para(doc, "", size=8)
    closing = doc.add_table(rows=1, cols=2)
    closing.autofit = False
    _no_borders(closing)
    recipients, signature = closing.rows[0].cells
    recipients.width, signature.width = Cm(8.25), Cm(8.25)
    label = recipients.paragraphs[0]
    label.paragraph_format.space_after = Pt(0)
    run = label.add_run("{% if recipients %}Nơi nhận:{% endif %}")
    run.bold, run.italic, run.font.size = True, True, Pt(12)
    _tag(recipients, "{%p for r in recipients %}")
    _para(recipients, "{{ r }}", size=11, center=False)
    _tag(recipients, "{%p endfor %}")
    # A second signer (minutes: the secretary) signs on the left when there are no recipients.
    _tag(recipients, "{%p if cosigner_lines %}")
    _tag(recipients, "{%p for line in cosigner_lines %}")
    _para(recipients, "{{ line }}", bold=True)
    _tag(recipients, "{%p endfor %}")
    for _ in range(4):
        _para(recipients, "")
    _para(recipients, "{{ cosigner_name }}", bold=True)
    _tag(recipients, "{%p endif %}")

    signature.paragraphs[0].paragraph_format.space_after = Pt(0)
    signature.paragraphs[0].text = ""
    signature.paragraphs[0]._p.getparent().remove(signature.paragraphs[0]._p)
    _tag(signature, "{%p for line in signer_lines %}")
    _para(signature, "{{ line }}", bold=True)
    _tag(signature, "{%p endfor %}")
    for _ in range(4):
        _para(signature, "")
    _para(signature, "{{ signer_name }}", bold=True)

    doc.core_properties.title = "Mẫu văn bản hành chính (Nghị định 30/2020/NĐ-CP)"
    doc.save(OUT)


if __name__ == "__main__":
    build()
    print(f"wrote {OUT}")
