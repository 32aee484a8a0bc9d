"""Per-ancestor totals of the sent reports (`RollupTally`), kept exact as reports come and go.

A report counts in the roll-up while it is sent (submitted or accepted). It enters on submit and
leaves on return; its answers cannot change while it is sent (services refuse to edit a sent
report), so what leaves is exactly what entered. Each move adds the report's figures to the rows
of every unit on its path, the reporting unit included — the same amounts for all of them, so one
UPDATE moves the whole path, every indicator at once (a CASE on the indicator). A roll-up then
reads the rows of the viewed unit and its children (queries.rollup_by_child): one index range,
whatever the size of the tree.

Sharded counters. Every report of a period adds to the Confederation's rows, so with one row per
(unit, indicator) all the submissions of the country queued on the root's row lock, and those of a
province on the province's (deadline-day load, BENCHMARKS.md: 57–62 % of an app worker waiting on
PostgreSQL, every waiting statement an UPDATE or INSERT of these rows). Each (period, unit,
indicator) now has up to SHARDS rows; a report adds to shard `shard_of(unit_id)` of its reporting
unit on every row of its path, and a unit's figure is the sum of its shards. Two reports wait for
each other only when they share an ancestor *and* a shard. Weighed against: per-report delta rows
folded in later (the reader must also scan the deltas not yet folded, and a periodic task must
run: two places to keep exact); no row for the country, its roll-up summing the 63 provinces'
(fast, but every report of a province would still queue on the province's rows, 1,000–2,000
CĐCS each); merging the per-indicator UPDATEs into one (done as well: fewer round trips while the
locks are held, but alone still one queue). The price of shards is at read: up to SHARDS × the
rows, summed by the database (GROUP BY) — bench/bench_reports.py measures the national roll-up.

The shard is a function of the reporting unit only, so a returned report leaves exactly the rows it
entered, a subtree that moves (core.tree calls `rewrite_paths`) moves each of its shards to the
same shard of its new ancestors, and `rebuild` recomputes every shard from the reports (bulk
loads, the migration, a check). Rows written before shards existed are shard 0: still exact.
"""

from collections import defaultdict
from decimal import Decimal

from django.conf import settings
from django.db import connections
from django.db.models import Case, DecimalField, F, IntegerField, Max, Value, When
from django.db.models.functions import Concat, Length, Substr

from thidua.core.db import PATH_END, PATH_STEP
from thidua.org.models import Unit
from thidua.reports.models import SENT, Answer, RollupTally, Submission

REPORTS = 0  # indicator_pk of the row counting the reports sent
SHARDS = settings.THIDUA_TALLY_SHARDS  # rows per (period, unit, indicator) at most; the reads sum them
_MIX = 2654435761  # Knuth's multiplicative hash (a prime near 2**32 / golden ratio)


def shard_of(unit_id: int) -> int:
    """The shard a report of this unit adds to, on every row of its path: bits 16–19 of the id
    times _MIX, so ids that step by 2, 4, 16… (units created in interleaved batches; the load
    bench's accounts are every 4th CĐCS) still spread over all the shards, as `unit_id % 16`
    would not. The same in SQL: `_SHARD_SQL`."""
    return (unit_id * _MIX // 65536) % SHARDS


# Integer arithmetic in both databases (ids are positive, the product fits in 64 bits).
_SHARD_SQL = f"(s.unit_id * {_MIX} / 65536) %% {SHARDS}"


Figures = tuple[int, Decimal, int, int]  # count, total, yes, flagged


def _figures(answers) -> dict[int, Figures]:
    """One report's contribution, from its (indicator, number, flag) answers — as the old
    roll-up query counted them: COUNT(number), SUM(number), yes-flags, COUNT(flag)."""
    figures: dict[int, Figures] = {REPORTS: (1, Decimal(0), 0, 0)}
    for indicator, number, flag in answers:
        if number is None and flag is None:
            continue
        figures[indicator] = (int(number is not None), Decimal(number or 0), int(flag is True), int(flag is not None))
    return figures


def _prefixes(path: str) -> list[str]:
    return [path[:end] for end in range(PATH_STEP, len(path) + 1, PATH_STEP)]


def _delta(figures: dict[int, Figures], sign: int, position: int, field):
    """sign × the figure at `position` for each indicator, chosen by the row's indicator_pk."""
    return Case(
        *(When(indicator_pk=key, then=Value(sign * values[position])) for key, values in figures.items()),
        default=Value(0),
        output_field=field,
    )


def _apply(
    period_id: int, units: list[tuple[int, str, int]], figures: dict[int, Figures], sign: int, shard: int
) -> None:
    """Add (sign 1) or remove (-1) `figures` on shard `shard` of the rows of `units` (pk, path, depth):
    one INSERT of the missing rows, one UPDATE of them all."""
    if not units:
        return
    # Always the same order (units by path, then indicators), so two reports of one province
    # sent at the same moment queue on the shared ancestors' rows instead of deadlocking.
    units = sorted(units, key=lambda unit: unit[1])
    keys = sorted(figures)
    RollupTally.objects.bulk_create(
        [
            RollupTally(period_id=period_id, unit_id=pk, unit_path=path, depth=depth, indicator_pk=key, shard=shard)
            for pk, path, depth in units
            for key in keys
        ],
        ignore_conflicts=True,
    )
    whole, money = IntegerField(), DecimalField(max_digits=20, decimal_places=2)
    RollupTally.objects.filter(
        period_id=period_id, shard=shard, unit_id__in=[pk for pk, _path, _depth in units], indicator_pk__in=keys
    ).update(
        count=F("count") + _delta(figures, sign, 0, whole),
        total=F("total") + _delta(figures, sign, 1, money),
        yes=F("yes") + _delta(figures, sign, 2, whole),
        flagged=F("flagged") + _delta(figures, sign, 3, whole),
    )


def _path_units(paths: list[str]) -> list[tuple[int, str, int]]:
    return list(Unit.objects.filter(path__in=paths).values_list("pk", "path", "depth"))


def count(submission: Submission, sign: int) -> None:
    """The report entered the roll-up (sent: 1) or left it (returned: -1). Call it in the
    transaction that moves the report's state."""
    path = Unit.objects.filter(pk=submission.unit_id).values_list("path", flat=True).get()
    answers = Answer.objects.filter(submission=submission).values_list("indicator_id", "number", "flag")
    _apply(submission.period_id, _path_units(_prefixes(path)), _figures(answers), sign, shard_of(submission.unit_id))


def rewrite_paths(old_prefix: str, new_prefix: str) -> None:
    """Units moved (core.tree): the subtree's totals leave the ancestors it had and join those
    it has now, shard by shard; the rows of the subtree follow its new paths."""
    moved = list(
        RollupTally.objects.filter(unit_path=old_prefix).values_list(
            "period_id", "shard", "indicator_pk", "count", "total", "yes", "flagged"
        )
    )
    left = set(_prefixes(old_prefix)[:-1])
    joined = set(_prefixes(new_prefix)[:-1])
    left, joined = sorted(left - joined), sorted(joined - left)  # common ancestors keep theirs
    if moved:
        by_shard: dict[tuple[int, int], dict[int, Figures]] = defaultdict(dict)
        for period_id, shard, key, *figures in moved:
            by_shard[period_id, shard][key] = tuple(figures)
        left_units, joined_units = _path_units(left), _path_units(joined)
        for (period_id, shard), figures in sorted(by_shard.items()):
            _apply(period_id, left_units, figures, -1, shard)
            _apply(period_id, joined_units, figures, 1, shard)
    shift = (len(new_prefix) - len(old_prefix)) // PATH_STEP
    RollupTally.objects.filter(unit_path__gte=old_prefix, unit_path__lt=old_prefix + PATH_END).update(
        unit_path=Concat(Value(new_prefix), Substr("unit_path", len(old_prefix) + 1)),
        depth=F("depth") + shift,
    )


_REBUILD_REPORTS = """
INSERT INTO {tally} (period_id, unit_id, unit_path, depth, indicator_pk{shard_column}, count, total, yes, flagged)
SELECT g.period_id, anc.id, anc.path, anc.depth, 0{shard_value}, g.n, 0, 0, 0
FROM (
    SELECT s.period_id AS period_id, substr(u.path, 1, %s) AS prefix, COUNT(*) AS n{shard_select}
    FROM {submission} s JOIN {unit} u ON u.id = s.unit_id
    WHERE s.status IN ({sent}) AND length(u.path) >= %s{periods}
    GROUP BY 1, 2{shard_group}
) g JOIN {unit} anc ON anc.path = g.prefix
"""
_REBUILD_ANSWERS = """
INSERT INTO {tally} (period_id, unit_id, unit_path, depth, indicator_pk{shard_column}, count, total, yes, flagged)
SELECT g.period_id, anc.id, anc.path, anc.depth, g.indicator_id{shard_value}, g.c, g.t, g.y, g.f
FROM (
    SELECT s.period_id AS period_id, substr(u.path, 1, %s) AS prefix, a.indicator_id AS indicator_id{shard_select},
           COUNT(a.number) AS c, COALESCE(SUM(a.number), 0) AS t,
           SUM(CASE WHEN a.flag THEN 1 ELSE 0 END) AS y, COUNT(a.flag) AS f
    FROM {answer} a JOIN {submission} s ON s.id = a.submission_id JOIN {unit} u ON u.id = s.unit_id
    WHERE s.status IN ({sent}) AND length(u.path) >= %s{periods}
      AND (a.number IS NOT NULL OR a.flag IS NOT NULL)
    GROUP BY 1, 2, 3{shard_group}
) g JOIN {unit} anc ON anc.path = g.prefix
"""


def rebuild(period_ids=None, *, models=None) -> int:
    """Recompute the tallies of these periods (all when None) from the sent reports, every shard,
    one grouped INSERT per level of the tree and kind of row; returns the number of rows written.
    `models` lets the migration pass its historical models."""
    sub_model, answer_model, unit_model, tally_model = models or (Submission, Answer, Unit, RollupTally)
    tallies = tally_model.objects.all()
    periods, params = "", []
    if period_ids is not None:
        period_ids = list(period_ids)
        if not period_ids:
            return 0
        tallies = tallies.filter(period_id__in=period_ids)
        periods = " AND s.period_id IN ({})".format(", ".join(["%s"] * len(period_ids)))
        params = period_ids
    tallies.delete()
    tables = {
        "tally": tally_model._meta.db_table,
        "submission": sub_model._meta.db_table,
        "answer": answer_model._meta.db_table,
        "unit": unit_model._meta.db_table,
        "periods": periods,
        "sent": ", ".join(["%s"] * len(SENT)),
    }
    # The migration that created the tallies runs this before shards existed: then one row each.
    sharded = any(field.name == "shard" for field in tally_model._meta.get_fields())
    tables |= {
        "shard_column": ", shard" if sharded else "",
        "shard_value": ", g.shard" if sharded else "",
        "shard_select": f", {_SHARD_SQL} AS shard" if sharded else "",
        "shard_group": ", shard" if sharded else "",  # the output column
    }
    sent = [str(status) for status in SENT]
    connection = connections[tally_model.objects.db]
    deepest = sub_model.objects.filter(status__in=SENT).aggregate(n=Max(Length("unit__path")))["n"] or 0
    with connection.cursor() as cursor:
        for end in range(PATH_STEP, deepest + 1, PATH_STEP):
            for sql in (_REBUILD_REPORTS, _REBUILD_ANSWERS):
                cursor.execute(sql.format(**tables), [end, *sent, end, *params])
    return (
        tally_model.objects.count()
        if period_ids is None
        else tally_model.objects.filter(period_id__in=period_ids).count()
    )
