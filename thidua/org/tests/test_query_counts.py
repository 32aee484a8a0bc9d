"""List pages and htmx fragments run a fixed number of SQL statements, whatever their length
(STYLE.md, "Query discipline is tested"): each page is measured with 1 and with 30 rows and
must run exactly the same number of queries."""

import pytest
from django.urls import reverse

from thidua.org import services
from thidua.org.models import RatingLevel, RatingSubject
from thidua.org.tests.factories import SYSTEM, MemberFactory, make_unit

SIZES = [1, 30]


@pytest.fixture
def rated_year(federation):
    return RatingLevel.objects.create(
        year=2024, subject=RatingSubject.MEMBER, code="htxs", name="Hoàn thành xuất sắc nhiệm vụ", rank=1
    )


def add_members(unit, n, level=None):
    for i in range(n):
        member = MemberFactory(unit=unit, position=f"Công nhân {i}", is_direct_worker=i % 2 == 0)
        if level is not None:
            services.rate_member(SYSTEM, member, level.year, level)


def add_children(parent, n):
    for i in range(n):
        child = make_unit(parent, "grassroots", f"CĐCS Công ty số {i:02d}", sector="enterprise")
        add_members(child, 1)
        services.update_unit(SYSTEM, child, phone=f"0900{i:04d}")  # one audit entry per child


@pytest.mark.parametrize("n", SIZES)
def test_member_list_query_count_is_constant(officer, federation, login, rated_year, django_assert_num_queries, n):
    add_members(federation.company, n, rated_year)
    client = login(officer)
    with django_assert_num_queries(8):
        response = client.get(reverse("org:member_list"), {"rating": rated_year.pk})
    assert response.context["page"].paginator.count == n


@pytest.mark.parametrize("n", SIZES)
def test_member_list_fragment_query_count_is_constant(officer, federation, login, django_assert_num_queries, n):
    add_members(federation.company, n)
    client = login(officer)
    # 5, and the EXISTS with which the search picks its index (name range, card or full text).
    with django_assert_num_queries(6):
        response = client.get(reverse("org:member_list"), {"q": "nguyen thi hoa"}, headers={"HX-Request": "true"})
    assert response.content.decode().count("/doan-vien/") - 1 == n  # n rows and the export link


@pytest.mark.parametrize("n", SIZES)
def test_tree_page_query_count_is_constant(officer, federation, login, django_assert_num_queries, n):
    add_children(federation.long_bien, n - 1)
    client = login(officer)
    with django_assert_num_queries(5):
        response = client.get(reverse("org:tree"))
    # One node, the district, with the totals of its n + 1 CĐCS summed in SQL.
    assert [t.grassroots for _unit, t in response.context["nodes"]] == [n + 1]


@pytest.mark.parametrize("n", SIZES)
def test_tree_children_fragment_query_count_is_constant(officer, federation, login, django_assert_num_queries, n):
    add_children(federation.long_bien, n - 1)
    client = login(officer)
    with django_assert_num_queries(6):
        response = client.get(reverse("org:tree_children", args=[federation.long_bien.pk]))
    assert response.content.decode().count('class="tree-node') == n + 1  # and the school, the company


@pytest.mark.parametrize("n", SIZES)
def test_unit_detail_query_count_is_constant(officer, federation, login, django_assert_num_queries, n):
    add_children(federation.long_bien, n - 1)
    for i in range(n):  # n entries in the unit's history
        services.update_unit(SYSTEM, federation.long_bien, phone=f"0243{i:04d}")
    client = login(officer)
    # 11 of the unit page (its object fetched once through core.access), 1 of the awards section.
    with django_assert_num_queries(12):
        response = client.get(reverse("org:unit_detail", args=[federation.long_bien.pk]))
    assert (len(response.context["children"]), len(response.context["history"])) == (n + 1, n + 1)
