"""A plan is not issued without Nơi nhận (QA walk of issue 15): the refusal names the field, the
draft stays a draft and no number is taken from the register."""

from thidua.campaigns import services
from thidua.campaigns.models import Campaign, CampaignStatus
from thidua.documents.models import RegisterEntry


def test_issuing_a_plan_whose_recipients_were_emptied_is_refused(draft, login, lb_officer):
    services.update_campaign(lb_officer, draft, recipients=" \n ")
    page = login(lb_officer).post(f"/ke-hoach/{draft.pk}/ban-hanh/", follow=True).content.decode()
    assert "Kế hoạch chưa có nơi nhận: hãy nhập ô “Nơi nhận”" in page
    draft.refresh_from_db()
    assert draft.status == CampaignStatus.DRAFT and not draft.register_entry_id
    assert not RegisterEntry.objects.exists()


def test_a_new_plan_from_the_editor_starts_with_the_archive_line(federation, login, lb_officer):
    """Every paper is filed in its issuer's archive: the editor offers "Lưu: VT." to go on from."""
    page = login(lb_officer).get("/ke-hoach/moi/").content.decode()
    assert "Lưu: VT.</textarea>" in page
    assert Campaign(title="x").recipient_lines() == ["Lưu: VT."]
