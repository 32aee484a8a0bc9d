"""Scope of the nomination flow: what is outside the acting unit's subtree (or not handled by
it) does not exist for it — guessed ids answer 404, lists leave it out, files stay closed."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from thidua.awards import services
from thidua.awards.models import Nomination
from thidua.awards.tests.conftest import BANG_KHEN, DECIDED_ON, GIAY_KHEN, recommended, submitted
from thidua.org.models import RoleKind
from thidua.org.tests.factories import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def gia_lam_officer(federation):
    return make_user("gl_tdkt", RoleKind.EMULATION_OFFICER, federation.gia_lam)


def test_another_district_finds_nothing(login, award_people, award_campaign, catalogue, members, gia_lam_officer):
    nomination = submitted(award_people, award_campaign, catalogue[GIAY_KHEN], member=members["an"])
    attachment = nomination.dossier_files.first().attachment
    client = login(gia_lam_officer)
    assert client.get(reverse("awards:nomination", args=[nomination.pk])).status_code == 404
    assert client.get(reverse("core:attachment", args=[attachment.pk])).status_code == 404
    assert client.get(reverse("awards:setup", args=[award_campaign.pk])).status_code == 404
    assert "Nguyễn Văn An" not in client.get(reverse("awards:queue")).content.decode()
    action = reverse("awards:nomination_action", args=[nomination.pk, "accept_nomination"])
    assert client.post(action).status_code == 404
    assert Nomination.objects.get().status == "submitted"


def test_the_proposing_cdcs_reads_its_dossier_and_a_sibling_does_not(
    login, award_people, award_campaign, catalogue, members
):
    nomination = submitted(award_people, award_campaign, catalogue[GIAY_KHEN], member=members["an"])
    attachment = nomination.dossier_files.first().attachment
    response = login(award_people["school_chair"]).get(reverse("core:attachment", args=[attachment.pk]))
    # Reading the streamed body closes the response (the test client's wrapper); closing it a
    # second time would fire request_finished outside that wrapper, which closes the test's
    # database connection on PostgreSQL.
    assert response.status_code == 200 and b"".join(response.streaming_content).startswith(b"%PDF")
    assert login(award_people["company_chair"]).get(reverse("core:attachment", args=[attachment.pk])).status_code == 404


def test_the_cdcs_cannot_review_its_own_nomination(login, award_people, award_campaign, catalogue, members):
    nomination = submitted(award_people, award_campaign, catalogue[GIAY_KHEN], member=members["an"])
    client = login(award_people["school_chair"])
    assert (
        client.post(reverse("awards:nomination_action", args=[nomination.pk, "accept_nomination"])).status_code == 404
    )
    assert client.get(reverse("awards:queue")).status_code == 404
    assert Nomination.objects.get().status == "submitted"


def test_a_district_cannot_decide_a_forwarded_city_award(
    login, award_people, award_campaign, catalogue, members, lb_council, federation
):
    nomination = recommended(award_people, award_campaign, catalogue[BANG_KHEN], lb_council, member=members["an"])
    services.forward(award_people["lb_officer"], nomination)
    # Long Biên no longer handles it: its actions are gone, its decision refuses it.
    officer = login(award_people["lb_officer"])
    assert officer.post(reverse("awards:nomination_action", args=[nomination.pk, "accept_nomination"])).status_code in (
        400,
        404,
    )
    assert Nomination.objects.get().status == "forwarded"
    with pytest.raises(ValidationError):
        services.issue_decision(
            award_people["lb_chair"],
            unit=federation.long_bien,
            campaign=award_campaign,
            nominations=[nomination],
            issued_on=DECIDED_ON,
        )
    # The city's office reviews it; Long Biên's standing committee cannot act for the city.
    with pytest.raises(PermissionDenied):
        services.accept(award_people["lb_chair"], Nomination.objects.get())
    services.accept(award_people["hn_officer"], Nomination.objects.get())
    assert Nomination.objects.get().status == "accepted"


def test_a_decision_is_read_within_the_issuers_scope(
    login, award_people, award_campaign, catalogue, members, lb_council, gia_lam_officer
):
    nomination = recommended(award_people, award_campaign, catalogue[GIAY_KHEN], lb_council, member=members["an"])
    decision = services.issue_decision(
        award_people["lb_chair"],
        unit=award_campaign.issuer,
        campaign=award_campaign,
        nominations=[nomination],
        issued_on=DECIDED_ON,
    )
    url = reverse("awards:decision", args=[decision.pk])
    assert login(award_people["hn_officer"]).get(url).status_code == 200  # the level above
    assert login(gia_lam_officer).get(url).status_code == 404
    assert "01/QĐ" not in login(gia_lam_officer).get(reverse("awards:decisions")).content.decode()


def test_a_council_member_reads_the_nomination_on_the_agenda(
    login, award_people, award_campaign, catalogue, members, lb_council
):
    from django.contrib.auth import get_user_model

    from thidua.councils import services as councils

    nomination = submitted(award_people, award_campaign, catalogue[GIAY_KHEN], member=members["an"])
    services.accept(award_people["lb_officer"], nomination)
    services.send_to_council(award_people["lb_officer"], nomination)
    seat = lb_council.members.select_related("member").first()
    user = get_user_model().objects.get(pk=seat.member.user_id)  # a member of the company's CĐCS
    url = reverse("awards:nomination", args=[nomination.pk])
    assert login(user).get(url).status_code == 404
    session = councils.open_session(award_people["lb_officer"], lb_council, held_on=DECIDED_ON)
    councils.add_to_agenda(award_people["lb_officer"], session, nomination)
    assert login(user).get(url).status_code == 200
    page = login(user).get(reverse("councils:session", args=[session.pk])).content.decode()
    assert "Hồ sơ đề nghị Giấy khen" in page and "Hoàn thành xuất sắc nhiệm vụ năm 2026" in page
