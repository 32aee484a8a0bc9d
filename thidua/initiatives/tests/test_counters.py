"""The counters (kept in `Tally` by the services) equal a recount from the initiatives
themselves, on randomly generated trees, for every unit and every filter."""

import datetime

import pytest
from django.db import transaction
from django.db.models import Sum
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from thidua.campaigns import services as campaigns
from thidua.documents.tests.letterheads import blank
from thidua.initiatives import queries, services
from thidua.initiatives.models import Initiative, InitiativeStatus, Programme
from thidua.initiatives.queries import Counters, Filters
from thidua.org.services import move_unit
from thidua.org.tests.factories import SYSTEM, MemberFactory, make_unit

START = datetime.date(2023, 1, 1)


def recount(unit, filters: Filters) -> Counters:
    # Through the unit's own path (a join), not the initiatives' copy the code keeps.
    rows = Initiative.objects.filter(unit__path__gte=unit.path, unit__path__lt=unit.path + "~")
    if filters.programme_id:
        rows = rows.filter(programme_id=filters.programme_id)
    if filters.campaign_id:
        rows = rows.filter(campaign_id=filters.campaign_id)

    def period(qs, field):
        if filters.year:
            qs = qs.filter(**{f"{field}__year": filters.year})
            if filters.quarter:
                months = range(3 * filters.quarter - 2, 3 * filters.quarter + 1)
                qs = qs.filter(**{f"{field}__month__in": list(months)})
        return qs

    registered = period(rows.filter(submitted_on__isnull=False), "submitted_on")
    recognised = period(rows.filter(recognised_on__isnull=False), "recognised_on")
    return Counters(
        registered=registered.count(),
        recognised=recognised.count(),
        applied=recognised.filter(applied_since__isnull=False).count(),
        benefit=recognised.aggregate(s=Sum("benefit_amount"))["s"] or 0,
    )


initiative_spec = st.fixed_dictionaries(
    {
        "cdcs": st.integers(0, 50),
        "programme": st.integers(0, 2),  # 0: none
        "campaign": st.booleans(),
        "submitted": st.one_of(st.none(), st.integers(0, 700)),  # days after START
        "recognised_after": st.one_of(st.none(), st.integers(0, 200)),
        "applied": st.booleans(),
        "benefit": st.one_of(st.none(), st.integers(0, 500_000_000)),
    }
)


@pytest.fixture
def campaign(federation):
    return campaigns.create_campaign(
        SYSTEM, issuer=federation.city, kind="movement", title="Lao động giỏi, Lao động sáng tạo", place="Hà Nội"
    )


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    districts=st.integers(1, 3),
    cdcs_parents=st.lists(st.integers(0, 5), min_size=1, max_size=5),
    specs=st.lists(initiative_spec, max_size=10),
    moves=st.lists(st.tuples(st.integers(0, 10), st.integers(0, 10)), max_size=2),
    filter_year=st.sampled_from([None, 2023, 2024]),
    filter_quarter=st.sampled_from([None, 1, 2, 3, 4]),
)
def test_counters_equal_a_recount_on_a_random_tree(
    federation, campaign, districts, cdcs_parents, specs, moves, filter_year, filter_quarter
):
    programmes = list(Programme.objects.order_by("pk")[:2])
    with transaction.atomic():
        province = make_unit(federation.confederation, "province")
        feds = [make_unit(province, "district") for _ in range(districts)]
        cdcs = [make_unit(feds[p % len(feds)], "grassroots") for p in cdcs_parents]
        members = [MemberFactory(unit=u) for u in cdcs]
        for unit in cdcs:  # "Đơn vị N" has no place in its name: its letterhead says where and who signs
            blank(unit, place="Hà Nội", signer_name="Nguyễn Văn Ký")
        for spec in specs:
            n = spec["cdcs"] % len(cdcs)
            initiative = services.register_initiative(
                SYSTEM,
                unit=cdcs[n],
                authors=[(members[n], 100)],
                title="Sáng kiến thử",
                solution="Giải pháp",
                programme=programmes[spec["programme"] - 1] if spec["programme"] else None,
                campaign=campaign if spec["campaign"] else None,
                applied_since=START if spec["applied"] else None,
                benefit_amount=spec["benefit"],
            )
            if spec["submitted"] is None:
                continue
            day = START + datetime.timedelta(days=spec["submitted"])
            services.submit(SYSTEM, initiative, on=day)
            if spec["recognised_after"] is not None:
                Initiative.objects.filter(pk=initiative.pk).update(status=InitiativeStatus.COUNCIL_PASSED)
                services.issue_recognition_decision(
                    SYSTEM,
                    unit=cdcs[n],
                    initiative_ids=[initiative.pk],
                    issued_on=day + datetime.timedelta(days=spec["recognised_after"]),
                )
        # The tree changes after counting: a CĐCS moves to another district (org.services).
        for which, where in moves:
            unit, target = cdcs[which % len(cdcs)], feds[where % len(feds)]
            unit.refresh_from_db()
            if unit.parent_id != target.pk:
                move_unit(SYSTEM, unit, target)
        for unit in [province, *feds, *cdcs]:
            unit.refresh_from_db()
        for filters in [
            Filters(),
            Filters(year=filter_year, quarter=filter_quarter),
            Filters(programme_id=programmes[0].pk),
            Filters(campaign_id=campaign.pk, year=filter_year),
        ]:
            for unit in [federation.confederation, province, *feds, *cdcs]:
                assert queries.counters(unit, filters) == recount(unit, filters), (unit, filters)
            by_child = dict(queries.counters_by_child(province, filters))
            for fed in feds:
                assert by_child.get(fed, Counters()) == recount(fed, filters)
        transaction.set_rollback(True)


def _seed(federation, members, n):
    for i in range(n):
        unit = federation.school if i % 2 else federation.company
        member = members["an"] if i % 2 else members["cuong"]
        item = services.register_initiative(
            SYSTEM, unit=unit, authors=[(member, 100)], title=f"Sáng kiến {i}", solution="Giải pháp"
        )
        services.submit(SYSTEM, item, on=START)


@pytest.mark.parametrize("n", [1, 6])
def test_counters_take_one_query_and_the_child_table_two(federation, members, django_assert_num_queries, n):
    _seed(federation, members, n)
    with django_assert_num_queries(1):
        assert queries.counters(federation.city).registered == n
    with django_assert_num_queries(2):
        rows = queries.counters_by_child(federation.long_bien)
    assert sum(c.registered for _u, c in rows) == n
