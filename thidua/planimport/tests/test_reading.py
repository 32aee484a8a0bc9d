"""read_text: uploads in the encodings and formats offices send, and clear refusals."""

import io
import unicodedata

import docx
import pytest

from thidua.planimport import PlanImportError, read_text

PLAN = "KẾ HOẠCH\nPhát động thi đua năm 2024\nLong Biên, ngày 21 tháng 8 năm 2023\n"


def _cp1258(text: str) -> bytes:
    """Windows-1258 as Vietnamese Windows writes it: base letters with ô/ơ/ư/ă/â/ê precomposed,
    tone marks as combining characters."""
    out = bytearray()
    tones = "\u0300\u0301\u0303\u0309\u0323"
    for ch in text:
        try:
            out += ch.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        decomposed = unicodedata.normalize("NFD", ch)
        base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in tones))
        out += base.encode("cp1258") + "".join(c for c in decomposed if c in tones).encode("cp1258")
    return bytes(out)


@pytest.mark.parametrize(
    "data",
    [
        PLAN.encode("utf-8"),
        b"\xef\xbb\xbf" + PLAN.encode("utf-8"),
        PLAN.encode("utf-16"),
        PLAN.encode("utf-16-le"),
        _cp1258(PLAN),
        PLAN.replace("\n", "\r\n").encode("utf-8"),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16-bom", "utf-16-le-no-bom", "cp1258", "crlf"],
)
def test_text_files_in_every_encoding_read_the_same(data):
    assert read_text("kehoach.txt", data) == PLAN


def test_markdown_is_read_as_text():
    assert read_text("KeHoach.MD", "## KẾ HOẠCH\n".encode()) == "## KẾ HOẠCH\n"


def _docx_bytes(build) -> bytes:
    document = docx.Document()
    build(document)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_word_file_gives_the_letterhead_table_column_by_column_then_the_body():
    def build(document):
        table = document.add_table(rows=1, cols=2)
        left, right = table.rows[0].cells
        left.text = "LIÊN ĐOÀN LAO ĐỘNG TP HÀ NỘI"
        left.add_paragraph("LĐLĐ QUẬN LONG BIÊN")
        left.add_paragraph("Số: 32/KH-LĐLĐ")
        right.text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
        right.add_paragraph("Độc lập - Tự do - Hạnh phúc")
        right.add_paragraph("Long Biên, ngày 21 tháng 8 năm 2023")
        document.add_paragraph("KẾ HOẠCH")
        document.add_paragraph().add_run("Phát động thi đua").bold = True

    lines = [line for line in read_text("kh.docx", _docx_bytes(build)).split("\n") if line]
    assert lines == [
        "LIÊN ĐOÀN LAO ĐỘNG TP HÀ NỘI",
        "LĐLĐ QUẬN LONG BIÊN",
        "Số: 32/KH-LĐLĐ",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Long Biên, ngày 21 tháng 8 năm 2023",
        "KẾ HOẠCH",
        "**Phát động thi đua**",
    ]


def test_word_file_renamed_txt_is_still_read_as_word():
    data = _docx_bytes(lambda d: d.add_paragraph("KẾ HOẠCH"))
    assert read_text("kehoach.txt", data).strip() == "KẾ HOẠCH"


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("kh.txt", b"", "Tệp trống"),
        ("kh.txt", b" \n\t\r\n", "Tệp trống"),
        ("kh.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "lưu lại dưới dạng .docx"),
        ("kh.docx", b"PK\x03\x04 not really a zip", "Không mở được tệp Word"),
        ("kh.docx", b"plain text pretending", "không phải văn bản Word"),
        ("kh.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, "không phải văn bản"),
        ("kh.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
        ("kh.pdf", b"%PDF-1.7\n", "PDF"),
        ("anh.jpg", b"\xff\xd8\xff\xe0", "Không đọc được tệp .jpg"),
    ],
    ids=["empty", "blank", "old-word", "broken-docx", "docx-not-zip", "png-as-txt", "pdf-as-txt", "pdf", "jpg"],
)
def test_unreadable_uploads_are_refused_with_a_vietnamese_reason(name, data, message):
    with pytest.raises(PlanImportError, match=message):
        read_text(name, data)


def test_files_over_the_limit_are_refused(settings):
    settings.THIDUA_PLAN_IMPORT_MAX_BYTES = 1000
    with pytest.raises(PlanImportError, match="Tệp quá lớn"):
        read_text("kh.txt", PLAN.encode() * 100)
