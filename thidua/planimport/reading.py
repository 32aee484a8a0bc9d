"""Turn an uploaded plan (bytes and its file name) into plain text for the parser.

Offices send plans as Word files (.docx) or as text pasted into .txt/.md files, saved by
whatever editor was at hand: UTF-8 with or without a BOM, UTF-16 from Notepad's "Unicode",
or Windows-1258 from old Vietnamese Windows installs. The content decides the format where
it can (a .docx renamed .txt is still read as Word); the name only breaks ties.
"""

from __future__ import annotations

import io
import re
import unicodedata
import zipfile

from django.conf import settings
from django.utils.translation import gettext as _

from . import legacy
from .structure import PlanImportError

DEFAULT_MAX_BYTES = 5 * 1024 * 1024
TEXT_EXTENSIONS = (".txt", ".md", ".markdown", ".text")
WORD_EXTENSIONS = (".docx", ".docm", ".dotx")

_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Word 97-2003 .doc, .xls, .ppt
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def max_bytes() -> int:
    return getattr(settings, "THIDUA_PLAN_IMPORT_MAX_BYTES", DEFAULT_MAX_BYTES)


def read_text(filename: str, data: bytes) -> str:
    """The document's text, one paragraph per line; raises PlanImportError when it has none."""
    name = (filename or "").strip().lower()
    limit = max_bytes()
    if not data or not data.strip():
        raise PlanImportError(_("Tệp trống: không có nội dung để đọc."))
    if len(data) > limit:
        raise PlanImportError(
            _("Tệp quá lớn (%(size)s MB); chỉ nhận tệp đến %(limit)s MB.")
            % {"size": _megabytes(len(data)), "limit": _megabytes(limit)}
        )
    if data.startswith(_OLE_MAGIC) or name.endswith((".doc", ".dot")):
        raise PlanImportError(
            _("Tệp Word cũ (.doc) chưa đọc được. Hãy mở tệp trong Word và lưu lại dưới dạng .docx rồi tải lên lại.")
        )
    if data.lstrip().startswith(b"%PDF"):
        raise PlanImportError(_("Tệp PDF chưa đọc được. Hãy tải lên bản .docx hoặc sao chép nội dung vào tệp .txt."))
    if data.startswith(_ZIP_MAGIC):
        if name.endswith(WORD_EXTENSIONS) or _is_docx(data):
            text = _read_docx(data)
        else:
            raise PlanImportError(_("Tệp nén hoặc tệp Office khác không phải văn bản Word (.docx)."))
    elif name.endswith(WORD_EXTENSIONS):
        raise PlanImportError(_("Tệp không phải văn bản Word (.docx) hợp lệ: có thể tệp bị hỏng."))
    elif name.endswith(TEXT_EXTENSIONS) or "." not in name.rsplit("/", 1)[-1]:
        text = _decode_text(data)
    else:
        extension = name.rsplit(".", 1)[-1]
        raise PlanImportError(
            _("Không đọc được tệp .%(ext)s. Hãy tải lên tệp .docx, .txt hoặc .md.") % {"ext": extension}
        )
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    if not text.strip():
        raise PlanImportError(_("Tệp không có chữ nào để đọc."))
    return text


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f}".rstrip("0").rstrip(".")


def _is_docx(data: bytes) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return "word/document.xml" in archive.namelist()
    except zipfile.BadZipFile:
        return False


# --------------------------------------------------------------------------- text files


def _decode_text(data: bytes) -> str:
    text = _decode(data)
    # A text file is text: control characters beyond tab and newline mean an image, a PDF or
    # some other binary was renamed.
    if "\x00" in text or len(_CONTROL.findall(text[:20000])) > max(8, len(text[:20000]) // 200):
        raise PlanImportError(_("Tệp không phải văn bản (có thể là ảnh, PDF hoặc tệp nhị phân)."))
    if text.count("\ufffd") > max(8, len(text) // 100):
        raise PlanImportError(_("Không nhận ra bảng mã của tệp. Hãy lưu tệp dưới dạng UTF-8 rồi tải lên lại."))
    return text


def _decode(data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    sample = data[:4000]
    # UTF-16 without a byte order mark: Latin letters, digits and spaces leave every other
    # byte zero.
    if len(sample) >= 4:
        even_zeros = sample[0::2].count(0)
        odd_zeros = sample[1::2].count(0)
        if odd_zeros > len(sample) // 4 and even_zeros < len(sample) // 40:
            return data.decode("utf-16-le", errors="replace")
        if even_zeros > len(sample) // 4 and odd_zeros < len(sample) // 40:
            return data.decode("utf-16-be", errors="replace")
    if b"\x00" in sample:
        raise PlanImportError(_("Tệp không phải văn bản (có thể là ảnh, PDF hoặc tệp nhị phân)."))
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    # An old file typed in TCVN3 or VNI: its bytes as Windows-1252, converted by the parser
    # (legacy.convert); Windows-1258 would turn some of them into combining marks.
    western = data.decode("cp1252", errors="replace")
    if legacy.detect(western):
        return western
    # Windows-1258, the code page of Vietnamese Windows: letters with a base mark are single
    # bytes, tone marks are combining characters, which NFC later joins.
    return data.decode("cp1258", errors="replace")


# --------------------------------------------------------------------------- Word files


def _read_docx(data: bytes) -> str:
    import docx  # noqa: PLC0415 — python-docx loads only for a .docx, never for a text file

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises KeyError, ValueError, lxml errors… on damaged files
        raise PlanImportError(_("Không mở được tệp Word: tệp bị hỏng hoặc không phải .docx.")) from exc
    lines: list[str] = []
    _walk(document.element.body, lines)
    return "\n".join(lines)


def _walk(container, lines: list[str]) -> None:
    """Paragraphs and tables in document order; a table's cells row by row, left to right.

    The letterhead of a plan is usually a borderless two-column table: issuer and number on
    the left, the national motto and the place-date line on the right. Emitting the left cell's
    lines, then the right cell's, gives the parser each column whole.
    """
    for child in container.iterchildren():
        tag = child.tag
        if tag == f"{_W}p":
            lines.append(_paragraph_text(child))
        elif tag == f"{_W}tbl":
            for row in child.iterchildren(f"{_W}tr"):
                for cell in row.iterchildren(f"{_W}tc"):
                    _walk(cell, lines)
                lines.append("")
        elif tag == f"{_W}sdt":  # content controls wrap paragraphs in some templates
            content = child.find(f"{_W}sdtContent")
            if content is not None:
                _walk(content, lines)


def _paragraph_text(paragraph) -> str:
    parts: list[str] = []
    bold_chars = 0
    total_chars = 0
    for node in paragraph.iter(f"{_W}r", f"{_W}hyperlink"):
        if node.tag != f"{_W}r":
            continue
        run_text = []
        for item in node.iterchildren():
            if item.tag == f"{_W}t":
                run_text.append(item.text or "")
            elif item.tag == f"{_W}tab":
                run_text.append("\t")
            elif item.tag in (f"{_W}br", f"{_W}cr"):
                run_text.append("\n")
        text = "".join(run_text)
        parts.append(text)
        visible = len(text.strip())
        total_chars += visible
        properties = node.find(f"{_W}rPr")
        if properties is not None:
            bold = properties.find(f"{_W}b")
            if bold is not None and bold.get(f"{_W}val", "true") not in ("0", "false"):
                bold_chars += visible
    text = "".join(parts)
    style = paragraph.find(f"{_W}pPr/{_W}pStyle")
    style_name = (style.get(f"{_W}val") or "").lower() if style is not None else ""
    heading = re.match(r"heading\s*(\d)", style_name)
    if heading and text.strip():
        return "#" * min(int(heading.group(1)) + 1, 6) + " " + text.strip()
    # A paragraph all in bold is how Word users mark sub-headings; keep the mark so the
    # parser can tell it from body text.
    if total_chars and bold_chars == total_chars and "\n" not in text.strip():
        return f"**{text.strip()}**"
    return text
