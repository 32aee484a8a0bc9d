"""The end of a plan: "Nơi nhận:" with its list, the signature block ("TM. BAN THƯỜNG VỤ" /
"CHỦ TỊCH" / name), and the contacts (emails, telephone numbers) found anywhere.

Exports put the recipients and the signature one after the other (a Word table), side by side on
one line (a flattened table), or the signature first; the stamp's text ("LIÊN ĐOÀN / LAO ĐỘNG /
QUẬN …") and "(Đã ký)" may sit between the position and the name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .flattened import split_signature
from .normalize import Line, clean_inline, fold, strip_item

# ". BAN THƯỜNG VỤ": "TM." lost in a PDF copy, the full stop left.
_SIGNER_PREFIX = re.compile(
    r"^(?:(?:tm|t/m|kt|tl|tuq|q|ktm)\s*[./]\s*\S|\.\s*(?:ban |bch |btv |thuong truc|chu tich|pho chu tich|chanh van))"
)
_SIGNS_FOR = re.compile(r"^(?:kt|tl|tuq|ktm)\s*[./]")
_POSITIONS = re.compile(
    r"(?:pho\s+)?(?:chu tich|truong ban|chanh van phong|giam doc|hieu truong|bi thu|truong phong|"
    r"thuong truc|to truong|tong giam doc|chu nhiem|truong khoa|thu truong|uy vien)"
    r"(?:\s+(?:cong doan|cdcs|ldld|lien doan lao dong|thuong truc|phu trach)(?:\s+\S+){0,4})?"
)
_SIGNER_INLINE = re.compile(r"\b(?:TM|T/M|KT|TL|TUQ)\s*[./]\s*[A-ZĐ]")
_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")
_PHONE = re.compile(r"(?:\+84|0)(?<![\d/.]0)(?:[\s.]?\d){8,10}(?![\d/])")
_SIGNED = re.compile(r"^\(?\s*(?:da ky|ky ten|ky, ghi ro ho ten|ky va dong dau|da ky va dong dau)\s*\)?\.?$")


@dataclass
class Closing:
    recipients: list[str] = field(default_factory=list)
    signer_title: str | None = None
    signer_name: str | None = None
    evidence: dict[str, str] = field(default_factory=dict)


def _is_upper(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return bool(letters) and sum(ch.isupper() for ch in letters) >= len(letters) * 0.8


def is_position(text: str, folded: str | None = None) -> bool:
    """A signer's position on its own line: "CHỦ TỊCH", "PHÓ CHỦ TỊCH", "HIỆU TRƯỞNG"
    (`folded`: fold(text) when the caller has it)."""
    folded = fold(text) if folded is None else folded
    return bool(_POSITIONS.fullmatch(folded.strip(" .*"))) and _is_upper(text)


_is_position = is_position


_COLUMN_GAP = re.compile(r"\t+| {3,}")
_PREFIX_ONLY = re.compile(r"^\s*(?:TM|T/M|KT|TL|TUQ|Q)\s*[./]\s*$")


def _columns(line: Line) -> list[str]:
    """The line's columns: a Word table flattened to text keeps them apart with a tab or a wide
    run of spaces ("- Lưu VP.          Nguyễn Thị Hoa")."""
    raw = line.raw.strip()
    if not _COLUMN_GAP.search(raw):
        return [line.display]
    columns = []
    for column in _COLUMN_GAP.split(raw):
        bullet = _BULLETED.match(column)
        text = clean_inline(column[bullet.end() :] if bullet else column)
        if text:
            columns.append(f"- {text}" if bullet else text)
    return columns or [line.display]


def _split_flattened(lines: list[Line]) -> list[str]:
    """ "Nơi nhận: TM. BAN THƯỜNG VỤ" or "- Như trên; CHỦ TỊCH" cut into their two columns."""
    pieces: list[str] = []
    for text in (column for line in lines for column in _columns(line)):
        inline = _SIGNER_INLINE.search(text)
        if inline and inline.start() > 0:
            pieces += [text[: inline.start()].strip(), *split_signature(text[inline.start() :].strip())]
            continue
        if inline:
            pieces += split_signature(text)
            continue
        signed = _SIGNED_TAIL.search(text)
        if signed and signed.start() > 0:
            # "CHỦ TỊCH (ký đóng dấu)": the mark of a signature run onto the position's line.
            text = text[: signed.start()].rstrip()
        tail = re.search(r"[;:.]\s+((?:PHÓ\s+)?[A-ZĐÀ-Ỹ][A-ZĐÀ-Ỹ ]{3,40})$", text)
        # "KT. CHỦ TỊCH" is one piece: the prefix signs for the position after it.
        if tail and _is_position(tail.group(1)) and not _PREFIX_ONLY.match(text[: tail.start() + 1]):
            pieces += [text[: tail.start() + 1].strip(), tail.group(1).strip()]
            continue
        pieces.append(text)
    return [p for p in pieces if p]


_SIGNED_TAIL = re.compile(r"\s*\(\s*(?:[ĐđDd]ã\s+)?[Kk]ý\b[^()]{0,30}\)\s*$")


def read_closing(lines: list[Line]) -> Closing:
    closing = Closing()
    pieces = _split_flattened(lines)
    recipients_at = None
    title_at = None
    for index, piece in enumerate(pieces):
        folded = fold(piece)
        if recipients_at is None and folded.startswith("noi nhan"):
            recipients_at = index
        if title_at is None and ((_SIGNER_PREFIX.match(folded) and _is_upper(piece)) or _is_position(piece)):
            title_at = index
    if recipients_at is not None:
        _read_recipients(closing, pieces, recipients_at, title_at)
    if title_at is not None:
        _read_signer(closing, pieces, title_at)
    return closing


_BULLETED = re.compile(r"^\s*[-–•+]\s+")


def _read_recipients(closing: Closing, pieces: list[str], start: int, title_at: int | None) -> None:
    """Items after "Nơi nhận:": every bulleted piece (the recipients' column may interleave with
    the signature's), and unbulleted ones before the signature."""
    first = re.sub(r"^\W*n[oơ]i nh[aậ]n\s*:?\s*", "", pieces[start], flags=re.IGNORECASE).strip()
    candidates = [first] if first else []
    for index in range(start + 1, len(pieces)):
        piece = pieces[index]
        before_signature = title_at is None or index < title_at or title_at < start
        if _BULLETED.match(piece) or (before_signature and not _is_signature_piece(piece)):
            candidates.append(piece)
    for candidate in candidates:
        for item in re.split(r"(?:^|\s)[-–•+]\s+", candidate):
            item = strip_item(item)
            if not item or re.fullmatch(r"\(.*\)", item):
                continue
            closing.recipients.append(item)
    if closing.recipients:
        closing.evidence["recipients"] = pieces[start]


def _is_signature_piece(piece: str) -> bool:
    folded = fold(piece).strip(" *")
    return bool(_SIGNER_PREFIX.match(folded) and _is_upper(piece)) or _is_position(piece) or bool(_SIGNED.match(folded))


def _read_signer(closing: Closing, pieces: list[str], start: int) -> None:
    title = [pieces[start].strip(" *").lstrip(". ")]
    index = start + 1
    # ". CHỦ TỊCH" / "PHÓ CHỦ TỊCH": the prefix ("KT.", "TM.") was lost in the copy, its full
    # stop left; it may have signed for the position, so the next position is read too.
    lost_prefix = pieces[start].lstrip(" *").startswith(".") or (start > 0 and pieces[start - 1].strip(" *") == ".")
    needs_position = lost_prefix or not _is_position(pieces[start])
    while index < len(pieces) and len(title) < 4:
        piece = pieces[index].strip(" *")
        if _BULLETED.match(piece):
            index += 1
            continue
        if piece == "." and len(title) < 3:
            # "TM. BAN THƯỜNG VỤ" / "." / "CHỦ TỊCH": the next line's prefix lost
            lost_prefix = needs_position = True
            index += 1
            continue
        folded = fold(piece)
        stamped = _POSITIONS.match(folded)
        runs_on = stamped and folded[stamped.end() : stamped.end() + 1] == " "
        if needs_position and runs_on and _is_upper(piece) and not _is_position(piece):
            # "CHỦ TỊCH BCH LIÊN ĐOÀN …": the stamp's words run onto the position's line.
            title.append(piece[: stamped.end()])
            index += 1
            break
        if _SIGNER_PREFIX.match(folded) and _is_upper(piece):
            title.append(piece)
            # "KT. CHỦ TỊCH" / "PHÓ CHỦ TỊCH": who signs for the chair, thừa lệnh or ủy quyền
            # writes their own position under the prefixed line.
            needs_position = _SIGNS_FOR.match(folded) or not _is_position(re.sub(r"^\S+\s*", "", piece))
        elif needs_position and _is_position(piece):
            title.append(piece)
            needs_position = lost_prefix and len(title) < 3
            lost_prefix = False
        else:
            break
        index += 1
    closing.signer_title = " / ".join(title)
    closing.evidence["signer_title"] = " / ".join(title)
    name = None
    for piece in pieces[index:]:
        if _BULLETED.match(piece):
            continue
        candidate = piece.strip(" *.")
        if _looks_like_name(candidate):
            name = candidate
    if name:
        closing.signer_name = name
        closing.evidence["signer_name"] = name


def _looks_like_name(text: str) -> bool:
    words = text.split()
    if not 2 <= len(words) <= 6 or any(ch.isdigit() for ch in text) or _SIGNED.match(fold(text)):
        return False
    if _is_position(text) or any(ch in text for ch in ":;,/()@"):
        return False
    if not all(word[:1].isupper() for word in words):
        return False
    # All capitals are a stamp's words ("LIÊN ĐOÀN") unless they look like a name in capitals
    # ("NGUYỄN VĂN AN": a family name first).
    if _is_upper(text):
        return fold(words[0]) in _FAMILY_NAMES
    return True


_FAMILY_NAMES = {
    "nguyen", "tran", "le", "pham", "hoang", "huynh", "phan", "vu", "vo", "dang", "bui", "do", "ho", "ngo",
    "duong", "ly", "dinh", "truong", "trinh", "mai", "lam", "luong", "ha", "cao", "dao", "doan", "vuong",
    "ta", "thai", "chu", "la", "lu", "kieu", "quach", "ton", "tong", "luu", "nong", "lo", "lai", "khuat", "giang",
}  # fmt: skip


def find_contacts(text: str) -> tuple[list[str], list[str]]:
    """(emails, telephone numbers) in order of appearance, each once."""
    emails: list[str] = []
    # The address pattern has no literal to skip ahead to; it is only tried around each "@".
    spans = [text[max(0, at - 80) : at + 120] for at in (m.start() for m in re.finditer("@", text))]
    for match in (m for span in spans for m in _EMAIL.finditer(span)):
        email = match.group().rstrip(".")
        if email.lower() not in (e.lower() for e in emails):
            emails.append(email)
    phones: list[str] = []
    for match in _PHONE.finditer(text):
        phone = match.group().strip()
        if phone not in phones:
            phones.append(phone)
    return emails, phones
