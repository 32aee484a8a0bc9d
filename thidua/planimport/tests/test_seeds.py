"""The five seed plans read completely: every JSON key equal to the extraction written by hand
in expected/<seed>.json (values decided by reading the seed, not copied from the parser)."""

import json
from pathlib import Path

import pytest

from thidua.planimport import parse, read_text

REPO = Path(__file__).resolve().parents[3]
SEEDS = Path(__file__).resolve().parent / "seeds"  # copies of the shared seeds, kept in the repository
EXPECTED = Path(__file__).resolve().parent / "expected"
STEMS = sorted(path.stem for path in EXPECTED.glob("*.json"))


def _extract(stem: str):
    path = SEEDS / f"{stem}.txt"
    return parse(read_text(path.name, path.read_bytes()))


@pytest.mark.parametrize("stem", STEMS)
def test_seed_extraction_equals_the_hand_written_one(stem):
    expected = json.loads((EXPECTED / f"{stem}.json").read_text(encoding="utf-8"))
    assert _extract(stem).as_json() == expected


@pytest.mark.parametrize("stem", STEMS)
def test_every_value_found_shows_where_it_came_from(stem):
    extract = _extract(stem)
    for key in ("doc_type", "number", "symbol", "issuer", "place", "date", "title", "signer_title", "signer_name"):
        if getattr(extract, key) is not None:
            assert extract.evidence.get(key), key
    for item in [*extract.implements, *extract.deadlines, *extract.periodic]:
        assert item.source


def test_seed_without_number_and_letterhead_says_so():
    warnings = _extract("004_30137e98268e585a").warnings
    assert "Không tìm thấy số, ký hiệu văn bản." in warnings
    assert any("suy ra từ nội dung" in w for w in warnings)


def test_seed_deadlines_bind_the_grassroots_unions():
    deadlines = _extract("000_4c023d7e489fd871").deadlines
    assert deadlines[2].who == "Ban chấp hành công đoàn cơ sở"
    assert "chậm nhất ngày 18/9/2023" in deadlines[2].source


def test_seed_reward_part_beyond_the_json_keys():
    extract = _extract("000_4c023d7e489fd871")
    assert extract.nomination_due is None
    assert extract.nomination_due_text == "có thông báo sau"
    assert extract.quota == "LĐLD Quận Long Biên sẽ xét chọn và phân bổ sau đợt thi đua"
    assert extract.reward_targets.startswith("Công đoàn cơ sở và cá nhân thuộc các đơn vị")
    assert _extract("002_1e8ad9646b0a13b8").procedure == "simplified"
    assert [r.level for r in extract.responsibilities] == [
        "Liên đoàn lao động Quận",
        "Công đoàn các Cơ quan, Đơn vị, Doanh nghiệp, Trường học",
    ]
