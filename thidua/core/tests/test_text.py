import datetime

from hypothesis import given
from hypothesis import strategies as st

from thidua.core.text import date_line, fold, search_terms


def test_fold_removes_diacritics_and_folds_d_bar():
    assert fold("Nguyễn Văn An") == "nguyen van an"
    assert fold("ĐẶNG Đức  Cường") == "dang duc cuong"
    assert fold("Lò Thị Ửng") == "lo thi ung"


def test_search_terms_drop_punctuation_a_full_text_engine_would_parse():
    assert search_terms('Trần "Thị" H* OR -x') == ["tran", "thi", "h", "or", "x"]


@given(st.text())
def test_fold_output_is_ascii_lowercase_for_vietnamese_letters(text):
    folded = fold(text)
    assert folded == folded.lower()
    assert "đ" not in folded and "Đ" not in folded


def test_date_line_follows_decree_30_leading_zeros():
    assert date_line("Long Biên", datetime.date(2021, 1, 8)) == "Long Biên, ngày 08 tháng 01 năm 2021"
    assert date_line("Long Biên", datetime.date(2023, 8, 21)) == "Long Biên, ngày 21 tháng 8 năm 2023"
    assert date_line("Lai Châu", datetime.date(2022, 2, 17)) == "Lai Châu, ngày 17 tháng 02 năm 2022"
    assert date_line("Gia Lâm", datetime.date(2021, 12, 3)) == "Gia Lâm, ngày 03 tháng 12 năm 2021"
