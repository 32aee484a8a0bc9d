import datetime

import pytest
from django.db import transaction
from django.urls import reverse

from thidua.documents.models import DocType
from thidua.documents.services import take_number
from thidua.org.models import RoleKind
from thidua.org.tests.factories import SYSTEM, make_user

URL = reverse("documents:register")


def _issue(unit, title, doc_type=DocType.PLAN, day=datetime.date(2023, 8, 21)):
    with transaction.atomic():
        return take_number(SYSTEM, unit, doc_type, issued_on=day, title=title)


def _titles(response) -> list[str]:
    return [entry.title for entry in response.context["page"]]


def test_register_lists_the_subtree_of_the_acting_unit(federation, officer, login):
    _issue(federation.long_bien, "Kế hoạch của Long Biên")
    _issue(federation.school, "Tờ trình của Trường Gia Thụy", DocType.SUBMISSION)
    _issue(federation.gia_lam, "Kế hoạch của Gia Lâm")
    _issue(federation.city, "Kế hoạch của Thành phố")

    response = login(officer).get(URL)

    assert response.status_code == 200
    assert sorted(_titles(response)) == ["Kế hoạch của Long Biên", "Tờ trình của Trường Gia Thụy"]
    assert "32/KH-LĐLĐ" not in response.content.decode()
    assert "01/KH-LĐLĐ" in response.content.decode()


def test_register_gia_lam_officer_does_not_see_long_bien(federation, login):
    _issue(federation.long_bien, "Kế hoạch của Long Biên")
    _issue(federation.gia_lam, "Kế hoạch của Gia Lâm")
    gia_lam_officer = make_user("gl_thiduakt", RoleKind.EMULATION_OFFICER, federation.gia_lam)

    response = login(gia_lam_officer).get(URL)

    assert _titles(response) == ["Kế hoạch của Gia Lâm"]
    assert "Long Biên" not in response.content.decode().split("<main", 1)[-1]


def test_register_grassroots_chair_sees_only_own_unit(federation, login):
    _issue(federation.long_bien, "Kế hoạch của Long Biên")
    _issue(federation.school, "Tờ trình của Trường Gia Thụy", DocType.SUBMISSION)
    _issue(federation.company, "Tờ trình của Công ty May", DocType.SUBMISSION)
    chair = make_user("ct_gia_thuy", RoleKind.GRASSROOTS_CHAIR, federation.school)

    assert _titles(login(chair).get(URL)) == ["Tờ trình của Trường Gia Thụy"]


def test_register_filters_by_year_and_type(federation, officer, login):
    _issue(federation.long_bien, "Kế hoạch 2023")
    _issue(federation.long_bien, "Quyết định 2023", DocType.DECISION)
    _issue(federation.long_bien, "Kế hoạch 2024", day=datetime.date(2024, 3, 1))
    client = login(officer)

    assert sorted(_titles(client.get(URL, {"year": 2023}))) == ["Kế hoạch 2023", "Quyết định 2023"]
    assert _titles(client.get(URL, {"year": 2023, "doc_type": "QĐ"})) == ["Quyết định 2023"]
    assert _titles(client.get(URL, {"doc_type": "KH", "year": 2024})) == ["Kế hoạch 2024"]


def test_register_htmx_answers_the_results_fragment(federation, officer, login):
    _issue(federation.long_bien, "Kế hoạch của Long Biên")
    response = login(officer).get(URL, HTTP_HX_REQUEST="true")
    body = response.content.decode()
    assert body.lstrip().startswith('<div id="results">')
    assert "Kế hoạch của Long Biên" in body


def test_register_member_role_gets_404(federation, login):
    member = make_user("doan_vien", RoleKind.MEMBER, federation.school)
    assert login(member).get(URL).status_code == 404


@pytest.mark.parametrize("entries", [1, 4])
def test_register_query_count_does_not_grow_with_entries(
    federation, officer, login, django_assert_num_queries, entries
):
    for n in range(entries):
        _issue(federation.long_bien if n % 2 else federation.school, f"Văn bản {n}", DocType.REPORT)
    client = login(officer)
    # session, user, acting role (+ its unit), count, rows with unit and issuer — whatever the length.
    with django_assert_num_queries(QUERIES):
        response = client.get(URL)
    assert len(_titles(response)) == entries


QUERIES = 5
