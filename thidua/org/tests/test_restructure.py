import pytest
from django.core.exceptions import ValidationError

from thidua.core.models import AuditEntry
from thidua.org import queries, services
from thidua.org.models import Member, RatingLevel, RatingSubject, Unit, UnitRating, UnitStatus
from thidua.org.tests.factories import SYSTEM, MemberFactory, make_unit


def totals(unit):
    return queries.subtree_totals(Unit.objects.get(pk=unit.pk))


def assert_counters_match_rows():
    """Every unit's counters equal a recount from the member rows."""
    for unit in Unit.objects.all():
        members = Member.objects.filter(unit=unit)
        assert (unit.member_count, unit.direct_worker_count) == (
            members.count(),
            members.filter(is_direct_worker=True).count(),
        ), unit.name


def test_subtree_totals_sum_members_of_the_whole_branch(federation, members):
    assert totals(federation.long_bien).members == 3
    assert totals(federation.long_bien).direct_workers == 1
    assert totals(federation.long_bien).grassroots == 2
    assert totals(federation.city).members == 4
    assert totals(federation.city).grassroots == 3
    assert totals(federation.school).members == 2  # the group's member counts for its CĐCS


def test_move_cdcs_to_another_district_carries_members_and_counts(federation, members, officer):
    city_officer = officer
    city_officer.acting_role.unit = federation.city
    city_officer.acting_role.save()
    services.move_unit(city_officer, federation.school, federation.gia_lam, reason="Quyết định 12/QĐ-LĐLĐ")

    school = Unit.objects.get(pk=federation.school.pk)
    group = Unit.objects.get(pk=federation.group.pk)
    assert school.parent_id == federation.gia_lam.pk
    assert school.path.startswith(federation.gia_lam.path)
    assert group.path.startswith(school.path) and group.depth == school.depth + 1
    assert totals(federation.long_bien).members == 1
    assert totals(federation.gia_lam).members == 3
    assert totals(federation.gia_lam).grassroots == 2
    assert set(Member.objects.within(federation.gia_lam).values_list("full_name", flat=True)) == {
        "Nguyễn Văn An",
        "Trần Thị Bình",
        "Phạm Thị Dung",
    }
    entry = AuditEntry.objects.for_object(school).get(verb="move_unit")
    assert (entry.from_state, entry.to_state, entry.reason) == (
        "LĐLĐ quận Long Biên",
        "LĐLĐ huyện Gia Lâm",
        "Quyết định 12/QĐ-LĐLĐ",
    )
    assert AuditEntry.objects.for_object(federation.long_bien).filter(verb="move_unit_out").exists()
    assert_counters_match_rows()


def test_move_into_own_subtree_is_refused(federation):
    with pytest.raises(ValidationError) as error:
        services.move_unit(SYSTEM, federation.long_bien, federation.school)
    assert "chính nó" in str(error.value)
    assert Unit.objects.get(pk=federation.long_bien.pk).parent_id == federation.city.pk


def test_merge_moves_members_groups_and_ratings_and_keeps_history(federation, members):
    scale = {
        rank: RatingLevel.objects.create(year=2023, subject=RatingSubject.UNIT, code=code, name=name, rank=rank)
        for rank, code, name in [(1, "vung-manh", "Vững mạnh"), (2, "kha", "Khá")]
    }
    level_2022 = RatingLevel.objects.create(year=2022, subject=RatingSubject.UNIT, code="vm", name="Vững mạnh", rank=1)
    services.rate_unit(SYSTEM, federation.school, 2023, scale[1])
    services.rate_unit(SYSTEM, federation.school, 2022, level_2022)
    services.rate_unit(SYSTEM, federation.company, 2023, scale[2])

    services.merge_units(SYSTEM, federation.school, federation.company, reason="Sáp nhập trường")

    school = Unit.objects.get(pk=federation.school.pk)
    company = Unit.objects.get(pk=federation.company.pk)
    assert school.status == UnitStatus.MERGED and school.merged_into_id == company.pk
    assert set(Member.objects.filter(unit=company).values_list("full_name", flat=True)) == {
        "Nguyễn Văn An",
        "Lê Đức Cường",
    }
    assert Unit.objects.get(pk=federation.group.pk).parent_id == company.pk
    assert totals(company).members == 3
    assert totals(federation.long_bien).members == 3
    assert totals(federation.long_bien).grassroots == 1  # the merged CĐCS no longer counts
    # 2022 followed the survivor; for 2023 the survivor's own rating stands and the source keeps its.
    assert dict(UnitRating.objects.filter(unit=company).values_list("year", "level__name")) == {
        2023: "Khá",
        2022: "Vững mạnh",
    }
    assert UnitRating.objects.filter(unit=school, year=2023).exists()
    entry = AuditEntry.objects.for_object(school).get(verb="merge")
    assert entry.from_state == "Đang hoạt động" and entry.to_state == "Đã sáp nhập"
    assert entry.changes["members_moved"] == 1
    assert_counters_match_rows()


def test_merge_twice_is_refused_and_changes_nothing(federation, members):
    services.merge_units(SYSTEM, federation.school, federation.company)
    with pytest.raises(services.TransitionNotAllowed):
        services.merge_units(SYSTEM, federation.school, federation.gia_lam_cdcs)
    assert Member.objects.filter(unit=federation.gia_lam_cdcs).count() == 1


def test_deactivate_requires_no_members_and_a_reason(federation, members):
    empty = make_unit(federation.long_bien, "grassroots", "CĐCS giải thể")
    with pytest.raises(ValidationError):
        services.deactivate_unit(SYSTEM, federation.company, reason="Doanh nghiệp giải thể")
    with pytest.raises(ValidationError):
        services.deactivate_unit(SYSTEM, empty, reason=" ")
    services.deactivate_unit(SYSTEM, empty, reason="Doanh nghiệp giải thể")
    assert Unit.objects.get(pk=empty.pk).status == UnitStatus.INACTIVE
    assert totals(federation.long_bien).grassroots == 2


def test_member_changes_keep_counters_exact(federation, members):
    an = members["an"]
    services.update_member(SYSTEM, an, unit=federation.company, is_direct_worker=True)
    services.remove_member(SYSTEM, members["dung"], reason="Chuyển công tác")
    MemberFactory(unit=federation.gia_lam_cdcs, is_direct_worker=True)
    assert_counters_match_rows()
    assert totals(federation.company).direct_workers == 2


def test_recount_repairs_drifted_counters(federation, members):
    Unit.objects.filter(pk=federation.school.pk).update(member_count=99)
    services.recount_members(federation.long_bien)
    assert_counters_match_rows()
