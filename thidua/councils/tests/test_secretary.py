"""A meeting's minutes are signed by who presided and by the secretary who took them
(docs/domain.md, "Dossiers and councils"; Thông tư 18/2013 Điều 8 seats a secretary on an
initiative council). QA walk, session 6: a council seating no secretary closed its meeting and
its minutes were signed by the presiding member alone. Now closing is refused, saying what to
do; the officer names a member present as the session's secretary at attendance."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from thidua.councils import minutes, services
from thidua.councils.models import CouncilKind, CouncilRole, Outcome, SessionStatus
from thidua.councils.tests.conftest import scores, seat_user
from thidua.documents.models import RegisterEntry
from thidua.org.tests.factories import MemberFactory

DAY = datetime.date(2024, 5, 10)


@pytest.fixture
def council_without_secretary(federation, chair):
    council = services.create_council(
        chair, unit=federation.school, kind=CouncilKind.INITIATIVE, name="Hội đồng sáng kiến"
    )
    council.people = []
    for n, (name, role) in enumerate([("Hoàng Văn Chủ", CouncilRole.CHAIR), ("Đỗ Văn Ba", CouncilRole.MEMBER)]):
        member = MemberFactory(full_name=name, unit=federation.school)
        seat = services.add_member(chair, council, member=member, role=role)
        council.people.append((seat, seat_user(f"ghe{n}", member, federation.school)))
    return council


def test_a_meeting_without_a_secretary_is_not_closed_until_one_is_named(
    council_without_secretary, chair, members, decided
):
    council = council_without_secretary
    session = services.open_session(chair, council, held_on=DAY, place="Phòng họp")
    item = services.add_to_agenda(chair, session, members["an"])
    for _seat, user in council.people:
        services.cast_ballot(user, item, agree=True, scores=scores(council))

    with pytest.raises(ValidationError, match="Phiên họp chưa có thư ký ghi biên bản"):
        services.close_session(chair, session)
    session.refresh_from_db()
    item.refresh_from_db()
    assert session.status == SessionStatus.OPEN and item.outcome != Outcome.PASSED
    assert not RegisterEntry.objects.exists() and decided == []  # no number taken, nothing decided

    seats = [seat.pk for seat, _user in council.people]
    services.set_attendance(chair, session, present_ids=set(seats), recorder_id=seats[1])
    services.close_session(chair, session)
    session.refresh_from_db()
    assert session.status == SessionStatus.CLOSED
    paper = minutes.build(session)
    assert (paper.signer_name, list(paper.cosigner_lines), paper.cosigner_name) == (
        "Hoàng Văn Chủ",
        ["THƯ KÝ"],
        "Đỗ Văn Ba",
    )
