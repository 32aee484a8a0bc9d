"""Every state × action × role of the initiative's state machine: the move happens (and is
audited) exactly where the table below says, and is refused everywhere else."""

import pytest
from django.core.exceptions import PermissionDenied
from django.db import transaction

from thidua.core.models import AuditEntry
from thidua.core.workflow import TransitionNotAllowed
from thidua.initiatives.models import Initiative, InitiativeStatus
from thidua.initiatives.services import ACTIONS, INITIATIVE_WORKFLOW

S = InitiativeStatus
ROLES = ["author", "team", "school_chair", "company_chair", "lb_officer", "lb_chair"]

# (state, action) → who may do it. Anything else is refused.
ALLOWED = {
    (S.DRAFT, "submit"): {"author", "school_chair"},
    (S.SUBMITTED, "assign_support_team"): {"school_chair"},
    (S.SUBMITTED, "return_to_authors"): {"school_chair"},
    (S.SUBMITTED, "send_to_council"): {"school_chair"},
    (S.WITH_SUPPORT_TEAM, "return_to_authors"): {"school_chair", "team"},
    (S.WITH_SUPPORT_TEAM, "send_to_council"): {"school_chair", "team"},
    (S.AT_COUNCIL, "council_pass"): {"school_chair"},
    (S.AT_COUNCIL, "council_reject"): {"school_chair"},
    (S.COUNCIL_PASSED, "recognise"): {"school_chair"},
    (S.RECOGNISED, "propose"): {"school_chair"},
    # Proposed to the district: its council decides now.
    (S.PROPOSED, "council_pass"): {"lb_officer", "lb_chair"},
    (S.PROPOSED, "council_reject"): {"lb_officer", "lb_chair"},
}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("state", list(S))
def test_each_action_moves_only_where_the_table_allows(federation, initiative, team, people, state, role):
    level = federation.long_bien if state == S.PROPOSED else federation.school
    # A team is assigned from "with support team" on.
    assigned = None if state in (S.DRAFT, S.SUBMITTED) else team
    Initiative.objects.filter(pk=initiative.pk).update(status=state, level=level, support_team=assigned)
    actor = people[role]
    for action in ACTIONS:
        obj = Initiative.objects.select_related("unit", "level").get(pk=initiative.pk)
        expected = role in ALLOWED.get((state, action), set())
        with transaction.atomic():
            try:
                target = INITIATIVE_WORKFLOW.move(obj, action, actor=actor).target
            except (TransitionNotAllowed, PermissionDenied):
                moved = False
            else:
                moved = True
                assert Initiative.objects.get(pk=obj.pk).status == target
                assert AuditEntry.objects.for_object(obj).filter(verb=action, actor=actor).exists()
            transaction.set_rollback(True)
        assert moved is expected, (state, action, role)


def test_every_allowed_move_names_a_declared_action():
    assert {action for _state, action in ALLOWED} <= set(ACTIONS)
