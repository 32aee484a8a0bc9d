"""Who may vote is one rule (councils.rules.vote_state): the service that records a ballot, the
session page (the member's own form, the secretariat's rows) and the home page's task list
ask it, so they never disagree — tried here seat by seat on one meeting."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse

from thidua.councils import rules, services
from thidua.councils.home import tasks
from thidua.councils.tests.conftest import scores
from thidua.councils.views.sessions import _context, _entry_rows

DAY = datetime.date(2026, 12, 7)


@pytest.mark.parametrize(
    ("meeting", "recused", "voted", "present", "quorum_met", "state"),
    [
        (True, False, False, True, True, rules.MAY_VOTE),
        (True, True, False, True, True, rules.RECUSED),  # an author does not vote on their own work
        (True, True, True, True, True, rules.RECUSED),
        (True, False, True, True, True, rules.VOTED),  # one ballot each
        (True, False, False, False, True, rules.ABSENT),  # a meeting counts those present only
        (True, False, False, True, False, rules.NO_QUORUM),
        (True, False, False, False, False, rules.ABSENT),
        (False, False, False, False, False, rules.MAY_VOTE),  # a written consultation: no roll call
        (False, True, False, False, True, rules.RECUSED),
        (False, False, True, False, True, rules.VOTED),
    ],
)
def test_vote_state(meeting, recused, voted, present, quorum_met, state):
    got = rules.vote_state(meeting=meeting, recused=recused, voted=voted, present=present, quorum_met=quorum_met)
    assert got == state


def _service_says(user, item, council) -> str:
    try:
        with transaction.atomic():
            services.cast_ballot(user, item, agree=True, scores=scores(council))
            transaction.set_rollback(True)
    except ValidationError as error:
        message = " ".join(error.messages)
        for state, words in (
            (rules.RECUSED, "không được chấm điểm"),
            (rules.VOTED, "đã biểu quyết"),
            (rules.ABSENT, "vắng mặt"),
            (rules.NO_QUORUM, "chưa đủ số thành viên"),
        ):
            if words in message:
                return state
        raise
    return rules.MAY_VOTE


@pytest.mark.django_db
def test_the_service_the_session_page_and_the_home_page_agree_seat_by_seat(rf, council, chair, decided):
    session = services.open_session(chair, council, held_on=DAY, place="Phòng họp")
    (seat0, user0), (seat1, user1), (seat2, user2), (_seat3, user3) = (council.people[n] for n in range(4))
    item = services.add_to_agenda(chair, session, seat2.member)  # seat 2 is the subject: recused
    services.set_attendance(chair, session, present_ids={seat0.pk, seat1.pk, seat2.pk})
    services.cast_ballot(user0, item, agree=True, scores=scores(council))
    expected = {user0: rules.VOTED, user1: rules.MAY_VOTE, user2: rules.RECUSED, user3: rules.ABSENT}
    for user, state in expected.items():
        request = rf.get("/")
        request.user = user
        (row,) = _context(request, session)["rows"]
        waiting = [t for t in tasks(request, DAY) if t.url == reverse("councils:session", args=[session.pk])]
        assert (row["my_state"], _service_says(user, item, council), bool(waiting)) == (
            state,
            state,
            state in rules.AWAITING_VOTE,
        ), user.username
    # The secretariat may enter the paper ballot of the one seat that may vote, no one else's.
    assert [r["seat"] for r in _entry_rows(item)] == [seat1]


@pytest.mark.django_db
def test_below_the_quorum_the_vote_waits_on_the_home_page_and_is_refused(rf, council, chair, decided, members):
    session = services.open_session(chair, council, held_on=DAY, place="Phòng họp")
    item = services.add_to_agenda(chair, session, members["an"])
    (seat0, user0), (seat1, _user1) = council.people[0], council.people[1]
    services.set_attendance(chair, session, present_ids={seat0.pk, seat1.pk})  # 2 of 4: below 2/3
    request = rf.get("/")
    request.user = user0
    (row,) = _context(request, session)["rows"]
    assert row["my_state"] == _service_says(user0, item, council) == rules.NO_QUORUM
    assert [t.url for t in tasks(request, DAY)] == [reverse("councils:session", args=[session.pk])]
