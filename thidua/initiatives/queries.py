"""Reads of initiatives shaped for pages: the counters of a subtree (and of each child of a
unit), the golden book, the list, and the initiatives similar to a title.

Counters are SQL sums of the per-unit `Tally` rows over the unit path range (their own copy of
the path, core.tree: no join); per child they are grouped by the child's path prefix, so a
province's table is one query whatever its size.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Case, Q, Sum, Value, When
from django.db.models.functions import Substr

from thidua.core.db import PATH_END, PATH_STEP
from thidua.core.text import fold, search_terms
from thidua.initiatives.models import Initiative, InitiativeStatus, Recognition, Tally, UnitTally
from thidua.org.models import Unit


@dataclass(frozen=True)
class Counters:
    registered: int = 0
    recognised: int = 0
    applied: int = 0
    benefit: Decimal = Decimal(0)

    @property
    def benefit_text(self) -> str:
        return f"{int(self.benefit):,}".replace(",", ".")


@dataclass(frozen=True)
class Filters:
    """Which counters: a programme, a campaign, a year, a quarter of that year (None = all)."""

    programme_id: int | None = None
    campaign_id: int | None = None
    year: int | None = None
    quarter: int | None = None


_SUMS = {
    "registered": Sum("registered"),
    "recognised": Sum("recognised"),
    "applied": Sum("applied"),
    "benefit": Sum("benefit"),
}


def _tallies(unit: Unit, filters: Filters):
    """Tally rows of the subtree; without a filter, the one-row-per-unit totals."""
    if filters == Filters():
        return UnitTally.objects.filter(unit_path__gte=unit.path, unit_path__lt=unit.path + PATH_END)
    rows = Tally.objects.filter(unit_path__gte=unit.path, unit_path__lt=unit.path + PATH_END)
    if filters.programme_id:
        rows = rows.filter(programme_id=filters.programme_id)
    if filters.campaign_id:
        rows = rows.filter(campaign_id=filters.campaign_id)
    if filters.year:
        rows = rows.filter(year=filters.year)
        if filters.quarter:
            rows = rows.filter(quarter=filters.quarter)
    return rows


def _counters(row: dict) -> Counters:
    return Counters(
        registered=int(row["registered"] or 0),
        recognised=int(row["recognised"] or 0),
        applied=int(row["applied"] or 0),
        benefit=Decimal(row["benefit"] or 0),
    )


def counters(unit: Unit, filters: Filters | None = None) -> Counters:
    """The subtree's registered, recognised, applied initiatives and their benefit (one query)."""
    return _counters(_tallies(unit, filters or Filters()).aggregate(**_SUMS))


def counters_by_child(unit: Unit, filters: Filters | None = None) -> list[tuple[Unit, Counters]]:
    """One row per child of `unit` with initiatives below it, plus the unit's own (two queries)."""
    width = len(unit.path) + PATH_STEP
    rows = (
        _tallies(unit, filters or Filters())
        .annotate(branch=Substr("unit_path", 1, width))
        .values("branch")
        .annotate(**_SUMS)
        .order_by()
    )
    by_path = {row["branch"]: _counters(row) for row in rows}
    units = Unit.objects.filter(path__in=by_path).order_by("name")
    return [(u, by_path[u.path]) for u in units]


# --- the golden book, lists ---------------------------------------------------------------------


def golden_book(unit: Unit):
    """The unit's own golden book, by entry number (one query)."""
    return Recognition.objects.filter(unit=unit).for_book()


# An initiative proposed from below is the receiving level's work until its decision.
OPEN_AT_LEVEL = (
    InitiativeStatus.PROPOSED,
    InitiativeStatus.WITH_SUPPORT_TEAM,
    InitiativeStatus.AT_COUNCIL,
    InitiativeStatus.COUNCIL_PASSED,
)


def proposed_from_below(unit: Unit):
    """Initiatives CĐCS (or unions) below proposed to `unit`, still in its hands: its queue
    ("Cấp dưới đề nghị"), waiting ones first."""
    step = Case(*[When(status=s, then=Value(n)) for n, s in enumerate(OPEN_AT_LEVEL)])
    return (
        Initiative.objects.filter(level=unit, status__in=OPEN_AT_LEVEL)
        .exclude(unit=unit)
        .select_related("unit", "level", "programme")
        .order_by(step, "pk")
    )


def initiatives_for_table(user, *, status: str = "", q: str = "", from_below: Unit | None = None):
    rows = Initiative.objects.visible_to(user).for_table()
    if from_below is not None:
        rows = rows.filter(pk__in=proposed_from_below(from_below).values("pk"))
    if status in InitiativeStatus.values:
        rows = rows.filter(status=status)
    for term in search_terms(q)[:6]:
        rows = rows.filter(search_key__contains=term)
    return rows


# --- similar initiatives (the duplicate warning) ----------------------------------------------

# Words every title has: they say nothing about whether two ideas are the same.
STOP_WORDS = frozenset(
    [
        "va",
        "cua",
        "cho",
        "cac",
        "trong",
        "tai",
        "voi",
        "de",
        "nhung",
        "mot",
        "la",
        "cong",
        "tac",
        "doan",
        "vien",
        "hoat",
        "dong",
        "nang",
        "cao",
        "hieu",
        "qua",
        "giai",
        "phap",
        "ve",
        "theo",
        "tu",
    ]
)
SIMILAR_THRESHOLD = 0.35
CANDIDATE_CAP = 400


def _trigrams(text: str) -> set[str]:
    padded = f"  {text} "
    return {padded[i : i + 3] for i in range(len(padded) - 2)}


def similarity(a: str, b: str) -> float:
    """Jaccard similarity of the character trigrams of two folded titles: accents, word order
    and a typo or two change it little."""
    return _jaccard(_trigrams(fold(a)), fold(b))


def _jaccard(ta: set[str], folded: str) -> float:
    tb = _trigrams(folded)
    return len(ta & tb) / len(ta | tb) if ta and tb else 0.0


def similar(
    title: str, within: Unit, *, exclude_pk: int | None = None, limit: int = 5
) -> list[tuple[Initiative, float]]:
    """Initiatives of the subtree whose title is close to `title`, closest first.

    The database narrows to titles sharing the query's telling words (its longest, without
    the stop words; up to three queries of at most CANDIDATE_CAP rows, read from the
    (unit_path, search_key) index); the trigram score then ranks those in Python."""
    key = fold(title)
    words = sorted({w for w in search_terms(title) if len(w) >= 3 and w not in STOP_WORDS}, key=len, reverse=True)
    if not words:
        return []
    # No ORDER BY: sorting every match would cost more than the LIMIT saves; the score orders.
    rows = Initiative.objects.within(within).order_by()
    if exclude_pk:
        rows = rows.exclude(pk=exclude_pk)
    # Titles with the three, then the two most telling words first (few, and the likeliest
    # duplicates), then titles with any of four: a common word filling the cap of the broad
    # query cannot crowd out the close ones.
    tiers = []
    for size in (3, 2):
        if len(words) >= size:
            q = Q()
            for word in words[:size]:
                q &= Q(search_key__contains=word)
            tiers.append(q)
    either = Q()
    for word in words[:4]:
        either |= Q(search_key__contains=word)
    tiers.append(either)
    keys: dict[int, str] = {}
    for match in tiers:
        keys.update(rows.filter(match).values_list("pk", "search_key")[:CANDIDATE_CAP])
    wanted = _trigrams(key)
    scored = []
    for pk, other in keys.items():
        score = _jaccard(wanted, other)  # search keys are folded already
        if score >= SIMILAR_THRESHOLD:
            scored.append((score, pk))
    scored.sort(reverse=True)
    top = scored[:limit]
    found = Initiative.objects.select_related("unit").in_bulk([pk for _score, pk in top])
    return [(found[pk], round(score, 2)) for score, pk in top if pk in found]
