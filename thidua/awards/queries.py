"""Reading the nomination flow for its pages, each list in a fixed number of queries."""

from django.db.models import Count, Exists, OuterRef, Prefetch, Q
from django.utils import timezone

from thidua.awards.models import (
    LIVE_STATUSES,
    AwardKind,
    CampaignAward,
    CheckResult,
    CriterionCheck,
    Decision,
    Nomination,
    NominationStatus,
    Quota,
)
from thidua.campaigns.models import Campaign, CampaignStatus
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


def campaigns_for_unit(user, unit: Unit) -> list[Campaign]:
    """Campaigns a CĐCS may nominate for, with its nominations counted."""
    rows = list(
        campaigns_with_awards(user).annotate(
            own_count=Count("nominations", filter=Q(nominations__unit=unit, nominations__status__in=LIVE_STATUSES)),
            draft_count=Count("nominations", filter=Q(nominations__unit=unit, nominations__status=S.DRAFT)),
            returned_count=Count("nominations", filter=Q(nominations__unit=unit, nominations__status=S.RETURNED)),
        )
    )
    return [c for c in rows if unit.is_within(c.issuer)]


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
    from thidua.awards.eligibility import verdict

    labels = dict(CheckResult.choices)
    for nomination in nominations:
        checks = list(nomination.checks.all())
        nomination.verdict = verdict(checks) if checks else ""
        nomination.verdict_label = labels.get(nomination.verdict, "")
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
    rows = []
    for offer in offers(campaign):
        kind_id = offer.award_kind_id
        quota = quotas.get(kind_id, 0 if kind_id in limited else None)
        n = used.get(kind_id, 0)
        rows.append(
            {
                "offer": offer,
                "kind": offer.award_kind,
                "quota": quota,
                "used": n,
                "left": None if quota is None else max(quota - n, 0),
            }
        )
    return rows


def quota_table(campaign: Campaign) -> tuple[list[AwardKind], list[dict]]:
    """The campaign's quota grid: its offered kinds, and per CĐCS the cells (quota, used)."""
    kinds = [o.award_kind for o in offers(campaign)]
    from thidua.awards.services import quota_units  # services reads this module's years

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


def queue(user, level: Unit, *, status: str = "", award_kind=None, unit=None, campaign=None):
    """Nominations handled by `level`, filtered; "cho-xet" = waiting for its office."""
    rows = Nomination.objects.visible_to(user).filter(level=level).exclude(status__in=(S.DRAFT, S.WITHDRAWN))
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


def status_counts(user, level: Unit) -> dict[str, int]:
    return dict(
        Nomination.objects.visible_to(user)
        .filter(level=level)
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
