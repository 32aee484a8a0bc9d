"""Reporting periods and their due dates, as the seeds write them — pure functions, no database.

"Định kỳ hàng quý, 6 tháng, năm báo cáo … trước ngày 15 tháng cuối quý" (seed 004): a period is
a quarter, a half-year or a year; its due date is either a day of the period's last month
("trước ngày 15 tháng cuối quý": the last day allowed is the 14th; "chậm nhất ngày 15": the 15th)
or a number of days after the period ends. A due day that falls on a weekend stays where it is
unless the form says to move it to the next Monday (as Bộ luật Dân sự, Điều 148, moves the end
of a time limit). A due date is the whole of that day in Asia/Ho_Chi_Minh (settings.TIME_ZONE).
"""

import calendar
import datetime
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils.translation import gettext as _

QUARTER, HALF, YEAR, ONCE = "quarter", "half", "year", "once"
LAST_MONTH_DAY, AFTER_END = "last_month_day", "after_end"
ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}
_MONTHS = {QUARTER: 3, HALF: 6, YEAR: 12}


@dataclass(frozen=True)
class DueRule:
    kind: str  # LAST_MONTH_DAY or AFTER_END
    day: int = 15  # the day of the last month, or the number of days after the end
    before: bool = True  # "trước ngày 15": the 14th is the last day allowed
    shift_weekend: bool = False


def period_bounds(period: str, day: datetime.date) -> tuple[datetime.date, datetime.date]:
    """The quarter, half-year or year that contains `day`: (first day, last day)."""
    months = _MONTHS[period]
    first_month = (day.month - 1) // months * months + 1
    last_month = first_month + months - 1
    start = datetime.date(day.year, first_month, 1)
    end = datetime.date(day.year, last_month, calendar.monthrange(day.year, last_month)[1])
    return start, end


def period_label(period: str, start: datetime.date) -> str:
    if period == QUARTER:
        return _("Quý %(q)s năm %(y)s") % {"q": ROMAN[(start.month - 1) // 3 + 1], "y": start.year}
    if period == HALF:
        if start.month == 1:
            return _("6 tháng đầu năm %(y)s") % {"y": start.year}
        return _("6 tháng cuối năm %(y)s") % {"y": start.year}
    return _("Năm %(y)s") % {"y": start.year}


def due_date(rule: DueRule, end: datetime.date) -> datetime.date:
    """The last day a report of the period ending on `end` is on time."""
    if rule.kind == LAST_MONTH_DAY:
        last = calendar.monthrange(end.year, end.month)[1]
        due = datetime.date(end.year, end.month, min(rule.day, last))
        if rule.before:
            due -= datetime.timedelta(days=1)
    else:
        due = end + datetime.timedelta(days=rule.day)
    if rule.shift_weekend and due.weekday() >= 5:
        due += datetime.timedelta(days=7 - due.weekday())
    return due


def local_day(moment: datetime.datetime) -> datetime.date:
    return moment.astimezone(ZoneInfo(settings.TIME_ZONE)).date()


def is_late(due_on: datetime.date, moment: datetime.datetime) -> bool:
    """Sent after the whole of the due day had passed, in Asia/Ho_Chi_Minh."""
    return local_day(moment) > due_on


def describe(rule: DueRule, period: str) -> str:
    """The rule as an office writes it: "trước ngày 15 tháng cuối quý"."""
    last = {QUARTER: _("tháng cuối quý"), HALF: _("tháng cuối kỳ"), YEAR: _("tháng cuối năm")}[period]
    if rule.kind == LAST_MONTH_DAY:
        word = _("trước ngày") if rule.before else _("chậm nhất ngày")
        text = f"{word} {rule.day} {last}"
    else:
        text = _("chậm nhất %(n)s ngày sau khi kết thúc kỳ") % {"n": rule.day}
    if rule.shift_weekend:
        text += _(" (gặp thứ Bảy, Chủ nhật thì lùi sang thứ Hai)")
    return text
