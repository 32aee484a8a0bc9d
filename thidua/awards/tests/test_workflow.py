"""Every declared action of a nomination from every state, for each role around it: allowed,
TransitionNotAllowed (not from this state) or PermissionDenied (not for this role). The
expected table is written out here from the rules (awards/rules.py, issue 8), not read from the
workflow, so a changed transition or permission fails a test."""

import pytest
from django.core.exceptions import PermissionDenied
from django.db import transaction

from thidua.awards.models import Nomination, NominationStatus
from thidua.awards.tests.conftest import BANG_KHEN, GIAY_KHEN, nominate
from thidua.awards.workflow import ACTIONS, NOMINATION_WORKFLOW
from thidua.core.workflow import TransitionNotAllowed

S = NominationStatus
pytestmark = pytest.mark.django_db

ROLES = ("school_chair", "company_chair", "member", "lb_officer", "lb_chair", "hn_officer", "hn_chair")
# The school proposes; the emulation office of a federation above it may act for it (paper
# dossiers arrive there), the standing committees may not.
PROPOSER = {"school_chair", "lb_officer", "hn_officer"}
LB_OFFICE = {"lb_officer", "lb_chair"}
HN_OFFICE = {"hn_officer", "hn_chair"}

# action: (states it leaves from, who may do it at Long Biên's level, … at the city's level)
# A FORWARDED nomination is handled by the city (level = Hà Nội); every other one by Long Biên.
EXPECTED = {
    "submit_nomination": ({S.DRAFT}, PROPOSER),
    "resubmit_nomination": ({S.RETURNED}, PROPOSER),
    "return_nomination": ({S.SUBMITTED, S.FORWARDED}, "office"),
    "accept_nomination": ({S.SUBMITTED, S.FORWARDED}, "office"),
    "nomination_to_council": ({S.ACCEPTED}, "office"),
    "nomination_council_pass": ({S.AT_COUNCIL}, "office"),
    "nomination_council_reject": ({S.AT_COUNCIL}, "office"),
    # Only what is beyond Long Biên's authority goes up (a city Bằng khen), by its office.
    "forward_nomination": ({S.RECOMMENDED}, {BANG_KHEN: LB_OFFICE, GIAY_KHEN: set()}),
    # Only what is within its authority is decided, by its standing committee.
    "award_nomination": ({S.RECOMMENDED}, {BANG_KHEN: set(), GIAY_KHEN: {"lb_chair"}}),
    "withdraw_nomination": ({S.DRAFT, S.SUBMITTED, S.RETURNED}, PROPOSER),
}


def expected(action: str, state: str, role: str, kind_code: str) -> str:
    sources, who = EXPECTED[action]
    if state not in sources:
        return "not_allowed"
    if who == "office":
        who = HN_OFFICE if state == S.FORWARDED else LB_OFFICE
    elif isinstance(who, dict):
        who = who[kind_code]
    return "ok" if role in who else "denied"


def test_the_table_covers_every_declared_action():
    assert set(EXPECTED) == set(ACTIONS)


@pytest.mark.parametrize("kind_code", [GIAY_KHEN, BANG_KHEN])
@pytest.mark.parametrize("role", ROLES)
def test_state_action_role(role, kind_code, award_people, award_campaign, catalogue, members, federation):
    nomination = nominate(award_people, award_campaign, catalogue[kind_code], member=members["an"])
    user = award_people[role]
    wrong = []
    for state in S.values:
        level = federation.city if state == S.FORWARDED else federation.long_bien
        for action in ACTIONS:
            Nomination.objects.filter(pk=nomination.pk).update(status=state, level=level)
            subject = Nomination.objects.select_related("level", "level__kind", "award_kind", "unit").get(
                pk=nomination.pk
            )
            try:
                with transaction.atomic():
                    NOMINATION_WORKFLOW.move(subject, action, actor=user)
                    got = "ok"
                    transaction.set_rollback(True)
            except TransitionNotAllowed:
                got = "not_allowed"
            except PermissionDenied:
                got = "denied"
            want = expected(action, state, role, kind_code)
            if got != want:
                wrong.append(f"{state} × {action}: {got}, expected {want}")
    assert wrong == []
