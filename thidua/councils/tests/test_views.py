import datetime
import re

import pytest
from django.urls import reverse

from thidua.councils import services
from thidua.councils.models import Ballot, CouncilKind, Outcome
from thidua.councils.tests.conftest import scores
from thidua.org.models import RoleKind
from thidua.org.tests.factories import SYSTEM, make_user

DAY = datetime.date(2024, 5, 10)


@pytest.fixture
def session(council, chair, decided):
    return services.open_session(chair, council, held_on=DAY, place="Phòng họp tầng 2")


@pytest.fixture
def item(session, chair, members):
    return services.add_to_agenda(chair, session, members["an"])


def _ballot_data(council, agree="1", values=(30, 20, 20)):
    data = {"agree": agree}
    data.update({f"score_{c.pk}": v for c, v in zip(council.criteria.all(), values, strict=True)})
    return data


def test_a_member_votes_on_the_session_page_and_sees_their_ballot(login, council, session, item):
    client = login(council.people[2][1])
    page = client.get(reverse("councils:session", args=[session.pk]))
    assert page.status_code == 200
    assert "Phiếu của bạn" in page.content.decode()
    response = client.post(reverse("councils:cast", args=[item.pk]), _ballot_data(council))
    assert response.status_code == 302
    page = client.get(reverse("councils:session", args=[session.pk])).content.decode()
    assert "Bạn đã biểu quyết nội dung này." in page


def test_a_score_above_the_maximum_is_shown_next_to_the_field_and_nothing_is_saved(login, council, session, item):
    client = login(council.people[2][1])
    response = client.post(reverse("councils:cast", args=[item.pk]), _ballot_data(council, values=(99, 20, 20)))
    assert response.status_code == 400
    first = council.criteria.first()
    assert f'data-field-error="score_{first.pk}"' in response.content.decode()
    assert not Ballot.objects.exists()


def test_closing_shows_the_result_and_a_late_vote_is_refused(login, council, chair, session, item):
    for n in (0, 1, 2):
        services.cast_ballot(council.people[n][1], item, agree=True, scores=scores(council))
    client = login(chair)
    assert client.post(reverse("councils:close", args=[session.pk])).status_code == 302
    item.refresh_from_db()
    assert item.outcome == Outcome.PASSED
    late = login(council.people[3][1]).post(reverse("councils:cast", args=[item.pk]), _ballot_data(council))
    assert late.status_code == 400
    assert "Phiên họp đã kết thúc" in late.content.decode()
    assert Ballot.objects.filter(item=item).count() == 3


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_minutes_download(login, chair, session, fmt):
    response = login(chair).get(reverse("councils:minutes", args=[session.pk, fmt]))
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith(f'.{fmt}"')


def test_a_sibling_cdcs_or_a_stranger_finds_nothing(login, federation, council, session, item):
    sibling = make_user("cty", RoleKind.GRASSROOTS_CHAIR, federation.company)
    client = login(sibling)
    for url in [
        reverse("councils:detail", args=[council.pk]),
        reverse("councils:session", args=[session.pk]),
        reverse("councils:minutes", args=[session.pk, "pdf"]),
    ]:
        assert client.get(url).status_code == 404
    assert client.post(reverse("councils:close", args=[session.pk])).status_code == 404
    assert client.post(reverse("councils:cast", args=[item.pk]), _ballot_data(council)).status_code == 404
    assert client.post(reverse("councils:cast", args=[999999]), _ballot_data(council)).status_code == 404


def test_the_district_reads_the_session_but_cannot_close_it(login, federation, council, session):
    officer = make_user("lb", RoleKind.EMULATION_OFFICER, federation.long_bien)
    client = login(officer)
    assert client.get(reverse("councils:session", args=[session.pk])).status_code == 200
    assert client.post(reverse("councils:close", args=[session.pk])).status_code == 404


@pytest.mark.parametrize("extra", [0, 3])
def test_council_list_runs_a_fixed_number_of_queries(
    login, federation, chair, council, django_assert_num_queries, extra
):
    from thidua.org.tests.factories import make_unit

    officer = make_user("lb", RoleKind.EMULATION_OFFICER, federation.long_bien)
    for n in range(extra):
        unit = make_unit(federation.long_bien, "grassroots")
        services.create_council(SYSTEM, unit=unit, kind=CouncilKind.INITIATIVE, name=f"Hội đồng {n}")
    client = login(officer)
    client.get(reverse("councils:list"))  # warm the session and role caches
    with django_assert_num_queries(4):  # session, user, role, councils
        response = client.get(reverse("councils:list"))
    assert len(re.findall(r'href="/hoi-dong/\d+/"', response.content.decode())) == 1 + extra


# --- meetings, quorum, the secretariat's ballot page, scope (issue 14) -------------------------


def _present(client, session, seats, **signers):
    data = {"present": [str(s.pk) for s in seats], **{k: str(v.pk) for k, v in signers.items()}}
    return client.post(reverse("councils:attendance", args=[session.pk]), data)


def _row(seat, council, agree="", values=("", "", "")):
    data = {f"s{seat.pk}-agree": agree}
    data.update({f"s{seat.pk}-score_{c.pk}": v for c, v in zip(council.criteria.all(), values, strict=True)})
    return data


@pytest.fixture
def paper_member(council, chair, federation):
    """A fifth seat whose member has no account: only the secretariat can enter her vote."""
    from thidua.councils.models import CouncilRole
    from thidua.org.tests.factories import MemberFactory

    member = MemberFactory(full_name="Bùi Thị Giấy", unit=federation.school)
    return services.add_member(chair, council, member=member, role=CouncilRole.MEMBER)


def test_the_secretary_enters_the_paper_ballot_of_a_member_without_account(
    login, council, chair, paper_member, decided, members
):
    from thidua.core.models import AuditEntry

    session = services.open_session(chair, council, held_on=DAY)
    item = services.add_to_agenda(chair, session, members["an"])
    client = login(chair)
    seats = [council.people[n][0] for n in (0, 1, 2)] + [paper_member]
    assert _present(client, session, seats).status_code == 302  # Vũ Thị Tư absent
    page = client.get(reverse("councils:session", args=[session.pk])).content.decode()
    assert "Có mặt 4/5 thành viên" in page and "Đủ số thành viên (cần ít nhất 4)" in page
    url = reverse("councils:ballots", args=[item.pk])
    form = client.get(url).content.decode()
    assert form.count('data-testid="entry-row"') == 4  # the absent member has no row
    assert "Bùi Thị Giấy" in form and "không có tài khoản" in form and "Vũ Thị Tư" not in form
    data = {
        **_row(paper_member, council, "1", (30, 20, 20)),
        **_row(council.people[0][0], council, "0", (10, 10, 10)),
        **_row(council.people[1][0], council),  # left blank: she votes on her own login
        **_row(council.people[2][0], council),
    }
    response = client.post(url, data)
    assert response.status_code == 302
    entered = {b.council_member_id: b.agree for b in Ballot.objects.filter(item=item)}
    assert entered == {paper_member.pk: True, council.people[0][0].pk: False}
    notes = set(AuditEntry.objects.filter(verb="record_paper_ballot").values_list("to_state", flat=True))
    assert "thư ký nhập phiếu thay cho Bùi Thị Giấy" in notes
    for n in (1, 2):
        login(council.people[n][1]).post(reverse("councils:cast", args=[item.pk]), _ballot_data(council))
    login(chair).post(reverse("councils:close", args=[session.pk]))
    item.refresh_from_db()
    assert (item.outcome, item.agree_count, item.eligible_count) == (Outcome.FAILED, 3, 5)  # 3/5 < 2/3


def test_a_half_filled_row_is_shown_next_to_it_and_no_ballot_is_saved(
    login, council, chair, paper_member, members, decided
):
    session = services.open_session(chair, council, held_on=DAY)
    item = services.add_to_agenda(chair, session, members["an"])
    data = {
        **_row(paper_member, council, "1", (30, 20, 20)),
        **_row(council.people[0][0], council, "", (10, 10, 10)),  # scores but no vote
        **_row(council.people[2][0], council, "1", (10, 99, 10)),  # above the maximum
    }
    response = login(chair).post(reverse("councils:ballots", args=[item.pk]), data)
    assert response.status_code == 400
    page = response.content.decode()
    assert 'data-field-error="agree"' in page and "Hãy chọn Đồng ý hoặc Không đồng ý." in page
    assert 'data-field-error="score_' in page
    assert not Ballot.objects.exists()
    nothing = login(chair).post(reverse("councils:ballots", args=[item.pk]), {})
    assert nothing.status_code == 400 and "Hãy nhập phiếu của ít nhất một thành viên." in nothing.content.decode()


def test_a_meeting_without_quorum_cannot_pass_anything_and_says_why(login, council, chair, session, item, decided):
    client = login(chair)
    _present(client, session, [council.people[0][0], council.people[1][0]])
    member_page = login(council.people[1][1]).get(reverse("councils:session", args=[session.pk])).content.decode()
    assert "Phiên họp chưa đủ số thành viên có mặt: chưa thể biểu quyết." in member_page
    refused = login(council.people[1][1]).post(reverse("councils:cast", args=[item.pk]), _ballot_data(council))
    assert refused.status_code == 400 and "chưa đủ số thành viên có mặt (2/4, cần ít nhất 3" in refused.content.decode()
    client = login(chair)
    session_page = client.get(reverse("councils:session", args=[session.pk])).content.decode()
    assert "Chưa đủ số thành viên (cần ít nhất 3)" in session_page and 'data-testid="enter-ballots"' not in session_page
    entry = client.get(reverse("councils:ballots", args=[item.pk])).content.decode()
    assert "chưa đủ số thành viên có mặt (2/4" in entry and 'data-testid="entry-row"' not in entry
    page = client.post(reverse("councils:close", args=[session.pk]), follow=True).content.decode()
    assert "không thông qua được nội dung nào" in page
    item.refresh_from_db()
    assert (item.outcome, decided, Ballot.objects.count()) == (Outcome.PENDING, [], 0)
    client.post(reverse("councils:adjourn", args=[session.pk]))
    session.refresh_from_db()
    assert session.status == "adjourned"


def test_with_the_chair_absent_the_vice_chair_presides(login, council, chair, federation):
    from thidua.councils.models import CouncilRole
    from thidua.org.tests.factories import MemberFactory

    vice = services.add_member(
        chair,
        council,
        member=MemberFactory(full_name="Lý Thị Phó", unit=federation.school),
        role=CouncilRole.VICE_CHAIR,
    )
    session = services.open_session(chair, council, held_on=DAY)
    client = login(chair)
    _present(client, session, [vice, *[council.people[n][0] for n in (1, 2, 3)]])
    page = client.get(reverse("councils:session", args=[session.pk])).content.decode()
    assert "Chủ trì: Lý Thị Phó · Thư ký: Ngô Thị Thư" in page
    refused = _present(client, session, [council.people[n][0] for n in (1, 2, 3)], presiding=council.people[0][0])
    assert refused.status_code == 400 and "Người chủ trì phải là thành viên có mặt." in refused.content.decode()


def test_a_written_consultation_is_opened_from_the_council_page_and_has_no_attendance(login, council, chair):
    from thidua.councils.models import Procedure, Session

    client = login(chair)
    response = client.post(
        reverse("councils:open_session", args=[council.pk]), {"procedure": "written", "held_on": "2024-05-10"}
    )
    session = Session.objects.get()
    assert response.status_code == 302 and session.procedure == Procedure.WRITTEN
    page = client.get(reverse("councils:session", args=[session.pk])).content.decode()
    assert "Lấy ý kiến bằng văn bản ngày 10/05/2024" in page and "Lưu điểm danh" not in page


def test_another_council_s_member_or_another_district_finds_nothing(login, federation, council, session, item):
    """A council member's role reaches the councils its holder sits on, not every council of
    its level; a plain member of the CĐCS does not read its council's ballots either."""
    from thidua.councils.models import CouncilRole
    from thidua.councils.tests.conftest import seat_user
    from thidua.org.models import Role
    from thidua.org.tests.factories import MemberFactory

    district = services.create_council(SYSTEM, unit=federation.long_bien, kind=CouncilKind.AWARD, name="HĐ TĐKT quận")
    lb_member = MemberFactory(full_name="Lê Minh Tuấn", unit=federation.company)
    services.add_member(SYSTEM, district, member=lb_member, role=CouncilRole.MEMBER)
    lb_councillor = seat_user("lb_hd", lb_member, federation.company)
    lb_councillor.acting_role = Role.objects.create(
        user=lb_councillor, unit=federation.long_bien, kind=RoleKind.COUNCIL_MEMBER
    )
    gl_councillor = make_user("gl_hd", RoleKind.COUNCIL_MEMBER, federation.gia_lam)
    school_member = make_user("gv", RoleKind.MEMBER, federation.school)
    for outsider in (lb_councillor, gl_councillor, school_member):
        client = login(outsider, outsider.acting_role)
        for url in [
            reverse("councils:detail", args=[council.pk]),
            reverse("councils:session", args=[session.pk]),
            reverse("councils:minutes", args=[session.pk, "pdf"]),
            reverse("councils:ballots", args=[item.pk]),
        ]:
            assert client.get(url).status_code == 404, (outsider.username, url)
        assert client.post(reverse("councils:cast", args=[item.pk]), _ballot_data(council)).status_code == 404
    # Seated, lb_councillor reads their own council; a voting member of the school's council
    # cannot reach the secretariat's page.
    assert (
        login(lb_councillor, lb_councillor.acting_role).get(reverse("councils:detail", args=[district.pk])).status_code
        == 200
    )
    assert login(council.people[2][1]).get(reverse("councils:ballots", args=[item.pk])).status_code == 404
    assert not Ballot.objects.exists()
