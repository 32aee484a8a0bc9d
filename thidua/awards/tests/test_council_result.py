"""A council's result moves its subject one way for every subject (councils.subjects
`record_council_result`): a nomination and an initiative decided by their councils leave the
same trail — the subject's pass or reject move, by the person who closed the session, the
council named as the reason, in the subject's unit's scope — and each is read by the members
of the council that had it on its agenda through the one reading (`councils.models.council_reach`).
Written here, at the top of the layers, because only here are both subjects installed."""

import pytest
from django.contrib.contenttypes.models import ContentType

from thidua.awards import services
from thidua.awards.models import Nomination, NominationStatus
from thidua.awards.tests.conftest import GIAY_KHEN, as_role, submitted, vote
from thidua.core.models import AuditEntry
from thidua.councils import subjects
from thidua.councils.models import AgendaItem, Outcome
from thidua.initiatives import services as initiatives
from thidua.initiatives.models import Initiative, InitiativeStatus
from thidua.initiatives.tests.conftest import DAY, council_for, pass_council, register
from thidua.org.models import Member

pytestmark = pytest.mark.django_db


def _council_trail(subject):
    """(verb, actor, reason, scope) of the council's move of `subject`, and the item's outcome."""
    entries = AuditEntry.objects.for_object(subject).order_by("pk")
    entry = entries.last()
    item = AgendaItem.objects.get(subject_type=ContentType.objects.get_for_model(subject), subject_id=subject.pk)
    return entry.verb, entry.actor, entry.reason, entry.scope_path, item.outcome


def test_every_council_subject_is_moved_by_its_workflow_not_by_a_copy_of_its_own():
    kinds = {kind.model: kind for kind in subjects.all_types()}
    assert {Nomination, Initiative} <= set(kinds)
    for model in (Nomination, Initiative):
        kind = kinds[model]
        # No subject records the result its own way: the workflow's two moves, declared.
        assert kind.on_decided is None
        declared = {t.action for t in kind.workflow.transitions}
        assert set(kind.moves) <= declared


@pytest.mark.parametrize("agree", [True, False])
def test_a_nomination_and_an_initiative_leave_the_same_trail(
    agree, award_people, award_campaign, catalogue, members, federation, lb_council
):
    officer, chair = award_people["lb_officer"], award_people["school_chair"]
    nomination = submitted(award_people, award_campaign, catalogue[GIAY_KHEN], member=members["an"])
    services.accept(officer, nomination)
    services.send_to_council(officer, nomination)
    vote(officer, lb_council, [nomination], agree=agree)

    initiative = register(award_people["member"], federation.school, [(members["an"], 100)])
    initiatives.submit(award_people["member"], initiative, on=DAY)
    initiatives.send_to_council(chair, initiative)
    council = council_for(federation.school, chair, ["Hoàng Văn Chủ", "Lê Thị Hoa", "Trịnh Văn Năm"])
    pass_council(chair, council, initiative, agree=agree)

    nomination.refresh_from_db()
    initiative.refresh_from_db()
    outcome = Outcome.PASSED if agree else Outcome.FAILED
    assert _council_trail(nomination) == (
        "nomination_council_pass" if agree else "nomination_council_reject",
        officer,
        lb_council.name,
        nomination.unit.path,
        outcome,
    )
    assert _council_trail(initiative) == (
        "council_pass" if agree else "council_reject",
        chair,
        council.name,
        initiative.unit.path,
        outcome,
    )
    if agree:
        assert (nomination.status, initiative.status) == (NominationStatus.RECOMMENDED, InitiativeStatus.COUNCIL_PASSED)
    else:
        assert (nomination.status, initiative.status) == (
            NominationStatus.NOT_RECOMMENDED,
            InitiativeStatus.NOT_RECOGNISED,
        )

    # The council's members read what was on their agenda, and only that: the one reading.
    lan = as_role(Member.objects.get(full_name="Vũ Thị Lan").user)
    assert list(Nomination.objects.visible_to(lan)) == [nomination]
    assert not Initiative.objects.visible_to(lan).filter(pk=initiative.pk).exists()
    hoa = as_role(Member.objects.get(full_name="Lê Thị Hoa").user)
    assert Initiative.objects.visible_to(hoa).filter(pk=initiative.pk).exists()
    assert not Nomination.objects.visible_to(hoa).exists()
