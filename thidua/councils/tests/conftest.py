"""A council of the school's CĐCS with four members, and members of the school as the
subjects it decides on — the shape award nominations will have — registered for the tests
only, so councils is tested without the apps above it."""

import pytest

from thidua.councils import services, subjects
from thidua.councils.models import CouncilKind, CouncilRole
from thidua.org.models import Member, RoleKind
from thidua.org.tests.factories import MemberFactory, make_user


@pytest.fixture
def decided():
    """Subjects decided, as (member, passed), in the order the session closed them."""
    results = []
    kind = subjects.SubjectType(
        model=Member,
        interested_members=lambda m: {m.pk: "Người được đề nghị"},
        candidates=lambda council: Member.objects.filter(unit__path__startswith=council.unit.path),
        on_decided=lambda actor, member, passed, item: results.append((member, passed)),
    )
    subjects.register(kind)
    yield results
    subjects._TYPES.pop(Member, None)


@pytest.fixture
def chair(federation):
    return make_user("school_chair", RoleKind.GRASSROOTS_CHAIR, federation.school)


def seat_user(username, member, unit):
    user = make_user(username, RoleKind.MEMBER, unit)
    Member.objects.filter(pk=member.pk).update(user=user)
    return user


@pytest.fixture
def council(federation, chair):
    """Four seats: the chair, a secretary, two members — each with an account."""
    c = services.create_council(chair, unit=federation.school, kind=CouncilKind.INITIATIVE, name="Hội đồng sáng kiến")
    people = {}
    for n, (name, role) in enumerate(
        [
            ("Hoàng Văn Chủ", CouncilRole.CHAIR),
            ("Ngô Thị Thư", CouncilRole.SECRETARY),
            ("Đỗ Văn Ba", CouncilRole.MEMBER),
            ("Vũ Thị Tư", CouncilRole.MEMBER),
        ]
    ):
        member = MemberFactory(full_name=name, unit=federation.school)
        seat = services.add_member(chair, c, member=member, role=role)
        people[n] = (seat, seat_user(f"seat{n}", member, federation.school))
    c.people = people
    return c


def scores(council, values=(30, 20, 20)):
    return {c.pk: v for c, v in zip(council.criteria.all(), values, strict=True)}
