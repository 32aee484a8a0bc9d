"""Who decides, as a decision's first line names it: "BAN THƯỜNG VỤ LIÊN ĐOÀN LAO ĐỘNG QUẬN
LONG BIÊN" over its Căn cứ (Nghị định 30/2020, Phụ lục I: the authority line of a decision).
Here, below awards and initiatives, so both decisions print it the same way."""

import re

from thidua.documents.models import title_lines

_ABBREVIATIONS = (
    (re.compile(r"\bLĐLĐ\b"), "LIÊN ĐOÀN LAO ĐỘNG"),
    (re.compile(r"\bCĐCS\b"), "CÔNG ĐOÀN CƠ SỞ"),
    (re.compile(r"\bCĐ\b"), "CÔNG ĐOÀN"),
)


def spelled_out(line: str) -> str:
    """A letterhead line in full, as a certificate prints it: "LĐLĐ QUẬN LONG BIÊN" →
    "LIÊN ĐOÀN LAO ĐỘNG QUẬN LONG BIÊN"."""
    for pattern, words in _ABBREVIATIONS:
        line = pattern.sub(words, line)
    return line


def authority(profile) -> str:
    """ "TM. BAN THƯỜNG VỤ" → "BAN THƯỜNG VỤ": who decides, without "on behalf of". Only the
    first line: "TM. BAN THƯỜNG VỤ" / "KT. CHỦ TỊCH" names the body, then who signs for it."""
    lines = title_lines(profile.signer_authority or "")
    return re.sub(r"^(TM|KT|Q|TL|TUQ)\.\s*", "", lines[0] if lines else "", flags=re.IGNORECASE)


def issuer_line(profile) -> str:
    """ "BAN THƯỜNG VỤ LIÊN ĐOÀN LAO ĐỘNG QUẬN LONG BIÊN": the body that decides."""
    body = spelled_out(profile.body_line.upper())
    return f"{authority(profile).upper()} {body}".strip()
