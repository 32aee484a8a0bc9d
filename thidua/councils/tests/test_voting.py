import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from hypothesis import given
from hypothesis import strategies as st

from thidua.councils import services
from thidua.councils.models import Ballot, Outcome, Recusal, Score, SessionStatus
from thidua.councils.tests.conftest import scores
from thidua.org.tests.factories import MemberFactory

DAY = datetime.date(2024, 5, 10)


@given(eligible=st.integers(min_value=0, max_value=60), data=st.data())
def test_passes_means_at_least_two_thirds_of_those_who_may_vote(eligible, data):
    agree = data.draw(st.integers(min_value=0, max_value=eligible))
    assert services.passes(agree, eligible, 2, 3) == (eligible > 0 and agree / eligible >= 2 / 3 - 1e-12)


@pytest.mark.parametrize(
    ("agree", "eligible", "passed"),
    [(2, 3, True), (1, 3, False), (6, 9, True), (5, 9, False), (4, 6, True), (3, 6, False), (0, 0, False)],
)
def test_passes_at_the_two_thirds_boundary(agree, eligible, passed):
    assert services.passes(agree, eligible, 2, 3) is passed


@pytest.fixture
def session(council, chair, decided):
    return services.open_session(chair, council, held_on=DAY, place="Phòng họp tầng 2")


@pytest.mark.parametrize(
    ("agrees", "outcome"),
    [({0: True, 1: True, 2: True, 3: False}, Outcome.PASSED), ({0: True, 1: True, 2: False, 3: False}, Outcome.FAILED)],
)
def test_a_council_of_four_passes_with_three_and_fails_with_two(
    council, chair, session, members, decided, agrees, outcome
):
    subject = members["an"]  # not on the council: nobody is recused
    item = services.add_to_agenda(chair, session, subject)
    for n, agree in agrees.items():
        _seat, user = council.people[n]
        services.cast_ballot(user, item, agree=agree, scores=scores(council))
    services.close_session(chair, session)
    item.refresh_from_db()
    assert (item.outcome, item.eligible_count, item.agree_count) == (outcome, 4, sum(agrees.values()))
    assert decided == [(subject, outcome == Outcome.PASSED)]


def test_an_interested_member_is_recused_and_two_of_three_is_exactly_enough(council, chair, session, decided):
    seat3, user3 = council.people[3]
    item = services.add_to_agenda(chair, session, seat3.member)  # the subject sits on the council
    assert list(Recusal.objects.filter(item=item).values_list("council_member", flat=True)) == [seat3.pk]
    with pytest.raises(ValidationError, match="không được chấm điểm"):
        services.cast_ballot(user3, item, agree=True, scores=scores(council))
    for n, agree in {0: True, 1: True, 2: False}.items():
        services.cast_ballot(council.people[n][1], item, agree=agree, scores=scores(council))
    services.close_session(chair, session)
    item.refresh_from_db()
    assert (item.outcome, item.eligible_count, item.agree_count) == (Outcome.PASSED, 3, 2)
    assert Ballot.objects.filter(item=item).count() == 3


def test_an_absent_member_votes_in_writing_through_the_secretariat(council, chair, session, members, decided):
    absent_seat, absent_user = council.people[3]
    services.set_attendance(chair, session, present_ids={council.people[n][0].pk for n in (0, 1, 2)})
    item = services.add_to_agenda(chair, session, members["an"])
    with pytest.raises(ValidationError, match="vắng mặt"):
        services.cast_ballot(absent_user, item, agree=True, scores=scores(council))
    present_seat = council.people[0][0]
    with pytest.raises(ValidationError, match="có mặt"):
        services.record_written_ballot(chair, item, seat=present_seat, agree=True, scores=scores(council))
    ballot = services.record_written_ballot(chair, item, seat=absent_seat, agree=True, scores=scores(council))
    assert (ballot.is_written, ballot.recorded_by, ballot.agree) == (True, chair, True)


def test_a_second_vote_is_refused_and_changes_nothing(council, session, chair, members):
    seat, user = council.people[1]
    item = services.add_to_agenda(chair, session, members["an"])
    services.cast_ballot(user, item, agree=True, scores=scores(council))
    with pytest.raises(ValidationError, match="đã biểu quyết"):
        services.cast_ballot(user, item, agree=False, scores=scores(council, (0, 0, 0)))
    ballot = Ballot.objects.get(item=item, council_member=seat)
    assert ballot.agree is True
    assert sorted(Score.objects.filter(ballot__item=item).values_list("value", flat=True)) == [20, 20, 30]


def test_a_session_cannot_close_on_an_item_nobody_voted_on(council, session, chair, members, decided):
    services.add_to_agenda(chair, session, members["an"])
    with pytest.raises(ValidationError, match="Chưa có phiếu nào"):
        services.close_session(chair, session)
    session.refresh_from_db()
    assert (session.status, decided) == (SessionStatus.OPEN, [])


def test_a_vote_after_the_session_closed_is_refused_and_changes_nothing(council, session, chair, members, decided):
    item = services.add_to_agenda(chair, session, members["an"])
    services.cast_ballot(council.people[1][1], item, agree=False, scores=scores(council))
    services.close_session(chair, session)
    seat, user = council.people[2]
    with pytest.raises(ValidationError, match="đã kết thúc"):
        services.cast_ballot(user, item, agree=True, scores=scores(council))
    with pytest.raises(ValidationError, match="đã kết thúc"):
        services.record_written_ballot(chair, item, seat=seat, agree=True, scores=scores(council))
    item.refresh_from_db()
    assert (Ballot.objects.filter(item=item).count(), item.outcome) == (1, Outcome.FAILED)
    session.refresh_from_db()
    assert session.status == SessionStatus.CLOSED


@pytest.mark.parametrize("bad", [(41, 20, 20), (30, 20, None), (30, "nhiều", 20), (-1, 20, 20)])
def test_scores_outside_a_criterion_s_range_are_refused_with_nothing_written(council, session, chair, members, bad):
    item = services.add_to_agenda(chair, session, members["an"])
    user = council.people[1][1]
    values = {c.pk: v for c, v in zip(council.criteria.all(), bad, strict=True)}
    with pytest.raises(ValidationError):
        services.cast_ballot(user, item, agree=True, scores=values)
    assert not Ballot.objects.filter(item=item).exists()


def test_someone_not_on_the_council_cannot_vote(council, session, chair, members, federation):
    from thidua.councils.tests.conftest import seat_user

    outsider = seat_user("outsider", MemberFactory(unit=federation.school), federation.school)
    item = services.add_to_agenda(chair, session, members["an"])
    with pytest.raises(PermissionDenied):
        services.cast_ballot(outsider, item, agree=True, scores=scores(council))


def test_the_pass_rule_is_configurable_per_council(council, chair, session, members, decided):
    services.set_pass_rule(chair, council, pass_numerator=9, pass_denominator=10)
    item = services.add_to_agenda(chair, session, members["an"])
    for n in (0, 1, 2):
        services.cast_ballot(council.people[n][1], item, agree=True, scores=scores(council))
    services.close_session(chair, session)
    item.refresh_from_db()
    assert item.outcome == Outcome.FAILED  # 3 of 4 is below 90 %
    with pytest.raises(ValidationError):
        services.set_pass_rule(chair, council, pass_numerator=4, pass_denominator=3)


def test_minutes_carry_attendance_scores_written_votes_and_the_result(council, chair, session, members, decided):
    import io
    import shutil
    import subprocess

    from docx import Document

    from thidua.councils import minutes
    from thidua.documents.rendering import render_docx, render_pdf

    services.set_attendance(chair, session, present_ids={council.people[n][0].pk for n in (0, 1, 2)})
    item = services.add_to_agenda(chair, session, members["an"])
    for n, agree in {0: True, 1: True, 2: False}.items():
        services.cast_ballot(council.people[n][1], item, agree=agree, scores=scores(council, (35, 25, 10 + n)))
    services.record_written_ballot(chair, item, seat=council.people[3][0], agree=True, scores=scores(council))
    services.close_session(chair, session)

    doc = minutes.build(session)
    word = Document(io.BytesIO(render_docx(doc)))
    cells = [[c.text for c in row.cells] for table in word.tables for row in table.rows]
    assert ["Vũ Thị Tư", "30", "20", "20", "70", "Đồng ý (bằng văn bản)"] in cells
    assert ["Đỗ Văn Ba", "35", "25", "12", "72", "Không đồng ý"] in cells
    text = "\n".join(p.text for p in word.paragraphs)
    assert "Có mặt 3/4 thành viên Hội đồng." in text
    assert "Kết quả: 3/4 thành viên được biểu quyết đồng ý, 1 không đồng ý; điểm trung bình 70,75. THÔNG QUA." in text
    pdf = render_pdf(doc)
    assert pdf.startswith(b"%PDF")
    pdftotext = shutil.which("pdftotext")
    if pdftotext:
        out = subprocess.run([pdftotext, "-", "-"], input=pdf, capture_output=True, check=True).stdout.decode()
        assert "BIÊN BẢN" in out and "THÔNG QUA" in out


def test_the_secretariat_enters_a_show_of_hands_for_present_members_only(council, chair, session, members):
    services.set_attendance(chair, session, present_ids={council.people[n][0].pk for n in (0, 1, 2)})
    item = services.add_to_agenda(chair, session, members["an"])
    ballot = services.record_paper_ballot(chair, item, seat=council.people[1][0], agree=True, scores=scores(council))
    assert (ballot.is_written, ballot.recorded_by) == (False, chair)
    with pytest.raises(ValidationError, match="vắng mặt"):
        services.record_paper_ballot(chair, item, seat=council.people[3][0], agree=True, scores=scores(council))
    assert Ballot.objects.filter(item=item).count() == 1
