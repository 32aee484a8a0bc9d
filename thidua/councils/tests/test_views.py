import datetime
import re

import pytest
from django.urls import reverse

from thidua.councils import services
from thidua.councils.models import Ballot, CouncilKind, Outcome
from thidua.councils.tests.conftest import scores
from thidua.org.models import RoleKind
from thidua.org.tests.factories import make_user

DAY = datetime.date(2024, 5, 10)


@pytest.fixture
def session(council, chair, decided):
    return services.open_session(chair, council, held_on=DAY, place="Phòng họp tầng 2")


@pytest.fixture
def item(session, chair, members):
    return services.add_to_agenda(chair, session, members["an"])


def _ballot_data(council, agree="1", values=(30, 20, 20)):
    data = {"agree": agree}
    data.update({f"score_{c.pk}": v for c, v in zip(council.criteria.all(), values, strict=True)})
    return data


def test_a_member_votes_on_the_session_page_and_sees_their_ballot(login, council, session, item):
    client = login(council.people[2][1])
    page = client.get(reverse("councils:session", args=[session.pk]))
    assert page.status_code == 200
    assert "Phiếu của bạn" in page.content.decode()
    response = client.post(reverse("councils:cast", args=[item.pk]), _ballot_data(council))
    assert response.status_code == 302
    page = client.get(reverse("councils:session", args=[session.pk])).content.decode()
    assert "Bạn đã biểu quyết nội dung này." in page


def test_a_score_above_the_maximum_is_shown_next_to_the_field_and_nothing_is_saved(login, council, session, item):
    client = login(council.people[2][1])
    response = client.post(reverse("councils:cast", args=[item.pk]), _ballot_data(council, values=(99, 20, 20)))
    assert response.status_code == 400
    first = council.criteria.first()
    assert f'data-field-error="score_{first.pk}"' in response.content.decode()
    assert not Ballot.objects.exists()


def test_closing_shows_the_result_and_a_late_vote_is_refused(login, council, chair, session, item):
    for n in (0, 1, 2):
        services.cast_ballot(council.people[n][1], item, agree=True, scores=scores(council))
    client = login(chair)
    assert client.post(reverse("councils:close", args=[session.pk])).status_code == 302
    item.refresh_from_db()
    assert item.outcome == Outcome.PASSED
    late = login(council.people[3][1]).post(reverse("councils:cast", args=[item.pk]), _ballot_data(council))
    assert late.status_code == 400
    assert "Phiên họp đã kết thúc" in late.content.decode()
    assert Ballot.objects.filter(item=item).count() == 3


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_minutes_download(login, chair, session, fmt):
    response = login(chair).get(reverse("councils:minutes", args=[session.pk, fmt]))
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith(f'.{fmt}"')


def test_a_sibling_cdcs_or_a_stranger_finds_nothing(login, federation, council, session, item):
    sibling = make_user("cty", RoleKind.GRASSROOTS_CHAIR, federation.company)
    client = login(sibling)
    for url in [
        reverse("councils:detail", args=[council.pk]),
        reverse("councils:session", args=[session.pk]),
        reverse("councils:minutes", args=[session.pk, "pdf"]),
    ]:
        assert client.get(url).status_code == 404
    assert client.post(reverse("councils:close", args=[session.pk])).status_code == 404
    assert client.post(reverse("councils:cast", args=[item.pk]), _ballot_data(council)).status_code == 404
    assert client.post(reverse("councils:cast", args=[999999]), _ballot_data(council)).status_code == 404


def test_the_district_reads_the_session_but_cannot_close_it(login, federation, council, session):
    officer = make_user("lb", RoleKind.EMULATION_OFFICER, federation.long_bien)
    client = login(officer)
    assert client.get(reverse("councils:session", args=[session.pk])).status_code == 200
    assert client.post(reverse("councils:close", args=[session.pk])).status_code == 404


@pytest.mark.parametrize("extra", [0, 3])
def test_council_list_runs_a_fixed_number_of_queries(
    login, federation, chair, council, django_assert_num_queries, extra
):
    from thidua.org.tests.factories import make_unit

    officer = make_user("lb", RoleKind.EMULATION_OFFICER, federation.long_bien)
    for n in range(extra):
        unit = make_unit(federation.long_bien, "grassroots")
        services.create_council(None, unit=unit, kind=CouncilKind.INITIATIVE, name=f"Hội đồng {n}")
    client = login(officer)
    client.get(reverse("councils:list"))  # warm the session and role caches
    with django_assert_num_queries(4):  # session, user, role, councils
        response = client.get(reverse("councils:list"))
    assert len(re.findall(r'href="/hoi-dong/\d+/"', response.content.decode())) == 1 + extra
