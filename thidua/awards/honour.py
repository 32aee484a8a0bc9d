"""The honour roll (bảng vinh danh) of a campaign and who may read which award documents.

The honour roll is public: it shows what a public decision prints — the awardee's name, their
position and unit as printed, the award — for issued decisions only; never a draft, never
contact data. Its statistics say who the awards went to, by bloc (the sector of the awarded
unit, or of the member's CĐCS) and by the level that decided (CĐCS, district, province,
Confederation), with the share of small collectives and of direct workers (seed 002: "chú trọng
khen thưởng tập thể nhỏ và công nhân lao động trực tiếp"). Every figure is one SQL aggregation:
the page runs the same queries whatever the number of awards.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import BooleanField, Count, Exists, ExpressionWrapper, OuterRef, Q, QuerySet, Value
from django.db.models.functions import Coalesce, NullIf
from django.utils.translation import gettext_lazy as _

from thidua.awards.models import Award, Decision, DecisionStatus
from thidua.campaigns.models import Campaign
from thidua.documents.queries import public_signed_entries
from thidua.org.models import Sector, acts_for_unit

# The level of the unit that decided (org.UnitKind.level).
LEVEL_NAMES = {
    0: _("Tổng Liên đoàn Lao động Việt Nam"),
    1: _("LĐLĐ tỉnh, thành phố"),
    2: _("Công đoàn cấp trên trực tiếp cơ sở (quận, huyện, ngành)"),
    3: _("Công đoàn cơ sở"),
}
NO_BLOC = _("Không thuộc khối (công đoàn cấp trên)")

ISSUED = Q(decision__status=DecisionStatus.ISSUED)
COLLECTIVE = Q(member__isnull=True)
INDIVIDUAL = Q(member__isnull=False)


# ---------------------------------------------------------------- who reads what


def issuer_side(user, decision: Decision) -> bool:
    """The decision's unit is in the user's subtree: they print its certificates."""
    if user.is_superuser:
        return True
    role = getattr(user, "acting_role", None)
    return acts_for_unit(role) and decision.unit.path.startswith(role.unit.path)


def public_decisions(campaign: Campaign, shown: list[Decision]) -> list[Decision]:
    """The campaign's issued decisions whose signed original the issuing unit made public
    (issue 21), for every visitor, less those already in `shown` (the reader's own list, where
    their PDF link serves the signed original). Two queries."""
    decisions = list(
        Decision.objects.filter(status=DecisionStatus.ISSUED, campaign=campaign, register_entry__isnull=False)
        .select_related("unit", "register_entry")
        .order_by("issued_on", "pk")
    )
    public = public_signed_entries(d.register_entry_id for d in decisions)
    seen = {d.pk for d in shown}
    return [d for d in decisions if d.register_entry_id in public and d.pk not in seen]


def downloads(user, campaign: Campaign, awards) -> tuple[list[Decision], set[int]]:
    """For a signed-in reader of the honour roll: the campaign's issued decisions they may
    download, and which of `awards` (the page shown) they may download the certificate of.
    Two queries, none for an anonymous visitor."""
    if not user.is_authenticated:
        return [], set()
    decisions = list(
        Decision.objects.readable_by(user)
        .filter(status=DecisionStatus.ISSUED, campaign=campaign)
        .select_related("unit", "register_entry")
        .order_by("issued_on", "pk")
    )
    for decision in decisions:
        decision.can_print = issuer_side(user, decision)
    ids = [a.pk for a in awards]
    certificates = set(Award.objects.readable_by(user).filter(ISSUED, pk__in=ids).values_list("pk", flat=True))
    return decisions, certificates


# ---------------------------------------------------------------- the honour roll


def honoured_campaigns() -> QuerySet[Campaign]:
    """Campaigns with at least one award of an issued decision: the honour roll's index."""
    awarded = Award.objects.filter(ISSUED, campaign=OuterRef("pk"))
    return (
        Campaign.objects.filter(Exists(awarded))
        .annotate(award_count=Count("awards", filter=Q(awards__decision__status=DecisionStatus.ISSUED)))
        .select_related("issuer")
        .order_by("-ends_on", "-plan_date", "-id")
    )


def honoured_campaign(pk) -> Campaign | None:
    try:
        return honoured_campaigns().get(pk=pk)
    except (Campaign.DoesNotExist, ValueError, TypeError):
        return None


def roll(campaign: Campaign) -> QuerySet[Award]:
    """The awardees of the campaign's issued decisions, by kind (catalogue order), collectives
    first, then in the decision's order: the columns the page shows, one query."""
    return (
        Award.objects.filter(ISSUED, campaign=campaign)
        .select_related("award_kind")
        .only("name", "position", "member_id", "award_kind__name", "award_kind__order", "decision_id", "order")
        .annotate(is_individual=ExpressionWrapper(INDIVIDUAL, output_field=BooleanField()))
        .order_by("award_kind__order", "award_kind__name", "award_kind_id", "is_individual", "decision_id", "order")
    )


@dataclass
class Figures:
    """Counts of a group of awards, with the two shares seed 002 asks to watch."""

    label: str
    total: int = 0
    collectives: int = 0
    individuals: int = 0
    small_collectives: int = 0
    direct_workers: int = 0

    @property
    def small_share(self) -> float | None:
        return 100 * self.small_collectives / self.collectives if self.collectives else None

    @property
    def direct_share(self) -> float | None:
        return 100 * self.direct_workers / self.individuals if self.individuals else None


_COUNTS = {
    "total": Count("id"),
    "collectives": Count("id", filter=COLLECTIVE),
    "individuals": Count("id", filter=INDIVIDUAL),
    "small_collectives": Count("id", filter=COLLECTIVE & Q(is_small_collective=True)),
    "direct_workers": Count("id", filter=INDIVIDUAL & Q(is_direct_worker=True)),
}


def _figures(label, row: dict) -> Figures:
    return Figures(label, **{key: row[key] or 0 for key in _COUNTS})


def statistics(campaign: Campaign) -> dict:
    """Totals, by bloc, by deciding level and by kind: four aggregate queries."""
    awards = Award.objects.filter(ISSUED, campaign=campaign)
    total = _figures(_("Tổng cộng"), awards.aggregate(**_COUNTS))
    # A member's unit may be a group (tổ công đoàn) without a bloc of its own: its CĐCS's.
    bloc = Coalesce(NullIf("unit__sector", Value("")), NullIf("unit__parent__sector", Value("")), Value(""))
    bloc_names = dict(Sector.choices)
    by_bloc = [
        _figures(bloc_names.get(row["bloc"], NO_BLOC), row)
        for row in awards.annotate(bloc=bloc).values("bloc").annotate(**_COUNTS).order_by("bloc")
    ]
    by_bloc.sort(key=lambda f: (f.label == NO_BLOC, -f.total))
    by_level = [
        _figures(LEVEL_NAMES.get(row["decision__unit__kind__level"], "—"), row)
        for row in awards.values("decision__unit__kind__level")
        .annotate(**_COUNTS)
        .order_by("decision__unit__kind__level")
    ]
    by_kind = [
        _figures(row["award_kind__name"], row)
        for row in awards.values("award_kind__name", "award_kind__order")
        .annotate(**_COUNTS)
        .order_by("award_kind__order", "award_kind__name")
    ]
    return {"total": total, "by_bloc": by_bloc, "by_level": by_level, "by_kind": by_kind}
