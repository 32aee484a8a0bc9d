"""Lines back into a plan copied flattened onto one line (out of a PDF or a web page).

"LĐLĐ TỈNH … CỘNG HÒA … Số: 12/KH-LĐLĐ Lai Châu, ngày … KẾ HOẠCH Phát động … Thực hiện Kế
hoạch số …; I. MỤC ĐÍCH, YÊU CẦU 1. … Nơi nhận: - Như trên; - Lưu VT. TM. BAN THƯỜNG VỤ CHỦ
TỊCH Nguyễn Văn An": the parser reads a plan by its lines, so the breaks Nghị định 30/2020's
layout puts there are restored before it reads: around the type name in capitals, before
"V/v", "Kính gửi:", the basis's relations, Roman and numbered parts, "Nơi nhận:", the
signature's "TM." and its position, and the signer's name.

Only a line that opens with a letterhead (a motto, "Số: …/…", a place-date line or a type name
in capitals in its first 600 characters) and is long is cut: the body of a plan written with its
own lines is never touched. The whole rest of the line is cut only when the document is one
line or a few (its body flattened too).
"""

from __future__ import annotations

import re

from .normalize import fold

_LONG = 40
# Capital and small letters, Vietnamese ones included: "À-Ỹ" would hold both, as Latin Extended
# Additional alternates them ("Ỗ", "ỗ").
_UP = "A-Z" + "".join(ch for ch in map(chr, range(0xC0, 0x1EFA)) if ch.isalpha() and ch.isupper())
_LO = "a-z" + "".join(ch for ch in map(chr, range(0xC0, 0x1EFA)) if ch.isalpha() and ch.islower())


def _v(pattern: str) -> str:
    """`pattern` with {_UP} and {_LO} standing for those letters."""
    return pattern.replace("{_UP}", _UP).replace("{_LO}", _LO)


_HEADER_SIGNS = re.compile(
    r"cong hoa\s*(?:xa\s*)?hoi|doc lap\s*[-–]|(?:^|\s)so\s*:?\s*\d*\s*/|,\s*ngay\b|\b(?:ke hoach|huong dan|quyet dinh|thong bao)\b"
)
_TYPES = "KẾ HOẠCH|HƯỚNG DẪN|QUYẾT ĐỊNH|THÔNG BÁO|BÁO CÁO|CHƯƠNG TRÌNH|NGHỊ QUYẾT|TỜ TRÌNH|CHỈ THỊ|CÔNG VĂN"
# The type name in capitals followed by the summary's first word (capitalised, not capitals:
# "KẾ HOẠCH Phát động …"), or by a summary in capitals after the motto and the date.
_TYPE = re.compile(_v(r"(?:(?<=\S)\s+|^)[#*]*\s*(" + _TYPES + r")(?:\s+LIÊN TỊCH)?[*]*\s+[#*]*\s*(?=[{_UP}])"))
# "… Lâm Hà, ngày 22 tháng 11 năm 2021 Hướng dẫn bình xét thi đua …": the type name in sentence
# case straight after the date line, where Nghị định 30 puts the type.
_TYPE_AFTER_DATE = re.compile(
    _v(r"(?<=năm \d{4})\s+(Kế hoạch|Hướng dẫn|Quyết định|Thông báo|Báo cáo|Chương trình)\s+(?=[{_LO}{_UP}])")
)
_GREETING = re.compile(r"Kính gửi\s*:")
_VV = re.compile(r"\s+(?=V\s*/\s*[vV]\b)")
_NAME_AT_END = _v(r"[{_UP}][{_LO}]+(?:\s+[{_UP}][{_LO}]+){1,4}\s*$")
_SIGNED = re.compile(r"\s*(\((?:Đã|đã) ký[^()]{0,30}\))\s*")
# A decision's authority line in capitals under its summary: "… năm 2024 BAN THƯỜNG VỤ LIÊN ĐOÀN …"
_AUTHORITY = _v(
    r"(?<!TM\.)(?<!KT\.)(?<!TL\.)(?<!TUQ\.)(?<!T/M\.)(?<!\*)(?<!CỦA)(?<!VÀ)"
    r"\s+(?=(?:BAN THƯỜNG VỤ|BAN CHẤP HÀNH|CHỦ TỊCH|ỦY BAN NHÂN DÂN)\s+[{_UP}]{2,}\s+[{_UP}]{2,})"
)
_BODY_BREAKS = re.compile(
    _v(
        r"\s+(?=Kính gửi\s*:)"
        r"|\s+(?=(?:Căn cứ|Thực hiện|Hưởng ứng|Trên cơ sở|Tiếp tục thực hiện)\s)"
        r"|(?<=[.:;])\s+(?=(?:PHẦN\s+)?(?:I|II|III|IV|V|VI|VII|VIII|IX|X)\s*[.)]\s+[{_UP}])"
        # "… (2006-2010) I- Đặc điểm, tình hình:": a Roman part numbered with a dash
        r"|(?<=[.:;)])\s+(?=(?:I|II|III|IV|V|VI|VII|VIII|IX|X)\s*[-–]\s*[{_UP}][{_LO}])"
        r"|(?<=[.:;])\s+(?=\d{1,2}(?:\.\d{1,2}){0,2}\s*[.)]\s+[{_UP}])"
        r"|(?<=[.:;])\s+(?=[a-zđ]\)\s)"
        r"|(?<=[;:])\s+(?=[-–+•]\s)"
        # "TM. BAN THƯỜNG VỤ - Tổng LĐLĐ …; PHÓ CHỦ TỊCH - Các LĐLĐ huyện": the signature's column
        # and the recipients' run together; each recipient starts its line.
        # (not inside a symbol: "Số: 195 /KH – LĐLĐ")
        r"|(?<=[{_UP}]{2})(?<!/[{_UP}]{2})(?<!/[{_UP}]{3})(?<!/[{_UP}]{4})\s+(?=[-–]\s+[{_UP}])"
        # the signer's name closing the document: "… - Lưu VP. Nguyễn Thị Hoa", "TM. BAN THƯỜNG VỤ Nguyễn Thị Thiệp"
        r"|(?<=[.;])\s+(?=" + _NAME_AT_END + r")|(?<=[{_UP}]{2})\s+(?=" + _NAME_AT_END + ")"
        r"|\s+(?=Nơi nhận\s*:)"
        r"|\s+(?=\**(?:TM|KT|TL|TUQ)\s*\.\s*[{_UP}]{2})"
        r"|" + _AUTHORITY
    )
)
_POSITION = re.compile(
    _v(
        r"(?<=[{_UP}*])\s+\**((?:PHÓ\s+)?(?:CHỦ TỊCH|TRƯỞNG BAN|CHÁNH VĂN PHÒNG|GIÁM ĐỐC|HIỆU TRƯỞNG|BÍ THƯ))\**"
        r"(?:\s+(\((?:Đã|đã) ký[^()]{0,30}\)))?\s+"
        r"(?=\**[{_UP}][{_UP}{_LO}]+(?:\s+[{_UP}][{_UP}{_LO}]+){1,4}\**\s*$)"
    )
)


# "TM. BAN THƯỜNG VỤ CHỦ TỊCH", "KT. CHỦ TỊCH PHÓ CHỦ TỊCH": the position after the organ.
_PREFIXED = re.compile(r"^\**(?:TM|KT|TL|TUQ|T/M)\s*\.")
_POSITION_AFTER = re.compile(
    _v(
        r"(?<=[{_UP}*])\s+\**((?:PHÓ\s+)?(?:CHỦ TỊCH|TRƯỞNG BAN|CHÁNH VĂN PHÒNG|GIÁM ĐỐC|HIỆU TRƯỞNG|BÍ THƯ))\**"
        r"(?:\s+(\((?:Đã|đã) ký[^()]{0,30}\)))?(?=\s|$)"
    )
)


def _signature(piece: str) -> str:
    """A piece of the signature cut at its position and before the signer's name."""
    if _PREFIXED.match(piece):
        return _POSITION_AFTER.sub(r"\n\1\n\2\n", piece, count=1)
    return _POSITION.sub(r"\n\1\n\2\n", piece, count=1)


_NAME_AFTER_CAPITALS = re.compile(_v(r"(?<=[{_UP}.)])\s+(?=") + _NAME_AT_END + ")")


def split_signature(piece: str) -> list[str]:
    """ "KT. GIÁM ĐỐC PHÓ GIÁM ĐỐC Trần Văn Minh" → its three lines (Nơi nhận and the signature
    run together on one line leave the signature so)."""
    text = _NAME_AFTER_CAPITALS.sub("\n", _signature(piece), count=1)
    return [line.strip() for line in text.split("\n") if line.strip()]


_SUMMARY_END = re.compile(r"\s+(?=(?:Kính gửi\s*:|Căn cứ\s|Thực hiện\s|Hưởng ứng\s|Trên cơ sở\s))|" + _AUTHORITY)


def reline(text: str) -> str:
    """`text` with a flattened letterhead (and, in a one-line document, its body) cut into lines."""
    lines = text.split("\n")
    filled = [index for index, line in enumerate(lines) if line.strip()]
    if not filled:
        return text
    whole = len(filled) <= 3
    for index in filled[:3]:
        line = lines[index]
        if len(line) < _LONG or not _HEADER_SIGNS.search(fold(line[:600])):
            continue
        lines[index] = _cut(line, whole)
    return "\n".join(lines)


def _cut(line: str, whole: bool) -> str:
    head_end = min(len(line), 1200)
    # The type and the summary come before "Kính gửi:"; a type name further on is a part's
    # heading ("A. HƯỚNG DẪN BÌNH XÉT THI ĐUA …").
    greeting = _GREETING.search(line, 0, head_end)
    head_end = greeting.start() if greeting else head_end
    kind = _TYPE.search(line, 0, head_end) or _TYPE_AFTER_DATE.search(line, 0, head_end)
    summary_start = 0
    if kind:
        # "… năm 2024 KẾ HOẠCH Phát động …": the type on its own line, the summary under it.
        head = f"{line[: kind.start()]}\n{kind.group(1)}\n"
        line, summary_start = head + line[kind.end() :], len(head)
    else:
        vv = _VV.search(line, 0, head_end)
        if vv:
            line = f"{line[: vv.start()]}\n{line[vv.end() :]}"
    if whole:
        line = _BODY_BREAKS.sub("\n", line)
        line = _SIGNED.sub(r"\n\1\n", line)
        pieces = line.split("\n")
        line = "\n".join(_signature(piece) for piece in pieces)
    else:
        # The summary ends where the body begins: "… năm 2025 Thực hiện Kế hoạch số …".
        # (searched past the summary's first word: "KẾ HOẠCH Thực hiện chủ đề công tác năm 2021")
        body = _SUMMARY_END.search(line, summary_start + 1)
        if body:
            line = f"{line[: body.start()]}\n{line[body.end() :]}"
    return line
