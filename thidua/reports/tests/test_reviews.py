"""The review of a campaign (sơ kết, tổng kết): drafted from the campaign's page with its
figures filled in, edited, issued with the next number of the register, printed as DOCX and PDF."""

import datetime
import io
import subprocess

import pytest
from docx import Document

from thidua.campaigns import services as campaigns
from thidua.campaigns.models import Campaign, Deployment, TargetMode
from thidua.org.models import RoleKind
from thidua.org.tests.factories import SYSTEM, make_user
from thidua.reports.models import CampaignReview, ReviewStatus


@pytest.fixture
def campaign(federation, lb_officer, members) -> Campaign:
    plan = campaigns.create_campaign(
        lb_officer,
        issuer=federation.long_bien,
        kind="peak",
        title="Phát động đợt thi đua cao điểm chào mừng kỷ niệm 20 năm Ngày thành lập quận Long Biên",
        plan_date=datetime.date(2023, 8, 21),
        starts_on=datetime.date(2023, 8, 16),
        ends_on=datetime.date(2023, 9, 15),
        place="Long Biên",
        signer_title="TM. BAN THƯỜNG VỤ\nCHỦ TỊCH",
        signer_name="Nguyễn Trường Giang",
    )
    campaigns.set_targets(lb_officer, plan, mode=TargetMode.ALL_GRASSROOTS)
    campaigns.issue_campaign(lb_officer, Campaign.objects.get(pk=plan.pk))
    school_chair = make_user("school_chair_r", RoleKind.GRASSROOTS_CHAIR, federation.school)
    deployment = Deployment.objects.get(campaign=plan, unit=federation.school)
    campaigns.launch(school_chair, deployment, launched_on=datetime.date(2023, 8, 25), members_reached=2)
    return Campaign.objects.get(pk=plan.pk)


def test_draft_issue_and_print_a_final_review(login, client, lb_officer, campaign):
    login(lb_officer)
    page = client.get(f"/ke-hoach/{campaign.pk}/").content.decode()
    assert 'data-testid="reports-section"' in page
    response = client.post(f"/ke-hoach/{campaign.pk}/so-ket-tong-ket/moi/", {"kind": "final"})
    review = CampaignReview.objects.get()
    assert response.url == f"/so-ket-tong-ket/{review.pk}/"
    assert "triển khai đến 2 đơn vị" in review.body
    assert "1 đơn vị đã phát động (50%)" in review.body
    assert "Số đoàn viên được phổ biến: 2/3" in review.body

    values = {
        "title": review.title,
        "body": review.body.replace("- Ưu điểm: …", "- Ưu điểm: 100% CĐCS hưởng ứng."),
        "place": "Long Biên",
        "issued_on": "",
        "recipients": review.recipients,
        "signer_title": review.signer_title,
        "signer_name": review.signer_name,
        "action": "issue",
    }
    refused = client.post(f"/so-ket-tong-ket/{review.pk}/", values)
    assert "Hãy nhập ngày ban hành." in refused.content.decode()
    review.refresh_from_db()
    assert (review.status, review.register_entry_id) == (ReviewStatus.DRAFT, None)

    issued = client.post(f"/so-ket-tong-ket/{review.pk}/", {**values, "issued_on": "2023-09-25"}, follow=True)
    review.refresh_from_db()
    assert review.status == ReviewStatus.ISSUED
    assert str(review.register_entry).startswith("01/BC-")
    # The message names the number just taken (it said "số None": the view read its stale copy).
    assert f"Đã ban hành báo cáo số {review.register_entry}." in issued.content.decode()

    docx = client.get(f"/so-ket-tong-ket/{review.pk}/tai.docx")
    # A Vietnamese file name travels as RFC 6266's filename* (a plain filename="tổng-kết" was
    # MIME-encoded by Django: Chromium saved "download.docx" and opened the PDF inline).
    assert docx["Content-Disposition"] == "attachment; filename*=utf-8''bao-cao-t%E1%BB%95ng-k%E1%BA%BFt-1.docx"
    text = "\n".join(p.text for p in Document(io.BytesIO(docx.content)).paragraphs)
    assert "BÁO CÁO" in text and "100% CĐCS hưởng ứng" in text
    pdf = client.get(f"/so-ket-tong-ket/{review.pk}/tai.pdf").content
    assert pdf.startswith(b"%PDF-")
    out = subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=False)  # noqa: S607
    if out.returncode == 0:
        assert "Long Biên, ngày 25 tháng 9 năm 2023" in out.stdout.decode()


def test_a_review_is_not_found_outside_the_issuers_scope(login, federation, lb_officer, campaign):
    from thidua.reports import services

    review = services.draft_review(lb_officer, campaign, issuer=federation.long_bien, kind="interim")
    other = make_user("gl_tdkt_r", RoleKind.EMULATION_OFFICER, federation.gia_lam)
    client = login(other)
    assert client.get(f"/so-ket-tong-ket/{review.pk}/").status_code == 404
    assert client.get(f"/so-ket-tong-ket/{review.pk}/tai.pdf").status_code == 404


def _initiative(unit, member, *, campaign=None, recognised=True, applied=True, benefit=0):
    """An initiative of `unit` submitted in the campaign's window and, if `recognised`,
    recognised by the unit (initiatives.services keep the counters the review reads)."""
    from decimal import Decimal

    from thidua.initiatives import services as initiatives
    from thidua.initiatives.models import Initiative, InitiativeStatus

    initiative = initiatives.register_initiative(
        SYSTEM,
        unit=unit,
        authors=[(member, 100)],
        title="Sắp xếp lại dây chuyền may cổ áo",
        solution="Bố trí lại các bước may.",
        campaign=campaign,
        applied_since=datetime.date(2023, 8, 20) if applied else None,
        benefit_amount=Decimal(benefit),
    )
    initiatives.submit(SYSTEM, initiative, on=datetime.date(2023, 8, 20))
    if recognised:
        Initiative.objects.filter(pk=initiative.pk).update(status=InitiativeStatus.COUNCIL_PASSED)
        initiatives.issue_recognition_decision(
            SYSTEM, unit=unit, initiative_ids=[initiative.pk], issued_on=datetime.date(2023, 9, 5)
        )
    return initiative


def test_the_draft_counts_the_campaigns_initiatives_of_the_issuers_subtree(federation, members, lb_officer, campaign):
    from thidua.reports import review_document, services

    _initiative(federation.school, members["an"], campaign=campaign, benefit=12_000_000)
    _initiative(federation.school, members["an"], campaign=campaign, recognised=False, benefit=7_000_000)
    _initiative(federation.company, members["cuong"], campaign=campaign, applied=False, benefit=3_500_000)
    # Not the campaign's, and a sibling district's CĐCS (same campaign): neither is counted.
    _initiative(federation.company, members["cuong"], benefit=100_000_000)
    _initiative(federation.gia_lam_cdcs, members["dung"], campaign=campaign, benefit=50_000_000)

    review = services.draft_review(lb_officer, campaign, issuer=federation.long_bien, kind="interim")
    assert (
        "- Sáng kiến (gắn với kế hoạch): đăng ký 3, được công nhận 2, áp dụng 1, làm lợi 15.500.000 đồng."
        in review.body
    )
    gia_lam = review_document.draft_body(campaign, federation.gia_lam)
    assert "- Sáng kiến (gắn với kế hoạch): đăng ký 1, được công nhận 1, áp dụng 1, làm lợi 50.000.000 đồng." in gia_lam


def test_a_draft_without_initiatives_says_none(federation, lb_officer, campaign):
    from thidua.reports import services

    review = services.draft_review(lb_officer, campaign, issuer=federation.long_bien, kind="final")
    assert "- Sáng kiến (gắn với kế hoạch): đăng ký 0, được công nhận 0, áp dụng 0, làm lợi 0 đồng." in review.body


def test_a_review_of_a_stretch_counts_initiatives_by_its_dates(
    login, client, federation, members, lb_officer, campaign
):
    """A sơ kết of August 2023: initiatives registered or first recognised in August, in the
    district's whole subtree (linked to the campaign or not); the sibling district's are not."""
    from thidua.initiatives.models import Initiative

    _initiative(federation.school, members["an"], campaign=campaign, recognised=False)  # registered 20/8
    _initiative(federation.company, members["cuong"], recognised=False)  # registered 20/8, no campaign
    earlier = _initiative(federation.company, members["cuong"], benefit=4_000_000)
    Initiative.objects.filter(pk=earlier.pk).update(
        submitted_on=datetime.date(2023, 7, 1), recognised_on=datetime.date(2023, 8, 10)
    )
    _initiative(federation.school, members["an"], campaign=campaign, benefit=9_000_000)  # recognised 5/9: after
    _initiative(federation.gia_lam_cdcs, members["dung"], campaign=campaign)

    login(lb_officer)
    client.post(
        f"/ke-hoach/{campaign.pk}/so-ket-tong-ket/moi/",
        {"kind": "interim", "covers_from": "2023-08-01", "covers_to": "2023-08-31"},
    )
    review = CampaignReview.objects.get()
    assert (review.covers_from, review.covers_to) == (datetime.date(2023, 8, 1), datetime.date(2023, 8, 31))
    assert (
        "- Sáng kiến (từ ngày 01/08/2023 đến ngày 31/08/2023, trong toàn đơn vị): đăng ký 3, "
        "được công nhận 1, áp dụng 1, làm lợi 4.000.000 đồng."
    ) in review.body
    page = client.get(f"/so-ket-tong-ket/{review.pk}/").content.decode()
    assert "Số liệu từ ngày 01/08/2023 đến ngày 31/08/2023" in page


def test_a_stretch_needs_both_days_in_order(login, client, lb_officer, campaign):
    login(lb_officer)
    response = client.post(
        f"/ke-hoach/{campaign.pk}/so-ket-tong-ket/moi/",
        {"kind": "interim", "covers_from": "2023-09-01", "covers_to": "2023-08-01"},
        follow=True,
    )
    assert "Ngày kết thúc phải sau ngày bắt đầu." in response.content.decode()
    response = client.post(
        f"/ke-hoach/{campaign.pk}/so-ket-tong-ket/moi/", {"kind": "interim", "covers_from": "2023-09-01"}, follow=True
    )
    assert "Hãy nhập cả hai ngày" in response.content.decode()
    assert not CampaignReview.objects.exists()


def test_saving_the_draft_keeps_the_signer_s_two_lines(login, client, federation, lb_officer, campaign):
    from thidua.reports import services

    review = services.draft_review(lb_officer, campaign, issuer=federation.long_bien, kind="final")
    login(lb_officer)
    page = client.get(f"/so-ket-tong-ket/{review.pk}/").content.decode()
    assert "TM. BAN THƯỜNG VỤ\nCHỦ TỊCH</textarea>" in page
