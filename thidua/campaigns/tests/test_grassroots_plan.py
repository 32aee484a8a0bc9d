"""A CĐCS answers its district's plan with its own implementing plan and issues it: to its
groups (tổ công đoàn), to all its members, or to nobody below. The district's coverage counts
the CĐCS's own plan only once it is issued. And the targets page offers only the clusters the
writer's plan can reach."""

import pytest

from thidua.campaigns import services
from thidua.campaigns.models import Campaign, CampaignStatus, Deployment
from thidua.org.models import EmulationCluster, RoleKind
from thidua.org.tests.factories import make_unit, make_user

HEADER = {
    "kind": "peak",
    "title": "Triển khai đợt thi đua cao điểm trong nhà trường",
    "issuing_body": "Ban Chấp hành",
    "place": "Long Biên",
    "plan_date": "2023-08-24",
    "starts_on": "2023-08-16",
    "ends_on": "2023-09-15",
    "signer_title": "TM. BAN CHẤP HÀNH / CHỦ TỊCH",
    "signer_name": "Nguyễn Thị Hoa",
    "recipients": "Các tổ công đoàn;\nLưu BCH.",
}


def _own_plan_of(client, deployment) -> Campaign:
    """The chair acknowledges the district's plan and starts the school's own plan from it."""
    client.post(f"/trien-khai/{deployment.pk}/xac-nhan/")
    response = client.post(f"/trien-khai/{deployment.pk}/ke-hoach-rieng/")
    own = Campaign.objects.get(implements=deployment.campaign, issuer=deployment.unit)
    assert response["Location"] == f"/ke-hoach/{own.pk}/"
    return own


@pytest.mark.parametrize(
    ("mode", "reach"),
    [
        ("groups", "Các tổ công đoàn của đơn vị: Tổ Toán – Tin"),
        ("members", "Toàn thể đoàn viên của đơn vị"),
        ("none", "Không triển khai xuống cấp dưới"),
    ],
)
def test_cdcs_chair_issues_its_own_plan_to_each_reach(draft, lb_officer, school_chair, federation, login, mode, reach):
    services.issue_campaign(lb_officer, draft)
    client = login(school_chair)
    own = _own_plan_of(client, Deployment.objects.get(campaign=draft, unit=federation.school))

    form = client.get(f"/ke-hoach/{own.pk}/noi-trien-khai/").content.decode()
    assert "Các tổ công đoàn của đơn vị" in form and "Toàn thể đoàn viên của đơn vị" in form
    assert "Tất cả công đoàn cơ sở trực thuộc" not in form  # a CĐCS has no CĐCS below it
    client.post(f"/ke-hoach/{own.pk}/sua/", HEADER)
    client.post(f"/ke-hoach/{own.pk}/noi-trien-khai/", {"mode": mode})
    page = client.post(f"/ke-hoach/{own.pk}/ban-hanh/", follow=True).content.decode()

    own.refresh_from_db()
    assert "Kế hoạch chưa có đơn vị nhận triển khai" not in page
    assert own.status == CampaignStatus.ISSUED and own.number == "01/KH-CĐCS"
    assert f"Đã ban hành Kế hoạch số {own.number}." in page
    assert reach in page
    # Groups have no account to acknowledge a plan: issuing deploys nothing below the CĐCS.
    assert not Deployment.objects.filter(campaign=own).exists()


def test_groups_without_any_group_says_so_and_takes_no_number(draft, lb_officer, company_chair, federation, login):
    services.issue_campaign(lb_officer, draft)
    client = login(company_chair)
    own = _own_plan_of(client, Deployment.objects.get(campaign=draft, unit=federation.company))
    client.post(f"/ke-hoach/{own.pk}/sua/", HEADER)
    client.post(f"/ke-hoach/{own.pk}/noi-trien-khai/", {"mode": "groups"})
    page = client.post(f"/ke-hoach/{own.pk}/ban-hanh/", follow=True).content.decode()
    assert "Đơn vị chưa có tổ công đoàn nào" in page
    own.refresh_from_db()
    assert own.status == CampaignStatus.DRAFT and not own.register_entry_id


def test_own_plan_is_prefilled_for_the_cdcs(draft, lb_officer, school_chair, federation, login):
    services.issue_campaign(lb_officer, draft)
    own = _own_plan_of(login(school_chair), Deployment.objects.get(campaign=draft, unit=federation.school))
    page = login(school_chair).get(f"/ke-hoach/{own.pk}/").content.decode()
    assert "Thực hiện Kế hoạch số 01/KH-LĐLĐ" in own.intro
    assert own.signer_lines() == ["TM. BAN CHẤP HÀNH", "CHỦ TỊCH"]
    assert "Các tổ công đoàn của đơn vị: Tổ Toán – Tin" in page  # its groups, until the chair changes it


def test_a_cdcs_cannot_deploy_to_units_nor_a_federation_to_groups(draft, lb_officer, school_chair, federation, login):
    services.issue_campaign(lb_officer, draft)
    client = login(school_chair)
    own = _own_plan_of(client, Deployment.objects.get(campaign=draft, unit=federation.school))
    client.post(f"/ke-hoach/{own.pk}/noi-trien-khai/", {"mode": "picked", "units": [federation.group.pk]})
    own.refresh_from_db()
    assert own.target_mode == "groups"  # unchanged: "picked" is not a choice for a CĐCS

    other = services.create_campaign(lb_officer, issuer=federation.long_bien, title="Kế hoạch của quận")
    response = login(lb_officer).post(f"/ke-hoach/{other.pk}/noi-trien-khai/", {"mode": "groups"})
    assert response.status_code == 200 and "Các tổ công đoàn của đơn vị" not in response.content.decode()
    other.refresh_from_db()
    assert other.target_mode == ""


def test_district_coverage_counts_the_cdcs_plan_once_issued(draft, lb_officer, school_chair, federation, login):
    services.issue_campaign(lb_officer, draft)
    chair = login(school_chair)
    own = _own_plan_of(chair, Deployment.objects.get(campaign=draft, unit=federation.school))
    officer = login(lb_officer)
    coverage = officer.get(f"/ke-hoach/{draft.pk}/tien-do/").content.decode()
    assert 'data-testid="cov-own">0<' in coverage  # a draft is not yet the unit's plan

    chair = login(school_chair)
    chair.post(f"/ke-hoach/{own.pk}/sua/", HEADER)
    chair.post(f"/ke-hoach/{own.pk}/noi-trien-khai/", {"mode": "groups"})
    chair.post(f"/ke-hoach/{own.pk}/ban-hanh/")
    coverage = login(lb_officer).get(f"/ke-hoach/{draft.pk}/tien-do/").content.decode()
    assert 'data-testid="cov-own">1<' in coverage
    assert 'data-testid="cov-targets">2<' in coverage  # the two CĐCS; the school's group is no target


# --- the clusters a plan may go to --------------------------------------------------------


@pytest.fixture
def clusters(federation):
    """Long Biên's school bloc, Gia Lâm's (a sibling's) bloc, the city's cluster of districts and
    the Confederation's cluster of another province (Lai Châu)."""
    lai_chau = make_unit(federation.confederation, "province", "LĐLĐ tỉnh Lai Châu", code="LC")
    lb_schools = EmulationCluster.objects.create(name="Khối Trường học", organiser=federation.long_bien)
    lb_schools.units.add(federation.school)
    gl_bloc = EmulationCluster.objects.create(name="Khối Hành chính sự nghiệp", organiser=federation.gia_lam)
    gl_bloc.units.add(federation.gia_lam_cdcs)
    city_cluster = EmulationCluster.objects.create(name="Cụm thi đua số 1", organiser=federation.city)
    city_cluster.units.add(federation.long_bien)
    border = EmulationCluster.objects.create(
        name="Cụm thi đua 7 tỉnh biên giới phía Bắc", organiser=federation.confederation
    )
    border.units.add(lai_chau)
    return {"lb_schools": lb_schools, "gl_bloc": gl_bloc, "city": city_cluster, "border": border}


def test_targets_page_offers_only_clusters_the_plan_reaches(federation, lb_officer, login, clusters):
    plan = services.create_campaign(lb_officer, issuer=federation.long_bien, title="Kế hoạch của quận")
    client = login(lb_officer)
    form = client.get(f"/ke-hoach/{plan.pk}/noi-trien-khai/").content.decode()
    assert "Khối Trường học" in form
    assert "Cụm thi đua 7 tỉnh biên giới phía Bắc" not in form  # another province's
    assert "Khối Hành chính sự nghiệp" not in form  # a sibling district's
    assert "Cụm thi đua số 1" not in form  # holds Long Biên itself, nothing below it

    for guessed in ("border", "gl_bloc", "city"):
        response = client.post(
            f"/ke-hoach/{plan.pk}/noi-trien-khai/", {"mode": "cluster", "cluster": clusters[guessed].pk}
        )
        assert response.status_code == 200 and 'data-field-error="cluster"' in response.content.decode()
        plan.refresh_from_db()
        assert plan.target_cluster_id is None

    client.post(f"/ke-hoach/{plan.pk}/noi-trien-khai/", {"mode": "cluster", "cluster": clusters["lb_schools"].pk})
    plan.refresh_from_db()
    assert plan.target_cluster == clusters["lb_schools"]


def test_city_plan_may_go_to_its_cluster_of_districts(federation, city_officer, login, clusters):
    plan = services.create_campaign(city_officer, issuer=federation.city, title="Kế hoạch của thành phố")
    form = login(city_officer).get(f"/ke-hoach/{plan.pk}/noi-trien-khai/").content.decode()
    assert "Cụm thi đua số 1" in form and "Cụm thi đua 7 tỉnh biên giới phía Bắc" not in form


def test_forwarding_refuses_a_cluster_of_another_province(federation, city_officer, login, clusters):
    plan = services.create_campaign(
        city_officer,
        issuer=federation.city,
        title="Kế hoạch của thành phố",
        plan_date=__import__("datetime").date(2023, 8, 10),
        signer_title="TM. BAN THƯỜNG VỤ",
        signer_name="Phạm Quang Thanh",
    )
    services.set_targets(city_officer, plan, mode="next_level")
    services.issue_campaign(city_officer, plan)
    lb_officer = make_user("lb_chuyentrach", RoleKind.EMULATION_OFFICER, federation.long_bien)
    deployment = Deployment.objects.get(campaign=plan, unit=federation.long_bien)
    client = login(lb_officer)
    form = client.get(f"/trien-khai/{deployment.pk}/trien-khai-tiep/").content.decode()
    assert "Cụm thi đua 7 tỉnh biên giới phía Bắc" not in form and "Khối Trường học" in form
    response = client.post(
        f"/trien-khai/{deployment.pk}/trien-khai-tiep/", {"mode": "cluster", "cluster": clusters["border"].pk}
    )
    assert 'data-field-error="cluster"' in response.content.decode()
    assert not Deployment.objects.filter(campaign=plan, via=deployment).exists()
