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
from .normalize import Line, capitalise, fold, sentence_of, sentence_spans, strip_item
from .structure import Deadline, Periodic

# What makes a date a deadline, read just before it (folded text).
_DEADLINE_MARK = re.compile(
    r"(?:(?:cham|muon) nhat(?: la)?(?: (?:truoc|vao|den|trong))?(?: ngay)?|truoc(?: ngay)?|"
    r"han (?:chot|cuoi|nop|gui)(?: la)?(?: ngay)?|thoi han(?: nop| gui)?(?: la)?(?: ngay)?|"
    r"khong (?:qua|muon hon|cham hon)(?: ngay)?|(?:gui|nop) (?:ve )?.{0,60}?(?:den|trong) ngay|"
    r"(?:xong|hoan thanh|hoan tat) (?:truoc|trong) ngay|den (?:het )?ngay)\s*[:(]?\s*"
    # "trước 17 giờ 00 ngày 20/5/2024", "chậm nhất 16h30, ngày …"
    r"(?:(?:\d{1,2}\s*(?:h|gio)\s*(?:\d{1,2}\s*(?:phut|')?)?|\d{1,2}:\d{2}),?\s*(?:ngay\s*)?)?$"
)
_CLAUSE_REACH = 600
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
# "Quý I/2025", "quý 3 năm 2025"
_QUARTER = r"quy\s*(i{1,3}|iv|[1-4])\s*(?:/|nam)\s*(\d{4})"
# Starts that are not a full date: "từ tháng 3/2024", "từ nay", "từ đầu năm 2024", "từ Quý I/2025".
_LOOSE_START = re.compile(
    r"\btu\s+(?:thang\s*(\d{1,2})\s*(?:/|nam)\s*(\d{4})|(nay)|dau nam\s*(\d{4})|nam\s*(\d{4})|" + _QUARTER + ")"
)
_QUARTER_NUMBER = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}


def _month_end(year: int, month: int) -> datetime.date | None:
    if not 1 <= month <= 12 or not 1900 <= year <= 2100:
        return None
    return datetime.date(year, month, calendar.monthrange(year, month)[1])


def _window_end(line: Line, position: int, window: Window, sentence_end: int) -> bool:
    """Read what follows a window's start ("đến hết ngày …", "đến tháng 11/2024", "đến khi …")."""
    folded = line.folded
    after = folded[position : position + 60]
    for found in find_dates(line.text[position : position + 60], after):
        if re.match(r"^\s*(?:\)|,)?\s*(?:den|toi|[-–—])\s*(?:het\s+)?(?:ngay\s+)?$", after[: found.start]):
            window.end = found.date
            window.span = (window.span[0] if window.span else position, position + found.end)
            return True
        break
    end_month = re.match(
        r"^\s*(?:den|toi)\s*(?:het\s+)?(?:thang\s*(\d{1,2})\s*(?:/|nam)\s*(\d{4})|nam\s*(\d{4})|" + _QUARTER + ")",
        after,
    )
    if end_month:
        if end_month.group(4):
            quarter = _QUARTER_NUMBER[end_month.group(4)]
            window.end = _month_end(int(end_month.group(5)), 3 * quarter)
        elif end_month.group(3):
            window.end = datetime.date(int(end_month.group(3)), 12, 31)
        else:
            window.end = _month_end(int(end_month.group(2)), int(end_month.group(1)))
        return True
    condition = re.match(r"^\s*,?\s*(den khi|cho den khi|den luc)\b", after)
    if condition:
        window.end_condition = strip_item(line.text[position + condition.start(1) : sentence_end])
        return True
    return False


def find_window(lines: list[Line], preferred: set[int]) -> Window:
    """The emulation window. Lines in `preferred` (a "THỜI GIAN …" section) are read first."""
    ordered = [line for line in lines if line.number in preferred] + [
        line for line in lines if line.number not in preferred
    ]
    for line in ordered:
        folded = line.folded
        if "tu " not in folded:
            continue
        starts: list[tuple[int, int, datetime.date | None]] = []
        for first in find_dates(line.text, folded):
            if _WINDOW_WORDS.search(folded[max(0, first.start - 12) : first.start]):
                starts.append((first.start, first.end, first.date))
        # Month and year bounds are read only where the text speaks of the window: elsewhere
        # "từ năm 2022 đến năm 2023" is another programme's span.
        loose_starts = _LOOSE_START.finditer(folded) if line.number in preferred or "thoi gian" in folded else ()
        for loose in loose_starts:
            if loose.group(1):
                month, year = int(loose.group(1)), int(loose.group(2))
                day = datetime.date(year, month, 1) if 1 <= month <= 12 else None
            elif loose.group(3):
                day = None
            elif loose.group(6):
                quarter = _QUARTER_NUMBER[loose.group(6)]
                day = datetime.date(int(loose.group(7)), 3 * quarter - 2, 1)
            else:
                day = datetime.date(int(loose.group(4) or loose.group(5)), 1, 1)
            starts.append((loose.start(), loose.end(), day))
        for begin, finish, day in sorted(starts):
            window = Window(start=day, line=line.number, span=(begin, finish))
            a, b = _sentence_of(line.text, begin)
            window.source = line.text[a:b].strip()
            ended = _window_end(line, finish, window, b)
            if day is None and not ended:
                continue  # "từ nay" alone says nothing
            if window.end is None and window.span == (begin, finish):
                window.span = None if day is None else window.span
            return window
    return Window()


def _sentence_of(text: str, position: int) -> tuple[int, int]:
    return sentence_of(text, position)


_FROM_BEFORE = re.compile(r"\btu (?:ngay )?\S+\s*$")


def find_deadlines(
    lines: list[Line], default_year: int | None, skip: dict[int, list[tuple[int, int]]]
) -> list[Deadline]:
    """Every dated deadline, in order. `skip` holds spans (per line) already read as the window
    or as references, so their dates are not taken again."""
    deadlines: list[Deadline] = []
    for line in lines:
        dates = find_dates(line.text, line.folded, default_year=default_year)
        for index, found in enumerate(dates):
            if any(a <= found.start < b for a, b in skip.get(line.number, [])):
                continue
            if not found.has_year:
                # "Định kỳ 6 tháng … trước ngày 15/6": the day is the periodic duty's rule.
                a, b = _sentence_of(line.text, found.start)
                if is_periodic_sentence(line.folded[a:b]):
                    continue
            before = line.folded[max(0, found.start - 80) : found.start]
            mark = _DEADLINE_MARK.search(before)
            if not mark:
                continue
            # "từ ngày … đến hết ngày …" is a window, not a deadline.
            if _WINDOW_WORDS.search(before[: mark.start()][-14:]) or _FROM_BEFORE.search(before[: mark.start()]):
                continue
            mark_start = found.start - (len(before) - mark.start())
            a, b = _sentence_of(line.text, found.start)
            # A duty's clause is a few hundred characters; in a paragraph with no full stop the
            # sentence is the paragraph, and cutting it whole for each date was quadratic.
            long_sentence = b - a > 2 * _CLAUSE_REACH
            a, b = max(a, found.start - _CLAUSE_REACH), min(b, found.end + _CLAUSE_REACH)
            if long_sentence:
                # A run-on paragraph ("… trước ngày 15/6/2024, các đơn vị … trước ngày 30/6/2024, …"):
                # the clause stops at the dates either side too, or each of hundreds of deadlines
                # carried 1,200 characters through the duty's cleaning (6.8 s per MB).
                if index and dates[index - 1].end > a:
                    a = dates[index - 1].end
                    a += len(line.text[a:mark_start]) - len(line.text[a:mark_start].lstrip(" ,;"))
                if index + 1 < len(dates) and dates[index + 1].start < b:
                    # up to the comma before the next duty: "…/2024, các đơn vị … trước ngày …"
                    b = line.text.rfind(",", found.end, dates[index + 1].start)
                    b = dates[index + 1].start if b < 0 else b
            # "Đăng ký trước ngày 15/3/2024; tổng kết trước ngày 30/11/2024": each duty is the
            # clause its date is in.
            clause_a = line.text.rfind(";", a, mark_start) + 1 or a
            clause_b = line.text.find(";", found.end, b)
            clause_b = b if clause_b < 0 else clause_b
            what, who = _duty(line.text, max(a, clause_a), clause_b, mark_start, found)
            deadlines.append(Deadline(date=found.date, what=what, who=who, source=line.text[a:b].strip()))
    return deadlines


# "2. ", "1.1. ", "a) ", "II. ": a list's numbering before the sentence.
_LIST_NUMBER = re.compile(r"^\s*(?:\d{1,2}(?:\.\d{1,2}){0,3}\s*[.)]|[a-zđ]\s*\)|[IVX]{1,5}\s*[.)])\s+")
# ", gồm:", "như sau:", "cụ thể:": the words that open the list under a sentence.
_LIST_INTRO_TAIL = re.compile(
    r"[\s,;]*(?:(?:bao\s+)?gồm(?:\s+có)?|như sau|cụ thể|sau)(?:\s+[^\s:]+){0,4}\s*:\s*$", re.IGNORECASE
)


def _join(head: str, tail: str) -> str:
    if not tail.strip(" .;,:"):
        return head
    tail = tail.strip()
    return head + tail if tail[:1] in ",;:)" else f"{head} {tail}"


def _duty(text: str, a: int, b: int, cut_start: int, found: DateMatch) -> tuple[str, str]:
    """The sentence without its deadline phrase, from the addressee on when it says "đề nghị X …"."""
    head = _LIST_NUMBER.sub("", text[a:cut_start], count=1)
    # "Đăng ký dự thi: các công đoàn cơ sở gửi danh sách … trước ngày …": the part's label
    # before the colon names the topic; the duty is the clause after it.
    label = _LABEL.match(head)
    if label and len(head[label.end() :].split()) >= 3:
        head = head[label.end() :]
    tail = text[found.end : b]
    tail = tail.lstrip()
    tail = tail[1:] if tail[:1] == ")" else tail
    if tail.rstrip().endswith(":"):
        tail = _LIST_INTRO_TAIL.sub("", tail)
    sentence = _join(head.rstrip(" ,("), tail).strip().rstrip(" :")
    # "Thời gian nộp báo cáo tổng kết: trước ngày 10/6/2025": the duty is what the label names.
    sentence = _TIME_LABEL.sub("", sentence, count=1) if _TIME_LABEL.match(sentence) else sentence
    return _addressed(sentence)


_LABEL = re.compile(r"^\s*[^\s:;,.()]+(?:\s+[^\s:;,.()]+){0,4}\s*:\s+")
_TIME_LABEL = re.compile(r"^(?:thời gian|thời hạn|hạn|hạn chót)\s+(?=\S+\s+\S)", re.IGNORECASE)


_REQUEST = re.compile(r"\b(?:de nghi|yeu cau)\s+")


def _addressed(sentence: str) -> tuple[str, str]:
    """("Ban chấp hành công đoàn cơ sở triển khai…", "Ban chấp hành công đoàn cơ sở") from
    "Ban Thường vụ … đề nghị Ban chấp hành công đoàn cơ sở triển khai…"."""
    folded = fold(sentence)
    match = _REQUEST.search(folded)
    who = ""
    addressee = None
    if match:
        addressee = re.match(
            r"^((?:cac |toan the )?(?:ban chap hanh|bch|ban thuong vu|cong doan|cdcs|ldld|lien doan|to cong doan|"
            r"don vi|co quan|truong)[^,;]*?)"
            r"\s+(?:to chuc|trien khai|thuc hien|bao cao|gui|xay dung|dang ky|hoan thanh|khan truong|chu dong|nop|tong hop)\b",
            folded[match.end() :],
        )
    # Only "đề nghị <a union body> <does something>" names whom the duty binds; "danh sách đề
    # nghị khen thưởng" is a noun phrase.
    if match and addressee:
        sentence = sentence[match.end() :]
        who = sentence[: addressee.end(1)]
    return capitalise(strip_item(sentence)), who


# --------------------------------------------------------------------------- periodic duties

_PERIOD_WORD = r"(?:hang|hang|moi|mot|01|1)?\s*(?:quy|thang|nam|tuan|6 thang|06 thang|sau thang|nua nam)"
_PERIODIC_LEAD = re.compile(
    r"\bdinh ky\s*((?:(?:hang|hang|moi|mot|01|1)?\s*(?:6 thang|06 thang|sau thang|nua nam|quy|thang|nam|tuan)"
    r"(?:\s*/\s*lan)?\s*(?:,|va|hoac|\s)\s*)+)"
)
_PERIODIC_START = re.compile(r"^(hang|hang|moi) (quy|thang|nam|tuan)\b\s*,?\s*")
_PERIODIC_ANYWHERE = re.compile(r"\b(?:hang|moi) (?:quy|thang|nam|tuan)\b")
_PER_TIMES = re.compile(r"\b(6|06|3|03|1|01)?\s*(thang|quy|nam)\s*/\s*lan\b")
_REPORTING = re.compile(r"\b(bao cao|so ket|tong ket|kiem tra|danh gia|giam sat|gui ve|tong hop)\b")
_RULE_PHRASE = re.compile(
    r"\b(?:truoc|cham nhat|chau nhat|khong qua|muon nhat)\s+(?:ngay\s+)?(?:\d{1,2}\s+)?(?:cua\s+)?(?:thang\s+)?"
    r"(?:cuoi|dau|cuoi cung cua|thu \w+ cua)\s+(?:quy|thang|nam|ky|6 thang)|"
    r"\b(?:truoc|cham nhat)\s+ngay\s+\d{1,2}(?:\s+hang thang|\s+cua thang\s+\w+)|"
    # "trước ngày 15/6", "trước ngày 15/6 và 15/12", "chậm nhất ngày 20 tháng 6": a day of the year
    r"\b(?:truoc|cham nhat|khong qua|muon nhat)\s+(?:ngay\s+)?\d{1,2}\s*(?:/\s*\d{1,2}(?:\s*/\s*\d{4})?|"
    r"thang\s+\d{1,2}(?:\s+nam\s+\d{4})?)(?:\s*(?:va|,)\s*(?:ngay\s+)?\d{1,2}\s*/\s*\d{1,2}(?:\s*/\s*\d{4})?)*(?![\d/])"
)


def _per_times_period(count: str | None, unit: str) -> str:
    """ "6 tháng/lần" → "6 tháng", "3 tháng/lần" → "quý", "quý/lần" → "quý", "năm/lần" → "năm"."""
    months = int(count) if count else 1
    if unit == "thang":
        return {1: "tháng", 3: "quý", 6: "6 tháng"}.get(months, "tháng")
    return "quý" if unit == "quy" else "năm"


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
        if "dinh ky" not in line.folded and not _PERIODIC_ANYWHERE.search(line.folded) and "lan" not in line.folded:
            continue
        for a, b in _clauses(line):
            sentence = line.text[a:b]
            folded = line.folded[a:b]
            if "dinh ky" not in folded and not _PERIODIC_START.match(folded) and not _PER_TIMES.search(folded):
                continue
            periods: list[str] = []
            cut: tuple[int, int] | None = None
            lead = _PERIODIC_LEAD.search(folded)
            per_times = _PER_TIMES.search(folded)
            start = _PERIODIC_START.match(folded)
            if lead:
                periods = _periods(lead.group(1))
                cut = (lead.start(), lead.end())
            elif per_times:
                periods = [_per_times_period(per_times.group(1), per_times.group(2))]
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


def _clauses(line: Line) -> list[tuple[int, int]]:
    """The sentences of `line`, each without its list number, and cut at ";" where a clause
    carries its own periodic duty ("…: xây dựng kế hoạch…; định kỳ 6 tháng báo cáo…")."""
    spans = []
    for a, b in sentence_spans(line.text):
        number = _LIST_NUMBER.match(line.text[a:b])
        a += number.end() if number else 0
        start = a
        pieces = []
        for semicolon in re.finditer(";", line.text[a:b]):
            pieces.append((start, a + semicolon.start()))
            start = a + semicolon.end()
        pieces.append((start, b))
        periodic = [p for p in pieces if "dinh ky" in line.folded[p[0] : p[1]]]
        if len(pieces) > 1 and len(periodic) == 1 and "dinh ky" not in line.folded[a : pieces[0][1]]:
            spans.append(periodic[0])
        else:
            spans.append((a, b))
    return [(a + len(line.text[a:b]) - len(line.text[a:b].lstrip()), b) for a, b in spans]


def is_periodic_sentence(folded: str) -> bool:
    return "dinh ky" in folded or bool(_PERIODIC_START.match(_LIST_NUMBER.sub("", folded, count=1)))


def _drop_preamble(what: str) -> str:
    return capitalise(what.strip(" ,"))
