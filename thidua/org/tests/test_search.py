"""Member search: a name typed from its start is a range of the folded key, card numbers a range
of their index, anything else the full-text index — each accent-insensitive."""

import pytest

from thidua.org.models import Member
from thidua.org.tests.factories import MemberFactory
from thidua.org.views import members as member_views


def names(queryset) -> set[str]:
    return set(queryset.values_list("full_name", flat=True))


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("nguyen van an", {"Nguyễn Văn An", "Nguyễn Văn Anh"}),  # the name as typed, last word a prefix
        ("NGUYỄN VĂN AN", {"Nguyễn Văn An", "Nguyễn Văn Anh"}),
        ("le duc cuong", {"Lê Đức Cường"}),  # "đ" typed as "d"
        ("tran thi b", {"Trần Thị Bình"}),
        ("van an", {"Nguyễn Văn An", "Nguyễn Văn Anh"}),  # not from the start: full text
        ("cuong le", {"Lê Đức Cường"}),  # words out of order: full text
        ("LB0002", {"Trần Thị Bình"}),  # a card number
        ("lb000", {"Nguyễn Văn An", "Trần Thị Bình", "Lê Đức Cường"}),  # a card prefix
        ("khong co ai", set()),
    ],
)
def test_search_is_accent_insensitive_by_name_card_or_words(federation, members, query, expected):
    MemberFactory(full_name="Nguyễn Văn Anh", unit=federation.company, card_number="XC0001")
    assert names(Member.objects.search(query)) == expected


def test_search_keeps_the_scope_it_is_given(federation, members):
    assert names(Member.objects.within(federation.gia_lam).search("nguyen van an")) == set()
    assert names(Member.objects.within(federation.long_bien).search("van an")) == {"Nguyễn Văn An"}


def test_member_list_caps_its_count_and_asks_to_narrow(federation, members, officer, login, monkeypatch):
    monkeypatch.setattr(member_views.CappedPaginator, "CAP", 2)
    page = login(officer).get("/doan-vien/").content.decode()
    assert "Hơn 1.000 đoàn viên — gõ thêm để thu hẹp" in page
    narrowed = login(officer).get("/doan-vien/?q=le+duc").content.decode()
    assert "1 đoàn viên" in narrowed


@pytest.mark.parametrize("scope", ["confederation", "city", "long_bien", "company"])
def test_words_out_of_order_are_found_at_every_scope_size(federation, members, scope):
    """Each scope size searches its own way (full text nationally, capped; full text checked
    unit by unit in a province; the scope's keys word by word in a district or a CĐCS) —
    and all of them find the same member."""
    found = Member.objects.within(getattr(federation, scope)).search("cuong le")
    assert names(found) == {"Lê Đức Cường"}
    assert names(Member.objects.within(getattr(federation, scope)).search("duc c")) == {"Lê Đức Cường"}


@pytest.mark.parametrize("scope", ["city", "long_bien", "company", "gia_lam"])
def test_no_search_path_leaks_another_units_members(federation, members, scope):
    scoped = Member.objects.within(getattr(federation, scope))
    in_scope = set(scoped.values_list("pk", flat=True))
    for query in ["GL0001", "LB0003", "pham thi dung", "dung pham", "le duc cuong", "cuong le", "lb000"]:
        assert set(scoped.search(query).values_list("pk", flat=True)) <= in_scope, query


def test_a_word_must_match_a_whole_word_except_the_last(federation, members):
    """ "an" inside "Anh" or "Thanh" is no match for a first word; the last word is a prefix."""
    MemberFactory(full_name="Lê Thanh Hà", unit=federation.company)
    district = Member.objects.within(federation.long_bien)
    assert names(district.search("an le")) == set()
    assert names(district.search("ha le")) == {"Lê Thanh Hà"}
    assert names(district.search("thanh l")) == {"Lê Thanh Hà"}


def test_a_nationwide_search_of_common_words_stops_after_the_cap(federation, members, monkeypatch):
    """Nationally and in a province the full-text index gives only the first SEARCH_CAP + 1
    matches inside the scope — what the capped list shows anyway ("more than 1,000 — type
    more") — while a district, scanned word by word, still finds all."""
    from thidua.org import search

    monkeypatch.setattr(search, "SEARCH_CAP", 2)
    for _ in range(5):
        MemberFactory(full_name="Lê Văn Hùng", unit=federation.company)
    assert Member.objects.search("hung le").count() == 3
    assert Member.objects.within(federation.city).search("hung le").count() == 3
    assert Member.objects.within(federation.gia_lam).search("hung le").count() == 0  # capped inside the scope
    assert Member.objects.within(federation.long_bien).search("hung le").count() == 5


@pytest.mark.parametrize("scope", [None, "confederation", "city"])
def test_a_long_last_word_still_matches_as_the_start_of_a_word(federation, members, scope):
    """The whole word is tried first (fast); a word still being typed ("phuo") is a prefix."""
    MemberFactory(full_name="Nguyễn Văn Phương", unit=federation.company)
    queryset = Member.objects.all() if scope is None else Member.objects.within(getattr(federation, scope))
    assert names(queryset.search("van phuo")) == {"Nguyễn Văn Phương"}
    assert names(queryset.search("van phuong")) == {"Nguyễn Văn Phương"}
    assert names(queryset.search("van phuongx")) == set()


@pytest.mark.parametrize(("unit", "expected"), [("city", {"LB0001", "GL0009"}), ("long_bien", {"LB0001"})])
def test_given_name_first_is_found_within_the_officer_s_reach_only(federation, members, unit, expected):
    """ "An Nguyễn Văn" (the given name first) and "an nguyen" find Nguyễn Văn An through the
    officer's own scope in the same query: the province officer sees both namesakes, the
    district officer only the one in their district."""
    from thidua.org.models import RoleKind
    from thidua.org.tests.factories import make_user

    MemberFactory(full_name="Nguyễn Văn An", unit=federation.gia_lam_cdcs, card_number="GL0009")
    officer = make_user("tdkt", RoleKind.EMULATION_OFFICER, getattr(federation, unit))
    for query in ("An Nguyễn Văn", "an nguyen", "VAN AN NGUYEN"):
        found = Member.objects.visible_to(officer).search(query)
        assert set(found.values_list("card_number", flat=True)) == expected, query
