"""Vietnamese dates as plans write them.

"ngày 21 tháng 8 năm 2023", "21/8/2023", "21/08/2023", "21-8-2023", "21.8.2023", "ngày 05/9/2023",
with or without leading zeros or diacritics; "ngày 15/9" when the year is the plan's own.
Matching runs on folded text (see normalize.fold), so "NGÀY 21 THÁNG 8 NĂM 2023" and
"ngay 21 thang 8 nam 2023" are read the same.
"""

from __future__ import annotations

import bisect
import datetime
import re
from dataclasses import dataclass

from .normalize import fold

_LONG = re.compile(r"\bngay\s*(\d{1,2})\s*,?\s*thang\s*(\d{1,2})\s*,?\s*nam\s*(\d{4})(?!\d)")
_NUMERIC = re.compile(r"(?<![\d/.-])(\d{1,2})\s?([/.-])\s?(\d{1,2})\s?\2\s?(\d{4})(?![\d/-])")
# "ngày 15/9" without a year: only after "ngày", so "2/3 thành viên" is never a date.
# "trước ngày 15/6." ends a sentence: a full stop not followed by a digit is not a separator.
_SHORT = re.compile(r"\bngay\s*(\d{1,2})\s?/\s?(\d{1,2})(?![\d/-]|\.\d|\s?[/.-]\s?\d)")


_DIGIT = re.compile(r"\d")


@dataclass(frozen=True)
class DateMatch:
    start: int
    end: int
    date: datetime.date
    has_year: bool = True


def _make(day: str, month: str, year: int) -> datetime.date | None:
    try:
        value = datetime.date(year, int(month), int(day))
    except ValueError:
        return None
    return value if 1900 <= value.year <= 2100 else None


def find_dates(text: str, folded: str | None = None, default_year: int | None = None) -> list[DateMatch]:
    """Every date in `text`, in order. `folded` (fold(text)) may be passed when already known;
    `default_year` completes "ngày 15/9" (otherwise such dates are left out)."""
    if not _DIGIT.search(text):
        return []
    folded = fold(text) if folded is None else folded
    found: list[DateMatch] = []
    # The spans already read, in order and apart within each list: a position is looked up by
    # bisection (checking every span for every date was quadratic in a paragraph full of dates).
    long_spans: list[tuple[int, int]] = []
    numeric_spans: list[tuple[int, int]] = []
    for match in _LONG.finditer(folded):
        value = _make(match.group(1), match.group(2), int(match.group(3)))
        if value:
            found.append(DateMatch(match.start(), match.end(), value))
            long_spans.append(match.span())
    for match in _NUMERIC.finditer(folded):
        if _within(long_spans, match.start()):
            continue
        value = _make(match.group(1), match.group(3), int(match.group(4)))
        if value:
            found.append(DateMatch(match.start(), match.end(), value))
            numeric_spans.append(match.span())
    if default_year:
        for match in _SHORT.finditer(folded):
            if any(
                _within(spans, match.start()) or _ends_within(spans, match.end())
                for spans in (long_spans, numeric_spans)
            ):
                continue
            value = _make(match.group(1), match.group(2), default_year)
            if value:
                found.append(DateMatch(match.start(), match.end(), value, has_year=False))
    found.sort(key=lambda m: m.start)
    return found


def _within(spans: list[tuple[int, int]], position: int) -> bool:
    """Some span a <= position < b (spans sorted and apart)."""
    index = bisect.bisect_right(spans, (position, float("inf"))) - 1
    return index >= 0 and position < spans[index][1]


def _ends_within(spans: list[tuple[int, int]], end: int) -> bool:
    """Some span a < end <= b."""
    index = bisect.bisect_left(spans, (end, -1)) - 1
    return index >= 0 and end <= spans[index][1]


def parse_date(text: str, default_year: int | None = None) -> datetime.date | None:
    """The first date written in `text`, or None."""
    found = find_dates(text, default_year=default_year)
    return found[0].date if found else None
