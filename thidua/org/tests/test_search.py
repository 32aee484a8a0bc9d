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
