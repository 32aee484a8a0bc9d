"""Plans in other offices' styles, read completely: every JSON key equal to the extraction a
careful reader wrote by hand in documents/expected/<name>.json.

The ten documents were written for these tests in the conventions of Nghị định 30/2020 and of
union practice, before the parser was changed for them (the bench reports the figures from
before): a province's letterhead and signature flattened onto single lines with wide gaps, a
sectoral union, a school's and an enterprise's CĐCS, a guidance with dossier and criteria lists,
a decision ("Căn cứ …; QUYẾT ĐỊNH: Điều 1 …"), a notice with a deadline, a công văn "V/v …",
dates in every form offices print (incl. "trước ngày 30/6" and "Quý I/2025"), and Markdown
exported from Word with its letterhead in a table. Four more were written after that first round
of fixes, to check that the fixes generalise: a draft with blank number and day, a corporation's
union numbered "1.", "2.1." without Roman parts, a notice in Markdown with its letterhead and
signature in tables, a công văn whose "V/v" precedes the motto and whose signature precedes
"Nơi nhận"; their expectations were checked field by field against a reading of the document.

Conventions the expectations follow: a section's level is its depth in the tree (a plan numbered
"1.", "a)" without Roman parts starts at level 1); numbered paragraphs that are sentences are
body text, not headings; a decision's articles ("Điều 1. Tặng …") carry no headings; a deadline's
duty is its clause without the list number and the deadline phrase; a periodic duty's date
("trước ngày 15/6") is its rule, not a dated deadline.
"""

import json
from pathlib import Path

import pytest

from thidua.planimport import parse, read_text

DOCUMENTS = Path(__file__).resolve().parent / "documents"
NAMES = sorted(path.stem for path in (DOCUMENTS / "expected").glob("*.json"))


def _source(name: str) -> Path:
    return next(DOCUMENTS.glob(f"{name}.*"))


@pytest.mark.parametrize("name", NAMES)
def test_every_key_equals_the_hand_written_extraction(name):
    expected = json.loads((DOCUMENTS / "expected" / f"{name}.json").read_text(encoding="utf-8"))
    path = _source(name)
    found = parse(read_text(path.name, path.read_bytes())).as_json()
    assert list(found) == list(expected)
    wrong = {key: (found[key], expected[key]) for key in expected if found[key] != expected[key]}
    assert not wrong, "\n".join(f"{key}: found {got!r}\n  expected {want!r}" for key, (got, want) in wrong.items())


def test_at_least_eight_styles():
    assert len(NAMES) >= 8
