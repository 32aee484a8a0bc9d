import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import translation

from thidua.campaigns import queries, services
from thidua.campaigns.models import Campaign, Deployment, DeploymentStatus, TargetMode
from thidua.core.workflow import TransitionNotAllowed
from thidua.org.models import RoleKind
from thidua.org.tests.factories import make_user


@pytest.fixture
def issued(draft, lb_officer):
    services.issue_campaign(lb_officer, draft)
    return Campaign.objects.get(pk=draft.pk)


def test_cdcs_acknowledges_launches_and_answers_with_own_plan(issued, school_chair, federation):
    deployment = Deployment.objects.get(campaign=issued, unit=federation.school)
    services.acknowledge(school_chair, deployment)
    services.launch(school_chair, deployment, launched_on=datetime.date(2023, 8, 25), members_reached=2)
    own = services.start_own_plan(school_chair, deployment)

    deployment.refresh_from_db()
    assert deployment.status == DeploymentStatus.LAUNCHED
    assert (deployment.members_reached, deployment.members_at_launch) == (2, 2)
    assert deployment.own_plan == own
    assert own.implements == issued and own.issuer == federation.school
    assert own.intro.startswith(
        "Thực hiện Kế hoạch số 01/KH-LĐLĐ ngày 21/08/2023 của Ban Thường vụ LĐLĐ quận Long Biên"
    )
    assert list(own.deadlines.values_list("due_on", flat=True)) == [
        datetime.date(2023, 9, 15),
        datetime.date(2023, 9, 18),
    ]
    assert own.references.get().linked_campaign == issued


def test_members_reached_cannot_exceed_the_units_members(issued, school_chair, federation):
    deployment = Deployment.objects.get(campaign=issued, unit=federation.school)
    with pytest.raises(ValidationError) as error:
        services.launch(school_chair, deployment, launched_on=datetime.date(2023, 8, 25), members_reached=3)
    assert "từ 0 đến 2" in str(error.value)
    assert Deployment.objects.get(pk=deployment.pk).status == DeploymentStatus.DEPLOYED


def test_a_cdcs_cannot_act_for_another_unit(issued, school_chair, federation):
    others = Deployment.objects.get(campaign=issued, unit=federation.company)
    with pytest.raises(PermissionDenied):
        services.acknowledge(school_chair, others)
    with pytest.raises(PermissionDenied):
        services.start_own_plan(school_chair, others)
    assert Deployment.objects.get(pk=others.pk).status == DeploymentStatus.DEPLOYED


def test_acknowledging_twice_is_refused(issued, school_chair, federation):
    deployment = Deployment.objects.get(campaign=issued, unit=federation.school)
    services.acknowledge(school_chair, deployment)
    with pytest.raises(TransitionNotAllowed):
        services.acknowledge(school_chair, deployment)


def test_city_plan_to_next_level_cascades_and_coverage_rolls_up(
    federation, city_officer, lb_officer, school_chair, members
):
    plan = services.create_campaign(
        city_officer,
        issuer=federation.city,
        title="Kế hoạch thành phố",
        plan_date=datetime.date(2023, 8, 10),
        signer_title="TM. BAN THƯỜNG VỤ",
        signer_name="Phạm Quang Thanh",
    )
    services.set_targets(city_officer, plan, mode=TargetMode.NEXT_LEVEL)
    services.issue_campaign(city_officer, plan)
    lb_deployment = Deployment.objects.get(campaign=plan, unit=federation.long_bien)
    services.acknowledge(lb_officer, lb_deployment)
    assert services.forward(lb_officer, lb_deployment, mode=TargetMode.ALL_GRASSROOTS) == 2

    school = Deployment.objects.get(campaign=plan, unit=federation.school)
    services.launch(school_chair, school, launched_on=datetime.date(2023, 8, 20), members_reached=1)

    at_city = queries.coverage_total(plan, federation.city)
    assert (at_city.targets, at_city.acknowledged, at_city.launched) == (4, 2, 1)
    by_district = dict((u.code, c) for u, c in queries.coverage_by_child(plan, federation.city))
    assert (by_district["HN-LB"].targets, by_district["HN-LB"].launched) == (3, 1)
    assert (by_district["HN-GL"].targets, by_district["HN-GL"].launched) == (1, 0)
    assert by_district["HN-LB"].members_reached == 1
    laggards = set(queries.laggards(plan, federation.long_bien).values_list("unit__code", flat=True))
    assert laggards == {"HN-LB", "LB-002"}


def test_coverage_counts_the_plans_implementing_the_campaign(issued, school_chair, lb_officer, federation):
    deployment = Deployment.objects.get(campaign=issued, unit=federation.school)
    own = services.start_own_plan(school_chair, deployment)
    services.save_part(school_chair, own, "deadline", what="Báo cáo", due_on=datetime.date(2023, 9, 16))
    Campaign.objects.filter(pk=own.pk).update(
        plan_date=datetime.date(2023, 8, 23), signer_title="TM. BCH", signer_name="Trần Thị Lan"
    )
    services.set_targets(school_chair, own, mode=TargetMode.GROUPS)
    assert queries.coverage_total(issued, federation.long_bien).own_plans == 0  # a draft is not counted
    services.issue_campaign(school_chair, Campaign.objects.get(pk=own.pk))
    total = queries.coverage_total(issued, federation.long_bien)
    # The school's plan goes to its group on paper: the two CĐCS stay the only targets.
    assert (total.targets, total.own_plans) == (2, 1)


def test_own_plan_is_written_in_vietnamese_for_a_chair_reading_english(issued, school_chair, federation):
    """Official text is Vietnamese (Nghị định 30/2020) whatever language the site is read in."""
    deployment = Deployment.objects.get(campaign=issued, unit=federation.school)
    with translation.override("en"):
        own = services.start_own_plan(school_chair, deployment)
    assert own.intro.startswith("Thực hiện Kế hoạch số 01/KH-LĐLĐ")
    assert own.title.startswith("Triển khai ")
    assert own.issuing_body == "Ban Chấp hành"


def test_action_labels_follow_the_readers_language():
    """Workflows are declared at import, before any request: their button labels must be lazy."""
    from django.utils import translation

    from thidua.campaigns.services import CAMPAIGN_WORKFLOW
    from thidua.org.services import UNIT_WORKFLOW

    labels = {t.action: t.label for t in [*UNIT_WORKFLOW.transitions, *CAMPAIGN_WORKFLOW.transitions]}
    with translation.override("en"):
        assert (str(labels["merge"]), str(labels["issue"])) == ("Merge", "Issue")
    with translation.override("vi"):
        assert (str(labels["merge"]), str(labels["issue"])) == ("Sáp nhập", "Ban hành")


def test_the_deployment_box_offers_only_the_moves_the_workflow_allows_the_user(issued, school_chair, federation, login):
    """The plan's page asks DEPLOYMENT_WORKFLOW for its buttons: the CĐCS chair sees
    "Xác nhận đã nhận" until it acknowledges, then only "Ghi nhận phát động"; a member of the
    same CĐCS reads the plan and its deployment box, and gets neither button."""
    url = reverse("campaigns:detail", args=[issued.pk])
    page = login(school_chair).get(url).content.decode()
    assert "Xác nhận đã nhận" in page and "Ghi nhận phát động" in page
    services.acknowledge(school_chair, Deployment.objects.get(campaign=issued, unit=federation.school))
    page = login(school_chair).get(url).content.decode()
    assert "Xác nhận đã nhận" not in page and "Ghi nhận phát động" in page
    member = make_user("doan_vien", RoleKind.MEMBER, federation.school)
    response = login(member).get(url)
    page = response.content.decode()
    assert response.status_code == 200 and 'data-testid="deployment-box"' in page
    assert "Xác nhận đã nhận" not in page and "Ghi nhận phát động" not in page
