"""Real public documents the parser was not written for (issue 17, Build 4): plans, guidance
letters, decisions and reports copied from union, school and government web sites as an officer
would paste them (a page's title above the letterhead, "|" table cells, a letterhead flattened
onto one line, "\\r\\n" printed by a site, a date cut over two lines). real/expected.json holds each
one's source address and its header fields written by hand from reading it.

Measured on them before the parser was changed for them: 65.2 % of the header fields right
(bench/bench_planimport_real.py, BENCHMARKS.md "Unseen real documents").
"""

import datetime
import json
from pathlib import Path

import pytest

from thidua.planimport import parse, read_text
from thidua.planimport.tests.degrade import HEADER_FIELDS, header_of

REAL = Path(__file__).resolve().parent / "real"
EXPECTED = json.loads((REAL / "expected.json").read_text(encoding="utf-8"))


def _read(name: str):
    path = REAL / f"{name}.txt"
    return parse(read_text(path.name, path.read_bytes()))


def test_every_real_document_has_its_source_and_hand_written_fields():
    assert len(EXPECTED) >= 8
    for name, fields in EXPECTED.items():
        assert (REAL / f"{name}.txt").exists()
        assert fields["source"].startswith("http")
        assert set(HEADER_FIELDS) <= set(fields)


@pytest.mark.parametrize("name", [name for name in EXPECTED if name != "school_plan_glued"])
def test_header_fields_equal_the_hand_written_ones(name):
    found = header_of(_read(name))
    wrong = {
        field: (found[field], EXPECTED[name][field]) for field in HEADER_FIELDS if found[field] != EXPECTED[name][field]
    }
    assert not wrong, "\n".join(f"{field}: found {got!r}, expected {want!r}" for field, (got, want) in wrong.items())


def test_a_copy_that_lost_its_line_breaks_and_slashes_gives_no_wrong_value():
    """ "KẾ HOẠCHHOẠT ĐỘNG …2021Đơn vị: …", "Công văn số 190KHLĐLĐ, ngày 1592020": type and summary
    cannot be told apart, nor the date of the basis; each is left empty, never guessed."""
    extract = _read("school_plan_glued")
    found = header_of(extract)
    assert all(found[field] in (None, EXPECTED["school_plan_glued"][field]) for field in HEADER_FIELDS)
    assert (extract.number, extract.date, extract.issuer) == (None, None, None)
    assert all(reference.date is None for reference in extract.implements)
    assert "Không tìm thấy số, ký hiệu văn bản." in extract.warnings


def test_a_page_title_above_the_letterhead_is_not_the_summary():
    extract = _read("school_plan_ngoc_to")
    assert (extract.number, extract.symbol, extract.date) == ("39", "KH-CĐNT", datetime.date(2020, 9, 15))
    assert extract.title == "Hoạt động công tác công đoàn Năm học 2020 – 2021"


def test_the_year_in_a_number_stays_in_the_symbol():
    extract = _read("province_decision")
    assert (extract.number, extract.symbol) == ("31", "2020/QĐ-UBND")


def test_a_report_without_number_or_date_takes_no_date_from_its_text():
    """ "Từ 1/10/2016 đến 18/11/2016": the campaign's dates, not the report's."""
    extract = _read("school_report_web")
    assert (extract.number, extract.date, extract.place) == (None, None, None)
    assert "Không tìm thấy ngày ban hành." in extract.warnings
