"""The reference parser reads back every part of a reference written as Nghị định 30 writes it."""

import datetime

from hypothesis import given
from hypothesis import strategies as st

from thidua.planimport.references import find_references, parse_reference

RELATIONS = ["Thực hiện", "Căn cứ", "Hưởng ứng", "Trên cơ sở", "Triển khai"]
KINDS = [
    "Kế hoạch",
    "Quyết định",
    "Chỉ thị",
    "Nghị quyết",
    "Hướng dẫn",
    "Công văn",
    "Thông báo",
    "Chương trình",
    "kế hoạch",
]
SYMBOLS = ["KH-LĐLĐ", "KH-UBND", "QĐ-UBND", "HD-TLĐ", "CT-UBND", "NQ-TLĐ", "KH-BCH", "CV-LĐLĐ", "TB-CĐN"]
PARTY_SYMBOLS = ["KH/QU", "NQ/TW", "CT/TW", "KH/TU", "KL/TW"]
ISSUERS = [
    "Quận ủy Long Biên",
    "UBND quận Long Biên",
    "Ủy ban nhân dân tỉnh Lai Châu",
    "Liên đoàn Lao động thành phố Hà Nội",
    "LĐLĐ tỉnh Quảng Ninh",
    "Bộ Chính trị",
    "Tổng Liên đoàn Lao động Việt Nam",
    "Ban Thường vụ LĐLĐ tỉnh Lai Châu",
    "Công đoàn Giáo dục Việt Nam",
    "Sở Giáo dục và Đào tạo Đà Nẵng",
    "Thủ tướng Chính phủ",
]
TITLE_WORDS = [
    "tổ chức",
    "phong trào",
    "thi đua",
    "đặc biệt",
    "kỷ niệm",
    "20 năm",
    "chào mừng",
    "lao động",
    "sáng tạo",
    "năm 2023",
    "hoạt động",
    "công đoàn",
]


@st.composite
def numbers(draw):
    value = draw(st.integers(min_value=1, max_value=9999))
    style = draw(st.sampled_from(["plain", "party", "year"]))
    if style == "party":
        return f"{value}-{draw(st.sampled_from(PARTY_SYMBOLS))}"
    if style == "year":
        year = draw(st.integers(min_value=1990, max_value=2030))
        return f"{value}/{year}/{draw(st.sampled_from(SYMBOLS))}"
    return f"{value}/{draw(st.sampled_from(SYMBOLS))}"


@st.composite
def written_dates(draw):
    day = draw(st.dates(min_value=datetime.date(1990, 1, 1), max_value=datetime.date(2035, 12, 31)))
    form = draw(st.sampled_from(["{d}/{m}/{y}", "{dd}/{mm}/{y}", "ngày {dd} tháng {m} năm {y}"]))
    return day, form.format(d=day.day, m=day.month, dd=f"{day.day:02d}", mm=f"{day.month:02d}", y=day.year)


@st.composite
def references(draw):
    relation = draw(st.sampled_from(RELATIONS))
    kind = draw(st.sampled_from(KINDS))
    number = draw(numbers())
    day, date_text = draw(written_dates())
    issuer = draw(st.sampled_from(ISSUERS))
    title = " ".join(draw(st.lists(st.sampled_from(TITLE_WORDS), min_size=1, max_size=6)))
    with_so = draw(st.booleans())
    date_part = date_text if date_text.startswith("ngày") else f"ngày {date_text}"
    text = f"{relation} {kind} {'số ' if with_so else ''}{number} {date_part} của {issuer} về {title}"
    return text, relation, kind, number, day, issuer, title


@given(references())
def test_reference_round_trips(sample):
    text, relation, kind, number, day, issuer, title = sample
    reference = parse_reference(text)
    assert reference is not None
    assert (reference.relation, reference.number, reference.date, reference.issuer) == (relation, number, day, issuer)
    assert reference.doc_kind.lower() == kind.lower()
    assert reference.title == title


@given(references(), references())
def test_two_references_under_one_relation(first, second):
    text = f"{first[0]}; {second[0][len(second[1]) + 1 :]}; Ban Thường vụ LĐLĐ quận xây dựng kế hoạch như sau:"
    found, _relation = find_references(text)
    assert [(r.relation, r.number, r.date, r.issuer) for r in found] == [
        (first[1], first[3], first[4], first[5]),
        (first[1], second[3], second[4], second[5]),
    ]


def test_reference_without_number_names_its_issuer():
    found, _ = find_references(
        "Căn cứ Chương trình, kế hoạch của Ban Thường vụ LĐLĐ tỉnh Lai Châu; Thiết thực thi đua lập thành tích."
    )
    assert [(r.relation, r.number, r.date, r.issuer) for r in found] == [
        ("Căn cứ", None, None, "Ban Thường vụ LĐLĐ tỉnh Lai Châu")
    ]


def test_comma_before_the_date_and_ve_viec_before_the_title():
    reference = parse_reference(
        "Thực hiện Chỉ thị số 03/CT-UBND, ngày 11/02/2022 của Ủy ban nhân dân tỉnh Lai Châu về việc phát động thi đua"
    )
    assert (reference.number, reference.date, reference.issuer) == (
        "03/CT-UBND",
        datetime.date(2022, 2, 11),
        "Ủy ban nhân dân tỉnh Lai Châu",
    )
    assert reference.title == "phát động thi đua"
