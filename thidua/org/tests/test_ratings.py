import pytest

from thidua.core.models import AuditEntry
from thidua.org.models import MemberRating, RatingLevel, RatingSubject, RoleKind, UnitRating
from thidua.org.tests.factories import MemberFactory, make_user


@pytest.fixture
def scales(db):
    def scale(year, subject, names):
        return [
            RatingLevel.objects.create(year=year, subject=subject, code=f"l{rank}", name=name, rank=rank)
            for rank, name in enumerate(names, start=1)
        ]

    return {
        "member": scale(2023, RatingSubject.MEMBER, ["Xuất sắc", "Khá", "Trung bình", "Yếu"]),
        "unit": scale(2023, RatingSubject.UNIT, ["Vững mạnh", "Khá", "Trung bình", "Yếu"]),
        "member_2022": scale(2022, RatingSubject.MEMBER, ["Xuất sắc", "Khá"]),
    }


def test_cdcs_chair_rates_members_of_the_cdcs_and_its_groups(federation, members, scales, login):
    chair = make_user("chutich", RoleKind.GRASSROOTS_CHAIR, federation.school)
    client = login(chair)
    an, binh = members["an"], members["binh"]
    page = client.get(f"/don-vi/{federation.school.pk}/xep-loai/?nam=2023")
    assert page.status_code == 200
    assert "Nguyễn Văn An" in page.content.decode() and "Trần Thị Bình" in page.content.decode()

    kha = scales["member"][1]
    response = client.post(
        f"/don-vi/{federation.school.pk}/xep-loai/", {"nam": 2023, f"r{an.pk}": kha.pk, f"r{binh.pk}": ""}
    )
    assert response.status_code == 302
    assert dict(MemberRating.objects.values_list("member__full_name", "level__name")) == {"Nguyễn Văn An": "Khá"}
    entry = AuditEntry.objects.get(verb="rate_members")
    assert entry.changes == {"Nguyễn Văn An": ["", "Khá"]}


def test_rating_with_a_level_of_another_year_is_refused_and_nothing_saved(federation, members, scales, login):
    chair = make_user("chutich", RoleKind.GRASSROOTS_CHAIR, federation.school)
    client = login(chair)
    wrong = scales["member_2022"][0]
    response = client.post(f"/don-vi/{federation.school.pk}/xep-loai/", {"nam": 2023, f"r{members['an'].pk}": wrong.pk})
    assert response.status_code == 200
    assert "Mức xếp loại không thuộc thang xếp loại năm 2023" in response.content.decode()
    assert not MemberRating.objects.exists()


def test_cdcs_chair_cannot_rate_a_sibling_cdcs(federation, members, scales, login):
    chair = make_user("chutich", RoleKind.GRASSROOTS_CHAIR, federation.school)
    client = login(chair)
    assert client.get(f"/don-vi/{federation.company.pk}/xep-loai/?nam=2023").status_code == 404
    posted = client.post(
        f"/don-vi/{federation.company.pk}/xep-loai/", {"nam": 2023, f"r{members['cuong'].pk}": scales["member"][0].pk}
    )
    assert posted.status_code == 404
    assert not MemberRating.objects.exists()


def test_district_officer_rates_its_cdcs_but_not_another_districts(federation, scales, login, officer):
    client = login(officer)
    strong = scales["unit"][0]
    page = client.get(f"/don-vi/{federation.long_bien.pk}/xep-loai/?nam=2023").content.decode()
    assert "CĐCS Công ty May Đức Giang" in page and "CĐCS UBND xã Đa Tốn" not in page
    client.post(f"/don-vi/{federation.long_bien.pk}/xep-loai/", {"nam": 2023, f"r{federation.company.pk}": strong.pk})
    assert list(UnitRating.objects.values_list("unit__code", "level__name")) == [("LB-002", "Vững mạnh")]
    assert client.get(f"/don-vi/{federation.gia_lam.pk}/xep-loai/?nam=2023").status_code == 404


def test_rating_sheet_query_count_is_constant(federation, scales, login, django_assert_num_queries):
    chair = make_user("chutich", RoleKind.GRASSROOTS_CHAIR, federation.school)
    client = login(chair)
    MemberFactory(unit=federation.school)
    url = f"/don-vi/{federation.school.pk}/xep-loai/?nam=2023"
    client.get(url)
    with django_assert_num_queries(8):
        client.get(url)
    for _i in range(20):
        MemberFactory(unit=federation.group)
    with django_assert_num_queries(8):
        client.get(url)
