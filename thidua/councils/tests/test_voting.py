import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from hypothesis import given
from hypothesis import strategies as st

from thidua.councils import services
from thidua.councils.models import Ballot, CouncilRole, Outcome, Procedure, Recusal, Score, SessionStatus
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


def test_a_meeting_counts_only_the_members_present_and_refuses_written_votes(council, chair, session, members):
    absent_seat, absent_user = council.people[3]
    services.set_attendance(chair, session, present_ids={council.people[n][0].pk for n in (0, 1, 2)})
    item = services.add_to_agenda(chair, session, members["an"])
    with pytest.raises(ValidationError, match="vắng mặt"):
        services.cast_ballot(absent_user, item, agree=True, scores=scores(council))
    with pytest.raises(ValidationError, match="chỉ tính phiếu của thành viên có mặt"):
        services.record_written_ballot(chair, item, seat=absent_seat, agree=True, scores=scores(council))
    assert not Ballot.objects.filter(item=item).exists()


def _people(council, *ns):
    return {council.people[n][0].pk for n in ns}


def test_a_meeting_without_quorum_passes_nothing_even_with_written_votes(council, chair, session, members, decided):
    """The reported break: 0 of 4 present, three written votes, "3/4 … thông qua tại phiên họp"."""
    services.set_attendance(chair, session, present_ids=set())
    item = services.add_to_agenda(chair, session, members["an"])
    for n in (1, 2, 3):
        with pytest.raises(ValidationError):
            services.record_written_ballot(chair, item, seat=council.people[n][0], agree=True, scores=scores(council))
    # Two of four present is below the default 2/3 (three): nobody can vote, nothing closes.
    services.set_attendance(chair, session, present_ids=_people(council, 0, 1))
    with pytest.raises(ValidationError, match=r"chưa đủ số thành viên có mặt \(2/4, cần ít nhất 3"):
        services.cast_ballot(council.people[0][1], item, agree=True, scores=scores(council))
    with pytest.raises(ValidationError, match=r"không đủ số thành viên có mặt \(2/4.*không thông qua được"):
        services.close_session(chair, session)
    session.refresh_from_db()
    item.refresh_from_db()
    assert (session.status, item.outcome, decided, Ballot.objects.count()) == (
        SessionStatus.OPEN,
        Outcome.PENDING,
        [],
        0,
    )
    services.adjourn_session(chair, session)
    session.refresh_from_db()
    assert (session.status, decided) == (SessionStatus.ADJOURNED, [])


def test_the_quorum_is_the_council_s_own_figure(council, chair, session, members, decided):
    services.set_attendance(chair, session, present_ids=_people(council, 0, 1, 2))
    services.set_quorum(chair, council, quorum_numerator=1, quorum_denominator=1)  # all members must attend
    item = services.add_to_agenda(chair, session, members["an"])
    with pytest.raises(ValidationError, match="cần ít nhất 4"):
        services.cast_ballot(council.people[0][1], item, agree=True, scores=scores(council))
    services.set_quorum(chair, council, quorum_numerator=3, quorum_denominator=4)
    for n in (0, 1, 2):
        services.cast_ballot(council.people[n][1], item, agree=True, scores=scores(council))
    services.close_session(chair, session)
    item.refresh_from_db()
    assert (item.outcome, item.agree_count, item.eligible_count) == (Outcome.PASSED, 3, 4)
    with pytest.raises(ValidationError):
        services.set_quorum(chair, council, quorum_numerator=5, quorum_denominator=4)


def test_a_written_consultation_counts_each_member_s_written_opinion(council, chair, members, decided):
    session = services.open_session(chair, council, held_on=DAY, procedure=Procedure.WRITTEN)
    item = services.add_to_agenda(chair, session, members["an"])
    with pytest.raises(ValidationError, match="không có điểm danh"):
        services.set_attendance(chair, session, present_ids=set())
    services.cast_ballot(council.people[1][1], item, agree=True, scores=scores(council))  # on her own login
    services.record_ballots(
        chair,
        item,
        [(council.people[n][0], agree, scores(council)) for n, agree in ((0, True), (2, True), (3, False))],
    )
    assert set(Ballot.objects.filter(item=item).values_list("is_written", flat=True)) == {True}
    services.close_session(chair, session)
    item.refresh_from_db()
    assert (item.outcome, item.agree_count, item.eligible_count) == (Outcome.PASSED, 3, 4)
    assert decided == [(members["an"], True)]


def test_the_secretariat_enters_the_paper_ballots_all_at_once_or_not_at_all(council, chair, session, members):
    from thidua.core.models import AuditEntry

    services.set_attendance(chair, session, present_ids=_people(council, 0, 1, 2))
    item = services.add_to_agenda(chair, session, members["an"])
    good = (council.people[0][0], True, scores(council))
    absent = (council.people[3][0], True, scores(council))
    too_high = (council.people[2][0], False, scores(council, (99, 20, 20)))
    with pytest.raises(ValidationError) as refused:
        services.record_ballots(chair, item, [good, absent, too_high])
    assert set(refused.value.message_dict) == {str(council.people[3][0].pk), str(council.people[2][0].pk)}
    assert not Ballot.objects.filter(item=item).exists()
    services.record_ballots(chair, item, [good, (council.people[2][0], False, scores(council))])
    assert Ballot.objects.filter(item=item, is_written=False, recorded_by=chair).count() == 2
    notes = set(AuditEntry.objects.filter(verb="record_paper_ballot").values_list("to_state", flat=True))
    assert notes == {"thư ký nhập phiếu thay cho Hoàng Văn Chủ", "thư ký nhập phiếu thay cho Đỗ Văn Ba"}


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


def _pdf_text(document) -> str:
    import shutil
    import subprocess

    from thidua.documents.rendering import render_pdf

    pdf = render_pdf(document)
    assert pdf.startswith(b"%PDF")
    pdftotext = shutil.which("pdftotext")
    if not pdftotext:
        pytest.skip("pdftotext is not installed")
    out = subprocess.run([pdftotext, "-layout", "-", "-"], input=pdf, capture_output=True, check=True).stdout.decode()
    return " ".join(out.split())  # justified lines wrap anywhere: compare words


def test_minutes_carry_attendance_scores_and_the_result_of_the_members_present(
    council, chair, session, members, decided
):
    import io

    from docx import Document

    from thidua.councils import minutes
    from thidua.documents.rendering import render_docx

    services.set_attendance(chair, session, present_ids=_people(council, 0, 1, 2))
    item = services.add_to_agenda(chair, session, members["an"])
    for n, agree in {0: True, 1: True, 2: False}.items():
        services.cast_ballot(council.people[n][1], item, agree=agree, scores=scores(council, (35, 25, 10 + n)))
    services.close_session(chair, session)

    doc = minutes.build(session)
    word = Document(io.BytesIO(render_docx(doc)))
    cells = [[c.text for c in row.cells] for table in word.tables for row in table.rows]
    assert ["Đỗ Văn Ba", "35", "25", "12", "72", "Không đồng ý"] in cells
    assert not any(row[0] == "Vũ Thị Tư" for row in cells)  # absent: no ballot row
    text = "\n".join(p.text for p in word.paragraphs)
    assert "Có mặt 3/4 thành viên Hội đồng (quy chế yêu cầu ít nhất 3 thành viên có mặt)." in text
    assert "Vũ Thị Tư — Ủy viên (vắng mặt)" in text
    assert (
        "Kết quả: 2/4 thành viên được biểu quyết đồng ý, 1 không đồng ý; điểm trung bình 71,00. KHÔNG THÔNG QUA."
        in text
    )
    out = _pdf_text(doc)
    assert "BIÊN BẢN" in out and "thông qua tại phiên họp" in out and "KHÔNG THÔNG QUA" in out


def test_minutes_of_a_meeting_the_vice_chair_presided_are_signed_by_her_and_the_secretary(
    council, chair, members, decided
):
    """The reported break: the chair marked absent, yet the minutes had her sign."""
    from thidua.councils import minutes

    vice = services.add_member(
        chair, council, member=MemberFactory(full_name="Lý Thị Phó", unit=council.unit), role=CouncilRole.VICE_CHAIR
    )
    session = services.open_session(chair, council, held_on=DAY)
    services.set_attendance(chair, session, present_ids={vice.pk, *_people(council, 1, 2, 3)})
    session.refresh_from_db()
    assert (session.presiding, session.recorder) == (vice, council.people[1][0])
    item = services.add_to_agenda(chair, session, members["an"])
    services.record_ballots(
        chair, item, [(s, True, scores(council)) for s in (vice, *[council.people[n][0] for n in (1, 2, 3)])]
    )
    services.close_session(chair, session)
    out = _pdf_text(minutes.build(session))
    assert "Hoàng Văn Chủ — Chủ tịch Hội đồng (vắng mặt)" in out
    assert "CHỦ TRÌ PHIÊN HỌP" in out and "PHÓ CHỦ TỊCH HỘI ĐỒNG" in out and "THƯ KÝ" in out
    assert "CHỦ TỊCH HỘI ĐỒNG" not in out.replace("PHÓ CHỦ TỊCH HỘI ĐỒNG", "")
    signatures = out[out.index("thông qua tại phiên họp") :]
    assert "Lý Thị Phó" in signatures and "Ngô Thị Thư" in signatures and "Hoàng Văn Chủ" not in signatures
    # The Word copy signs the same way: the secretary on the left, the vice-chair on the right.
    import io

    from docx import Document

    from thidua.documents.rendering import render_docx

    closing = Document(io.BytesIO(render_docx(minutes.build(session)))).tables[-1].rows[0].cells
    left, right = (" ".join(c.text.split()) for c in closing)
    assert (left, right) == ("THƯ KÝ Ngô Thị Thư", "CHỦ TRÌ PHIÊN HỌP PHÓ CHỦ TỊCH HỘI ĐỒNG Lý Thị Phó")


def test_a_meeting_with_chair_and_vice_chair_absent_needs_someone_to_preside(council, chair, session, members):
    services.set_attendance(chair, session, present_ids=_people(council, 1, 2, 3))
    item = services.add_to_agenda(chair, session, members["an"])
    services.record_ballots(chair, item, [(council.people[n][0], True, scores(council)) for n in (1, 2, 3)])
    with pytest.raises(ValidationError, match="chọn người chủ trì"):
        services.close_session(chair, session)
    with pytest.raises(ValidationError, match="phải là thành viên có mặt"):
        services.set_attendance(
            chair, session, present_ids=_people(council, 1, 2, 3), presiding_id=council.people[0][0].pk
        )
    services.set_attendance(chair, session, present_ids=_people(council, 1, 2, 3), presiding_id=council.people[2][0].pk)
    services.close_session(chair, session)
    session.refresh_from_db()
    assert session.presiding == council.people[2][0]


def test_minutes_of_a_written_consultation_never_say_it_met(council, chair, members, decided):
    from thidua.councils import minutes

    session = services.open_session(chair, council, held_on=DAY, procedure=Procedure.WRITTEN)
    item = services.add_to_agenda(chair, session, members["an"])
    services.record_ballots(chair, item, [(council.people[n][0], True, scores(council)) for n in (0, 1, 2)])
    services.close_session(chair, session)
    out = _pdf_text(minutes.build(session))
    assert "lấy ý kiến các thành viên Hội đồng bằng văn bản" in out
    assert "3 thành viên gửi ý kiến bằng văn bản" in out and "Vũ Thị Tư — Ủy viên (không gửi ý kiến)" in out
    assert "tại phiên họp" not in out and "Có mặt" not in out
    assert "Đồng ý (bằng văn bản)" in out and "THÔNG QUA" in out
    signatures = out[out.index("được lập xong") :]
    assert "Hoàng Văn Chủ" in signatures and "Ngô Thị Thư" in signatures


def test_the_secretariat_enters_a_show_of_hands_for_present_members_only(council, chair, session, members):
    services.set_attendance(chair, session, present_ids={council.people[n][0].pk for n in (0, 1, 2)})
    item = services.add_to_agenda(chair, session, members["an"])
    ballot = services.record_paper_ballot(chair, item, seat=council.people[1][0], agree=True, scores=scores(council))
    assert (ballot.is_written, ballot.recorded_by) == (False, chair)
    with pytest.raises(ValidationError, match="vắng mặt"):
        services.record_paper_ballot(chair, item, seat=council.people[3][0], agree=True, scores=scores(council))
    assert Ballot.objects.filter(item=item).count() == 1
