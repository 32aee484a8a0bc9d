"""Every state × action × role of the initiative's state machine: the move happens (and is
audited) exactly where the tables below say, and is refused everywhere else — at the authors'
CĐCS, and at the district it was proposed to, which takes it through its own steps."""

import pytest
from django.core.exceptions import PermissionDenied
from django.db import transaction

from thidua.core.models import AuditEntry
from thidua.core.workflow import TransitionNotAllowed
from thidua.initiatives.models import Initiative, InitiativeStatus
from thidua.initiatives.services import ACTIONS, INITIATIVE_WORKFLOW

S = InitiativeStatus
ROLES = ["author", "team", "school_chair", "company_chair", "lb_officer", "lb_chair", "lb_team", "gl_officer"]

# (state, action) → who may do it. Anything else is refused.
ALLOWED = {
    (S.DRAFT, "submit"): {"author", "school_chair"},
    (S.SUBMITTED, "assign_support_team"): {"school_chair"},
    (S.SUBMITTED, "return_to_authors"): {"school_chair"},
    (S.SUBMITTED, "send_to_council"): {"school_chair"},
    (S.WITH_SUPPORT_TEAM, "assign_support_team"): {"school_chair"},
    (S.WITH_SUPPORT_TEAM, "return_to_authors"): {"school_chair", "team"},
    (S.WITH_SUPPORT_TEAM, "send_to_council"): {"school_chair", "team"},
    (S.AT_COUNCIL, "council_pass"): {"school_chair"},
    (S.AT_COUNCIL, "council_reject"): {"school_chair"},
    (S.COUNCIL_PASSED, "recognise"): {"school_chair"},
    (S.RECOGNISED, "propose"): {"school_chair"},
}
# Proposed to Long Biên: the district's officer or standing committee assigns the district's
# team or sends it to the district's council; the district's team comments and sends it; the
# district recognises it and proposes it to Hà Nội. The CĐCS, its team, a sibling district: nothing.
DISTRICT = frozenset({"lb_officer", "lb_chair"})
ALLOWED_AT_DISTRICT = {
    (S.PROPOSED, "assign_support_team"): DISTRICT,
    (S.PROPOSED, "send_to_council"): DISTRICT,
    (S.WITH_SUPPORT_TEAM, "assign_support_team"): DISTRICT,
    (S.WITH_SUPPORT_TEAM, "send_to_council"): DISTRICT | {"lb_team"},
    (S.AT_COUNCIL, "council_pass"): DISTRICT,
    (S.AT_COUNCIL, "council_reject"): DISTRICT,
    (S.COUNCIL_PASSED, "recognise"): DISTRICT,
    (S.RECOGNISED, "propose"): DISTRICT,
}
DISTRICT_STATES = [S.PROPOSED, S.WITH_SUPPORT_TEAM, S.AT_COUNCIL, S.COUNCIL_PASSED, S.RECOGNISED, S.NOT_RECOGNISED]


@pytest.fixture
def district_people(federation, people):
    from thidua.initiatives import services
    from thidua.org.models import RoleKind
    from thidua.org.tests.factories import MemberFactory

    from .conftest import account

    staff = MemberFactory(full_name="Đỗ Thị Tổ Quận", unit=federation.company)
    lb_team = services.create_support_team(
        people["lb_officer"], unit=federation.long_bien, name="Tổ hỗ trợ quận", members=[staff]
    )
    return {
        **people,
        "lb_team": account("to_quan", RoleKind.MEMBER, federation.company, staff),
        "gl_officer": account("gl_tdkt", RoleKind.EMULATION_OFFICER, federation.gia_lam),
        "_team": lb_team,
    }


def _moves(obj_pk, actor) -> set[str]:
    moved = set()
    for action in ACTIONS:
        obj = Initiative.objects.select_related("unit", "level").get(pk=obj_pk)
        with transaction.atomic():
            try:
                target = INITIATIVE_WORKFLOW.move(obj, action, actor=actor).target
            except (TransitionNotAllowed, PermissionDenied):
                pass
            else:
                moved.add(action)
                assert Initiative.objects.get(pk=obj.pk).status == target
                assert AuditEntry.objects.for_object(obj).filter(verb=action, actor=actor).exists()
            transaction.set_rollback(True)
    return moved


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("state", DISTRICT_STATES)
def test_at_the_district_each_action_moves_only_where_the_table_allows(
    federation, initiative, team, district_people, state, role
):
    # The CĐCS's team is still on it when it arrives; the district's from "with support team" on.
    assigned = team if state == S.PROPOSED else district_people["_team"]
    Initiative.objects.filter(pk=initiative.pk).update(status=state, level=federation.long_bien, support_team=assigned)
    expected = {action for (st, action), who in ALLOWED_AT_DISTRICT.items() if st == state and role in who}
    assert _moves(initiative.pk, district_people[role]) == expected, (state, role)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("state", [s for s in S if s != S.PROPOSED])  # proposed: the district's table
def test_each_action_moves_only_where_the_table_allows(federation, initiative, team, district_people, state, role):
    # A team is assigned from "with support team" on.
    assigned = None if state in (S.DRAFT, S.SUBMITTED) else team
    Initiative.objects.filter(pk=initiative.pk).update(status=state, level=federation.school, support_team=assigned)
    expected = {action for (st, action), who in ALLOWED.items() if st == state and role in who}
    assert _moves(initiative.pk, district_people[role]) == expected, (state, role)


def test_every_allowed_move_names_a_declared_action():
    assert {action for _state, action in [*ALLOWED, *ALLOWED_AT_DISTRICT]} <= set(ACTIONS)
