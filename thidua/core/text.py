"""Vietnamese text: search keys that ignore diacritics, and the date lines of documents."""

import datetime
import re
import unicodedata

_SPACES = re.compile(r"\s+")


def fold(text: str | None) -> str:
    """Lower-case `text` without diacritics, so "Nguyễn Văn An" and "nguyen van an" meet.

    "đ" has no Unicode decomposition (it is a letter of its own, not d + a mark), so NFD
    alone leaves it; it is folded by hand.
    """
    if not text:
        return ""
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
