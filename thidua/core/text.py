"""Vietnamese text: search keys that ignore diacritics, and the date lines of documents."""

import datetime
import re
import unicodedata

_SPACES = re.compile(r"\s+")


def _slow_fold_char(ch: str) -> str:
    decomposed = unicodedata.normalize("NFD", ch.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


# Every precomposed Latin letter (Vietnamese uses U+00C0–U+01B0 and U+1EA0–U+1EF9) mapped to
# what the NFD path below makes of it: one `str.translate` instead of a Python loop over the
# decomposed characters. An import folds ~100,000 names (org.imports).
_FOLD_TABLE = {
    ord(ch): _slow_fold_char(ch)
    for ch in map(chr, [*range(0xC0, 0x250), *range(0x1E00, 0x1F00)])
    if _slow_fold_char(ch) != ch and _slow_fold_char(ch).isascii()
}


def fold(text: str | None) -> str:
    """Lower-case `text` without diacritics, so "Nguyễn Văn An" and "nguyen van an" meet.

    "đ" has no Unicode decomposition (it is a letter of its own, not d + a mark), so NFD
    alone leaves it; it is folded by hand.
    """
    if not text:
        return ""
    fast = text.translate(_FOLD_TABLE)
    if fast.isascii():  # precomposed letters only (what keyboards type): the table is the NFD path
        return " ".join(fast.lower().split())
    text = text.replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SPACES.sub(" ", stripped.lower()).strip()


def search_terms(query: str) -> list[str]:
    """The folded words of a search box, without punctuation a full-text engine would choke on."""
    return re.findall(r"[0-9a-z]+", fold(query))


def date_line(place: str, day: datetime.date) -> str:
    """The place-date line of Nghị định 30/2020 (Phụ lục I): "Long Biên, ngày 08 tháng 01 năm 2021".

    Days below 10 and the months 1 and 2 take a leading zero; other months do not.
    """
    month = f"{day.month:02d}" if day.month <= 2 else str(day.month)
    return f"{place}, ngày {day.day:02d} tháng {month} năm {day.year}"
