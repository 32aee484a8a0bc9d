"""Table widths of the DOCX as LibreOffice reads them (its grid, not the cells' widths), and
body tables sized from their content in both formats. Fast and without LibreOffice: the
layout test (test_layout.py) prints the same papers through it where it is installed."""

import dataclasses
import io
import shutil
import subprocess
import zipfile

import pytest
from lxml import etree

from thidua.documents.rendering import TEXT_WIDTH_TWIPS, Table, column_widths, render_docx, render_pdf
from thidua.documents.tests import seed_documents as seed

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
ACHIEVEMENT = (
    "Hoàn thành xuất sắc nhiệm vụ năm học, có sáng kiến được công nhận cấp quận, tích cực tham gia "
    "phong trào thi đua của công đoàn, vận động đoàn viên tham gia các hoạt động xã hội"
)
NOMINEES = [
    ["STT", "Tên tập thể, cá nhân", "Chức vụ, đơn vị", "Hình thức đề nghị", "Tóm tắt thành tích"],
    *(
        [str(n), "Nguyễn Thị Thu Hương", "Giáo viên, Trường Tiểu học Gia Thụy", "Giấy khen của LĐLĐ quận", ACHIEVEMENT]
        for n in range(1, 4)
    ),
]


def _tables(docx: bytes) -> list:
    xml = zipfile.ZipFile(io.BytesIO(docx)).read("word/document.xml")
    return etree.fromstring(xml).findall(f".//{W}tbl")


def _widths(table) -> tuple[int, list[int], list[list[int]]]:
    total = int(table.find(f"{W}tblPr/{W}tblW").get(f"{W}w"))
    grid = [int(c.get(f"{W}w")) for c in table.findall(f"{W}tblGrid/{W}gridCol")]
    cells = [
        [int(tc.find(f"{W}tcPr/{W}tcW").get(f"{W}w")) for tc in tr.findall(f"{W}tc")] for tr in table.findall(f"{W}tr")
    ]
    return total, grid, cells


def test_header_grid_is_40_60_as_its_cells():
    """LibreOffice lays the header out by its grid: 50/50 there broke 'CỘNG HÒA XÃ HỘI CHỦ
    NGHĨA VIỆT NAM' onto two lines although the cells asked for 40/60."""
    header = _tables(render_docx(seed.seed_000()))[0]
    total, grid, cells = _widths(header)
    assert total == sum(grid) == TEXT_WIDTH_TWIPS
    assert round(grid[0] / total, 2) == 0.40
    assert all(row == grid for row in cells)


def test_body_table_columns_follow_the_content():
    widths = column_widths(NOMINEES)
    assert sum(widths) == TEXT_WIDTH_TWIPS
    stt, name, _position, _form, achievement = widths
    assert stt < TEXT_WIDTH_TWIPS / 10  # not a fifth of the page for "1", "2", "3"
    assert achievement == max(widths)
    assert name > 2 * stt
    # Everything fits: the spare width goes to the text, not to "STT".
    short = column_widths([["STT", "Họ và tên"], ["1", "Nguyễn Văn A"]])
    assert short[0] < 1000 and sum(short) == TEXT_WIDTH_TWIPS


def test_docx_table_carries_the_same_widths_in_grid_and_cells():
    doc = dataclasses.replace(seed.seed_000(), body=[Table(NOMINEES)])
    total, grid, cells = _widths(_tables(render_docx(doc))[1])
    assert grid == column_widths(NOMINEES)
    assert total == sum(grid)
    assert all(row == grid for row in cells)


def test_pdf_keeps_a_nominee_name_on_one_line():
    """Equal columns squeezed the name: 'Nguyễn Thị Thu' / 'Hương'."""
    pdftotext = shutil.which("pdftotext")
    if pdftotext is None:
        pytest.skip("Thiếu pdftotext (poppler-utils) / pdftotext is missing: apt-get install -y poppler-utils")
    doc = dataclasses.replace(seed.seed_000(), body=[Table(NOMINEES)])
    text = subprocess.run(
        [pdftotext, "-layout", "-", "-"], input=render_pdf(doc), capture_output=True, check=True
    ).stdout.decode()
    assert sum("Nguyễn Thị Thu Hương" in line for line in text.splitlines()) == 3
