"""The one access path (issue 19 item 3): `get_for_user` reads through a scoped queryset the
view narrowed itself (filter, prefetch), so a page fetches its object once and never again
unscoped — and an object outside the narrowing is a 404 like a guessed id."""

import pytest
from django.db.models import Prefetch
from django.http import Http404, HttpResponse
from django.test import RequestFactory

from thidua.core.access import get_for_user
from thidua.org.models import Member, Unit, UnitStatus


def unit_page(request, pk: int):
    """A view as the apps write them: the user's scope, narrowed to active units, with the
    active children prefetched, fetched once."""
    units = (
        Unit.objects.visible_to(request.user)
        .filter(status=UnitStatus.ACTIVE)
        .prefetch_related(Prefetch("children", Unit.objects.filter(status=UnitStatus.ACTIVE), to_attr="open_children"))
    )
    unit = get_for_user(request.user, units, pk, related=("kind",))
    return HttpResponse(", ".join(sorted(child.code for child in unit.open_children)))


def _get(user, pk):
    request = RequestFactory().get("/")
    request.user = user
    return unit_page(request, pk)


@pytest.mark.django_db
def test_queryset_argument_answers_the_object_with_its_prefetch(federation, officer, django_assert_num_queries):
    with django_assert_num_queries(2):  # the unit with its kind, then its active children
        response = _get(officer, federation.long_bien.pk)
    assert response.content.decode() == "LB-001, LB-002"


@pytest.mark.django_db
def test_queryset_argument_404s_outside_the_narrowing(federation, officer):
    Unit.objects.filter(pk=federation.company.pk).update(status=UnitStatus.DISSOLVED)
    with pytest.raises(Http404):  # in the officer's subtree, but not in the page's queryset
        _get(officer, federation.company.pk)
    with pytest.raises(Http404):  # a sibling district: outside the scope the queryset began with
        _get(officer, federation.gia_lam.pk)
    with pytest.raises(Http404):  # a guessed id that is not even a number
        _get(officer, "x")


@pytest.mark.django_db
def test_reading_names_the_managers_scoped_reading(federation, officer, members):
    assert get_for_user(officer, Member, members["an"].pk, reading="visible_to") == members["an"]
    with pytest.raises(Http404):
        get_for_user(officer, Member, members["dung"].pk, reading="visible_to")


@pytest.mark.django_db
def test_form_copy_takes_the_posted_values_without_a_second_read(federation, officer, django_assert_num_queries):
    """A ModelForm writes into the copy; the service still sees the stored values to compare."""
    from thidua.core.forms import form_copy

    unit = get_for_user(officer, Unit, federation.school.pk)
    with django_assert_num_queries(0):
        copy = form_copy(unit)
    copy.name, copy.parent = "Tên mới", federation.gia_lam
    assert (unit.name, unit.parent) == ("CĐCS Trường THCS Gia Thụy", federation.long_bien)
    assert copy.pk == unit.pk
