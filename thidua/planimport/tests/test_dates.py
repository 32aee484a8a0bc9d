"""The Vietnamese date parser reads every form plans write a date in."""

import datetime

from hypothesis import given
from hypothesis import strategies as st

from thidua.planimport.dates import find_dates, parse_date
from thidua.planimport.normalize import fold

dates = st.dates(min_value=datetime.date(1945, 1, 1), max_value=datetime.date(2099, 12, 31))


def _day(value: int, padded: bool) -> str:
    return f"{value:02d}" if padded else str(value)


@st.composite
def written_dates(draw):
    """A date and one way a plan writes it: "ngày 21 tháng 8 năm 2023", "21/08/2023", "21-8-2023"…"""
    day = draw(dates)
    pad_day = draw(st.booleans())
    pad_month = draw(st.booleans())
    d, m = _day(day.day, pad_day), _day(day.month, pad_month)
    form = draw(st.sampled_from(["long", "/", "-", ".", "ngày /"]))
    if form == "long":
        text = f"ngày {d} tháng {m} năm {day.year}"
    elif form == "ngày /":
        text = f"ngày {d}/{m}/{day.year}"
    else:
        text = f"{d}{form}{m}{form}{day.year}"
    case = draw(st.sampled_from(["as is", "upper", "no diacritics"]))
    if case == "upper":
        text = text.upper()
    elif case == "no diacritics":
        text = fold(text)
    return day, text


@given(written_dates())
def test_date_round_trips_alone(sample):
    day, text = sample
    assert parse_date(text) == day


@given(
    written_dates(),
    st.sampled_from(["chậm nhất ", "Long Biên, ", "(", "trước "]),
    st.sampled_from(["", ".", ";", ")", " của UBND quận"]),
)
def test_date_round_trips_inside_a_sentence(sample, before, after):
    day, text = sample
    assert parse_date(f"Báo cáo gửi về LĐLĐ quận {before}{text}{after}") == day


def test_dates_found_in_order_with_their_span():
    text = "từ ngày 16/8/2023 đến hết ngày 15 tháng 9 năm 2023."
    found = find_dates(text)
    assert [m.date for m in found] == [datetime.date(2023, 8, 16), datetime.date(2023, 9, 15)]
    assert text[found[1].start : found[1].end] == "ngày 15 tháng 9 năm 2023"


def test_impossible_dates_and_fractions_are_not_dates():
    assert parse_date("ngày 31/02/2023") is None
    assert parse_date("ít nhất 2/3 số thành viên") is None
    assert parse_date("báo cáo 6 tháng/lần") is None


def test_day_and_month_take_the_plans_year_when_asked():
    assert parse_date("gửi về trước ngày 15/9", default_year=2023) == datetime.date(2023, 9, 15)
    assert parse_date("gửi về trước ngày 15/9") is None
