"""Per-ancestor totals of the sent reports (`RollupTally`), kept exact as reports come and go.

A report counts in the roll-up while it is sent (submitted or accepted). It enters on submit and
leaves on return; its answers cannot change while it is sent (services refuse to edit a sent
report), so what leaves is exactly what entered. Each move adds the report's figures to the row
of every unit on its path, the reporting unit included — the same amounts for all of them, so one
UPDATE per indicator moves the whole path. A roll-up then reads the rows of the children of the
viewed unit (queries.rollup_by_child): one index range, whatever the size of the tree.

When units move or merge, core.tree calls `rewrite_paths`: the moved subtree's totals leave the
old ancestors and join the new ones, and the copies of the paths move with the units.
`rebuild` recomputes everything from the reports (bulk loads, the migration, a check).
"""

from collections import defaultdict
from decimal import Decimal

from django.db.models import F, Value
from django.db.models.functions import Concat, Substr

from thidua.core.db import PATH_END, PATH_STEP
from thidua.org.models import Unit
from thidua.reports.models import SENT, Answer, RollupTally, Submission

REPORTS = 0  # indicator_pk of the row counting the reports sent

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


def _apply(period_id: int, units: list[tuple[int, str, int]], figures: dict[int, Figures], sign: int) -> None:
    """Add (sign 1) or remove (-1) `figures` on the rows of `units` (pk, path, depth)."""
    if not units:
        return
    RollupTally.objects.bulk_create(
        [
            RollupTally(period_id=period_id, unit_id=pk, unit_path=path, depth=depth, indicator_pk=key)
            for pk, path, depth in units
            for key in figures
        ],
        ignore_conflicts=True,
    )
    ids = [pk for pk, _path, _depth in units]
    for key, (count, total, yes, flagged) in figures.items():
        RollupTally.objects.filter(period_id=period_id, unit_id__in=ids, indicator_pk=key).update(
            count=F("count") + sign * count,
            total=F("total") + sign * total,
            yes=F("yes") + sign * yes,
            flagged=F("flagged") + sign * flagged,
        )


def _path_units(paths: list[str]) -> list[tuple[int, str, int]]:
    return list(Unit.objects.filter(path__in=paths).values_list("pk", "path", "depth"))


def count(submission: Submission, sign: int) -> None:
    """The report entered the roll-up (sent: 1) or left it (returned: -1). Call it in the
    transaction that moves the report's state."""
    path = Unit.objects.filter(pk=submission.unit_id).values_list("path", flat=True).get()
    answers = Answer.objects.filter(submission=submission).values_list("indicator_id", "number", "flag")
    _apply(submission.period_id, _path_units(_prefixes(path)), _figures(answers), sign)


def rewrite_paths(old_prefix: str, new_prefix: str) -> None:
    """Units moved (core.tree): the subtree's totals leave the ancestors it had and join those
    it has now; the rows of the subtree follow its new paths."""
    moved = list(
        RollupTally.objects.filter(unit_path=old_prefix).values_list(
            "period_id", "indicator_pk", "count", "total", "yes", "flagged"
        )
    )
    left = set(_prefixes(old_prefix)[:-1])
    joined = set(_prefixes(new_prefix)[:-1])
    left, joined = sorted(left - joined), sorted(joined - left)  # common ancestors keep theirs
    if moved:
        by_period: dict[int, dict[int, Figures]] = defaultdict(dict)
        for period_id, key, *figures in moved:
            by_period[period_id][key] = tuple(figures)
        left_units, joined_units = _path_units(left), _path_units(joined)
        for period_id, figures in by_period.items():
            _apply(period_id, left_units, figures, -1)
            _apply(period_id, joined_units, figures, 1)
    shift = (len(new_prefix) - len(old_prefix)) // PATH_STEP
    RollupTally.objects.filter(unit_path__gte=old_prefix, unit_path__lt=old_prefix + PATH_END).update(
        unit_path=Concat(Value(new_prefix), Substr("unit_path", len(old_prefix) + 1)),
        depth=F("depth") + shift,
    )


def rebuild(period_ids=None, *, models=None) -> int:
    """Recompute the tallies of these periods (all when None) from the sent reports; returns
    the number of rows written. `models` lets the migration pass its historical models."""
    sub_model, answer_model, unit_model, tally_model = models or (Submission, Answer, Unit, RollupTally)
    sent = sub_model.objects.filter(status__in=SENT)
    if period_ids is not None:
        period_ids = list(period_ids)
        sent = sent.filter(period_id__in=period_ids)
    tallies = tally_model.objects.all() if period_ids is None else tally_model.objects.filter(period_id__in=period_ids)
    tallies.delete()
    answers: dict[int, list] = defaultdict(list)
    for submission_id, indicator, number, flag in answer_model.objects.filter(submission__in=sent).values_list(
        "submission_id", "indicator_id", "number", "flag"
    ):
        answers[submission_id].append((indicator, number, flag))
    sums: dict[tuple[int, str, int], list] = {}
    for pk, period_id, path in sent.values_list("pk", "period_id", "unit__path").iterator(chunk_size=5000):
        for key, figures in _figures(answers.pop(pk, ())).items():
            for prefix in _prefixes(path):
                row = sums.setdefault((period_id, prefix, key), [0, Decimal(0), 0, 0])
                row[0] += figures[0]
                row[1] += figures[1]
                row[2] += figures[2]
                row[3] += figures[3]
    paths = sorted({prefix for _period, prefix, _key in sums})
    units = {}
    for first in range(0, len(paths), 900):
        chunk = paths[first : first + 900]
        units.update({path: pk for pk, path in unit_model.objects.filter(path__in=chunk).values_list("pk", "path")})
    rows = [
        tally_model(
            period_id=period_id,
            unit_id=units[prefix],
            unit_path=prefix,
            depth=len(prefix) // PATH_STEP - 1,
            indicator_pk=key,
            count=figures[0],
            total=figures[1],
            yes=figures[2],
            flagged=figures[3],
        )
        for (period_id, prefix, key), figures in sums.items()
        if prefix in units
    ]
    tally_model.objects.bulk_create(rows, batch_size=2000)
    return len(rows)
