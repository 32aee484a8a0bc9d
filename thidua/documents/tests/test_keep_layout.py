"""Layout defects of the QA walk of issue 15, checked on the printed text (pdftotext -layout),
without the database: a signature alone on its page, a letterhead name wrapped before its last
word, an empty table column wider than the names. The DOCX is checked in its XML here and,
where LibreOffice is installed, printed once for the signature."""

import io
import re
import shutil
import subprocess
import zipfile

import pytest

from thidua.documents.rendering import (
    OfficialDocument,
    Paragraph,
    Table,
    _text_em,
    column_widths,
    render_docx,
    render_pdf,
)

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
NEEDS_POPPLER = pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) không có / not installed"
)
SENTENCE = "Căn cứ kết quả phong trào thi đua lao động giỏi, lao động sáng tạo năm học của công đoàn cơ sở. "


def _paper(paragraphs: int = 1, *, cosigner: bool = False, body_line="CĐCS Trường THCS Gia Thụy", body=None):
    return OfficialDocument(
        superior_line="LĐLĐ quận Long Biên",
        body_line=body_line,
        number_line="Số: 01/TTr-CĐCS",
        date_line="Long Biên, ngày 01 tháng 10 năm 2023",
        type_name="Tờ trình",
        summary=["Về việc đề nghị khen thưởng"],
        body=body or [Paragraph(f"Đoạn {n}. " + SENTENCE * 4) for n in range(1, paragraphs + 1)],
        recipients=["Như trên;", "Lưu: VP."],
        signer_lines=["TM. BAN CHẤP HÀNH", "CHỦ TỊCH"],
        signer_name="Phạm Kim Nhung",
        cosigner_lines=["THƯ KÝ"] if cosigner else (),
        cosigner_name="Lê Văn An" if cosigner else "",
    )


def _pages(pdf: bytes) -> list[str]:
    command = ["pdftotext", "-layout", "-", "-"]
    text = subprocess.run(command, input=pdf, capture_output=True, check=True).stdout
    return text.decode().split("\f")


def _signature_page(pages: list[str], paragraphs: int) -> str:
    [page] = [p for p in pages if "Phạm Kim Nhung" in p]
    return page


# From one page to three: somewhere in this range the signature used to land alone on a page.
LENGTHS = range(1, 13)


@NEEDS_POPPLER
@pytest.mark.parametrize("cosigner", [False, True], ids=["recipients-left", "two-signers"])
def test_pdf_last_paragraph_is_on_the_signature_page(cosigner):
    for n in LENGTHS:
        pages = _pages(render_pdf(_paper(n, cosigner=cosigner)))
        assert f"Đoạn {n}." in _signature_page(pages, n), f"{n} đoạn: chữ ký đứng một mình trên trang"


def _keep_flags(docx: bytes) -> dict[str, bool]:
    from lxml import etree

    xml = etree.fromstring(zipfile.ZipFile(io.BytesIO(docx)).read("word/document.xml"))
    flags = {}
    for p in xml.iter(f"{W}p"):
        text = "".join(t.text or "" for t in p.iter(f"{W}t"))
        if text.startswith("Đoạn "):
            flags[text.split(".")[0]] = p.find(f"{W}pPr/{W}keepNext") is not None
    return flags


def test_docx_last_paragraph_keeps_with_the_signature():
    flags = _keep_flags(render_docx(_paper(3)))
    assert flags == {"Đoạn 1": False, "Đoạn 2": False, "Đoạn 3": True}
    # A last table may run pages: nothing is kept with it.
    table_last = _paper(body=[Paragraph("Đoạn 1. " + SENTENCE), Table([["STT", "Tên"], ["1", "An"]])])
    assert _keep_flags(render_docx(table_last)) == {"Đoạn 1": False}


@NEEDS_POPPLER
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) không có / not installed")
def test_docx_in_libreoffice_last_paragraph_is_on_the_signature_page(tmp_path):
    """One soffice run for every length: in Word's layout too the paragraph goes with the signature."""
    names = []
    for n in LENGTHS:
        for cosigner in (False, True):
            name = tmp_path / f"p{n}-{int(cosigner)}.docx"
            name.write_bytes(render_docx(_paper(n, cosigner=cosigner)))
            names.append(name)
    profile = f"-env:UserInstallation=file://{tmp_path}/lo"
    command = ["soffice", "--headless", profile, "--convert-to", "pdf"]
    subprocess.run(
        [*command, "--outdir", str(tmp_path / "out"), *map(str, names)], capture_output=True, check=True, timeout=300
    )
    for name in names:
        n = int(name.stem[1:].split("-")[0])
        pages = _pages((tmp_path / "out" / f"{name.stem}.pdf").read_bytes())
        assert f"Đoạn {n}." in _signature_page(pages, n), f"{name.name}: chữ ký đứng một mình trên trang"


def _letterhead(pdf: bytes) -> list[str]:
    """The left column's lines of the first page's top: the issuer's lines."""
    lines = _pages(pdf)[0].splitlines()
    return [line[:40].strip() for line in lines[:6] if line[:40].strip()]


@NEEDS_POPPLER
def test_letterhead_name_never_wraps_before_its_last_word():
    lines = _letterhead(render_pdf(_paper()))
    assert not any(line.endswith("GIA") for line in lines), lines
    assert any(re.search(r"GIA\s+THỤY", line) for line in lines), lines


@NEEDS_POPPLER
@pytest.mark.parametrize("typed", ["CĐCS / Trường THCS Gia Thụy", "CĐCS\nTrường THCS Gia Thụy"])
def test_letterhead_breaks_where_the_officer_broke_it(typed):
    lines = _letterhead(render_pdf(_paper(body_line=typed)))
    assert lines[1:3] == ["CĐCS", "TRƯỜNG THCS GIA THỤY"], lines
    xml = zipfile.ZipFile(io.BytesIO(render_docx(_paper(body_line=typed)))).read("word/document.xml").decode()
    assert re.search(r">CĐCS</w:t><w:br/><w:t[^>]*>TRƯỜNG THCS GIA", xml)
    # "V/v" and "A/B" inside a word are no break.
    assert "TỔ A/B" in _letterhead(render_pdf(_paper(body_line="Tổ A/B")))


HEADER = ["STT", "Tên tập thể, cá nhân", "Chức vụ, đơn vị", "Hình thức đề nghị", "Tóm tắt thành tích"]
ACHIEVEMENT = "Hoàn thành xuất sắc nhiệm vụ năm học 2022-2023, dẫn đầu phong trào thi đua lao động giỏi của quận"


def _twips(text: str, bold: bool = False) -> float:
    return _text_em(text, bold) * 13 * 20


def test_empty_column_no_wider_than_its_header_and_names_whole():
    rows = [HEADER, ["1", "CĐCS Trường THCS Gia Thụy", "", "Giấy khen", ACHIEVEMENT]]
    _stt, name, position, _form, _achievement = column_widths(rows)
    assert position <= _twips("Chức vụ, đơn vị", bold=True) * 1.05 + 200
    assert name >= _twips("CĐCS Trường THCS Gia Thụy") + 200
    assert name > position


@NEEDS_POPPLER
@pytest.mark.parametrize(
    "rows",
    [
        [HEADER, ["1", "CĐCS Trường THCS Gia Thụy", "", "Giấy khen", ACHIEVEMENT]],
        [
            [
                "Thành viên",
                "Thành tích nổi bật (40)",
                "Đổi mới, sáng tạo (30)",
                "Sức lan tỏa (30)",
                "Tổng",
                "Biểu quyết",
            ],
            ["Phạm Kim Nhung", "35", "25", "28", "88", "Đồng ý (bằng văn bản)"],
        ],
    ],
    ids=["to-trinh", "minutes-scores"],
)
def test_names_in_tables_stay_on_one_line(rows):
    text = _pages(render_pdf(_paper(body=[Paragraph("Danh sách:"), Table(rows)])))[0]
    name = rows[1][1] if rows[0][0] == "STT" else rows[1][0]
    assert re.search(r"\s+".join(name.split()), text), text
