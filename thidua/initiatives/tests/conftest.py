"""People around an initiative of the school's CĐCS (Long Biên): its author, a support team
member, the CĐCS chair, a sibling CĐCS's chair, the district's emulation officer; and helpers
that walk an initiative through the flow with the services."""

import datetime
from decimal import Decimal

import pytest

from thidua.councils import services as councils
from thidua.councils.models import CouncilKind, CouncilRole
from thidua.initiatives import services
from thidua.initiatives.models import Initiative
from thidua.org.models import Member, RoleKind
from thidua.org.tests.factories import MemberFactory, make_user

DAY = datetime.date(2024, 5, 10)


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def account(username, role_kind, unit, member=None):
    user = make_user(username, role_kind, unit)
    if member is not None:
        Member.objects.filter(pk=member.pk).update(user=user)
    return user


@pytest.fixture
def people(federation, members):
    school = federation.school
    hoa = MemberFactory(full_name="Lê Thị Hoa", unit=school)
    chu = MemberFactory(full_name="Hoàng Văn Chủ", unit=school)
    return {
        "author": account("tacgia", RoleKind.MEMBER, school, members["an"]),
        "team": account("tohotro", RoleKind.MEMBER, school, hoa),
        "school_chair": account("ct_gia_thuy", RoleKind.GRASSROOTS_CHAIR, school, chu),
        "company_chair": account("ct_duc_giang", RoleKind.GRASSROOTS_CHAIR, federation.company),
        "lb_officer": account("lb_tdkt", RoleKind.EMULATION_OFFICER, federation.long_bien),
        "lb_chair": account("lb_ct", RoleKind.STANDING_COMMITTEE, federation.long_bien),
    }


@pytest.fixture
def team(federation, people):
    hoa = Member.objects.get(full_name="Lê Thị Hoa")
    return services.create_support_team(
        people["school_chair"], unit=federation.school, name="Tổ ươm mầm ý tưởng", members=[hoa]
    )


def register(actor, unit, authors, title="Số hóa sổ theo dõi đoàn viên bằng bảng tính dùng chung", **values):
    values.setdefault("solution", "Dùng một bảng tính chung cho các tổ công đoàn, cập nhật hằng tháng.")
    values.setdefault("benefit_amount", Decimal("12000000"))
    values.setdefault("applied_since", datetime.date(2024, 1, 2))
    return services.register_initiative(actor, unit=unit, authors=authors, title=title, **values)


@pytest.fixture
def initiative(federation, members, people) -> Initiative:
    return register(people["author"], federation.school, [(members["an"], 60), (members["binh"], 40)])


# The chair, then the secretary who takes the minutes (a meeting closes only with one,
# docs/domain.md), then members.
SEATS = (CouncilRole.CHAIR, CouncilRole.SECRETARY)


def council_for(unit, manager, names, member_unit=None):
    """An initiative council of `unit` whose members (names, of `member_unit` — members belong
    to a CĐCS: a federation's council sits members of CĐCS below it) get accounts."""
    member_unit = member_unit or unit
    council = councils.create_council(manager, unit=unit, kind=CouncilKind.INITIATIVE, name="Hội đồng sáng kiến")
    seats = []
    for n, name in enumerate(names):
        member = Member.objects.filter(full_name=name).first() or MemberFactory(full_name=name, unit=member_unit)
        seat = councils.add_member(
            manager, council, member=member, role=SEATS[n] if n < len(SEATS) else CouncilRole.MEMBER
        )
        if member.user_id is None:
            account(f"hd{unit.pk}_{n}", RoleKind.MEMBER, member_unit, member)
        seats.append(seat)
    return council


def pass_council(manager, council, initiative, *, agree=True):
    """A session where every seat that may vote votes `agree`, then closes."""
    from django.contrib.auth import get_user_model

    from thidua.councils.models import Recusal
    from thidua.org.models import Role

    session = councils.open_session(manager, council, held_on=DAY)
    item = councils.add_to_agenda(manager, session, initiative)
    recused = set(Recusal.objects.filter(item=item).values_list("council_member_id", flat=True))
    for seat in council.members.select_related("member"):
        if seat.pk in recused:
            continue
        user = get_user_model().objects.get(pk=seat.member.user_id)
        user.acting_role = Role.objects.filter(user=user).first()
        scores = {c.pk: c.max_score // 2 for c in council.criteria.all()}
        councils.cast_ballot(user, item, agree=agree, scores=scores)
    councils.close_session(manager, session)
    return session
