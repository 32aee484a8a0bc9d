"""The initiatives demo stage: Long Biên's CĐCS with initiatives in every state, golden books
numbered from 1, counters as the rows say, and a second run that adds nothing."""

import pytest

from thidua.core.demo import _STAGES
from thidua.documents.demo import load_demo_letterheads
from thidua.documents.tests.letterheads import blank
from thidua.initiatives import queries
from thidua.initiatives.demo import PATTERN, load_demo_initiatives
from thidua.initiatives.models import Initiative, Recognition
from thidua.org.models import Sector
from thidua.org.tests.factories import MemberFactory, make_unit


@pytest.fixture
def long_bien(db, unit_kinds):
    root = make_unit(None, "confederation", "Tổng Liên đoàn Lao động Việt Nam", code="TLD")
    city = make_unit(root, "province", "LĐLĐ thành phố Hà Nội", code="HN")
    district = make_unit(city, "district", "LĐLĐ quận Long Biên", code="HN-LB")
    for i in range(1, 9):
        cdcs = make_unit(district, "grassroots", f"CĐCS số {i}", code=f"LB-{i:03d}", sector=Sector.SCHOOL)
        for _ in range(8):
            MemberFactory(unit=cdcs)
        blank(cdcs, signer_name=f"Chủ tịch CĐCS {i}")  # the demo's letterheads name each chair
    load_demo_letterheads(lambda _line: None)  # Long Biên signs as its seeds do
    return district


def test_demo_plays_every_state_and_reruns_add_nothing(long_bien):
    assert "Sáng kiến mẫu" in _STAGES
    load_demo_initiatives(lambda _line: None)
    states = set(Initiative.objects.values_list("status", flat=True))
    assert {
        "draft",
        "submitted",
        "with_support_team",
        "at_council",
        "recognised",
        "not_recognised",
        "proposed",
    } <= states
    district_book = list(Recognition.objects.filter(unit=long_bien).values_list("entry_number", flat=True))
    assert district_book == [1] * PATTERN.count("district_recognised")
    recognised = Initiative.objects.filter(recognised_on__isnull=False).count()
    reached_a_level = [s for s in PATTERN if s in ("recognised", "proposed", "district_recognised")]
    assert queries.counters(long_bien).recognised == recognised == len(reached_a_level)
    count = Initiative.objects.count()
    load_demo_initiatives(lambda _line: None)
    assert Initiative.objects.count() == count
