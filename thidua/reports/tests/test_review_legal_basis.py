"""A review (sơ kết, tổng kết) is not issued dated before the plan it reports on, nor naming a
document of the legal table signed after its day; its draft cites the plan's number and date
(issue 15 item 3)."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from thidua.campaigns.models import Campaign
from thidua.reports import review_document
from thidua.reports.models import CampaignReview

D = datetime.date
pytestmark = pytest.mark.django_db


@pytest.fixture
def review(federation) -> CampaignReview:
    plan = Campaign.objects.create(
        issuer=federation.long_bien, kind="peak", title="Phát động đợt thi đua", plan_date=D(2023, 8, 21)
    )
    return CampaignReview.objects.create(
        campaign=plan, issuer=federation.long_bien, title="Tổng kết đợt thi đua", body="I. CÔNG TÁC TRIỂN KHAI"
    )


def test_a_review_dated_before_its_plan_is_refused(review):
    review.issued_on = D(2023, 8, 20)
    with pytest.raises(ValidationError) as refused:
        review_document.require_basis(review)
    assert refused.value.message_dict["issued_on"] == [
        "Ngày báo cáo 20/08/2023 trước ngày của kế hoạch được báo cáo (21/08/2023)."
    ]
    review.issued_on = D(2023, 8, 21)
    review_document.require_basis(review)


def test_a_review_naming_a_later_document_is_refused(review):
    review.issued_on = D(2023, 12, 15)
    review.body = "Thực hiện Quy chế khen thưởng (999/QĐ-TLĐ), LĐLĐ quận báo cáo:"
    with pytest.raises(ValidationError) as refused:
        review_document.require_basis(review)
    assert "999/QĐ-TLĐ" in refused.value.message_dict["body"][0]
