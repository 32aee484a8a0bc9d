"""'Cập nhật số liệu' on a review's draft (issue 14): the demo's draft kept the figures of the
day it was drafted (0 awards after a decision existed). The draft's parts I and II are drafted
again from today's data, the officer's parts III and IV kept; audited; an issued review frozen."""

import pytest

from thidua.core.models import AuditEntry
from thidua.org.models import RoleKind
from thidua.org.tests.factories import make_user
from thidua.reports import services
from thidua.reports.models import CampaignReview
from thidua.reports.tests.test_reviews import _initiative, campaign  # noqa: F401 - the fixture

pytestmark = pytest.mark.django_db
ASSESSED = "- Ưu điểm: 100% CĐCS hưởng ứng, nhiều công trình thiết thực."


def _edit(review: CampaignReview, body: str) -> None:
    CampaignReview.objects.filter(pk=review.pk).update(body=body)


def test_the_officer_refreshes_the_drafts_figures_and_keeps_the_assessment(
    login,
    client,
    federation,
    members,
    lb_officer,
    campaign,  # noqa: F811
):
    review = services.draft_review(lb_officer, campaign, issuer=federation.long_bien, kind="final")
    assert "- Sáng kiến (gắn với kế hoạch): đăng ký 0" in review.body
    _edit(review, review.body.replace("- Ưu điểm: …", ASSESSED))
    # Since the draft: an initiative of the campaign recognised at the school.
    _initiative(federation.school, members["an"], campaign=campaign, benefit=12_000_000)
    login(lb_officer)
    page = client.get(f"/so-ket-tong-ket/{review.pk}/").content.decode()
    assert 'data-testid="refresh-figures"' in page and "Cập nhật số liệu" in page
    response = client.post(f"/so-ket-tong-ket/{review.pk}/cap-nhat-so-lieu/")
    assert response.status_code == 302
    review.refresh_from_db()
    assert "- Sáng kiến (gắn với kế hoạch): đăng ký 1, được công nhận 1, áp dụng 1, làm lợi 12.000.000 đồng." in (
        review.body
    )
    assert "đăng ký 0" not in review.body
    assert ASSESSED in review.body and review.body.count("III. ĐÁNH GIÁ CHUNG") == 1
    entry = AuditEntry.objects.for_object(review).get(verb="refresh_review")
    assert entry.actor == lb_officer
    assert "Cập nhật số liệu báo cáo sơ kết, tổng kết" in client.get(f"/so-ket-tong-ket/{review.pk}/").content.decode()


def test_an_issued_review_keeps_its_figures(login, client, federation, members, lb_officer, campaign):  # noqa: F811
    import datetime

    review = services.draft_review(lb_officer, campaign, issuer=federation.long_bien, kind="final")
    CampaignReview.objects.filter(pk=review.pk).update(issued_on=datetime.date(2023, 9, 25))
    services.issue_review(lb_officer, CampaignReview.objects.get(pk=review.pk))
    body = CampaignReview.objects.get(pk=review.pk).body
    _initiative(federation.school, members["an"], campaign=campaign, benefit=12_000_000)
    login(lb_officer)
    page = client.get(f"/so-ket-tong-ket/{review.pk}/").content.decode()
    assert 'data-testid="refresh-figures"' not in page
    client.post(f"/so-ket-tong-ket/{review.pk}/cap-nhat-so-lieu/")
    assert CampaignReview.objects.get(pk=review.pk).body == body
    assert not AuditEntry.objects.filter(verb="refresh_review").exists()


def test_refreshing_another_districts_review_is_not_found(login, client, federation, lb_officer, campaign):  # noqa: F811
    review = services.draft_review(lb_officer, campaign, issuer=federation.long_bien, kind="final")
    login(make_user("gl_tdkt_r", RoleKind.EMULATION_OFFICER, federation.gia_lam))
    assert client.post(f"/so-ket-tong-ket/{review.pk}/cap-nhat-so-lieu/").status_code == 404
    login(make_user("viewer_r", RoleKind.VIEWER, federation.city))
    assert client.post(f"/so-ket-tong-ket/{review.pk}/cap-nhat-so-lieu/").status_code == 404
    assert not AuditEntry.objects.filter(verb="refresh_review").exists()
