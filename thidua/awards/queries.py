"""Reading the nomination flow for its pages, each list in a fixed number of queries."""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import Count, Exists, OuterRef, Prefetch, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from thidua.awards.models import (
    FORM_CATEGORIES,
    LIVE_STATUSES,
    AwardKind,
    CampaignAward,
    CheckResult,
    CriterionCheck,
    Decision,
    DossierFile,
    DossierRequirement,
    Nomination,
    NominationStatus,
    Quota,
    SubjectKind,
)
from thidua.campaigns.models import Campaign, CampaignStatus, Deployment, Procedure, RewardPlan
from thidua.core.db import PATH_END
from thidua.org.models import Unit

S = NominationStatus


def campaign_year(campaign: Campaign) -> int:
    """The year a campaign's awards count for — the title year of its awards, of its criteria
    and of its caps: its end, else the date of its plan, else its start, else this year."""
    day = campaign.ends_on or campaign.plan_date or campaign.starts_on
    return day.year if day else timezone.localdate().year


def in_campaign_year(year: int, prefix: str = "campaign__") -> Q:
    """The same rule in SQL: rows whose campaign (through `prefix`) counts for `year`."""
    ends, plan, start = f"{prefix}ends_on", f"{prefix}plan_date", f"{prefix}starts_on"
    return (
        Q(**{f"{ends}__year": year})
        | Q(**{f"{ends}__isnull": True, f"{plan}__year": year})
        | Q(**{f"{ends}__isnull": True, f"{plan}__isnull": True, f"{start}__year": year})
    )


NOMINATION_RELATED = (
    "unit",
    "level",
    "award_kind",
    "campaign",
    "subject_member",
    "subject_member__unit",
    "subject_unit",
)


def offers(campaign: Campaign) -> list[CampaignAward]:
    return list(campaign.award_offers.select_related("award_kind").order_by("award_kind__order", "award_kind__name"))


def campaigns_with_awards(user):
    """Issued campaigns the user reads that offer awards, newest first."""
    return (
        Campaign.objects.visible_to(user)
        .exclude(status=CampaignStatus.DRAFT)
        .filter(Exists(CampaignAward.objects.filter(campaign=OuterRef("pk"))))
        .select_related("issuer", "reward")
        .order_by("-plan_date", "-pk")
    )


def first_due(plan_due: datetime.date | None, offer_dues) -> datetime.date | None:
    """The first day a campaign's nominations are due: each offered kind is due on its own day,
    else on the plan's (`due_date`); the earliest of them. The same day the office set
    on its setup page, so the CĐCS's lists and the office's pages say one deadline."""
    dues = [due for due in (offered or plan_due for offered in offer_dues) if due is not None]
    return min(dues) if dues else plan_due


def campaigns_for_unit(user, unit: Unit) -> list[Campaign]:
    """Campaigns a CĐCS may nominate for, with its nominations counted and their first
    deadline (`first_due`, one more query for all of them)."""
    rows = list(
        campaigns_with_awards(user).annotate(
            own_count=Count("nominations", filter=Q(nominations__unit=unit, nominations__status__in=LIVE_STATUSES)),
            draft_count=Count("nominations", filter=Q(nominations__unit=unit, nominations__status=S.DRAFT)),
            returned_count=Count("nominations", filter=Q(nominations__unit=unit, nominations__status=S.RETURNED)),
        )
    )
    rows = [c for c in rows if unit.is_within(c.issuer)]
    offer_dues: dict[int, list] = {}
    for campaign_id, due_on in CampaignAward.objects.filter(campaign__in=[c.pk for c in rows]).values_list(
        "campaign_id", "due_on"
    ):
        offer_dues.setdefault(campaign_id, []).append(due_on)
    for campaign in rows:
        reward = getattr(campaign, "reward", None)
        plan_due = reward.nomination_due_on if reward is not None else None
        campaign.due = first_due(plan_due, offer_dues.get(campaign.pk, []))
    return rows


def with_files(queryset):
    checks = Prefetch("checks", queryset=CriterionCheck.objects.select_related("criterion"))
    return (
        queryset.select_related(*NOMINATION_RELATED)
        .annotate(file_count=Count("dossier_files", distinct=True))
        .prefetch_related(checks)
    )


def with_verdicts(nominations):
    """Each nomination's overall result from the criteria stored when it was sent (none for a
    draft): `verdict` and `verdict_label`. Reads the prefetched checks: no query."""
    from thidua.awards.eligibility import verdict  # noqa: PLC0415 — eligibility imports this module (campaign years)

    labels = dict(CheckResult.choices)
    for nomination in nominations:
        checks = list(nomination.checks.all())
        nomination.verdict = verdict(checks) if checks else ""
        nomination.verdict_label = labels.get(nomination.verdict, "")
    return nominations


def with_dues(nominations):
    """Each nomination's deadline (`due`): its kind's own day in the campaign, else the plan's
    (`due_date`), read for the whole page in two queries, so the CĐCS's batch and the
    office's queue say the same day."""

    campaign_ids = {n.campaign_id for n in nominations}
    plan = dict(RewardPlan.objects.filter(campaign__in=campaign_ids).values_list("campaign_id", "nomination_due_on"))
    own = {
        (c, k): due
        for c, k, due in CampaignAward.objects.filter(campaign__in=campaign_ids).values_list(
            "campaign_id", "award_kind_id", "due_on"
        )
    }
    for nomination in nominations:
        key = (nomination.campaign_id, nomination.award_kind_id)
        nomination.due = own.get(key) or plan.get(nomination.campaign_id)
    return nominations


def unit_batch(campaign: Campaign, unit: Unit) -> list[Nomination]:
    return list(with_files(Nomination.objects.filter(campaign=campaign, unit=unit)).order_by("award_kind__order", "pk"))


def quota_rows(campaign: Campaign, unit: Unit) -> list[dict]:
    """Per offered kind: the unit's quota (None = no limit), used and left."""
    quotas = {q.award_kind_id: q.count for q in Quota.objects.filter(campaign=campaign, unit=unit)}
    limited = set(Quota.objects.filter(campaign=campaign).values_list("award_kind_id", flat=True))
    used = dict(
        Nomination.objects.filter(campaign=campaign, unit=unit, status__in=LIVE_STATUSES)
        .values_list("award_kind_id")
        .annotate(n=Count("pk"))
        .values_list("award_kind_id", "n")
    )
    reward = getattr(campaign, "reward", None)
    plan_due = reward.nomination_due_on if reward is not None else None
    rows = []
    for offer in offers(campaign):
        kind_id = offer.award_kind_id
        quota = quotas.get(kind_id, 0 if kind_id in limited else None)
        n = used.get(kind_id, 0)
        rows.append(
            {
                "offer": offer,
                "kind": offer.award_kind,
                "due": offer.due_on or plan_due,
                "quota": quota,
                "used": n,
                "left": None if quota is None else max(quota - n, 0),
            }
        )
    return rows


def quota_table(campaign: Campaign) -> tuple[list[AwardKind], list[dict]]:
    """The campaign's quota grid: its offered kinds, and per CĐCS the cells (quota, used)."""
    kinds = [o.award_kind for o in offers(campaign)]
    units = list(quota_units(campaign))
    quotas = {(q.unit_id, q.award_kind_id): q.count for q in Quota.objects.filter(campaign=campaign)}
    used = {
        (u, k): n
        for u, k, n in Nomination.objects.filter(campaign=campaign, status__in=LIVE_STATUSES)
        .values_list("unit_id", "award_kind_id")
        .annotate(n=Count("pk"))
        .values_list("unit_id", "award_kind_id", "n")
    }
    rows = [
        {
            "unit": unit,
            "cells": [
                {"kind": kind, "quota": quotas.get((unit.pk, kind.pk)), "used": used.get((unit.pk, kind.pk), 0)}
                for kind in kinds
            ],
        }
        for unit in units
    ]
    return kinds, rows


def _handled_by(level: Unit, subtree: bool) -> Q:
    """The level itself, or (a viewer above reading) every level of its subtree."""
    if not subtree:
        return Q(level=level)

    return Q(level__path__gte=level.path, level__path__lt=level.path + PATH_END)


def queue(user, level: Unit, *, status: str = "", award_kind=None, unit=None, campaign=None, subtree=False):
    """Nominations handled by `level` (with `subtree`, by any level of its subtree: what a
    viewer above reads), filtered; "cho-xet" = waiting for its office."""
    rows = (
        Nomination.objects.visible_to(user)
        .filter(_handled_by(level, subtree))
        .exclude(status__in=(S.DRAFT, S.WITHDRAWN))
    )
    if status == "cho-xet":
        rows = rows.filter(status__in=(S.SUBMITTED, S.FORWARDED))
    elif status:
        rows = rows.filter(status=status)
    if award_kind is not None:
        rows = rows.filter(award_kind=award_kind)
    if unit is not None:
        rows = rows.filter(unit__path__startswith=unit.path)
    if campaign is not None:
        rows = rows.filter(campaign=campaign)
    return with_files(rows).order_by("-submitted_at", "-pk")


def status_counts(user, level: Unit, *, subtree: bool = False) -> dict[str, int]:
    return dict(
        Nomination.objects.visible_to(user)
        .filter(_handled_by(level, subtree))
        .values_list("status")
        .annotate(n=Count("pk"))
        .values_list("status", "n")
    )


def decidable(level: Unit, campaign: Campaign | None = None) -> list[Nomination]:
    """RECOMMENDED nominations the level may decide (within its authority)."""
    rows = with_files(Nomination.objects.filter(level=level, status=S.RECOMMENDED))
    if campaign is not None:
        rows = rows.filter(campaign=campaign)
    issuer_level = level.kind.level
    rows = rows.filter(Q(award_kind__issuer_level__isnull=True) | Q(award_kind__issuer_level__gte=issuer_level))
    return list(rows.order_by("campaign_id", "award_kind__order", "unit__path", "pk"))


def decisions(user):
    return (
        Decision.objects.visible_to(user)
        .select_related("unit", "campaign", "register_entry")
        .annotate(award_count=Count("awards"))
        .order_by("-issued_on", "-pk")
    )


# --- what a campaign says and what a unit may still do (read by the services and the pages) ---


def procedure_of(campaign: Campaign) -> str:
    reward = getattr(campaign, "reward", None)
    return reward.procedure if reward is not None else Procedure.STANDARD


def due_date(campaign: Campaign, award_kind: AwardKind | None = None) -> datetime.date | None:
    """The date nominations are due: the offer's own, else the plan's `nomination_due_on`."""
    if award_kind is not None:
        offer = CampaignAward.objects.filter(campaign=campaign, award_kind=award_kind).first()
        if offer is not None and offer.due_on:
            return offer.due_on
    reward = getattr(campaign, "reward", None)
    return reward.nomination_due_on if reward is not None else None


def handling_level(campaign: Campaign, unit: Unit) -> Unit:
    """The unit that reviews `unit`'s nominations first: the campaign's issuer when it is the
    unit or above it (a CĐCS's own campaign is handled by the CĐCS), else the nearest
    federation above the unit."""
    issuer = campaign.issuer
    if unit.is_within(issuer):
        return issuer
    parent = unit.parent
    while parent is not None and not parent.kind.is_federation:
        parent = parent.parent
    if parent is None:
        raise ValidationError(_("Đơn vị này không có cấp trên để gửi đề nghị khen thưởng."))
    return parent


def requirements_for(campaign: Campaign, subject: str | None = None) -> list[DossierRequirement]:
    """The dossier's checklist: the campaign's own list if it has one, else the defaults of
    its procedure; narrowed to what applies to a collective or an individual."""
    found = DossierRequirement.objects.filter(campaign=campaign)
    if not found.exists():
        found = DossierRequirement.objects.filter(campaign__isnull=True, procedure=procedure_of(campaign))
    rows = list(found.order_by("order", "id"))
    if subject is None:
        return rows
    return [r for r in rows if r.subject in ("", SubjectKind.BOTH, subject)]


def subject_kind(nomination: Nomination) -> str:
    return SubjectKind.COLLECTIVE if nomination.is_collective else SubjectKind.INDIVIDUAL


def missing_requirements(nomination: Nomination) -> list[DossierRequirement]:
    """Required documents the unit uploads (not the generated tờ trình and list) still missing."""
    have = set(DossierFile.objects.filter(nomination=nomination).values_list("requirement_id", flat=True))
    return [
        r
        for r in requirements_for(nomination.campaign, subject_kind(nomination))
        if r.is_required and not r.generated and r.pk not in have
    ]


def living(queryset=None):
    return (queryset if queryset is not None else Nomination.objects.all()).filter(status__in=LIVE_STATUSES)


def quota_left(campaign: Campaign, unit: Unit, award_kind: AwardKind) -> int | None:
    """How many more nominations of the kind `unit` may make; None = no limit (the campaign
    set no quotas for the kind)."""
    quota = Quota.objects.filter(campaign=campaign, unit=unit, award_kind=award_kind).first()
    if quota is None:
        if Quota.objects.filter(campaign=campaign, award_kind=award_kind).exists():
            return 0
        return None
    used = living().filter(campaign=campaign, unit=unit, award_kind=award_kind).count()
    return max(quota.count - used, 0)


def quota_units(campaign: Campaign):
    """The units a campaign's quotas go to: the CĐCS below its issuer that it was deployed to
    (every CĐCS below the issuer when it has no deployments)."""

    issuer = campaign.issuer
    units = Unit.objects.within(issuer).exclude(pk=issuer.pk).filter(kind__is_grassroots=True).active()
    deployed = Deployment.objects.filter(campaign=campaign).values("unit_id")
    if Deployment.objects.filter(campaign=campaign, unit__kind__is_grassroots=True).exists():
        units = units.filter(pk__in=deployed)
    return units.select_related("kind").order_by("path")


def is_form(award_kind: AwardKind) -> bool:
    """A form of commendation (Giấy khen, Bằng khen, biểu dương), not an emulation title."""
    return award_kind.category in FORM_CATEGORIES


def is_small_collective(unit: Unit) -> bool:
    return unit.member_count <= getattr(settings, "THIDUA_SMALL_COLLECTIVE_MAX", 30)
