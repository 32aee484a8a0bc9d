"""A covenant tied to the plan that asks for it (seed 003: "ký kết giao ước thi đua"): the
organising federation writes it from the plan's page or ties one already written, the plan's
"Giao ước thi đua" part lists it (on its page and in its printed document), and each party's
record for the plan shows it. A plan of another unit cannot be tied, even by a guessed id."""

import datetime

import pytest
from django.urls import reverse

from thidua.campaigns import services as campaigns
from thidua.campaigns.models import Campaign, TargetMode
from thidua.core.models import AuditEntry
from thidua.org.models import EmulationCluster, RoleKind
from thidua.org.tests.factories import make_user
from thidua.participation import services
from thidua.participation.models import Covenant

FORM = {
    "year": "2023",
    "title": "Giao ước thi đua khối trường học năm 2023",
    "content": "Các đơn vị cùng thi đua thực hiện tốt nhiệm vụ năm học.",
    "targets": "100% đoàn viên được phổ biến giao ước\nMỗi CĐCS có ít nhất 01 mô hình",
}


@pytest.fixture
def cluster(federation):
    cluster = EmulationCluster.objects.create(name="Khối trường học", organiser=federation.long_bien)
    for unit in (federation.school, federation.company):
        unit.clusters.add(cluster)
    return cluster


@pytest.fixture
def gia_lam_plan(federation):
    officer = make_user("gl_tdkt", RoleKind.EMULATION_OFFICER, federation.gia_lam)
    plan = campaigns.create_campaign(
        officer,
        issuer=federation.gia_lam,
        title="Kế hoạch của huyện Gia Lâm",
        plan_date=datetime.date(2023, 8, 20),
        signer_title="TM. BAN THƯỜNG VỤ",
        signer_name="Ngô Văn Hải",
    )
    campaigns.set_targets(officer, plan, mode=TargetMode.ALL_GRASSROOTS)
    campaigns.issue_campaign(officer, Campaign.objects.get(pk=plan.pk))
    return plan


def test_officer_writes_a_covenant_from_the_plan_page_and_every_party_sees_it(
    campaign, cluster, federation, lb_officer, school_chair, login
):
    client = login(lb_officer)
    plan_page = client.get(reverse("campaigns:detail", args=[campaign.pk])).content.decode()
    section = plan_page.split('data-testid="plan-covenants"')[1]
    assert "Chưa có giao ước nào gắn với kế hoạch này." in section
    link = f"/giao-uoc/moi/?ke-hoach={campaign.pk}"
    assert link in section

    form = client.get(link).content.decode()
    assert f'<option value="{campaign.pk}" selected>' in form  # the plan comes chosen
    response = client.post(link, {**FORM, "cluster": cluster.pk, "campaign": campaign.pk})
    covenant = Covenant.objects.get()
    assert response.status_code == 302 and covenant.campaign == campaign

    section = client.get(reverse("campaigns:detail", args=[campaign.pk])).content.decode()
    section = section.split('data-testid="plan-covenants"')[1].split("</section>")[0]
    assert "Giao ước thi đua khối trường học năm 2023" in section and "Đã ký 0/2" in section
    # The school's record for the plan: part 4 is no longer empty.
    record = login(school_chair).get(reverse("participation:record", args=[campaign.pk])).content.decode()
    part = record.split('data-testid="record-covenants"')[1]
    assert "Giao ước thi đua khối trường học năm 2023" in part and "Chưa ký" in part


def test_the_printed_plan_lists_the_covenants_in_its_covenant_part(campaign, cluster, lb_officer, login):
    draft = campaigns.create_campaign(lb_officer, issuer=campaign.issuer, title="Kế hoạch năm học mới")
    client = login(lb_officer)
    client.post(
        f"/ke-hoach/{draft.pk}/muc/section/them/",
        {"heading": "Ký kết giao ước thi đua", "part": "covenant", "body": "", "order": 1},
        HTTP_HX_REQUEST="true",
    )
    client.post(f"/giao-uoc/moi/?ke-hoach={draft.pk}", {**FORM, "cluster": cluster.pk, "campaign": draft.pk})
    preview = client.get(f"/ke-hoach/{draft.pk}/xem-truoc/").content.decode()
    assert "KÝ KẾT GIAO ƯỚC THI ĐUA" in preview
    assert "Giao ước thi đua khối trường học năm 2023 (Khối trường học, năm 2023)." in preview
    assert "Mỗi CĐCS có ít nhất 01 mô hình" in preview


def test_a_covenant_already_written_is_tied_from_the_plan_page_and_untied_from_its_own(
    campaign, cluster, lb_officer, login
):
    covenant = services.create_covenant(lb_officer, cluster=cluster, year=2023, title="Giao ước năm 2023", content="…")
    client = login(lb_officer)
    page = client.get(reverse("campaigns:detail", args=[campaign.pk])).content.decode()
    assert "Giao ước năm 2023 (Khối trường học, 2023)" in page  # offered in the picker
    client.post(reverse("participation:campaign_tie", args=[campaign.pk]), {"covenant": covenant.pk})
    covenant.refresh_from_db()
    assert covenant.campaign == campaign
    assert AuditEntry.objects.filter(verb="tie_covenant").exists()

    client.post(reverse("participation:covenant_tie", args=[covenant.pk]), {"campaign": ""})
    covenant.refresh_from_db()
    assert covenant.campaign is None


def test_a_plan_of_another_district_cannot_be_tied_even_by_a_guessed_id(
    campaign, cluster, federation, lb_officer, gia_lam_plan, login
):
    client = login(lb_officer)
    form = client.get("/giao-uoc/moi/").content.decode()
    assert "Kế hoạch của huyện Gia Lâm" not in form
    response = client.post("/giao-uoc/moi/", {**FORM, "cluster": cluster.pk, "campaign": gia_lam_plan.pk})
    assert response.status_code == 200 and 'data-field-error="campaign"' in response.content.decode()
    assert not Covenant.objects.exists()

    covenant = services.create_covenant(lb_officer, cluster=cluster, year=2023, title="Giao ước", content="…")
    response = client.post(reverse("participation:covenant_tie", args=[covenant.pk]), {"campaign": gia_lam_plan.pk})
    assert response.status_code == 400
    assert client.post(
        reverse("participation:campaign_tie", args=[gia_lam_plan.pk]), {"covenant": covenant.pk}
    ).status_code in (404,)
    covenant.refresh_from_db()
    assert covenant.campaign is None


def test_a_cdcs_cannot_tie_covenants_nor_another_district_tie_ours(
    campaign, cluster, federation, lb_officer, school_chair, login
):
    covenant = services.create_covenant(lb_officer, cluster=cluster, year=2023, title="Giao ước", content="…")
    chair = login(school_chair)
    page = chair.get(reverse("campaigns:detail", args=[campaign.pk])).content.decode()
    assert "Soạn giao ước cho kế hoạch này" not in page
    chair.post(reverse("participation:campaign_tie", args=[campaign.pk]), {"covenant": covenant.pk})
    assert chair.post(reverse("participation:covenant_tie", args=[covenant.pk]), {"campaign": ""}).status_code == 404
    gia_lam = make_user("gl_tdkt2", RoleKind.EMULATION_OFFICER, federation.gia_lam)
    other = login(gia_lam)
    assert (
        other.post(reverse("participation:campaign_tie", args=[campaign.pk]), {"covenant": covenant.pk}).status_code
        == 404
    )
    covenant.refresh_from_db()
    assert covenant.campaign is None
