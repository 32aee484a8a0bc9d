"""A federation's emulation office acts for a CĐCS of its subtree (paper dossiers still arrive
at the office): it picks the CĐCS on the page, nominates, imports, edits and sends the batch,
and the audit trail says who acted. A sibling district's office, or a CĐCS for a sibling CĐCS,
finds nothing."""

import io

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from thidua.awards import services
from thidua.awards.models import Nomination, NominationStatus
from thidua.awards.tests.conftest import GIAY_KHEN, LDTT, account, complete_dossier, nominate
from thidua.awards.tests.test_intake import GOOD, xlsx
from thidua.core.models import AuditEntry
from thidua.org.models import RoleKind

S = NominationStatus
pytestmark = pytest.mark.django_db


@pytest.fixture
def gl_officer(federation):
    return account("gl_tdkt", RoleKind.EMULATION_OFFICER, federation.gia_lam)


def for_school(federation, name, *args):
    return reverse(name, args=args) + f"?don-vi={federation.school.pk}"


def test_the_districts_office_nominates_edits_and_sends_for_its_cdcs(
    login, award_people, award_campaign, catalogue, members, federation
):
    officer = award_people["lb_officer"]
    client = login(officer)
    picker = client.get(reverse("awards:my_nominations")).content.decode()
    assert 'data-testid="act-for-unit"' in picker
    # The picker searches (core.pickers); sent without JavaScript, the page lists the matches.
    found = client.get(reverse("awards:my_nominations"), {"don-vi__tim": "gia thuy"}).content.decode()
    assert f'value="{federation.school.pk}"' in found and "CĐCS Trường THCS Gia Thụy" in found
    elsewhere = client.get(reverse("awards:my_nominations"), {"don-vi__tim": "da ton"}).content.decode()
    assert "CĐCS UBND xã Đa Tốn" not in elsewhere  # Gia Lâm's CĐCS is not offered
    page = client.get(for_school(federation, "awards:my_nominations")).content.decode()
    assert for_school(federation, "awards:unit_nominations", award_campaign.pk) in page
    batch = client.get(for_school(federation, "awards:unit_nominations", award_campaign.pk))
    assert batch.status_code == 200
    assert for_school(federation, "awards:nomination_create", award_campaign.pk) in batch.content.decode()
    response = client.post(
        for_school(federation, "awards:nomination_create", award_campaign.pk),
        {
            "award_kind": catalogue[GIAY_KHEN].pk,
            "subject": "individual",
            "subject_member": members["an"].pk,
            "achievement": "Hồ sơ giấy gửi về văn phòng.",
        },
    )
    nomination = Nomination.objects.get()
    assert response.status_code == 302
    assert nomination.unit == federation.school and nomination.created_by == officer
    entry = AuditEntry.objects.get(verb="create_nomination", target_id=nomination.pk)
    assert entry.actor == officer
    assert entry.reason == "LĐLĐ quận Long Biên lập thay cho CĐCS Trường THCS Gia Thụy"
    detail = client.get(reverse("awards:nomination", args=[nomination.pk])).content.decode()
    assert "lập thay cho CĐCS Trường THCS Gia Thụy" in detail
    # The tờ trình thidua drafts is the school's, not Long Biên's.
    batch = client.get(for_school(federation, "awards:unit_nominations", award_campaign.pk)).content.decode()
    proposal = for_school(federation, "awards:proposal_file", award_campaign.pk, "docx")
    assert proposal in batch
    response = client.get(proposal)
    assert response.status_code == 200 and response["Content-Disposition"].endswith(f'{federation.school.code}.docx"')
    response = client.post(reverse("awards:nomination_edit", args=[nomination.pk]), {"achievement": "Sửa lại."})
    assert response.status_code == 302
    complete_dossier(officer, nomination)
    response = client.post(for_school(federation, "awards:submit_batch", award_campaign.pk))
    assert response.status_code == 302
    assert response["Location"] == for_school(federation, "awards:unit_nominations", award_campaign.pk)
    assert Nomination.objects.get().status == S.SUBMITTED


def test_the_city_office_may_act_for_a_cdcs_two_levels_down(award_people, award_campaign, catalogue, members):
    nomination = nominate(
        award_people, award_campaign, catalogue[LDTT], member=members["an"], actor=award_people["hn_officer"]
    )
    assert nomination.status == S.DRAFT


def test_the_districts_office_imports_a_list_for_its_cdcs(login, award_people, award_campaign, federation, members):
    client = login(award_people["lb_officer"])
    file = io.BytesIO(xlsx(GOOD))
    file.name = "ds.xlsx"
    response = client.post(for_school(federation, "awards:intake"), {"campaign": award_campaign.pk, "file": file})
    assert response.status_code == 200, response.content.decode()[:2000]
    assert for_school(federation, "awards:intake_confirm") in response.content.decode()
    response = client.post(for_school(federation, "awards:intake_confirm"), {"payload": response.context["payload"]})
    assert response.status_code == 302
    assert set(Nomination.objects.values_list("unit", flat=True)) == {federation.school.pk}
    assert Nomination.objects.count() == 4


def test_a_sibling_districts_office_finds_nothing(
    login, gl_officer, award_people, award_campaign, catalogue, members, federation
):
    with pytest.raises(PermissionDenied):
        nominate(award_people, award_campaign, catalogue[GIAY_KHEN], member=members["an"], actor=gl_officer)
    client = login(gl_officer)
    assert client.get(for_school(federation, "awards:my_nominations")).status_code == 404
    assert client.get(for_school(federation, "awards:unit_nominations", award_campaign.pk)).status_code == 404
    response = client.post(
        for_school(federation, "awards:nomination_create", award_campaign.pk),
        {
            "award_kind": catalogue[GIAY_KHEN].pk,
            "subject": "individual",
            "subject_member": members["an"].pk,
            "achievement": "x",
        },
    )
    assert response.status_code == 404
    assert client.get(for_school(federation, "awards:intake")).status_code == 404
    assert not Nomination.objects.exists()
    # Nor may it touch a nomination the school made.
    nomination = nominate(award_people, award_campaign, catalogue[GIAY_KHEN], member=members["an"])
    assert client.get(reverse("awards:nomination_edit", args=[nomination.pk])).status_code == 404
    with pytest.raises(PermissionDenied):
        services.update_nomination(gl_officer, nomination, achievement="x")


def test_a_cdcs_cannot_act_for_a_sibling_cdcs(login, award_people, award_campaign, catalogue, members, federation):
    chair = award_people["school_chair"]
    with pytest.raises(PermissionDenied):
        services.nominate(
            chair,
            campaign=award_campaign,
            award_kind=catalogue[GIAY_KHEN],
            unit=federation.company,
            achievement="x",
            subject_member=members["cuong"],
        )
    client = login(chair)
    company = f"?don-vi={federation.company.pk}"
    assert client.get(reverse("awards:unit_nominations", args=[award_campaign.pk]) + company).status_code == 404
    assert client.get(reverse("awards:intake") + company).status_code == 404
    # The office acting for a CĐCS does not make a CĐCS an office: no picker for the chair.
    assert 'data-testid="act-for-unit"' not in client.get(reverse("awards:my_nominations")).content.decode()
    assert not Nomination.objects.exists()
