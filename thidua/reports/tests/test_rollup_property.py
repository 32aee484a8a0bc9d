"""The roll-up of a period equals a recount from the raw submissions, on random trees: the SQL
grouping by path prefix neither loses nor double-counts a report at any level."""

import datetime
from decimal import Decimal

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from thidua.org.models import Unit
from thidua.org.tests.factories import make_unit
from thidua.reports import queries
from thidua.reports.models import (
    SENT,
    Aggregation,
    Answer,
    Indicator,
    IndicatorKind,
    ReportForm,
    ReportPeriod,
    Submission,
    SubmissionStatus,
)

STATUSES = list(SubmissionStatus.values)
report = st.tuples(
    st.sampled_from(STATUSES),
    st.none() | st.integers(min_value=0, max_value=10_000),
    st.none() | st.decimals(min_value=0, max_value=100, places=2),
    st.none() | st.booleans(),
)
# A tree: provinces, each a list of CĐCS with their report; some CĐCS sit under a district.
tree = st.lists(st.lists(st.tuples(report, st.booleans()), min_size=0, max_size=5), min_size=1, max_size=4)


def _build(root: Unit, shape) -> tuple[ReportPeriod, list[Indicator]]:
    form = ReportForm.objects.create(issuer=root, title="Báo cáo quý", period="quarter", status="published")
    indicators = [
        Indicator.objects.create(
            form=form, label="Số đoàn viên", kind=IndicatorKind.NUMBER, aggregation=Aggregation.SUM
        ),
        Indicator.objects.create(form=form, label="Tỷ lệ", kind=IndicatorKind.PERCENT, aggregation=Aggregation.AVERAGE),
        Indicator.objects.create(
            form=form, label="Có hội nghị", kind=IndicatorKind.YES_NO, aggregation=Aggregation.SHARE_YES
        ),
    ]
    period = ReportPeriod.objects.create(
        form=form,
        label="Quý I",
        starts_on=datetime.date(2024, 1, 1),
        ends_on=datetime.date(2024, 3, 31),
        due_on=datetime.date(2024, 3, 14),
    )
    for d, cdcs in enumerate(shape):
        province = make_unit(root, "province", f"Tỉnh {d}")
        ward = None
        for c, ((status, number, share, flag), deeper) in enumerate(cdcs):
            parent = province
            if deeper:
                ward = ward or make_unit(province, "district", f"Huyện {d}")
                parent = ward
            unit = make_unit(parent, "grassroots", f"CĐCS {d}-{c}")
            submission = Submission.objects.create(period=period, unit=unit, status=status)
            Answer.objects.create(submission=submission, indicator=indicators[0], number=number)
            Answer.objects.create(submission=submission, indicator=indicators[1], number=share)
            Answer.objects.create(submission=submission, indicator=indicators[2], flag=flag)
    return period, indicators


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


@pytest.mark.django_db
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(shape=tree)
def test_rollup_equals_a_recount_from_raw_submissions(unit_kinds, shape):
    with transaction.atomic():
        root = make_unit(None, "confederation", "Tổng Liên đoàn")
        period, indicators = _build(root, shape)
        whole, children = queries.rollup_by_child(period, root)
        sent = Submission.objects.filter(period=period, status__in=SENT)
        assert whole.reports == sent.count()
        for indicator in indicators:
            assert whole.figures.get(indicator.pk, queries.Figure()).value(indicator.aggregation) == _recount(
                period, root, indicator
            )
        assert sum(r.reports for _u, r in children) == whole.reports
        for child, rollup in children:
            assert rollup.reports == sent.filter(unit__path__startswith=child.path).count()
            for indicator in indicators:
                figure = rollup.figures.get(indicator.pk, queries.Figure())
                assert figure.value(indicator.aggregation) == _recount(period, child, indicator)
            # Drilling down one level finds the same figures under the child.
            below, _rows = queries.rollup_by_child(period, child)
            assert below.reports == rollup.reports
        transaction.set_rollback(True)


@pytest.mark.django_db
def test_a_form_longer_than_one_slice_rolls_up_every_indicator(unit_kinds):
    root = make_unit(None, "confederation", "Tổng Liên đoàn")
    period, _three = _build(root, [[((SubmissionStatus.SUBMITTED, 1, None, None), False)]])
    extra = [
        Indicator.objects.create(
            form=period.form, label=f"Chỉ tiêu {n}", kind="number", aggregation="sum", order=10 + n
        )
        for n in range(queries.ROLLUP_SLICE + 5)
    ]
    submission = Submission.objects.get(period=period)
    Answer.objects.bulk_create(Answer(submission=submission, indicator=i, number=n) for n, i in enumerate(extra))
    whole, _children = queries.rollup_by_child(period, root)
    assert whole.reports == 1
    assert [whole.figures[i.pk].value("sum") for i in extra] == list(range(len(extra)))
