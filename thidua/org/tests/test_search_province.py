"""Province-wide search with words out of name order (issue 18, item 5): the member's province
is a term of the full-text index (`Member.province_path`), so a province's search intersects it —
and never finds a member of a sibling province, also after units, members or whole districts move."""

import pytest

from thidua.org import imports, services
from thidua.org.models import Member, RoleKind, Sector
from thidua.org.search import province_path
from thidua.org.tests.factories import SYSTEM, MemberFactory, make_unit, make_user


@pytest.fixture
def lai_chau(federation):
    """A sibling province under the same root, with a CĐCS holding a namesake of Hà Nội's member."""
    province = make_unit(federation.confederation, "province", "LĐLĐ tỉnh Lai Châu", code="LC")
    district = make_unit(province, "district", "LĐLĐ huyện Tam Đường", code="LC-TD")
    cdcs = make_unit(district, "grassroots", "CĐCS Trường THCS Bình Lư", code="TD-001", sector=Sector.SCHOOL)
    namesake = MemberFactory(full_name="Lê Đức Cường", unit=cdcs, card_number="LC0001", gender="male")
    return province, district, cdcs, namesake


def found(scope, query: str) -> set[int]:
    return set(Member.objects.within(scope).search(query).values_list("pk", flat=True))


def officer_of(unit, username: str):
    user = make_user(username, RoleKind.EMULATION_OFFICER, unit)
    user.acting_role = user.roles.get()
    return user


@pytest.mark.parametrize("query", ["cuong le", "duc le cuong", "cuong duc l", "cuong le d"])
def test_a_province_officer_finds_words_out_of_order_in_the_province_and_not_the_sibling(
    federation, members, lai_chau, query
):
    province, _district, _cdcs, namesake = lai_chau
    hanoi = officer_of(federation.city, "hn_officer")
    laichau = officer_of(province, "lc_officer")
    assert set(Member.objects.visible_to(hanoi).search(query).values_list("pk", flat=True)) == {members["cuong"].pk}
    assert set(Member.objects.visible_to(laichau).search(query).values_list("pk", flat=True)) == {namesake.pk}
    assert found(federation.confederation, query) == {members["cuong"].pk, namesake.pk}


def test_every_way_a_member_is_written_keeps_its_province(federation, members, lai_chau):
    province, _district, cdcs, namesake = lai_chau
    assert members["cuong"].province_path == province_path(federation.city.path) != namesake.province_path
    created = services.create_member(SYSTEM, full_name="Đỗ Thị Hoa", gender="female", unit=cdcs)
    assert Member.objects.get(pk=created.pk).province_path == province_path(province.path)
    services.update_member(SYSTEM, created, unit=federation.school)
    assert found(federation.city, "hoa do") == {created.pk}
    assert found(province, "hoa do") == set()


def test_a_district_moved_to_another_province_takes_its_members_along(federation, members, lai_chau):
    province, _district, _cdcs, _namesake = lai_chau
    dung = members["dung"]  # Phạm Thị Dung, CĐCS of Gia Lâm (Hà Nội)
    assert found(federation.city, "dung pham") == {dung.pk}
    services.move_unit(SYSTEM, federation.gia_lam, province, reason="sắp xếp")
    assert found(federation.city, "dung pham") == set()
    assert found(province, "dung pham") == {dung.pk}
    assert Member.objects.get(pk=dung.pk).province_path == province_path(province.path)


def test_a_cdcs_merged_into_one_of_another_province_hands_over_its_members(federation, members, lai_chau):
    province, _district, cdcs, _namesake = lai_chau
    services.merge_units(SYSTEM, federation.gia_lam_cdcs, cdcs, reason="sáp nhập")
    assert found(province, "dung pham") == {members["dung"].pk}
    assert found(federation.city, "dung pham") == set()


def test_imported_members_are_found_out_of_order_in_their_province_only(federation, officer, lai_chau):
    rows = [
        [c.header for c in imports.member_columns()],
        ["Hoàng Minh Tuấn", "Nam", 1990, "LB-001", "", "", "", "", "HN7001"],
    ]
    result = imports.import_members(officer, _xlsx(rows), "doan-vien.xlsx")
    assert (result.errors, result.created) == ([], 1)
    tuan = Member.objects.get(card_number="HN7001")
    assert found(federation.city, "tuan hoang") == {tuan.pk}
    assert found(lai_chau[0], "tuan hoang") == set()


def test_a_province_s_path_typed_as_a_word_finds_nobody(federation, members, lai_chau):
    """The province is matched only as the province: a word of the query never matches it."""
    token = province_path(federation.city.path).lower()
    assert found(federation.confederation, f"le {token}") == set()
    assert found(federation.city, f"le {token}") == set()


def _xlsx(rows) -> bytes:
    import io

    import xlsxwriter

    buffer = io.BytesIO()
    workbook = xlsxwriter.Workbook(buffer, {"in_memory": True})
    sheet = workbook.add_worksheet()
    for r, row in enumerate(rows):
        sheet.write_row(r, 0, row)
    workbook.close()
    return buffer.getvalue()
