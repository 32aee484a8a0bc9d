"""The demo seats lb_hoidong on Long Biên's councils with an open meeting to vote in, and the
home page lists a council member's items to vote on and the secretariat's open sessions."""

import datetime

import pytest
from django.urls import reverse

from thidua.councils import services
from thidua.councils.demo import load_demo_councils
from thidua.councils.models import CouncilKind, CouncilMember, CouncilRole, Session, SessionStatus
from thidua.councils.tests.conftest import scores, seat_user
from thidua.org.models import Role, RoleKind
from thidua.org.tests.factories import SYSTEM, MemberFactory, make_user


@pytest.fixture
def long_bien_councils(federation, decided, members):
    """Long Biên's two councils as the initiatives and awards stages leave them, and the
    district's Phó Chủ tịch with the demo login, seated nowhere."""
    councils = []
    for kind, name in [(CouncilKind.INITIATIVE, "Hội đồng sáng kiến"), (CouncilKind.AWARD, "Hội đồng TĐKT")]:
        council = services.create_council(SYSTEM, unit=federation.long_bien, kind=kind, name=name)
        for n, role in enumerate([CouncilRole.CHAIR, CouncilRole.SECRETARY, CouncilRole.MEMBER]):
            member = MemberFactory(full_name=f"Thành viên {kind} {n}", unit=federation.company)
            services.add_member(SYSTEM, council, member=member, role=role)
        councils.append(council)
    tuan = MemberFactory(full_name="Lê Minh Tuấn", unit=federation.company)
    user = seat_user("lb_hoidong", tuan, federation.company)
    user.acting_role = Role.objects.create(user=user, unit=federation.long_bien, kind=RoleKind.COUNCIL_MEMBER)
    return councils, user


def test_the_demo_seats_lb_hoidong_on_long_bien_s_councils_and_opens_a_meeting(long_bien_councils, login, members):
    _councils, user = long_bien_councils
    load_demo_councils(lambda line: None)
    load_demo_councils(lambda line: None)  # a rerun adds nothing
    seats = CouncilMember.objects.filter(member__user=user)
    assert sorted(s.council.kind for s in seats) == ["award", "initiative"]
    assert {s.role for s in seats} == {CouncilRole.VICE_CHAIR}
    # The test subjects (members of the district's CĐCS) wait for every council: each opens once.
    open_sessions = Session.objects.filter(status=SessionStatus.OPEN)
    assert open_sessions.count() == 2
    session = open_sessions.first()
    client = login(user, user.acting_role)
    assert "Hội đồng TĐKT" in client.get(reverse("councils:list")).content.decode()
    page = client.get(reverse("councils:session", args=[session.pk])).content.decode()
    assert "Phiếu của bạn" in page and "Nguyễn Văn An" in page
    home = client.get("/").content.decode()
    assert "Biểu quyết tại họp hội đồng: Nguyễn Văn An" in home


def test_home_lists_the_votes_a_member_owes_and_not_those_given(login, federation, council, chair, members, decided):
    session = services.open_session(chair, council, held_on=datetime.date(2026, 12, 7))
    item = services.add_to_agenda(chair, session, members["an"])
    services.set_attendance(chair, session, present_ids={council.people[n][0].pk for n in (0, 1, 2)})
    voter, absent = council.people[1][1], council.people[3][1]
    assert "Biểu quyết tại họp hội đồng: Nguyễn Văn An" in login(voter).get("/").content.decode()
    assert (
        "Biểu quyết tại họp hội đồng: Nguyễn Văn An" not in login(absent).get("/").content.decode()
    )  # absent: no vote
    services.cast_ballot(voter, item, agree=True, scores=scores(council))
    assert "Biểu quyết tại họp hội đồng: Nguyễn Văn An" not in login(voter).get("/").content.decode()
    assert "Điều hành họp hội đồng ngày 07/12/2026" in login(chair).get("/").content.decode()
    outsider = make_user("khac", RoleKind.GRASSROOTS_CHAIR, federation.company)
    assert "Điều hành" not in login(outsider).get("/").content.decode()


@pytest.mark.parametrize("sessions", [1, 3])
def test_the_home_tasks_of_councils_take_a_fixed_number_of_queries(
    rf, council, chair, members, decided, django_assert_num_queries, sessions
):
    from thidua.councils.home import tasks

    for n in range(sessions):
        session = services.open_session(chair, council, held_on=datetime.date(2026, 12, 7 + n))
        services.add_to_agenda(chair, session, members["an"])
    request = rf.get("/")
    request.user = council.people[0][1]
    with django_assert_num_queries(1):  # the items waiting for the member's vote
        assert len(tasks(request, datetime.date(2026, 12, 6))) == sessions
    request.user = chair
    with django_assert_num_queries(2):  # their votes (none: no seat) and the sessions to run
        assert len(tasks(request, datetime.date(2026, 12, 6))) == sessions
