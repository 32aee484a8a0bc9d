"""Who reads a nomination: a plain member (RoleKind.MEMBER) sees their own nominations and those
of the collectives they belong to — never another person's, nor that person's dossier files
(achievement reports, minutes); the CĐCS's officers keep their reach."""

import pytest
from django.urls import reverse

from thidua.awards import queries, services
from thidua.awards.models import Nomination
from thidua.awards.tests.conftest import CDCS_VUNG_MANH, GIAY_KHEN, LDTT, account, as_role, nominate, pdf
from thidua.org.models import RoleKind

pytestmark = pytest.mark.django_db


@pytest.fixture
def dossiers(award_people, award_campaign, catalogue, members, federation, requirements):
    """An's and Bình's nominations, the school's and the group's, each with a report file."""
    chair = award_people["school_chair"]
    made = {
        "an": nominate(award_people, award_campaign, catalogue[LDTT], member=members["an"]),
        "binh": nominate(
            award_people, award_campaign, catalogue[GIAY_KHEN], member=members["binh"], proposer=federation.school
        ),
        "school": nominate(award_people, award_campaign, catalogue[CDCS_VUNG_MANH], unit=federation.school),
        "group": nominate(
            award_people, award_campaign, catalogue[GIAY_KHEN], unit=federation.group, proposer=federation.school
        ),
    }
    files = {}
    for key, nomination in made.items():
        requirement = queries.missing_requirements(nomination)[0]
        files[key] = services.add_dossier_file(chair, nomination, requirement=requirement, upload=pdf(f"{key}.pdf"))
    return made, files


def page(client, nomination):
    return client.get(reverse("awards:nomination", args=[nomination.pk])).status_code


def file(client, row):
    response = client.get(reverse("core:attachment", args=[row.attachment_id]))
    if response.streaming:
        # Reading the body closes the FileResponse through the test client's guard; calling
        # close() ourselves would close the PostgreSQL test connection (docs/testing.md).
        b"".join(response.streaming_content)
    return response.status_code


def test_a_member_reads_their_own_and_their_cdcs_not_another_persons(login, award_people, dossiers):
    made, files = dossiers
    client = login(award_people["member"])  # Nguyễn Văn An, of the school itself
    assert page(client, made["an"]) == 200
    assert file(client, files["an"]) == 200
    assert page(client, made["school"]) == 200
    assert page(client, made["binh"]) == 404
    assert file(client, files["binh"]) == 404
    assert page(client, made["group"]) == 404  # An is not in Tổ Toán – Tin
    assert file(client, files["group"]) == 404
    visible = set(Nomination.objects.visible_to(as_role(award_people["member"])))
    assert visible == {made["an"], made["school"]}


def test_a_member_of_a_group_reads_the_groups_and_the_cdcs(login, award_people, dossiers, members, federation):
    made, files = dossiers
    binh = account("dv_binh", RoleKind.MEMBER, federation.school, members["binh"])
    client = login(binh)
    assert {k for k in made if page(client, made[k]) == 200} == {"binh", "group", "school"}
    assert file(client, files["an"]) == 404


def test_officers_keep_their_reach(login, award_people, dossiers):
    made, files = dossiers
    for who in ("school_chair", "lb_officer"):
        client = login(award_people[who])
        assert all(page(client, n) == 200 for n in made.values())
        assert file(client, files["binh"]) == 200


def test_a_council_member_reads_only_what_their_council_takes_up(
    login, award_people, award_campaign, catalogue, members, federation, lb_council
):
    """A seat on Long Biên's award council is no window on the district's whole queue: the
    nominations reach a council member when a session puts them on its agenda."""
    from thidua.awards.tests.conftest import submitted, vote
    from thidua.councils.models import CouncilMember

    seated = CouncilMember.objects.filter(council=lb_council).select_related("member__user").first()
    councillor = account("lb_hoidong", RoleKind.COUNCIL_MEMBER, federation.long_bien, seated.member)
    on_agenda = submitted(award_people, award_campaign, catalogue[GIAY_KHEN], member=members["an"])
    waiting = submitted(award_people, award_campaign, catalogue[GIAY_KHEN], member=members["binh"])
    client = login(councillor)
    assert page(client, on_agenda) == 404 and page(client, waiting) == 404
    services.accept(award_people["lb_officer"], on_agenda)
    services.send_to_council(award_people["lb_officer"], on_agenda)
    vote(award_people["lb_officer"], lb_council, [on_agenda])
    assert page(client, on_agenda) == 200
    assert page(client, waiting) == 404
    assert page(login(award_people["lb_officer"]), waiting) == 200
