"""Reads for report pages: the status board of a period and the roll-up of its indicators,
down the tree.

The board groups the submissions under the viewed unit by the child each one sits under, which
is the first `len(parent.path) + PATH_STEP` characters of the unit's path: one range scan over
`Unit.path`, one GROUP BY. The roll-up reads the per-ancestor totals kept by reports.tallies
(the viewed unit's rows and its children's: one index range, whatever the size of the province
or the country); `recount_by_child` counts the same from the reports themselves, the reference
the totals must equal. Figures that add up (counts, sums, yes-answers) are summed; an average is
a sum over a count, never an average of averages.
"""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Case, CharField, Q, Sum, Value, When

from thidua.core.db import PATH_END, PATH_STEP
from thidua.core.numbers import share
from thidua.core.replica import read_connection
from thidua.org.models import Unit
from thidua.reports.models import (
    SENT,
    Aggregation,
    Indicator,
    ReportPeriod,
    RollupTally,
    Submission,
    SubmissionStatus,
)

S = SubmissionStatus
STATES = ("on_time", "late", "returned", "missing", "waiting")


@dataclass
class Board:
    on_time: int = 0
    late: int = 0
    returned: int = 0
    missing: int = 0
    waiting: int = 0

    @property
    def total(self) -> int:
        return self.on_time + self.late + self.returned + self.missing + self.waiting

    @property
    def sent(self) -> int:
        return self.on_time + self.late

    @property
    def sent_pct(self) -> float:
        return share(self.sent, self.total)

    @property
    def on_time_pct(self) -> float:
        """On-time rate: reports sent on time among those sent."""
        return share(self.on_time, self.sent)

    def add(self, other: "Board") -> None:
        for name in STATES:
            setattr(self, name, getattr(self, name) + getattr(other, name))


def is_overdue(period: ReportPeriod, today: datetime.date) -> bool:
    return today > period.due_on


_BOARD_SQL = f"""
SELECT substr(u.path, 1, %s),
       SUM(CASE WHEN s.status IN (%s, %s) AND NOT s.is_late THEN 1 ELSE 0 END),
       SUM(CASE WHEN s.status IN (%s, %s) AND s.is_late THEN 1 ELSE 0 END),
       SUM(CASE WHEN s.status = %s THEN 1 ELSE 0 END),
       SUM(CASE WHEN s.status IN (%s, %s) THEN 1 ELSE 0 END)
FROM reports_submission s
JOIN org_unit u ON u.id = s.unit_id
WHERE s.period_id = %s AND u.path >= %s AND u.path < %s || '{PATH_END}'
GROUP BY 1
"""


def _children_of(parent: Unit, keys) -> dict[str, Unit]:
    """The units whose paths are `keys`, in one query (the parent itself among them, when it reports).
    Only what a board shows of a child (its name and code, whether it is a CĐCS): a district's
    board has a row per CĐCS, and building the whole units was a tenth of its CPU."""
    units = Unit.objects.filter(path__in=list(keys)).select_related("kind")
    return {u.path: u for u in units.only("name", "code", "path", "kind__is_grassroots")}


def board_by_child(period: ReportPeriod, parent: Unit, today: datetime.date) -> tuple[Board, list[tuple[Unit, Board]]]:
    """The whole subtree's counts, and one row per child with units that must report below it:
    two queries."""
    sent = [S.SUBMITTED.value, S.ACCEPTED.value]
    params = [
        len(parent.path) + PATH_STEP,
        *sent,
        *sent,
        S.RETURNED.value,
        S.PENDING.value,
        S.DRAFT.value,
        period.pk,
        parent.path,
        parent.path,
    ]
    with read_connection().cursor() as cursor:
        cursor.execute(_BOARD_SQL, params)
        rows = cursor.fetchall()
    overdue = is_overdue(period, today)
    total, by_key = Board(), {}
    for key, on_time, late, returned, unsent in rows:
        board = Board(int(on_time or 0), int(late or 0), int(returned or 0))
        if overdue:
            board.missing = int(unsent or 0)
        else:
            board.waiting = int(unsent or 0)
        by_key[key] = board
        total.add(board)
    units = _children_of(parent, by_key)
    children = sorted(((units[k], b) for k, b in by_key.items() if k in units), key=lambda r: r[0].name)
    return total, children


def state_of(submission: Submission, overdue: bool) -> str:
    if submission.status in SENT:
        return "late" if submission.is_late else "on_time"
    if submission.status == S.RETURNED:
        return "returned"
    return "missing" if overdue else "waiting"


def state_filter(state: str, overdue: bool) -> Q | None:
    unsent = Q(status__in=[S.PENDING, S.DRAFT])
    return {
        "on_time": Q(status__in=SENT, is_late=False),
        "late": Q(status__in=SENT, is_late=True),
        "returned": Q(status=S.RETURNED),
        "missing": unsent if overdue else Q(pk__in=[]),
        "waiting": Q(pk__in=[]) if overdue else unsent,
    }.get(state)


def board_rows(period: ReportPeriod, within: Unit, today: datetime.date, state: str = ""):
    """Every unit of the subtree that must report for the period, with its state — one query
    per page (the state is computed by the database, so it can be filtered and sorted)."""
    overdue = is_overdue(period, today)
    rows = Submission.objects.filter(period=period).within(within)
    condition = state_filter(state, overdue)
    if condition is not None:
        rows = rows.filter(condition)
    return (
        rows.select_related("unit", "unit__parent")
        .annotate(
            state=Case(
                When(state_filter("on_time", overdue), then=Value("on_time")),
                When(state_filter("late", overdue), then=Value("late")),
                When(status=S.RETURNED, then=Value("returned")),
                default=Value("missing" if overdue else "waiting"),
                output_field=CharField(),
            )
        )
        .order_by("unit__path")
    )


# --- roll-up ---------------------------------------------------------------------------------


@dataclass
class Figure:
    """What the sent reports of a subtree say about one indicator."""

    answered: int = 0  # reports with a number for it
    total: Decimal = Decimal(0)
    yes: int = 0
    flagged: int = 0  # reports that answered yes or no

    def add(self, other: "Figure") -> None:
        self.answered += other.answered
        self.total += other.total
        self.yes += other.yes
        self.flagged += other.flagged

    def value(self, aggregation: str) -> Decimal | None:
        if aggregation == Aggregation.SUM:
            return self.total if self.answered else None
        if aggregation == Aggregation.AVERAGE:
            return (self.total / self.answered).quantize(Decimal("0.1")) if self.answered else None
        if aggregation == Aggregation.SHARE_YES:
            return (Decimal(100) * self.yes / self.flagged).quantize(Decimal("0.1")) if self.flagged else None
        return None


@dataclass
class Rollup:
    reports: int = 0
    figures: dict[int, Figure] = field(default_factory=dict)

    def add(self, other: "Rollup") -> None:
        self.reports += other.reports
        for pk, figure in other.figures.items():
            self.figures.setdefault(pk, Figure()).add(figure)


# One row per child, one set of columns per indicator: each indicator's answer is joined by the
# (submission, indicator) unique index, so the database sorts one row per report — not one per
# answer — and counts the reports in the same pass.
_ROLLUP_COLUMNS = """,
       COUNT(a{n}.number), SUM(a{n}.number), SUM(CASE WHEN a{n}.flag THEN 1 ELSE 0 END), COUNT(a{n}.flag)"""
_ROLLUP_JOIN = """
LEFT JOIN reports_answer a{n} ON a{n}.submission_id = s.id AND a{n}.indicator_id = %s"""
_ROLLUP_SQL = f"""
SELECT substr(u.path, 1, %s), COUNT(*){{columns}}
FROM reports_submission s
JOIN org_unit u ON u.id = s.unit_id{{joins}}
WHERE s.period_id = %s AND s.status IN (%s, %s)
  AND u.path >= %s AND u.path < %s || '{PATH_END}'
GROUP BY 1
"""


ROLLUP_SLICE = 40


def _read_slice(period: ReportPeriod, parent: Unit, indicators: list[Indicator], by_key: dict[str, Rollup]) -> None:
    sql = _ROLLUP_SQL.format(
        columns="".join(_ROLLUP_COLUMNS.format(n=n) for n in range(len(indicators))),
        joins="".join(_ROLLUP_JOIN.format(n=n) for n in range(len(indicators))),
    )
    params = [
        len(parent.path) + PATH_STEP,
        *[i.pk for i in indicators],
        period.pk,
        S.SUBMITTED.value,
        S.ACCEPTED.value,
        parent.path,
        parent.path,
    ]
    with read_connection().cursor() as cursor:
        cursor.execute(sql, params)
        for key, reports, *figures in cursor.fetchall():
            rollup = by_key.setdefault(key, Rollup(reports=int(reports)))
            for n, indicator in enumerate(indicators):
                answered, total, yes, flagged = figures[4 * n : 4 * n + 4]
                rollup.figures[indicator.pk] = Figure(
                    int(answered or 0), Decimal(str(total or 0)), int(yes or 0), int(flagged or 0)
                )


def rollup_by_child(
    period: ReportPeriod, parent: Unit, indicators: list[Indicator] | None = None
) -> tuple[Rollup, list[tuple[Unit, Rollup]]]:
    """The indicators of the sent (and accepted) reports, aggregated for the parent's whole
    subtree and for each child, read from the per-ancestor totals (`RollupTally`, kept by
    reports.tallies): the parent's rows and its children's, their shards summed by the
    database, then the children units: two queries (three without `indicators`), whatever the
    size of the tree. When the parent reports itself,
    its own report is a row of its own (its total less its children's)."""
    if indicators is None:
        indicators = rolled_indicators(period)
    keys = [0, *(i.pk for i in indicators)]
    rows = (
        RollupTally.objects.filter(period=period, indicator_pk__in=keys)
        .filter(
            Q(unit_path=parent.path)
            | Q(depth=parent.depth + 1, unit_path__gt=parent.path, unit_path__lt=parent.path + PATH_END)
        )
        .values("unit_id", "indicator_pk")  # a unit's figure is the sum of its shards
        .annotate(n=Sum("count"), t=Sum("total"), y=Sum("yes"), f=Sum("flagged"))
        .order_by()
    )
    sums = list(rows)
    units = Unit.objects.select_related("kind").in_bulk({row["unit_id"] for row in sums} - {parent.pk})
    units[parent.pk] = parent
    by_unit: dict[int, tuple[Unit, Rollup]] = {}
    for row in sums:
        _unit, rollup = by_unit.setdefault(row["unit_id"], (units[row["unit_id"]], Rollup()))
        if row["indicator_pk"] == 0:
            rollup.reports = row["n"]
        else:
            rollup.figures[row["indicator_pk"]] = Figure(row["n"], Decimal(str(row["t"])), row["y"], row["f"])
    whole = by_unit.pop(parent.pk, (parent, Rollup()))[1]
    children = [(u, r) for u, r in by_unit.values() if r.reports > 0]
    own = _less(whole, children)
    if own.reports > 0:
        children.append((parent, own))
    children.sort(key=lambda r: r[0].name)
    return whole, children


def _less(whole: Rollup, children: list[tuple[Unit, Rollup]]) -> Rollup:
    """The parent's own report: its subtree's figures less its children's."""
    own = Rollup(
        reports=whole.reports,
        figures={pk: Figure(f.answered, f.total, f.yes, f.flagged) for pk, f in whole.figures.items()},
    )
    for _unit, rollup in children:
        own.reports -= rollup.reports
        for pk, figure in rollup.figures.items():
            mine = own.figures.setdefault(pk, Figure())
            mine.answered -= figure.answered
            mine.total -= figure.total
            mine.yes -= figure.yes
            mine.flagged -= figure.flagged
    return own


def recount_by_child(
    period: ReportPeriod, parent: Unit, indicators: list[Indicator] | None = None
) -> tuple[Rollup, list[tuple[Unit, Rollup]]]:
    """The same roll-up counted from the reports themselves, one scan of the subtree's
    submissions and answers grouped by child (two queries; one more per 40 indicators beyond
    the first 40): what the tallies must always equal (tests, bench/bench_reports.py)."""
    if indicators is None:
        indicators = rolled_indicators(period)
    by_key: dict[str, Rollup] = {}
    # SQLite joins at most 64 tables: a long form is read in slices, one query each.
    for first in range(0, max(len(indicators), 1), ROLLUP_SLICE):
        _read_slice(period, parent, indicators[first : first + ROLLUP_SLICE], by_key)
    whole = Rollup()
    for rollup in by_key.values():
        whole.add(rollup)
    units = _children_of(parent, by_key)
    children = sorted(((units[k], r) for k, r in by_key.items() if k in units), key=lambda r: r[0].name)
    return whole, children


def rolled_indicators(period: ReportPeriod) -> list[Indicator]:
    return list(period.form.indicators.exclude(aggregation=Aggregation.NONE).order_by("order", "id"))
