"""The roll-up of a period equals a recount from the raw submissions, on random trees and
random histories: reports sent, returned, sent again, accepted, and units moved between
provinces. The roll-up reads per-ancestor totals kept on submit and return (reports.tallies);
a recount scans the reports themselves — neither may lose or double-count a report at any level.
"""

import datetime
from decimal import Decimal

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from thidua.org import services as org_services
from thidua.org.models import Unit
from thidua.org.tests.factories import SYSTEM, make_unit
from thidua.reports import queries, services, tallies
from thidua.reports.models import (
    SENT,
    Aggregation,
    Answer,
    Indicator,
    IndicatorKind,
    ReportForm,
    ReportPeriod,
    RollupTally,
    Submission,
    SubmissionStatus,
)

report = st.tuples(
    st.none() | st.integers(min_value=0, max_value=10_000),
    st.none() | st.decimals(min_value=0, max_value=100, places=2),
    st.none() | st.booleans(),
)
# A tree: provinces, each a list of CĐCS with their answers; some CĐCS sit under a district.
tree = st.lists(st.lists(st.tuples(report, st.booleans()), min_size=0, max_size=5), min_size=1, max_size=4)
# What happens next, in order: (action, which report or unit, where to).
history = st.lists(
    st.tuples(st.sampled_from(["submit", "return", "accept", "move"]), st.integers(0, 30), st.integers(0, 30)),
    max_size=25,
)


def _form(root: Unit) -> tuple[ReportPeriod, list[Indicator]]:
    form = ReportForm.objects.create(issuer=root, title="Báo cáo quý", period="quarter", status="published")
    indicators = [
        Indicator.objects.create(
            form=form, label="Số đoàn viên", kind=IndicatorKind.NUMBER, aggregation=Aggregation.SUM, required=False
        ),
        Indicator.objects.create(
            form=form, label="Tỷ lệ", kind=IndicatorKind.PERCENT, aggregation=Aggregation.AVERAGE, required=False
        ),
        Indicator.objects.create(
            form=form, label="Có hội nghị", kind=IndicatorKind.YES_NO, aggregation=Aggregation.SHARE_YES, required=False
        ),
    ]
    period = ReportPeriod.objects.create(
        form=form,
        label="Quý I",
        starts_on=datetime.date(2024, 1, 1),
        ends_on=datetime.date(2024, 3, 31),
        due_on=datetime.date(2024, 3, 14),
    )
    return period, indicators


def _typed(indicators, number, share, flag) -> dict:
    """What the unit types on the page for these answers."""
    return {
        indicators[0].field_name: "" if number is None else str(number),
        indicators[1].field_name: "" if share is None else f"{share:f}".replace(".", ","),
        indicators[2].field_name: "" if flag is None else ("yes" if flag else "no"),
    }


def _build(root: Unit, shape) -> tuple[ReportPeriod, list[Indicator], list[Submission], dict, list[Unit]]:
    """The tree with one pending report per CĐCS; the values each CĐCS will type; the provinces."""
    period, indicators = _form(root)
    reports, typed, provinces = [], {}, []
    for d, cdcs in enumerate(shape):
        province = make_unit(root, "province", f"Tỉnh {d}")
        provinces.append(province)
        ward = None
        for c, ((number, share, flag), deeper) in enumerate(cdcs):
            parent = province
            if deeper:
                ward = ward or make_unit(province, "district", f"Huyện {d}")
                parent = ward
            unit = make_unit(parent, "grassroots", f"CĐCS {d}-{c}")
            submission = Submission.objects.create(period=period, unit=unit)
            reports.append(submission)
            typed[submission.pk] = _typed(indicators, number, share, flag)
    return period, indicators, reports, typed, provinces


def _play(period, indicators, reports, typed, provinces, steps) -> None:
    """Send, return, accept and move, through the services, as officers would."""
    for action, which, where in steps:
        if action == "move":
            movable = list(
                Unit.objects.filter(kind__code__in=["grassroots", "district"], path__startswith=provinces[0].path[:4])
            )
            if not movable or len(provinces) < 2:
                continue
            unit = movable[which % len(movable)]
            target = provinces[where % len(provinces)]
            target.refresh_from_db()
            if unit.parent_id != target.pk and not target.path.startswith(unit.path):
                org_services.move_unit(SYSTEM, unit, target)
            continue
        if not reports:
            continue
        submission = Submission.objects.get(pk=reports[which % len(reports)].pk)
        if action == "submit" and submission.status not in SENT:
            services.save_report(SYSTEM, submission, values=typed[submission.pk], submit=True)
        elif action == "return" and submission.status == SubmissionStatus.SUBMITTED:
            services.return_report(SYSTEM, submission, reason="Số liệu chưa khớp.")
        elif action == "accept" and submission.status == SubmissionStatus.SUBMITTED:
            services.accept_report(SYSTEM, submission)


def _recount(period: ReportPeriod, unit: Unit, indicator: Indicator):
    answers = [
        a
        for a in Answer.objects.filter(submission__period=period, indicator=indicator).select_related(
            "submission__unit"
        )
        if a.submission.status in SENT and a.submission.unit.path.startswith(unit.path)
    ]
    numbers = [a.number for a in answers if a.number is not None]
    flags = [a.flag for a in answers if a.flag is not None]
    if indicator.aggregation == Aggregation.SUM:
        return sum(numbers, Decimal(0)) if numbers else None
    if indicator.aggregation == Aggregation.AVERAGE:
        return (sum(numbers, Decimal(0)) / len(numbers)).quantize(Decimal("0.1")) if numbers else None
    return (Decimal(100) * sum(flags) / len(flags)).quantize(Decimal("0.1")) if flags else None


def _same(a: queries.Rollup, b: queries.Rollup, indicators) -> bool:
    """Same reports and figures. Totals to the cent: SQLite sums the scan's decimals as floats
    (93.29 + 0.01 = 93.30000000000001), the tallies add exact decimals."""

    def exact(figure: queries.Figure) -> tuple:
        return (figure.answered, figure.total.quantize(Decimal("0.01")), figure.yes, figure.flagged)

    return a.reports == b.reports and all(
        exact(a.figures.get(i.pk, queries.Figure())) == exact(b.figures.get(i.pk, queries.Figure())) for i in indicators
    )


def _check(period, indicators, unit: Unit) -> None:
    """At `unit` and below: the tallies' roll-up equals the reports' recount and a count by hand."""
    whole, children = queries.rollup_by_child(period, unit)
    counted, counted_children = queries.recount_by_child(period, unit)
    sent = Submission.objects.filter(period=period, status__in=SENT)
    assert whole.reports == sent.filter(unit__path__startswith=unit.path).count()
    assert _same(whole, counted, indicators)
    for indicator in indicators:
        assert whole.figures.get(indicator.pk, queries.Figure()).value(indicator.aggregation) == _recount(
            period, unit, indicator
        )
    assert [u.pk for u, _r in children] == [u.pk for u, _r in counted_children]
    for (child, rollup), (_same_child, recount) in zip(children, counted_children, strict=True):
        assert _same(rollup, recount, indicators), child.name
    assert sum(r.reports for _u, r in children) == whole.reports


@pytest.mark.django_db
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(shape=tree, steps=history)
def test_rollup_equals_a_recount_after_sending_returning_and_moving(unit_kinds, shape, steps):
    with transaction.atomic():
        root = make_unit(None, "confederation", "Tổng Liên đoàn")
        period, indicators, reports, typed, provinces = _build(root, shape)
        # Every report sent once, then a random history.
        for submission in reports:
            services.save_report(SYSTEM, submission, values=typed[submission.pk], submit=True)
        _play(period, indicators, reports, typed, provinces, steps)
        _check(period, indicators, root)
        for province in Unit.objects.filter(parent=root):
            _check(period, indicators, province)
            for district in Unit.objects.filter(parent=province, kind__code="district"):
                _check(period, indicators, district)
        # A rebuild from the reports writes the same totals the services kept, shard by shard.
        kept = set(
            RollupTally.objects.filter(period=period, count__gt=0).values_list(
                "unit_path", "indicator_pk", "shard", "count", "total", "yes", "flagged"
            )
        )
        tallies.rebuild([period.pk])
        rebuilt = set(
            RollupTally.objects.filter(period=period).values_list(
                "unit_path", "indicator_pk", "shard", "count", "total", "yes", "flagged"
            )
        )
        assert {r for r in kept if r[3]} == {r for r in rebuilt if r[3]}
        transaction.set_rollback(True)


@pytest.mark.django_db
def test_a_form_longer_than_one_slice_rolls_up_every_indicator(unit_kinds):
    root = make_unit(None, "confederation", "Tổng Liên đoàn")
    period, _indicators, reports, typed, _provinces = _build(root, [[((1, None, None), False)]])
    extra = [
        Indicator.objects.create(
            form=period.form, label=f"Chỉ tiêu {n}", kind="number", aggregation="sum", order=10 + n, required=False
        )
        for n in range(queries.ROLLUP_SLICE + 5)
    ]
    values = typed[reports[0].pk] | {i.field_name: str(n) for n, i in enumerate(extra)}
    services.save_report(SYSTEM, reports[0], values=values, submit=True)
    for rollup in (queries.rollup_by_child, queries.recount_by_child):
        whole, _children = rollup(period, root)
        assert whole.reports == 1
        assert [whole.figures[i.pk].value("sum") for i in extra] == list(range(len(extra)))


def test_the_parent_s_own_report_is_its_total_less_its_children(unit_kinds, db):
    """A district that reports itself shows its own row beside its CĐCS."""
    root = make_unit(None, "confederation", "Tổng Liên đoàn")
    period, indicators = _form(root)
    province = make_unit(root, "province", "Tỉnh A")
    district = make_unit(province, "district", "Huyện B")
    cdcs = make_unit(district, "grassroots", "CĐCS C")
    for unit, number in ((district, 7), (cdcs, 5)):
        submission = Submission.objects.create(period=period, unit=unit)
        services.save_report(SYSTEM, submission, values=_typed(indicators, number, None, None), submit=True)
    whole, children = queries.rollup_by_child(period, district)
    assert whole.figures[indicators[0].pk].value("sum") == 12
    assert sorted((u.name, r.reports, r.figures[indicators[0].pk].value("sum")) for u, r in children) == [
        ("CĐCS C", 1, 5),
        ("Huyện B", 1, 7),
    ]


def test_the_command_rebuilds_tallies_of_reports_loaded_behind_the_services_back(unit_kinds, db):
    from io import StringIO

    from django.core.management import call_command

    root = make_unit(None, "confederation", "Tổng Liên đoàn")
    period, indicators = _form(root)
    unit = make_unit(make_unit(root, "province", "Tỉnh A"), "grassroots", "CĐCS B")
    submission = Submission.objects.create(period=period, unit=unit, status=SubmissionStatus.ACCEPTED)
    Answer.objects.create(submission=submission, indicator=indicators[0], number=40)
    out = StringIO()
    call_command("rebuild_report_tallies", "--kiem-tra", stdout=out)
    assert f"Sai lệch ở các kỳ: {period.pk} (0 ≠ 1)" in out.getvalue()
    call_command("rebuild_report_tallies", stdout=StringIO())
    whole, _children = queries.rollup_by_child(period, root)
    assert (whole.reports, whole.figures[indicators[0].pk].value("sum")) == (1, 40)
    out = StringIO()
    call_command("rebuild_report_tallies", "--kiem-tra", stdout=out)
    assert "Số liệu tổng hợp khớp." in out.getvalue()
