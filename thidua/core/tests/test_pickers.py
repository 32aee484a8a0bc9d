"""Searchable pickers (core.pickers): a few letters typed without diacritics find members or
CĐCS within the acting role's scope, at most PICK_LIMIT of them; a sibling district's are never
found, and an id of theirs posted by hand is refused by the form that uses the picker."""

import pytest
from django.urls import reverse

from thidua.core.pickers import PICK_LIMIT
from thidua.initiatives.models import SupportTeam
from thidua.org.models import RoleKind
from thidua.org.tests.factories import MemberFactory, make_user


def _search(client, source, query, **extra):
    return client.get(reverse("core:picker", args=[source]), {"f__tim": query, **extra}).content.decode()


@pytest.mark.django_db
def test_members_found_without_diacritics_within_the_officers_district_only(login, officer, members):
    client = login(officer)
    found = _search(client, "doan-vien", "nguyen van")
    assert "Nguyễn Văn An — CĐCS Trường THCS Gia Thụy" in found
    assert f'name="f" value="{members["an"].pk}"' in found
    # Gia Lâm's member, searched by her name and by her card number: nothing.
    assert "Phạm Thị Dung" not in _search(client, "doan-vien", "pham thi dung")
    assert "Phạm Thị Dung" not in _search(client, "doan-vien", "GL0001")
    assert 'data-testid="picker-empty"' in _search(client, "doan-vien", "pham thi dung")


@pytest.mark.django_db
def test_members_already_chosen_are_not_offered_again(login, officer, members):
    client = login(officer)
    found = _search(client, "doan-vien", "nguyen", f=[members["an"].pk])
    assert "Nguyễn Văn An" not in found


@pytest.mark.django_db
def test_at_most_the_limit_of_matches(login, officer, federation):
    for i in range(PICK_LIMIT + 5):
        MemberFactory(full_name=f"Hoàng Văn Thành {i}", unit=federation.school)
    found = _search(login(officer), "doan-vien", "hoang")
    assert found.count("data-picker-option") == PICK_LIMIT
    assert "gõ thêm để thu hẹp" in found


@pytest.mark.django_db
def test_cdcs_found_by_name_or_code_within_the_district_only(login, officer, federation):
    client = login(officer)
    assert "CĐCS Trường THCS Gia Thụy" in _search(client, "cdcs", "truong gia thuy")
    assert "CĐCS Công ty May Đức Giang" in _search(client, "cdcs", "lb-002")
    assert "Đa Tốn" not in _search(client, "cdcs", "da ton")
    assert "LĐLĐ quận Long Biên" not in _search(client, "cdcs", "long bien")  # CĐCS only


@pytest.mark.django_db
def test_support_team_form_searches_and_refuses_a_sibling_districts_member(login, officer, members):
    client = login(officer)
    url = reverse("initiatives:teams")
    page = client.get(url).content.decode()
    assert 'name="members__tim"' in page
    assert "Lê Đức Cường" not in page  # a district's members are searched, not listed
    # Sent without JavaScript, the search box's text comes back as matches to tick.
    again = client.post(url, {"name": "Tổ hỗ trợ", "members__tim": "le duc"}).content.decode()
    assert f'value="{members["cuong"].pk}"' in again
    response = client.post(url, {"name": "Tổ hỗ trợ", "members": [members["cuong"].pk, members["dung"].pk]})
    assert response.status_code == 400
    assert not SupportTeam.objects.exists()
    response = client.post(url, {"name": "Tổ hỗ trợ", "members": [members["cuong"].pk, members["an"].pk]})
    assert response.status_code == 302
    assert set(SupportTeam.objects.get().members.values_list("full_name", flat=True)) == {
        "Lê Đức Cường",
        "Nguyễn Văn An",
    }


@pytest.mark.django_db
def test_a_member_without_a_reading_role_finds_only_themself(login, federation, members):
    chair_of_nothing = make_user("doanvien_x", RoleKind.MEMBER, federation.school)
    found = _search(login(chair_of_nothing), "doan-vien", "nguyen")
    assert "Nguyễn Văn An" not in found
