"""Due rules as the seeds write them: periods, "trước ngày 15 tháng cuối quý", days after the
end, weekends, and the whole due day in Asia/Ho_Chi_Minh."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from thidua.reports import due

D = datetime.date
BEFORE_15 = due.DueRule(due.LAST_MONTH_DAY, 15, before=True)
BY_15 = due.DueRule(due.LAST_MONTH_DAY, 15, before=False)


@pytest.mark.parametrize(
    ("period", "day", "start", "end"),
    [
        (due.QUARTER, D(2023, 1, 1), D(2023, 1, 1), D(2023, 3, 31)),
        (due.QUARTER, D(2023, 3, 31), D(2023, 1, 1), D(2023, 3, 31)),
        (due.QUARTER, D(2023, 4, 1), D(2023, 4, 1), D(2023, 6, 30)),
        (due.QUARTER, D(2023, 6, 30), D(2023, 4, 1), D(2023, 6, 30)),
        (due.QUARTER, D(2023, 7, 1), D(2023, 7, 1), D(2023, 9, 30)),
        (due.QUARTER, D(2023, 9, 30), D(2023, 7, 1), D(2023, 9, 30)),
        (due.QUARTER, D(2023, 10, 1), D(2023, 10, 1), D(2023, 12, 31)),
        (due.QUARTER, D(2023, 12, 31), D(2023, 10, 1), D(2023, 12, 31)),
        (due.HALF, D(2023, 1, 1), D(2023, 1, 1), D(2023, 6, 30)),
        (due.HALF, D(2023, 6, 30), D(2023, 1, 1), D(2023, 6, 30)),
        (due.HALF, D(2023, 7, 1), D(2023, 7, 1), D(2023, 12, 31)),
        (due.HALF, D(2023, 12, 31), D(2023, 7, 1), D(2023, 12, 31)),
        (due.YEAR, D(2024, 1, 1), D(2024, 1, 1), D(2024, 12, 31)),
        (due.YEAR, D(2024, 12, 31), D(2024, 1, 1), D(2024, 12, 31)),
    ],
)
def test_period_bounds_at_every_boundary(period, day, start, end):
    assert due.period_bounds(period, day) == (start, end)


@pytest.mark.parametrize(
    ("period", "day", "label"),
    [
        (due.QUARTER, D(2023, 8, 16), "Quý III năm 2023"),
        (due.QUARTER, D(2023, 12, 1), "Quý IV năm 2023"),
        (due.HALF, D(2023, 2, 1), "6 tháng đầu năm 2023"),
        (due.HALF, D(2023, 9, 1), "6 tháng cuối năm 2023"),
        (due.YEAR, D(2021, 5, 1), "Năm 2021"),
    ],
)
def test_period_label(period, day, label):
    assert due.period_label(period, due.period_bounds(period, day)[0]) == label


@pytest.mark.parametrize(
    ("period", "day", "expected"),
    [
        (due.QUARTER, D(2023, 2, 10), D(2023, 3, 14)),
        (due.QUARTER, D(2023, 5, 10), D(2023, 6, 14)),
        (due.QUARTER, D(2023, 8, 10), D(2023, 9, 14)),
        (due.QUARTER, D(2023, 11, 10), D(2023, 12, 14)),
        (due.HALF, D(2023, 3, 1), D(2023, 6, 14)),
        (due.HALF, D(2023, 10, 1), D(2023, 12, 14)),
        (due.YEAR, D(2023, 10, 1), D(2023, 12, 14)),
    ],
)
def test_before_the_15th_of_the_last_month_means_the_14th(period, day, expected):
    """Seed 004: "trước ngày 15 tháng cuối quý" — a report on the 15th is already late."""
    _start, end = due.period_bounds(period, day)
    assert due.due_date(BEFORE_15, end) == expected


def test_by_the_15th_includes_the_15th():
    assert due.due_date(BY_15, D(2023, 9, 30)) == D(2023, 9, 15)


def test_days_after_the_end_cross_into_the_next_year():
    rule = due.DueRule(due.AFTER_END, 15)
    assert due.due_date(rule, D(2023, 12, 31)) == D(2024, 1, 15)
    assert due.due_date(rule, D(2024, 3, 31)) == D(2024, 4, 15)


def test_a_day_beyond_the_month_is_its_last_day():
    assert due.due_date(due.DueRule(due.LAST_MONTH_DAY, 31, before=False), D(2023, 6, 30)) == D(2023, 6, 30)


def test_weekend_due_day_stays_unless_the_form_says_to_shift():
    saturday_end = D(2024, 6, 30)  # 15/6/2024 is a Saturday
    assert due.due_date(BY_15, saturday_end) == D(2024, 6, 15)
    shifted = due.DueRule(due.LAST_MONTH_DAY, 15, before=False, shift_weekend=True)
    assert due.due_date(shifted, saturday_end) == D(2024, 6, 17)
    sunday_end = D(2025, 12, 31)  # 14/12/2025 is a Sunday
    assert due.due_date(BEFORE_15, sunday_end) == D(2025, 12, 14)
    assert due.due_date(due.DueRule(due.LAST_MONTH_DAY, 15, shift_weekend=True), sunday_end) == D(2025, 12, 15)


@given(
    day=st.dates(min_value=D(2000, 1, 1), max_value=D(2100, 12, 31)),
    period=st.sampled_from([due.QUARTER, due.HALF, due.YEAR]),
    kind=st.sampled_from([due.LAST_MONTH_DAY, due.AFTER_END]),
    n=st.integers(min_value=1, max_value=31),
    before=st.booleans(),
)
def test_shifted_due_day_is_a_weekday_at_most_two_days_later(day, period, kind, n, before):
    start, end = due.period_bounds(period, day)
    assert start <= day <= end
    plain = due.due_date(due.DueRule(kind, n, before), end)
    shifted = due.due_date(due.DueRule(kind, n, before, shift_weekend=True), end)
    assert shifted.weekday() < 5
    assert 0 <= (shifted - plain).days <= 2
    assert (shifted == plain) == (plain.weekday() < 5)


def test_the_due_day_ends_at_midnight_in_ho_chi_minh_city():
    utc = ZoneInfo("UTC")
    deadline = D(2023, 9, 18)
    # 23:59 on the 18th in Hà Nội is 16:59 UTC: on time.
    assert not due.is_late(deadline, datetime.datetime(2023, 9, 18, 16, 59, tzinfo=utc))
    # 00:00 on the 19th in Hà Nội is still the 18th in UTC: late all the same.
    assert due.is_late(deadline, datetime.datetime(2023, 9, 18, 17, 0, tzinfo=utc))


def test_rule_reads_as_the_seed_writes_it(settings):
    assert due.describe(BEFORE_15, due.QUARTER) == "trước ngày 15 tháng cuối quý"
    assert due.describe(due.DueRule(due.AFTER_END, 10), due.HALF) == "chậm nhất 10 ngày sau khi kết thúc kỳ"
