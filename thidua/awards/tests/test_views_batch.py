"""A CĐCS's batch page as its chair reads it (issue 14, walked on seed 000): the same dossier
deadline and criteria verdict as the office's queue, and sending a batch whose nominations fail
their criteria only after the sender names them and says why (kept in the audit trail)."""

import datetime

import pytest
from django.urls import reverse

from thidua.awards.models import CampaignAward, Nomination, NominationStatus
from thidua.awards.tests.conftest import GIAY_KHEN, LDTT, complete_dossier, nominate
from thidua.core.models import AuditEntry

S = NominationStatus
pytestmark = pytest.mark.django_db
OWN_DUE = datetime.date(2099, 11, 30)


@pytest.fixture
def kind_due(award_campaign, catalogue):
    """The office gave Lao động tiên tiến its own deadline on the setup page."""
    CampaignAward.objects.filter(campaign=award_campaign, award_kind=catalogue[LDTT]).update(due_on=OWN_DUE)


def _batch(client, campaign):
    return client.get(reverse("awards:unit_nominations", args=[campaign.pk])).content.decode()


def test_the_chairs_list_and_the_offices_queue_say_the_same_deadline_and_verdict(
    login, award_people, award_campaign, catalogue, members, kind_due
):
    nomination = nominate(award_people, award_campaign, catalogue[LDTT], member=members["an"])
    complete_dossier(award_people["school_chair"], nomination)
    chair = login(award_people["school_chair"])
    chair.post(
        reverse("awards:submit_batch", args=[award_campaign.pk]),
        {"xac_nhan": [nomination.pk], "ly_do": "Xếp loại năm chưa nhập."},
    )
    assert Nomination.objects.get(pk=nomination.pk).status == S.SUBMITTED
    batch = _batch(chair, award_campaign)
    # The campaigns list gives the first deadline of the campaign, not "—".
    listing = chair.get(reverse("awards:my_nominations")).content.decode()
    queue = login(award_people["lb_officer"]).get(reverse("awards:queue")).content.decode()
    for page in (queue, batch):
        assert "Nguyễn Văn An" in page
        assert "Hạn gửi hồ sơ: 30/11/2099" in page
        assert 'title="Đối chiếu tiêu chuẩn khi gửi">Chưa đạt</span>' in page
    assert "30/11/2099" in listing


def test_sending_a_nomination_that_fails_its_criteria_asks_to_confirm_it_by_name(
    login, award_people, award_campaign, catalogue, members
):
    failing = nominate(award_people, award_campaign, catalogue[LDTT], member=members["an"])
    fine = nominate(award_people, award_campaign, catalogue[GIAY_KHEN], unit=members["an"].unit)
    for nomination in (failing, fine):
        complete_dossier(award_people["school_chair"], nomination)
    chair = login(award_people["school_chair"])
    url = reverse("awards:submit_batch", args=[award_campaign.pk])

    asked = chair.post(url)
    assert asked.status_code == 400
    text = asked.content.decode()
    assert 'data-testid="confirm-failing"' in text
    assert f'name="xac_nhan" value="{failing.pk}"' in text and f'value="{fine.pk}"' not in text
    assert "Chưa đạt tiêu chuẩn: Nguyễn Văn An." in text
    assert set(Nomination.objects.values_list("status", flat=True)) == {S.DRAFT}  # nothing sent

    # Ticked, without a reason: asked again, nothing sent.
    again = chair.post(url, {"xac_nhan": [failing.pk], "ly_do": "  "})
    assert again.status_code == 400
    assert "Hãy ghi lý do vẫn gửi các đề nghị chưa đạt tiêu chuẩn." in again.content.decode()
    assert set(Nomination.objects.values_list("status", flat=True)) == {S.DRAFT}

    sent = chair.post(url, {"xac_nhan": [failing.pk], "ly_do": "Xếp loại năm 2026 chưa nhập lên thidua."})
    assert sent.status_code == 302
    assert set(Nomination.objects.values_list("status", flat=True)) == {S.SUBMITTED}
    entry = AuditEntry.objects.for_object(failing).get(verb="submit_nomination")
    assert "gửi dù chưa đạt tiêu chuẩn" in entry.reason and "Xếp loại năm 2026 chưa nhập lên thidua." in entry.reason
    assert "chưa đạt" not in AuditEntry.objects.for_object(fine).get(verb="submit_nomination").reason


def test_a_batch_that_meets_its_criteria_is_sent_at_once(login, award_people, award_campaign, catalogue, members):
    fine = nominate(award_people, award_campaign, catalogue[GIAY_KHEN], unit=members["an"].unit)
    complete_dossier(award_people["school_chair"], fine)
    response = login(award_people["school_chair"]).post(reverse("awards:submit_batch", args=[award_campaign.pk]))
    assert response.status_code == 302
    assert Nomination.objects.get(pk=fine.pk).status == S.SUBMITTED


def test_resending_a_returned_nomination_that_fails_its_criteria_asks_to_confirm_it(
    login, award_people, award_campaign, catalogue, members
):
    from thidua.awards import services

    nomination = nominate(award_people, award_campaign, catalogue[LDTT], member=members["an"])
    complete_dossier(award_people["school_chair"], nomination)
    services.submit_batch(
        award_people["school_chair"],
        campaign=award_campaign,
        unit=nomination.unit,
        confirmed=[nomination.pk],
        reason="x",
    )
    services.return_nomination(award_people["lb_officer"], nomination, reason="Bổ sung biên bản họp xét.")
    chair = login(award_people["school_chair"])
    url = reverse("awards:nomination_action", args=[nomination.pk, "resubmit_nomination"])
    asked = chair.post(url)
    assert asked.status_code == 400
    text = asked.content.decode()
    assert 'data-testid="confirm-failing"' in text and "Chưa đạt tiêu chuẩn: Nguyễn Văn An." in text
    assert Nomination.objects.get(pk=nomination.pk).status == S.RETURNED
    sent = chair.post(url, {"xac_nhan": str(nomination.pk), "ly_do": "Đã bổ sung; xếp loại năm chưa nhập."})
    assert sent.status_code == 302
    assert Nomination.objects.get(pk=nomination.pk).status == S.SUBMITTED
    entry = AuditEntry.objects.for_object(nomination).get(verb="resubmit_nomination")
    assert "gửi dù chưa đạt tiêu chuẩn" in entry.reason and "Đã bổ sung; xếp loại năm chưa nhập." in entry.reason


def test_the_campaigns_list_runs_a_fixed_number_of_queries(login, award_people, award_campaign, catalogue, kind_due):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from thidua.awards import services
    from thidua.campaigns import services as campaigns
    from thidua.campaigns.models import Campaign, TargetMode

    chair = login(award_people["school_chair"])
    url = reverse("awards:my_nominations")
    with CaptureQueriesContext(connection) as small:
        assert chair.get(url).content.decode().count("30/11/2099") == 1
    officer = award_people["lb_officer"]
    for n in range(3):
        plan = campaigns.create_campaign(
            officer,
            issuer=award_campaign.issuer,
            kind="movement",
            title=f"Kế hoạch thi đua chuyên đề số {n}",
            plan_date=datetime.date(2026, 2, 1),
            starts_on=datetime.date(2026, 2, 1),
            ends_on=datetime.date(2026, 12, 31),
            place="Long Biên",
            signer_title="TM. BAN THƯỜNG VỤ\nCHỦ TỊCH",
            signer_name="Nguyễn Trường Giang",
        )
        campaigns.set_targets(officer, plan, mode=TargetMode.ALL_GRASSROOTS)
        campaigns.issue_campaign(officer, Campaign.objects.get(pk=plan.pk))
        services.offer_awards(officer, Campaign.objects.get(pk=plan.pk), {catalogue[LDTT]: OWN_DUE})
    with CaptureQueriesContext(connection) as large:
        assert chair.get(url).content.decode().count("30/11/2099") == 4
    assert len(large) == len(small)
