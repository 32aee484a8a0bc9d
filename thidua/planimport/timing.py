"""When: the emulation window, dated deadlines, and periodic duties.

- The window: "từ ngày 16/8/2023 đến hết ngày 15/9/2023", "từ ngày 01/9/2021 đến khi tình hình
  dịch bệnh được kiểm soát…" (an open end: the condition is kept as text).
- A deadline is a date the text binds someone to: "chậm nhất ngày 18/9/2023", "trước ngày
  15/9/2023", "hạn cuối …"; dates of events, of referenced documents or of anniversaries are not.
- A periodic duty: "Định kỳ hàng quý, 6 tháng, năm … trước ngày 15 tháng cuối quý", "báo cáo
  định kỳ 6 tháng/lần", "Hằng năm, … tổ chức sơ kết…".
"""

from __future__ import annotations

import calendar
import datetime
import re
from dataclasses import dataclass

from .dates import DateMatch, find_dates
from .normalize import Line, capitalise, fold, sentence_spans, strip_item
from .structure import Deadline, Periodic

# What makes a date a deadline, read just before it (folded text).
_DEADLINE_MARK = re.compile(
    r"(?:(?:cham|muon) nhat(?: la)?(?: (?:truoc|vao|den|trong))?(?: ngay)?|truoc(?: ngay)?|"
    r"han (?:chot|cuoi|nop|gui)(?: la)?(?: ngay)?|thoi han(?: nop| gui)?(?: la)?(?: ngay)?|"
    r"khong (?:qua|muon hon|cham hon)(?: ngay)?|(?:gui|nop) (?:ve )?.{0,60}?(?:den|trong) ngay|"
    r"(?:xong|hoan thanh|hoan tat) (?:truoc|trong) ngay|den (?:het )?ngay)\s*[:(]?\s*$"
)
_WINDOW_WORDS = re.compile(r"\btu\s+(?:ngay\s+)?$")


@dataclass
class Window:
    start: datetime.date | None = None
    end: datetime.date | None = None
    end_condition: str | None = None
    source: str = ""
    line: int | None = None
    span: tuple[int, int] | None = None


_MONTH_YEAR = re.compile(r"\bthang\s*(\d{1,2})\s*(?:/|nam)\s*(\d{4})")


def find_window(lines: list[Line], preferred: set[int]) -> Window:
    """The emulation window. Lines in `preferred` (a "THỜI GIAN …" section) are read first."""
    ordered = [line for line in lines if line.number in preferred] + [
        line for line in lines if line.number not in preferred
    ]
    for line in ordered:
        folded = line.folded
        if "tu " not in folded and "tu\u00a0" not in folded:
            continue
        dates = find_dates(line.text, folded)
        for first in dates:
            before = folded[max(0, first.start - 12) : first.start]
            if not _WINDOW_WORDS.search(before):
                continue
            after = folded[first.end : first.end + 40]
            window = Window(start=first.date, line=line.number)
            a, b = _sentence_of(line.text, first.start)
            window.source = line.text[a:b].strip()
            following = [d for d in dates if d.start > first.end]
            if following and re.match(
                r"^\s*(?:\)|,)?\s*(?:den|toi|[-–—])\s*(?:het\s+)?(?:ngay\s+)?$", folded[first.end : following[0].start]
            ):
                window.end = following[0].date
                window.span = (first.start, following[0].end)
                return window
            end_month = re.match(
                r"^\s*(?:den|toi)\s*(?:het\s+)?(?:thang\s*(\d{1,2})\s*(?:/|nam)\s*(\d{4})|nam\s*(\d{4}))", after
            )
            if end_month:
                if end_month.group(3):
                    window.end = datetime.date(int(end_month.group(3)), 12, 31)
                else:
                    year, month = int(end_month.group(2)), int(end_month.group(1))
                    if 1 <= month <= 12:
                        window.end = datetime.date(year, month, calendar.monthrange(year, month)[1])
                return window
            condition = re.match(r"^\s*,?\s*(den khi|cho den khi|den luc)\b", after)
            if condition:
                start = first.end + condition.start(1)
                end = b
                window.end_condition = strip_item(line.text[start:end])
                return window
            return window
    return Window()


def _sentence_of(text: str, position: int) -> tuple[int, int]:
    for a, b in sentence_spans(text):
        if a <= position < b:
            return a, b
    return 0, len(text)


def find_deadlines(
    lines: list[Line], default_year: int | None, skip: dict[int, list[tuple[int, int]]]
) -> list[Deadline]:
    """Every dated deadline, in order. `skip` holds spans (per line) already read as the window
    or as references, so their dates are not taken again."""
    deadlines: list[Deadline] = []
    for line in lines:
        dates = find_dates(line.text, line.folded, default_year=default_year)
        for found in dates:
            if any(a <= found.start < b for a, b in skip.get(line.number, [])):
                continue
            before = line.folded[max(0, found.start - 80) : found.start]
            mark = _DEADLINE_MARK.search(before)
            if not mark:
                continue
            # "từ ngày … đến hết ngày …" is a window, not a deadline.
            if _WINDOW_WORDS.search(before[: mark.start()][-14:]) or re.search(
                r"\btu (?:ngay )?\S+\s*$", before[: mark.start()]
            ):
                continue
            mark_start = found.start - (len(before) - mark.start())
            a, b = _sentence_of(line.text, found.start)
            what, who = _duty(line.text, a, b, mark_start, found)
            deadlines.append(Deadline(date=found.date, what=what, who=who, source=line.text[a:b].strip()))
    return deadlines


def _duty(text: str, a: int, b: int, cut_start: int, found: DateMatch) -> tuple[str, str]:
    """The sentence without its deadline phrase, from the addressee on when it says "đề nghị X …"."""
    head = text[a:cut_start]
    tail = text[found.end : b]
    tail = re.sub(r"^\s*\)?", "", tail)
    sentence = (head.rstrip(" ,(") + (" " + tail.strip() if tail.strip(" .;,") else "")).strip()
    return _addressed(sentence)


_REQUEST = re.compile(r"\b(?:de nghi|yeu cau)\s+")


def _addressed(sentence: str) -> tuple[str, str]:
    """("Ban chấp hành công đoàn cơ sở triển khai…", "Ban chấp hành công đoàn cơ sở") from
    "Ban Thường vụ … đề nghị Ban chấp hành công đoàn cơ sở triển khai…"."""
    folded = fold(sentence)
    match = _REQUEST.search(folded)
    who = ""
    if match:
        sentence = sentence[match.end() :]
        folded = folded[match.end() :]
        addressee = re.match(
            r"^((?:cac |toan the )?(?:ban chap hanh|bch|ban thuong vu|cong doan|cdcs|ldld|lien doan)[^,;]*?)"
            r"\s+(?:to chuc|trien khai|thuc hien|bao cao|gui|xay dung|dang ky|hoan thanh|khan truong|chu dong|nop|tong hop)\b",
            folded,
        )
        if addressee:
            who = sentence[: addressee.end(1)]
    return capitalise(strip_item(sentence)), who


# --------------------------------------------------------------------------- periodic duties

_PERIOD_WORD = r"(?:hang|hang|moi|mot|01|1)?\s*(?:quy|thang|nam|tuan|6 thang|06 thang|sau thang|nua nam)"
_PERIODIC_LEAD = re.compile(
    r"\bdinh ky\s*((?:(?:hang|hang|moi|mot|01|1)?\s*(?:6 thang|06 thang|sau thang|nua nam|quy|thang|nam|tuan)"
    r"(?:\s*/\s*lan)?\s*(?:,|va|hoac|\s)\s*)+)"
)
_PERIODIC_START = re.compile(r"^(hang|hang|moi) (quy|thang|nam|tuan)\b\s*,?\s*")
_PER_TIMES = re.compile(r"\b(6|06|3|03|1|01)?\s*(thang|quy|nam)\s*/\s*lan\b")
_REPORTING = re.compile(r"\b(bao cao|so ket|tong ket|kiem tra|danh gia|giam sat|gui ve|tong hop)\b")
_RULE_PHRASE = re.compile(
    r"\b(?:truoc|cham nhat|chau nhat|khong qua|muon nhat)\s+(?:ngay\s+)?(?:\d{1,2}\s+)?(?:cua\s+)?(?:thang\s+)?"
    r"(?:cuoi|dau|cuoi cung cua|thu \w+ cua)\s+(?:quy|thang|nam|ky|6 thang)|"
    r"\b(?:truoc|cham nhat)\s+ngay\s+\d{1,2}(?:\s+hang thang|\s+cua thang\s+\w+)"
)


def _canonical_period(word: str) -> str:
    word = word.strip()
    if word in ("6 thang", "06 thang", "sau thang", "nua nam"):
        return "6 tháng"
    if word.endswith("quy"):
        return "quý"
    if word.endswith("thang"):
        return "tháng"
    if word.endswith("tuan"):
        return "tuần"
    return "năm"


def _periods(phrase: str) -> list[str]:
    found = []
    for match in re.finditer(r"6 thang|06 thang|sau thang|nua nam|quy|thang|nam|tuan", phrase):
        period = _canonical_period(match.group())
        if period not in found:
            found.append(period)
    return found


def find_periodic(lines: list[Line]) -> list[Periodic]:
    duties: list[Periodic] = []
    for line in lines:
        for a, b in sentence_spans(line.text):
            sentence = line.text[a:b]
            folded = line.folded[a:b]
            if "dinh ky" not in folded and not _PERIODIC_START.match(folded):
                continue
            periods: list[str] = []
            cut: tuple[int, int] | None = None
            lead = _PERIODIC_LEAD.search(folded)
            per_times = _PER_TIMES.search(folded)
            start = _PERIODIC_START.match(folded)
            if lead:
                periods = _periods(lead.group(1))
                cut = (lead.start(), lead.end())
            elif per_times and "dinh ky" in folded:
                periods = _periods(per_times.group(2) if not per_times.group(1) else "6 thang")
                dk = folded.rfind("dinh ky", 0, per_times.start())
                cut = (dk if dk >= 0 else per_times.start(), per_times.end())
            elif start and _REPORTING.search(folded):
                periods = [_canonical_period(start.group(2))]
                cut = (start.start(), start.end())
            if not periods or not _REPORTING.search(folded):
                continue
            rule_match = _RULE_PHRASE.search(folded)
            rule = sentence[rule_match.start() : rule_match.end()] if rule_match else ""
            what = sentence
            pieces = sorted([cut] + ([rule_match.span()] if rule_match else []))
            for s, e in reversed(pieces):
                what = what[:s].rstrip() + " " + what[e:].lstrip(" ,")
            what, _who = _addressed(re.sub(r"\s+", " ", what).strip())
            what = _drop_preamble(what)
            for period in periods:
                duties.append(Periodic(period=period, rule=rule, what=what, source=sentence.strip()))
    return duties


def _drop_preamble(what: str) -> str:
    return capitalise(what.strip(" ,"))
