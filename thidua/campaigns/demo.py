"""The campaigns stage of the demo federation (`manage.py load_demo`): the five seed plans issued
by their federations, and what their CĐCS did with them.

A demo that shows only perfect deployments hides what the coverage page is for, so each
campaign's targets are put in varied states: acknowledged only, launched to every member or to
part of them, launched late, answered with an own plan (some issued to the CĐCS's groups), or
silent. States are drawn from a fixed pattern by position in the tree — no randomness — so two
runs on fresh databases give the same rows. Seed 001 goes to Lai Châu's next level down, and one
district federation forwards it to its CĐCS.

Rerunning adds nothing: a seed whose issuer already has a campaign of the same title is left
as it is, deployments included. Each seed is entered and played out in one transaction, so an
interrupted run leaves no half-deployed campaign behind.
"""

import datetime
from collections.abc import Callable

from django.db import transaction
from django.db.models import Q

from thidua.campaigns import services
from thidua.campaigns.models import Campaign, Deployment, TargetMode
from thidua.campaigns.seeds import SEEDS, SeedPlan, enter_seed
from thidua.org.models import Member, Unit
from thidua.org.queries import totals_for

# What a target unit did, cycled over its campaign's deployments in tree order.
ACKNOWLEDGED = "acknowledged"
LAUNCHED_FULL = "launched_full"
LAUNCHED_PARTIAL = "launched_partial"
LAUNCHED_LATE = "launched_late"
OWN_PLAN_DRAFT = "own_plan_draft"
OWN_PLAN_ISSUED = "own_plan_issued"
SILENT = "silent"

PATTERN = (
    LAUNCHED_FULL,
    ACKNOWLEDGED,
    OWN_PLAN_ISSUED,
    LAUNCHED_PARTIAL,
    SILENT,
    LAUNCHED_LATE,
    OWN_PLAN_DRAFT,
)
# Shares of members reached by a partial launch, cycled like the pattern.
PARTIAL_SHARES = (0.6, 0.75, 0.9)
# The district federation of Lai Châu that takes seed 001 further down to its CĐCS.
FORWARDING_DISTRICT = "LC-TD"


def _launch_day(campaign: Campaign, index: int, late: bool) -> datetime.date:
    """A few days after the plan; "late" is after its last deadline (or, with none, six
    weeks after the plan), so the dashboard has someone to chase."""
    if not late:
        return campaign.plan_date + datetime.timedelta(days=2 + index % 5)
    last = max((d.due_on for d in campaign.deadlines.all()), default=None)
    if last is not None:
        return last + datetime.timedelta(days=3 + index % 3)
    return campaign.plan_date + datetime.timedelta(days=42 + index % 7)


def _chair_of(unit: Unit) -> Member | None:
    """Who signs a CĐCS's plan: its chair where the member list says so, else its first member."""
    members = Member.objects.filter(unit__path__startswith=unit.path).order_by("id")
    chair = members.filter(Q(position="Chủ tịch công đoàn") | Q(position__endswith=", Chủ tịch công đoàn")).first()
    return chair or members.first()


def _launch(deployment: Deployment, day: datetime.date, share: float) -> None:
    members = totals_for([deployment.unit])[deployment.unit_id].members
    services.launch(None, deployment, launched_on=day, members_reached=round(members * share))


def _own_plan(deployment: Deployment, day: datetime.date, issue: bool) -> None:
    """The CĐCS answers with its own implementing plan; when `issue`, it signs it and sends
    it to its groups (tổ công đoàn), numbered from its own register."""
    own = services.start_own_plan(None, deployment)
    chair = _chair_of(deployment.unit)
    groups = list(Unit.objects.filter(parent=deployment.unit, kind__is_group=True).order_by("path"))
    if not issue or chair is None or not groups:
        return
    services.update_campaign(
        None,
        own,
        plan_date=day,
        signer_title="TM. BAN CHẤP HÀNH\nCHỦ TỊCH",
        signer_name=chair.full_name,
        recipients="Các tổ công đoàn;\nLưu BCH.",
    )
    services.set_targets(None, own, mode=TargetMode.PICKED, units=groups)
    services.issue_campaign(None, own)


def _play(deployment: Deployment, outcome: str, index: int) -> None:
    campaign = deployment.campaign
    if outcome == SILENT:
        return
    if outcome == ACKNOWLEDGED:
        services.acknowledge(None, deployment)
        return
    day = _launch_day(campaign, index, late=outcome == LAUNCHED_LATE)
    share = PARTIAL_SHARES[index % len(PARTIAL_SHARES)] if outcome == LAUNCHED_PARTIAL else 1.0
    _launch(deployment, day, share)
    if outcome in (OWN_PLAN_DRAFT, OWN_PLAN_ISSUED):
        _own_plan(deployment, day + datetime.timedelta(days=1), issue=outcome == OWN_PLAN_ISSUED)


def _play_all(deployments: list[Deployment], offset: int) -> None:
    for index, deployment in enumerate(deployments):
        _play(deployment, PATTERN[(index + offset) % len(PATTERN)], index)


def _deployments(campaign: Campaign, via: Deployment | None = None) -> list[Deployment]:
    return list(
        Deployment.objects.filter(campaign=campaign, via=via).select_related("unit", "campaign").order_by("unit__path")
    )


def _cascade_next_level(campaign: Campaign, offset: int) -> None:
    """Seed 001 reaches Lai Châu's district federations: the forwarding district launches it
    and forwards it to its CĐCS, which then act like any target; the other units vary."""
    direct = _deployments(campaign)
    forwarding = next((d for d in direct if d.unit.code == FORWARDING_DISTRICT), direct[0] if direct else None)
    for index, deployment in enumerate(d for d in direct if d != forwarding):
        _play(deployment, PATTERN[(index + offset) % len(PATTERN)], index)
    if forwarding is None:
        return
    _launch(forwarding, _launch_day(campaign, 0, late=False), 1.0)
    services.forward(None, forwarding, mode=TargetMode.ALL_GRASSROOTS)
    _play_all(_deployments(campaign, via=forwarding), offset)


def load_demo_campaigns(log: Callable[[str], None]) -> None:
    for offset, seed in enumerate(SEEDS):
        _load_seed(seed, offset, log)


@transaction.atomic
def _load_seed(seed: SeedPlan, offset: int, log: Callable[[str], None]) -> None:
    issuer = Unit.objects.filter(code=seed.issuer_code).first()
    if issuer is None:
        log(f"  Bỏ qua kế hoạch mẫu {seed.key}: không có đơn vị mã {seed.issuer_code}.")
        return
    if Campaign.objects.filter(issuer=issuer, title=seed.title).exists():
        log(f"  Kế hoạch mẫu {seed.key} của {issuer.name} đã có.")
        return
    campaign = enter_seed(seed, issuer)
    if seed.target_mode == TargetMode.NEXT_LEVEL:
        _cascade_next_level(campaign, offset)
    else:
        _play_all(_deployments(campaign), offset)
    count = Deployment.objects.filter(campaign=campaign).count()
    log(f"  Kế hoạch số {campaign.number} của {issuer.name}: triển khai đến {count} đơn vị.")
