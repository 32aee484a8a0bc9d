"""Awards figures of a subtree — for the home page's panel and the campaign review (reports).

An award counts in the subtree of its `unit` (the awarded collective, or the member's unit),
found by the unit path's range: one grouped query for the awards by kind, whose sums give the
totals, and one count of the nominations still in progress — two queries whatever the size of
the tree.

Which awards: those of issued decisions and those entered from earlier paper decisions (no
decision). Between `start` and `end`: a decision's awards by the day it was issued; a paper
award by its year (it has no day). With `campaign`: that campaign's awards and nominations.
Nominations in progress are those sent and not yet decided (returned for correction included),
counted by the proposing unit's path, whatever their dates.
"""

import datetime

from django.db.models import Count, Q
from django.utils.translation import gettext as _

from thidua.awards.models import Award, DecisionStatus, Nomination, NominationStatus
from thidua.org.models import Unit

N = NominationStatus
PENDING = (N.SUBMITTED, N.RETURNED, N.ACCEPTED, N.AT_COUNCIL, N.RECOMMENDED, N.FORWARDED)


def _awards(unit: Unit, start: datetime.date | None, end: datetime.date | None, campaign):
    awards = Award.objects.within(unit).filter(Q(decision__isnull=True) | Q(decision__status=DecisionStatus.ISSUED))
    if campaign is not None:
        awards = awards.filter(campaign=campaign)
    if start is not None or end is not None:
        start = start or datetime.date.min
        end = end or datetime.date.max
        decided = Q(decision__issued_on__gte=start, decision__issued_on__lte=end)
        on_paper = Q(decision__isnull=True, year__gte=start.year, year__lte=end.year)
        awards = awards.filter(decided | on_paper)
    return awards


def award_figures(
    unit: Unit,
    *,
    start: datetime.date | None = None,
    end: datetime.date | None = None,
    campaign=None,
) -> dict:
    """collectives, individuals (of whom direct_workers), small_collectives, by_kind — a list of
    (award kind's name, count), in the catalogue's order — and nominations_pending."""
    collective = Q(member__isnull=True)
    rows = (
        _awards(unit, start, end, campaign)
        .values("award_kind__order", "award_kind__name")
        .annotate(
            collectives=Count("id", filter=collective),
            individuals=Count("id", filter=~collective),
            direct_workers=Count("id", filter=~collective & Q(is_direct_worker=True)),
            small_collectives=Count("id", filter=collective & Q(is_small_collective=True)),
        )
        .order_by("award_kind__order", "award_kind__name")
    )
    figures = {"collectives": 0, "individuals": 0, "direct_workers": 0, "small_collectives": 0, "by_kind": []}
    for row in rows:
        for name in ("collectives", "individuals", "direct_workers", "small_collectives"):
            figures[name] += row[name]
        figures["by_kind"].append((row["award_kind__name"], row["collectives"] + row["individuals"]))
    pending = Nomination.objects.within(unit).filter(status__in=PENDING)
    if campaign is not None:
        pending = pending.filter(campaign=campaign)
    figures["nominations_pending"] = pending.count()
    return figures


def share(part: int, whole: int) -> str:
    """ "37,5" — a percentage as Vietnamese writes it; "0" of nothing."""
    if not whole:
        return "0"
    return f"{round(100 * part / whole, 1):g}".replace(".", ",")


def review_lines(campaign, unit: Unit, start: datetime.date | None, end: datetime.date | None) -> list[str]:
    """The awards part of a campaign review's draft (reports.review_document): the campaign's
    awards in the issuer's subtree, or those of the stretch reviewed when it has dates."""

    if start and end:
        figures = award_figures(unit, start=start, end=end)
        scope = _("từ ngày %(start)s đến ngày %(end)s, trong toàn đơn vị") % {
            "start": f"{start:%d/%m/%Y}",
            "end": f"{end:%d/%m/%Y}",
        }
    else:
        figures = award_figures(unit, campaign=campaign)
        scope = _("gắn với kế hoạch")
    lines = [
        _(
            "- Khen thưởng (%(scope)s): %(collectives)s tập thể, %(individuals)s cá nhân, trong đó "
            "%(direct)s cá nhân là công nhân lao động trực tiếp (%(direct_pct)s%%), %(small)s tập thể nhỏ "
            "(%(small_pct)s%% số tập thể)."
        )
        % {
            "scope": scope,
            "collectives": _n(figures["collectives"]),
            "individuals": _n(figures["individuals"]),
            "direct": _n(figures["direct_workers"]),
            "direct_pct": share(figures["direct_workers"], figures["individuals"]),
            "small": _n(figures["small_collectives"]),
            "small_pct": share(figures["small_collectives"], figures["collectives"]),
        }
    ]
    if figures["by_kind"]:
        kinds = "; ".join(f"{name}: {_n(count)}" for name, count in figures["by_kind"])
        lines.append(_("- Theo hình thức, danh hiệu: %(kinds)s.") % {"kinds": kinds})
    lines.append(_("- Hồ sơ đề nghị khen thưởng đang được xét: %(n)s.") % {"n": _n(figures["nominations_pending"])})
    return lines


def _n(value: int) -> str:
    return f"{value:,}".replace(",", ".")
