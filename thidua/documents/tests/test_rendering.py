"""The seed-000 plan rendered to PDF and DOCX reads back with every part in order and every
Vietnamese letter intact; user text with Typst or XML markup characters comes out literally."""

import dataclasses
import io
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn

from thidua.documents.models import DocType, DocumentTemplate
from thidua.documents.queries import docx_template_for
from thidua.documents.rendering import (
    DEFAULT_FONT_PATHS,
    Bullet,
    Heading,
    OfficialDocument,
    Paragraph,
    Run,
    Table,
    document_data,
    render_docx,
    render_pdf,
)
from thidua.documents.tests import seed_documents as seed

# Every vowel with every tone, both cases, and đ/Đ.
VIETNAMESE = (
    "aáàảãạ ăắằẳẵặ âấầẩẫậ eéèẻẽẹ êếềểễệ iíìỉĩị oóòỏõọ ôốồổỗộ ơớờởỡợ uúùủũụ ưứừửữự yýỳỷỹỵ đ "
    "AÁÀẢÃẠ ĂẮẰẲẴẶ ÂẤẦẨẪẬ EÉÈẺẼẸ ÊẾỀỂỄỆ IÍÌỈĨỊ OÓÒỎÕỌ ÔỐỒỔỖỘ ƠỚỜỞỠỢ UÚÙỦŨỤ ƯỨỪỬỮỰ YÝỲỶỸỴ Đ"
)
MARKUP = "Mục #1: *không đậm* _không nghiêng_ $5 @nhãn <thẻ> `mã` \\ [ngoặc] {nhọn} = ~ & 100%"


def _normal(text: str) -> str:
    """One line of NFC text: PDF extraction breaks lines and pads justified ones."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def _pdf_text(pdf: bytes) -> str:
    pdftotext = shutil.which("pdftotext")
    if pdftotext is None:
        pytest.skip("pdftotext is missing: apt-get install -y poppler-utils")
    out = subprocess.run([pdftotext, "-layout", "-", "-"], input=pdf, capture_output=True, check=True).stdout
    pages = out.decode("utf-8").split("\f")
    # Pages after the first start with their number (top centre): not part of the text flow.
    cleaned = [pages[0]] + ["\n".join(p.lstrip("\n").split("\n")[1:]) for p in pages[1:]]
    return _normal("\n".join(cleaned))


def _docx_text(data: bytes) -> str:
    """Every paragraph of the document in order, table cells included."""
    body = Document(io.BytesIO(data)).element.body
    lines = ["".join(t.text or "" for t in p.iter(qn("w:t"))) for p in body.iter(qn("w:p"))]
    return _normal("\n".join(lines))


def _assert_in_order(text: str, parts: list[str]) -> None:
    position = 0
    for part in parts:
        found = text.find(_normal(part), position)
        assert found >= 0, f"missing after position {position}: {part!r}"
        position = found + len(_normal(part))


def _seed_checks(text: str) -> None:
    _assert_in_order(text, [seed.NUMBER_LINE, seed.DATE_LINE, seed.TYPE_NAME, seed.TITLE])
    _assert_in_order(text, [seed.TITLE, *seed.HEADINGS, "Nơi nhận:", seed.SIGNER_NAME])
    _assert_in_order(text, [*seed.DEADLINE_SENTENCES, seed.SIGNER_NAME])
    _assert_in_order(text, [*seed.SIGNER_LINES, seed.SIGNER_NAME])
    _assert_in_order(text, ["LĐLĐ THÀNH PHỐ HÀ NỘI", "LĐLĐ QUẬN LONG BIÊN", seed.NUMBER_LINE])
    _assert_in_order(text, ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", seed.DATE_LINE])
    for recipient in seed.RECIPIENTS:
        assert _normal(f"- {recipient}") in text


def _special_document() -> OfficialDocument:
    return dataclasses.replace(
        seed.seed_000(),
        summary=[f"Về {VIETNAMESE[:20]}"],
        body=[
            Heading(1, "I. " + VIETNAMESE),
            Paragraph(MARKUP),
            Paragraph((Run("Đậm ", bold=True), Run("nghiêng ", italic=True), Run("#thường"))),
            Bullet("<w:p>không phải XML</w:p>"),
            Table([["STT", "Họ và tên"], ["1", "Nguyễn Thị Hoa #1 *"]]),
        ],
        signer_name="Đặng Thị Ưng Ý",
    )


def test_render_pdf_seed_000_reads_back_in_order():
    pdf = render_pdf(seed.seed_000())
    assert pdf.startswith(b"%PDF")
    _seed_checks(_pdf_text(pdf))


def test_render_pdf_sets_vietnamese_in_one_font():
    """With Liberation Serif 2 at hand, no letter falls back to another font mid-word."""
    if not Path(DEFAULT_FONT_PATHS[0]).is_dir():
        pytest.skip("fonts-liberation2 is missing: apt-get install -y fonts-liberation2")
    pdf = render_pdf(_special_document())
    assert b"LiberationSerif" in pdf
    assert b"Libertinus" not in pdf


def test_render_docx_seed_000_reads_back_in_order():
    _seed_checks(_docx_text(render_docx(seed.seed_000())))


@pytest.mark.parametrize("render", [render_pdf, render_docx], ids=["pdf", "docx"])
def test_render_keeps_vietnamese_and_markup_characters_literally(render):
    data = render(_special_document())
    text = _pdf_text(data) if render is render_pdf else _docx_text(data)
    _assert_in_order(
        text,
        [
            "I. " + VIETNAMESE,
            MARKUP,
            "Đậm nghiêng #thường",
            "- <w:p>không phải XML</w:p>",
            "Nguyễn Thị Hoa #1 *",
            "Đặng Thị Ưng Ý",
        ],
    )


def test_render_docx_keeps_bold_and_italic_runs():
    data = render_docx(_special_document())
    runs = {
        r.text: (bool(r.bold), bool(r.italic))
        for p in Document(io.BytesIO(data)).paragraphs
        for r in p.runs
        if r.text.strip()
    }
    assert runs["Đậm "] == (True, False)
    assert runs["nghiêng "] == (False, True)
    assert runs["#thường"] == (False, False)


def test_official_letter_puts_its_summary_under_the_number():
    letter = dataclasses.replace(
        seed.seed_000(), number_line="Số: 125/LĐLĐ-VP", type_name="", summary=["V/v đăng ký thi đua năm 2024"]
    )
    data = document_data(letter)
    assert (data["letter_summary"], data["summary"]) == (["V/v đăng ký thi đua năm 2024"], [])
    # In the PDF the date line stands on the number's row, right of it.
    _assert_in_order(_pdf_text(render_pdf(letter)), ["Số: 125/LĐLĐ-VP", seed.DATE_LINE, "V/v đăng ký thi đua năm 2024"])
    _assert_in_order(_docx_text(render_docx(letter)), ["Số: 125/LĐLĐ-VP", "V/v đăng ký thi đua năm 2024"])


def test_render_docx_uses_the_issuers_own_template(federation, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    own = Document()
    own.add_paragraph("MẪU RIÊNG CỦA LONG BIÊN {{ number_line }}")
    buffer = io.BytesIO()
    own.save(buffer)
    template = DocumentTemplate(unit=federation.long_bien, doc_type=DocType.PLAN)
    template.file.save("mau-ke-hoach.docx", io.BytesIO(buffer.getvalue()))

    assert docx_template_for(federation.long_bien, DocType.DECISION) is None
    text = _docx_text(render_docx(seed.seed_000(), docx_template_for(federation.long_bien, DocType.PLAN)))
    assert text == "MẪU RIÊNG CỦA LONG BIÊN Số: 32/KH-LĐLĐ"
