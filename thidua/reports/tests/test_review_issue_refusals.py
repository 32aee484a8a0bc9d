"""Issuing a review (sơ kết, tổng kết) from its page, found by the QA walk of issue 15:
a refused issue saves nothing (the edits and the number are one action); a tổng kết is not
dated before the campaign ends; a fresh draft is sent to the level above, not "Như trên"; a
plan title ending with "." reads once inside the draft's sentence."""

import datetime

import pytest

from thidua.core.models import AuditEntry
from thidua.documents.models import RegisterEntry
from thidua.reports import review_document, services
from thidua.reports.models import CampaignReview, ReviewStatus
from thidua.reports.tests.test_reviews import campaign  # noqa: F401 (the plan of 16/08–15/09/2023)

pytestmark = pytest.mark.django_db


def _draft(lb_officer, campaign, kind="final") -> CampaignReview:  # noqa: F811
    return services.draft_review(lb_officer, campaign, issuer=campaign.issuer, kind=kind)


def _values(review, **changes):
    return {
        "title": review.title,
        "body": review.body.replace("- Ưu điểm: …", "- Ưu điểm: 100% CĐCS hưởng ứng."),
        "place": "Long Biên",
        "issued_on": "2023-09-25",
        "recipients": review.recipients,
        "signer_title": review.signer_title,
        "signer_name": review.signer_name,
        "action": "issue",
        **changes,
    }


def test_a_refused_issue_saves_nothing(login, client, lb_officer, campaign):  # noqa: F811
    review = _draft(lb_officer, campaign)
    before = CampaignReview.objects.values().get(pk=review.pk)
    history = AuditEntry.objects.for_object(review).count()
    numbers = RegisterEntry.objects.count()  # the plan's own
    login(lb_officer)
    response = client.post(f"/so-ket-tong-ket/{review.pk}/", _values(review, signer_name=""))
    assert response.status_code == 200
    assert "Chưa có họ tên người ký." in " ".join(response.context["form"].errors["signer_name"])
    # The draft as it was: the signer's name kept, the edit of part III not saved, no "Sửa".
    assert CampaignReview.objects.values().get(pk=review.pk) == before
    assert before["signer_name"] == "Nguyễn Trường Giang"
    assert AuditEntry.objects.for_object(review).count() == history
    assert not AuditEntry.objects.filter(verb="update_review").exists()
    assert RegisterEntry.objects.count() == numbers

    # Saving the draft alone still saves it, and says so in its history.
    client.post(f"/so-ket-tong-ket/{review.pk}/", _values(review, signer_name="", action="save"))
    review.refresh_from_db()
    assert (review.status, review.signer_name) == (ReviewStatus.DRAFT, "")
    assert "100% CĐCS hưởng ứng" in review.body
    assert AuditEntry.objects.filter(verb="update_review").count() == 1


def test_a_final_review_dated_before_the_campaign_ends_is_refused(login, client, lb_officer, campaign):  # noqa: F811
    review = _draft(lb_officer, campaign)
    login(lb_officer)
    response = client.post(f"/so-ket-tong-ket/{review.pk}/", _values(review, issued_on="2023-09-01"))
    assert response.context["form"].errors["issued_on"] == [
        "Báo cáo tổng kết ngày 01/09/2023 trước khi đợt thi đua kết thúc (15/09/2023): hãy đề ngày từ "
        "15/09/2023 trở đi, hoặc soạn báo cáo sơ kết."
    ]
    review.refresh_from_db()
    assert (review.status, review.register_entry_id, review.issued_on) == (ReviewStatus.DRAFT, None, None)

    # Dated the campaign's last day, it is issued.
    client.post(f"/so-ket-tong-ket/{review.pk}/", _values(review, issued_on="2023-09-15"))
    review.refresh_from_db()
    assert review.status == ReviewStatus.ISSUED


def test_an_interim_review_may_be_dated_within_the_campaign(login, client, lb_officer, campaign):  # noqa: F811
    review = _draft(lb_officer, campaign, kind="interim")
    login(lb_officer)
    client.post(f"/so-ket-tong-ket/{review.pk}/", _values(review, issued_on="2023-09-01"))
    review.refresh_from_db()
    assert (review.status, review.issued_on) == (ReviewStatus.ISSUED, datetime.date(2023, 9, 1))


def test_a_fresh_draft_goes_to_the_level_above_and_the_file(lb_officer, campaign):  # noqa: F811
    review = _draft(lb_officer, campaign)
    assert review.recipients.splitlines() == ["Ban Thường vụ LĐLĐ thành phố Hà Nội;", "Lưu: VT."]
    doc = review_document.build(review)
    assert "Như trên;" not in doc.recipients


def test_a_unit_with_no_level_above_keeps_the_file_copy(federation):
    top = federation.long_bien.parent.parent
    assert top.parent is None
    assert review_document.default_recipients(top) == ["Lưu: VT."]


def test_a_plan_title_ending_with_a_full_stop_reads_once(lb_officer, campaign):  # noqa: F811
    campaign.title = "Phát động đợt thi đua (từ 16/8/2023 đến 06/11/2023)."
    campaign.movement_name = ""
    campaign.save()
    review = _draft(lb_officer, campaign)
    first = review.body.splitlines()[0]
    assert "06/11/2023), LĐLĐ quận Long Biên báo cáo" in first
    assert ".," not in first
    assert review.title == "Tổng kết Phát động đợt thi đua (từ 16/8/2023 đến 06/11/2023)"
