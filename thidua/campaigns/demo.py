"""The campaigns stage of the demo federation (`manage.py load_demo`): the five seed plans issued
by their federations, and what their CĐCS did with them.

A demo that shows only perfect deployments hides what the coverage page is for, so each
campaign's targets are put in varied states: acknowledged only, launched to every member or to
part of them, launched late, answered with an own plan (some issued to the CĐCS's groups), or
silent. States are drawn from a fixed pattern by position in the tree — no randomness — so two
runs on fresh databases give the same rows. Seed 001 goes to Lai Châu's next level down, and one
district federation forwards it to its CĐCS.

The seeds are archived papers: they keep their printed numbers, dates and deadlines (2019–2023),
so every login would otherwise open on deadlines years overdue. An office at work has this
year's plan open next to last years' archive, so the demo adds a living plan (`living_plan`)
for each issuer of the seeds (Long Biên, Gia Lâm, Lai Châu): its plan for the current year,
written from the seeds' own content (Long Biên: seed 004's yearly theme and its "dân vận khéo"
models; seed 000's awards criteria; each issuer's signer and recipients), dated from the demo's "today"
(core.demo.today): issued three weeks ago, a registration deadline just missed, a model
deadline this week, a review report later. Moving the seeds' dates instead would print a 2023
paper with 2026 deadlines; copying the seeds' text would print another year's wording.

Rerunning adds nothing: a seed whose issuer already has a campaign of the same title is left
as it is, deployments included; the living plan is found by its title's stem, whatever day the
rerun is. Each seed is entered and played out in one transaction, so an
interrupted run leaves no half-deployed campaign behind.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from thidua.campaigns import services
from thidua.campaigns.models import Campaign, CampaignKind, Deployment, SectionPart, TargetMode
from thidua.campaigns.seeds import (
    SEED_000,
    SEED_001,
    SEED_002,
    SEED_004,
    SEEDS,
    Section,
    SeedDeadline,
    SeedPlan,
    enter_seed,
    text,
)
from thidua.core import demo
from thidua.core.demo import SYSTEM
from thidua.documents.demo import load_demo_letterheads
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
    # The last deadline already past on the demo's day: a launch is never dated in the future.
    today = demo.today()
    last = max((d.due_on for d in campaign.deadlines.all() if d.due_on < today), default=None)
    if last is not None:
        return min(last + datetime.timedelta(days=3 + index % 3), today)
    return min(campaign.plan_date + datetime.timedelta(days=42 + index % 7), today)


def _chair_of(unit: Unit) -> Member | None:
    """Who signs a CĐCS's plan: its chair where the member list says so, else its first member."""
    members = Member.objects.filter(unit__path__startswith=unit.path).order_by("id")
    chair = members.filter(Q(position="Chủ tịch công đoàn") | Q(position__endswith=", Chủ tịch công đoàn")).first()
    return chair or members.first()


def _launch(deployment: Deployment, day: datetime.date, share: float) -> None:
    members = totals_for([deployment.unit])[deployment.unit_id].members
    services.launch(SYSTEM, deployment, launched_on=day, members_reached=round(members * share))


def _own_plan(deployment: Deployment, day: datetime.date, issue: bool) -> None:
    """The CĐCS answers with its own implementing plan; when `issue`, it signs it and sends
    it to its groups (tổ công đoàn), numbered from its own register."""
    own = services.start_own_plan(SYSTEM, deployment)
    chair = _chair_of(deployment.unit)
    groups = list(Unit.objects.filter(parent=deployment.unit, kind__is_group=True).order_by("path"))
    if not issue or chair is None or not groups:
        return
    services.update_campaign(
        SYSTEM,
        own,
        plan_date=day,
        signer_title="TM. BAN CHẤP HÀNH\nCHỦ TỊCH",
        signer_name=chair.full_name,
        recipients="Các tổ công đoàn;\nLưu BCH.",
    )
    services.set_targets(SYSTEM, own, mode=TargetMode.GROUPS)
    services.issue_campaign(SYSTEM, own)


def _play(deployment: Deployment, outcome: str, index: int) -> None:
    campaign = deployment.campaign
    if outcome == SILENT:
        return
    if outcome == ACKNOWLEDGED:
        services.acknowledge(SYSTEM, deployment)
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
    services.forward(SYSTEM, forwarding, mode=TargetMode.ALL_GRASSROOTS)
    _play_all(_deployments(campaign, via=forwarding), offset)


def load_demo_campaigns(log: Callable[[str], None]) -> None:
    # Who signs each unit's papers, before the first paper is issued (documents.demo).
    load_demo_letterheads(log)
    for offset, seed in enumerate(SEEDS):
        _load_seed(seed, offset, log)
    _load_living(log)


# The living plan's title without its year: how a rerun finds it on any day.
LIVING_TITLE_STEM = "Tổ chức phong trào thi đua thực hiện chủ đề công tác năm"
# Days from the demo's today (negative: already past). A login sees one deadline missed, one
# due this week, one later (campaigns.models.Deadline.state, THIDUA_DUE_SOON_DAYS = 7).
LIVING_PLAN_DAY, LIVING_START, LIVING_END = -21, -20, 180
LIVING_REGISTRATION_DUE, LIVING_MODEL_DUE, LIVING_REVIEW_DUE = -5, 4, 45


@dataclass(frozen=True)
class LivingIssuer:
    """An issuer of the seeds that gets this year's plan: its latest seed gives the paper's
    place, signer, recipients and how it deploys; the theme and the wording are the year's."""

    seed: SeedPlan
    theme: str
    where: str  # "quận Long Biên": the plan is for the CNVCLĐ of …
    office: str  # "LĐLĐ Quận": where units send what they owe
    model: str  # the model (mô hình) each CĐCS registers


LIVING_ISSUERS = (
    LivingIssuer(SEED_000, SEED_004.movement_name, "quận Long Biên", "LĐLĐ Quận", "mô hình “dân vận khéo”"),
    LivingIssuer(SEED_002, "Lao động giỏi, lao động sáng tạo", "huyện Gia Lâm", "LĐLĐ Huyện", "mô hình, cách làm hay"),
    LivingIssuer(SEED_001, "Lao động giỏi, lao động sáng tạo", "tỉnh Lai Châu", "LĐLĐ Tỉnh", "mô hình, cách làm hay"),
)


def living_plan(issuer: LivingIssuer = LIVING_ISSUERS[0]) -> SeedPlan:
    """This year's plan of one of the seeds' issuers, dated from core.demo.today()."""
    day = demo.days_from_today
    year = day(LIVING_PLAN_DAY).year
    seed = issuer.seed
    return SeedPlan(
        key="living",
        issuer_code=seed.issuer_code,
        issuer_name=seed.issuer_name,
        kind=CampaignKind.ANNUAL_THEME,
        number=None,  # the next number of the issuer's register for the year
        plan_date=day(LIVING_PLAN_DAY),
        place=seed.place,
        title=f"{LIVING_TITLE_STEM} {year} “{issuer.theme}” trong CNVCLĐ {issuer.where}",
        movement_name=issuer.theme,
        intro=f"Thực hiện chủ đề công tác năm {year} “{issuer.theme}”, Ban thường vụ {seed.issuer_name} xây dựng "
        f"kế hoạch tổ chức phong trào thi đua trong CNVCLĐ {issuer.where} như sau:",
        sections=(
            Section(
                SectionPart.CONTENT,
                "NỘI DUNG THI ĐUA:",
                text(
                    f"- 100% công đoàn cơ sở đăng ký thi đua và chỉ tiêu năm với {issuer.office}.",
                    f"- Mỗi công đoàn cơ sở đăng ký ít nhất 01 {issuer.model}.",
                    "- Đoàn viên đăng ký danh hiệu thi đua, sáng kiến; công đoàn cơ sở theo dõi, báo cáo định kỳ.",
                ),
            ),
        ),
        closing=f"Trên đây là kế hoạch tổ chức phong trào thi đua năm {year} của {seed.issuer_name}.",
        recipients=seed.recipients,
        # Signed by whoever signed the issuer's latest seed.
        signer_title=seed.signer_title,
        signer_name=seed.signer_name,
        target_mode=seed.target_mode,
        starts_on=day(LIVING_START),
        ends_on=day(LIVING_END),
        activities=SEED_000.activities[:1],
        deadlines=(
            SeedDeadline(f"Đăng ký thi đua, chỉ tiêu năm gửi về {issuer.office}", day(LIVING_REGISTRATION_DUE)),
            SeedDeadline(f"Đăng ký {issuer.model} gửi về {issuer.office}", day(LIVING_MODEL_DUE)),
            SeedDeadline(f"Báo cáo sơ kết phong trào thi đua gửi về {issuer.office}", day(LIVING_REVIEW_DUE)),
        ),
        reward={
            **{k: v for k, v in SEED_000.reward.items() if k != "nomination_due_text"},
            "nomination_due_on": day(LIVING_REVIEW_DUE),
        },
    )


def living_campaign(issuer_code: str = SEED_000.issuer_code) -> Campaign | None:
    return Campaign.objects.filter(
        issuer__code=issuer_code, implements__isnull=True, title__startswith=LIVING_TITLE_STEM
    ).first()


def _load_living(log: Callable[[str], None]) -> None:
    for issuer in LIVING_ISSUERS:
        _load_living_of(issuer, log)


@transaction.atomic
def _load_living_of(living: LivingIssuer, log: Callable[[str], None]) -> None:
    plan = living_plan(living)
    issuer = Unit.objects.filter(code=plan.issuer_code).first()
    if issuer is None:
        log(f"  Bỏ qua kế hoạch năm: không có đơn vị mã {plan.issuer_code}.")
        return
    if living_campaign(plan.issuer_code) is not None:
        log(f"  Kế hoạch năm của {issuer.name} đã có.")
        return
    campaign = enter_seed(plan, issuer, SYSTEM)
    _play_all(_deployments(campaign), 0)
    log(f"  Kế hoạch năm số {campaign.number} của {issuer.name} (ngày {campaign.plan_date:%d/%m/%Y}).")


@transaction.atomic
def _load_seed(seed: SeedPlan, offset: int, log: Callable[[str], None]) -> None:
    issuer = Unit.objects.filter(code=seed.issuer_code).first()
    if issuer is None:
        log(f"  Bỏ qua kế hoạch mẫu {seed.key}: không có đơn vị mã {seed.issuer_code}.")
        return
    if Campaign.objects.filter(issuer=issuer, title=seed.title).exists():
        log(f"  Kế hoạch mẫu {seed.key} của {issuer.name} đã có.")
        return
    campaign = enter_seed(seed, issuer, SYSTEM)
    if seed.target_mode == TargetMode.NEXT_LEVEL:
        _cascade_next_level(campaign, offset)
    else:
        _play_all(_deployments(campaign), offset)
    # The seeds are history: their plans reached the units the day after they were signed, not
    # the day the demo is loaded (the home page folds plans long received for ended campaigns).
    received = datetime.datetime.combine(
        campaign.plan_date + datetime.timedelta(days=1), datetime.time(8), tzinfo=timezone.get_current_timezone()
    )
    Deployment.objects.filter(campaign__lineage__startswith=campaign.lineage).update(deployed_at=received)
    Campaign.objects.filter(lineage__startswith=campaign.lineage, issued_at__isnull=False).update(issued_at=received)
    count = Deployment.objects.filter(campaign=campaign).count()
    log(f"  Kế hoạch số {campaign.number} của {issuer.name}: triển khai đến {count} đơn vị.")
