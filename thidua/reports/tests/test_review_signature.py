"""A review (sơ kết, tổng kết) is signed (issue 15 items 2 and 7): its signer's title lines, as
typed on several lines, then the name, in the PDF; issuing it without a signer's name is
refused next to the field and takes no number."""

import pytest

from thidua.documents.models import RegisterEntry
from thidua.documents.tests.signatures import assert_signed, pdf_lines
from thidua.reports.models import CampaignReview, ReviewStatus
from thidua.reports.tests.test_reviews import campaign  # noqa: F401 (the issued plan reviewed)

pytestmark = pytest.mark.django_db


def _values(review, **changes):
    return {
        "title": review.title,
        "body": review.body,
        "place": "Long Biên",
        "issued_on": "2023-09-25",
        "recipients": review.recipients,
        "signer_title": "TM. BAN THƯỜNG VỤ\r\nKT. CHỦ TỊCH\r\nPHÓ CHỦ TỊCH",
        "signer_name": "Lê Minh Tuấn",
        "action": "issue",
        **changes,
    }


def test_the_review_prints_each_title_line_then_the_name(login, client, lb_officer, campaign):  # noqa: F811
    login(lb_officer)
    client.post(f"/ke-hoach/{campaign.pk}/so-ket-tong-ket/moi/", {"kind": "final"})
    review = CampaignReview.objects.get()
    client.post(f"/so-ket-tong-ket/{review.pk}/", _values(review))
    review.refresh_from_db()
    assert review.status == ReviewStatus.ISSUED
    pdf = client.get(f"/so-ket-tong-ket/{review.pk}/tai.pdf").content
    assert_signed(pdf_lines(pdf), "TM. BAN THƯỜNG VỤ", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Lê Minh Tuấn")


def test_a_review_without_a_signer_name_is_refused_naming_it(login, client, lb_officer, campaign):  # noqa: F811
    login(lb_officer)
    client.post(f"/ke-hoach/{campaign.pk}/so-ket-tong-ket/moi/", {"kind": "final"})
    review = CampaignReview.objects.get()
    numbers = RegisterEntry.objects.count()
    page = client.post(f"/so-ket-tong-ket/{review.pk}/", _values(review, signer_name="")).content.decode()
    assert "Chưa có họ tên người ký." in page
    review.refresh_from_db()
    assert (review.status, review.register_entry_id) == (ReviewStatus.DRAFT, None)
    assert RegisterEntry.objects.count() == numbers
