"""The last word of a search is a prefix ("thi" finds Thịnh), also where PostgreSQL looks it up
as the whole name words it can begin (org.search, the name-word vocabulary of issue 18 item 5):
every way a member's name is written puts its words where the search finds them."""

import pytest
from django.db import connection

from thidua.org import imports, search, services
from thidua.org.models import Member
from thidua.org.tests.factories import SYSTEM, MemberFactory
from thidua.org.tests.test_search_province import _xlsx, found


@pytest.fixture
def names(federation):
    school = federation.school
    return {
        "thinh": MemberFactory(full_name="Nguyễn Văn Thịnh", unit=school, card_number="LB7001", gender="male"),
        "thi": MemberFactory(full_name="Trần Thị Thu", unit=school, card_number="LB7002"),
        "thu": MemberFactory(full_name="Lê Thu Trang", unit=school, card_number="LB7003"),
        "hong": MemberFactory(full_name="Phạm Hồng Nhung", unit=federation.company, card_number="LB7004"),
    }


def test_the_last_word_finds_the_longer_words_it_begins_and_only_those(federation, names):
    assert found(federation.city, "nguyen thi") == {names["thinh"].pk}
    assert found(federation.city, "thi") == {names["thinh"].pk, names["thi"].pk}
    assert found(federation.city, "tran th") == {names["thi"].pk}
    assert found(federation.city, "nhung ho") == {names["hong"].pk}
    assert found(federation.city, "nhung hong") == {names["hong"].pk}
    assert found(federation.city, "nhung hongx") == set()
    assert found(federation.city, "lb700") == {m.pk for m in names.values()}  # a card number's prefix
    assert found(federation.long_bien, "thu") == {names["thi"].pk, names["thu"].pk}


def test_a_name_written_by_every_path_is_found_by_a_prefix_of_its_words(federation, officer, names):
    created = services.create_member(SYSTEM, full_name="Đinh Khắc Quyết", gender="male", unit=federation.school)
    assert found(federation.city, "khac quy") == {created.pk}
    services.update_member(SYSTEM, created, full_name="Đinh Khắc Quyền")
    assert found(federation.city, "dinh quye") == {created.pk}
    rows = [
        [c.header for c in imports.member_columns()],
        ["Hà Xuân Trường", "Nam", 1990, "LB-001", "", "", "", "", "HN7101"],
    ]
    result = imports.import_members(officer, _xlsx(rows), "doan-vien.xlsx")
    assert (result.errors, result.created) == ([], 1)
    assert found(federation.city, "ha truon") == {Member.objects.get(card_number="HN7101").pk}
    Member.objects.filter(pk=names["hong"].pk).update(search_key="pham hongxiem nhung lb7004")
    assert found(federation.city, "nhung hongxi") == {names["hong"].pk}


@pytest.mark.postgres_only
def test_postgresql_keeps_the_name_words_and_asks_the_engine_when_a_prefix_begins_too_many(
    federation, names, monkeypatch
):
    """The vocabulary is PostgreSQL's only: SQLite's FTS5 prefix index answers a prefix itself."""
    with connection.cursor() as cursor:
        words = search._words_starting(cursor, "thi")
        assert words[0] == "thi" and "thinh" in words and all(w.startswith("thi") for w in words)
        assert search._words_starting(cursor, "thinh")[0] == "thinh"
        assert search._words_starting(cursor, "lb7") is None  # card numbers are not name words
        monkeypatch.setattr(search, "PREFIX_WORDS", 1)
        assert search._words_starting(cursor, "th") is None
    assert found(federation.city, "th") == {names["thinh"].pk, names["thi"].pk, names["thu"].pk}
