"""The "Theo dõi (cấp trên)" role reads the award queues of its subtree and acts on none
(issue 14: hn_theodoi got 404 on the review queue). A viewer of a sibling district reads
nothing of Long Biên's; a guessed id is 404."""

import pytest
from django.urls import reverse

from thidua.awards.models import Nomination, NominationStatus
from thidua.awards.tests.conftest import GIAY_KHEN, account, submitted
from thidua.org.models import RoleKind

S = NominationStatus
pytestmark = pytest.mark.django_db


@pytest.fixture
def viewers(federation):
    return {
        "city": account("hn_theo_doi", RoleKind.VIEWER, federation.city),
        "gia_lam": account("gl_theo_doi", RoleKind.VIEWER, federation.gia_lam),
    }


def test_a_viewer_above_reads_the_queue_of_its_subtree_without_actions(
    login, viewers, award_people, award_campaign, catalogue, members
):
    nomination = submitted(award_people, award_campaign, catalogue[GIAY_KHEN], member=members["an"])
    client = login(viewers["city"])
    page = client.get(reverse("awards:queue"))
    assert page.status_code == 200
    text = page.content.decode()
    assert "Nguyễn Văn An" in text and "Cấp xét: LĐLĐ quận Long Biên" in text
    assert 'data-testid="read-only"' in text
    assert "Lập quyết định" not in text and reverse("awards:decisions") not in text
    # The menu offers it.
    assert reverse("awards:queue") in client.get("/").content.decode()
    # The nomination reads, with no action on it; an action posted is 404 and changes nothing.
    detail = client.get(reverse("awards:nomination", args=[nomination.pk])).content.decode()
    assert "Nguyễn Văn An" in detail and "accept_nomination" not in detail and "return_nomination" not in detail
    url = reverse("awards:nomination_action", args=[nomination.pk, "accept_nomination"])
    assert client.post(url).status_code == 404
    assert Nomination.objects.get(pk=nomination.pk).status == S.SUBMITTED
    assert client.get(reverse("awards:decision_create")).status_code == 404


def test_a_viewer_of_a_sibling_district_reads_none_of_it(
    login, viewers, award_people, award_campaign, catalogue, members, federation
):
    nomination = submitted(award_people, award_campaign, catalogue[GIAY_KHEN], member=members["an"])
    client = login(viewers["gia_lam"])
    page = client.get(reverse("awards:queue"))
    assert page.status_code == 200 and "Nguyễn Văn An" not in page.content.decode()
    # Long Biên's queue asked for by id, or the nomination by a guessed id: 404.
    assert client.get(reverse("awards:queue") + f"?don-vi={federation.long_bien.pk}").status_code == 404
    assert client.get(reverse("awards:nomination", args=[nomination.pk])).status_code == 404


def test_the_viewers_queue_runs_a_fixed_number_of_queries(
    login, viewers, award_people, award_campaign, catalogue, federation
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from thidua.awards.tests.test_views import _queue_rows

    client = login(viewers["city"])
    _queue_rows(2, award_people, award_campaign, catalogue, federation)
    with CaptureQueriesContext(connection) as small:
        assert client.get(reverse("awards:queue")).content.decode().count("Đoàn viên xét") == 2
    _queue_rows(9, award_people, award_campaign, catalogue, federation)
    with CaptureQueriesContext(connection) as large:
        assert client.get(reverse("awards:queue")).content.decode().count("Đoàn viên xét") == 11
    assert len(large) == len(small)
