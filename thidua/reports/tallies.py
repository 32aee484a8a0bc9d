"""Per-ancestor totals of the sent reports (`RollupTally`), kept exact as reports come and go.

A report counts in the roll-up while it is sent (submitted or accepted). It enters on submit and
leaves on return; its answers cannot change while it is sent (services refuse to edit a sent
report), so what leaves is exactly what entered. Each move adds the report's figures to the rows
of every unit on its path, the reporting unit included — the same amounts for all of them, so one
statement moves the whole path, every indicator at once: an INSERT … SELECT of the path's units
crossed with the report's figures, ON CONFLICT adding to the rows already there (issue 18: it was
an ORM-built INSERT and a CASE UPDATE after reading the path's units, 40 % of a submission's CPU). A roll-up then
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
from django.db.models import F, Max, Value
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


_UPSERT = """
INSERT INTO {tally} (period_id, unit_id, unit_path, depth, indicator_pk, shard, count, total, yes, flagged)
SELECT %s, u.id, u.path, u.depth, f.k, %s, f.c, f.t, f.y, f.f
FROM {unit} u CROSS JOIN ({figures}) f
WHERE u.path IN ({paths})
ORDER BY u.path, f.k
ON CONFLICT (period_id, unit_id, indicator_pk, shard) DO UPDATE SET
    count = {tally}.count + excluded.count,
    total = {tally}.total + excluded.total,
    yes = {tally}.yes + excluded.yes,
    flagged = {tally}.flagged + excluded.flagged
"""


def _apply(period_id: int, paths: list[str], figures: dict[int, Figures], sign: int, shard: int) -> None:
    """Add (sign 1) or remove (-1) `figures` on shard `shard` of the rows of the units at `paths`:
    one statement — the rows missing are inserted with the figures, the others added to
    (INSERT … ON CONFLICT DO UPDATE, SQLite ≥ 3.24 and PostgreSQL alike). The units' ids and
    depths are read by the statement itself, so a submission does not read its path's units
    first. Rows are written in one order (units by path, then indicators), so two reports of one
    province sent at the same moment queue on the shared ancestors' rows instead of deadlocking;
    the statement runs last in the submission's transaction, so those locks are held only until
    the commit that follows it."""
    if not paths or not figures:
        return
    keys = sorted(figures)
    # The figures as a derived table of literal rows (portable: SQLite's VALUES cannot name columns).
    rows = " UNION ALL ".join(
        ["SELECT %s AS k, %s AS c, CAST(%s AS NUMERIC) AS t, %s AS y, %s AS f"]
        + ["SELECT %s, %s, %s, %s, %s"] * (len(keys) - 1)
    )
    params: list = [period_id, shard]
    for key in keys:
        count, total, yes, flagged = figures[key]
        params += [key, sign * count, sign * total, sign * yes, sign * flagged]
    paths = sorted(set(paths))
    params += paths
    sql = _UPSERT.format(
        tally=RollupTally._meta.db_table,
        unit=Unit._meta.db_table,
        figures=rows,
        paths=", ".join(["%s"] * len(paths)),
    )
    with connections[RollupTally.objects.db].cursor() as cursor:
        cursor.execute(sql, params)


def count(submission: Submission, sign: int, answers=None, path: str | None = None) -> None:
    """The report entered the roll-up (sent: 1) or left it (returned: -1). Call it in the
    transaction that moves the report's state. `answers` — (indicator_id, number, flag) — and
    the unit's `path` when the caller holds them (save_report does: it just wrote them), else
    they are read."""
    if path is None:
        path = Unit.objects.filter(pk=submission.unit_id).values_list("path", flat=True).get()
    if answers is None:
        answers = Answer.objects.filter(submission=submission).values_list("indicator_id", "number", "flag")
    _apply(submission.period_id, _prefixes(path), _figures(answers), sign, shard_of(submission.unit_id))


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
        for (period_id, shard), figures in sorted(by_shard.items()):
            _apply(period_id, left, figures, -1, shard)
            _apply(period_id, joined, figures, 1, shard)
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
