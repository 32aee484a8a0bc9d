import datetime

import pytest
from django.core.exceptions import ValidationError

from thidua.core.models import Attachment
from thidua.documents.models import RegisterEntry
from thidua.initiatives import services
from thidua.initiatives.models import Initiative, InitiativeStatus, Recognition, Tally
from thidua.initiatives.tests.conftest import DAY, council_for, pass_council, register
from thidua.org.tests.factories import MemberFactory

S = InitiativeStatus


@pytest.mark.parametrize(
    ("shares", "message"),
    [
        ((60, 30), "phải bằng 100%"),
        ((70, 40), "phải bằng 100%"),
        ((100, 0), "lớn hơn 0"),
        (("sáu mươi", 40), "là một số"),
    ],
)
def test_shares_not_summing_to_100_are_refused_and_nothing_is_saved(federation, members, people, shares, message):
    authors = [(members["an"], shares[0]), (members["binh"], shares[1])]
    with pytest.raises(ValidationError, match=message):
        register(people["author"], federation.school, authors)
    assert not Initiative.objects.exists()


def test_an_author_outside_the_unit_is_refused_and_nothing_is_saved(federation, members, people):
    with pytest.raises(ValidationError, match="Lê Đức Cường không phải đoàn viên"):
        register(people["author"], federation.school, [(members["an"], 50), (members["cuong"], 50)])
    assert not Initiative.objects.exists()


def test_a_refused_file_refuses_the_whole_registration(federation, members, people):
    from django.core.files.uploadedfile import SimpleUploadedFile

    program = SimpleUploadedFile("ho-so.pdf", b"MZ\x90\x00 not a pdf", content_type="application/pdf")
    with pytest.raises(ValidationError, match="tệp chương trình"):
        register(people["author"], federation.school, [(members["an"], 100)], files=[program])
    assert (Initiative.objects.count(), Attachment.objects.count()) == (0, 0)


def test_a_member_of_a_group_of_the_cdcs_may_be_a_co_author(initiative, members):
    assert [(a.member, a.share) for a in initiative.authors.all()] == [(members["an"], 60), (members["binh"], 40)]
    assert initiative.status == S.DRAFT
    assert initiative.search_key == "so hoa so theo doi doan vien bang bang tinh dung chung"


def test_submitting_twice_after_a_return_counts_one_registration(initiative, people):
    services.submit(people["author"], initiative, on=DAY)
    services.return_to_authors(people["school_chair"], initiative, reason="Bổ sung số liệu")
    services.submit(people["author"], initiative, on=DAY + datetime.timedelta(days=100))
    assert list(Tally.objects.values_list("year", "quarter", "registered")) == [(2024, 2, 1)]


def _to_council(initiative, people, team):
    services.submit(people["author"], initiative, on=DAY)
    services.assign_support_team(people["school_chair"], initiative, team=team)
    services.add_comment(people["team"], initiative, text="Bổ sung bảng so sánh trước và sau khi áp dụng.")
    services.send_to_council(people["team"], initiative)


def test_the_whole_path_to_the_district_golden_book(federation, initiative, people, team, members):
    _to_council(initiative, people, team)
    chair = people["school_chair"]
    # The author An sits on the CĐCS council: recused, the other three decide.
    council = council_for(federation.school, chair, ["Hoàng Văn Chủ", "Nguyễn Văn An", "Lê Thị Hoa", "Trịnh Văn Năm"])
    pass_council(chair, council, initiative)
    initiative.refresh_from_db()
    assert initiative.status == S.COUNCIL_PASSED

    decision = services.issue_recognition_decision(
        chair, unit=federation.school, initiative_ids=[initiative.pk], issued_on=DAY, signer_name="Hoàng Văn Chủ"
    )
    initiative.refresh_from_db()
    assert (initiative.status, initiative.recognised_on) == (S.RECOGNISED, DAY)
    assert decision.register_entry.symbol.startswith("01/QĐ-")
    assert RegisterEntry.objects.get(pk=decision.register_entry_id).target == decision
    entry = Recognition.objects.get(initiative=initiative, unit=federation.school)
    assert (entry.entry_number, entry.authors_text) == (1, "Nguyễn Văn An (60%), Trần Thị Bình (40%)")

    services.propose_to_next_level(chair, initiative)
    initiative.refresh_from_db()
    assert (initiative.status, initiative.level) == (S.PROPOSED, federation.long_bien)

    officer = people["lb_officer"]
    # The district takes it through its own steps: its team, then its council.
    with pytest.raises(ValidationError, match="tổ hỗ trợ của LĐLĐ quận Long Biên"):
        services.assign_support_team(officer, initiative, team=team)  # the CĐCS's team
    staff = MemberFactory(full_name="Đỗ Văn Quận", unit=federation.company)
    district_team = services.create_support_team(
        officer, unit=federation.long_bien, name="Tổ hỗ trợ quận", members=[staff]
    )
    services.assign_support_team(officer, initiative, team=district_team)
    services.add_comment(officer, initiative, text="Nêu rõ khả năng nhân rộng.")
    services.send_to_council(officer, initiative)
    district = council_for(
        federation.long_bien, officer, ["Phan Văn Một", "Phan Văn Hai", "Phan Văn Ba"], federation.company
    )
    pass_council(officer, district, initiative)
    services.issue_recognition_decision(
        people["lb_chair"], unit=federation.long_bien, initiative_ids=[initiative.pk], issued_on=DAY
    )
    initiative.refresh_from_db()
    assert initiative.status == S.RECOGNISED
    assert list(initiative.recognitions.order_by("pk").values_list("unit", "entry_number")) == [
        (federation.school.pk, 1),
        (federation.long_bien.pk, 1),
    ]
    # Counted once, at the first recognition.
    assert list(Tally.objects.values_list("registered", "recognised", "applied", "benefit")) == [(1, 1, 1, 12000000)]


def test_a_council_that_does_not_pass_leaves_it_not_recognised(federation, initiative, people, team):
    _to_council(initiative, people, team)
    chair = people["school_chair"]
    council = council_for(federation.school, chair, ["Hoàng Văn Chủ", "Trịnh Văn Năm", "Lê Văn Sáu"])
    pass_council(chair, council, initiative, agree=False)
    initiative.refresh_from_db()
    assert initiative.status == S.NOT_RECOGNISED
    with pytest.raises(ValidationError, match="Chưa được Hội đồng thông qua"):
        services.issue_recognition_decision(
            chair, unit=federation.school, initiative_ids=[initiative.pk], issued_on=DAY
        )
    assert not RegisterEntry.objects.exclude(doc_type="BB").exists()  # the council's minutes only
    assert not Recognition.objects.exists()


def test_golden_book_numbers_follow_each_other_across_decisions(federation, members, people, team):
    chair = people["school_chair"]
    council = council_for(federation.school, chair, ["Hoàng Văn Chủ", "Trịnh Văn Năm", "Lê Văn Sáu"])
    titles = ["Sổ tay điện tử cho tổ công đoàn", "Lịch trực ca bằng mã QR", "Quỹ tương trợ minh bạch"]
    for title in titles:
        item = register(people["author"], federation.school, [(members["an"], 100)], title=title)
        _to_council(item, people, team)
        pass_council(chair, council, item)
        services.issue_recognition_decision(chair, unit=federation.school, initiative_ids=[item.pk], issued_on=DAY)
    book = Recognition.objects.filter(unit=federation.school).order_by("entry_number")
    assert [(r.entry_number, r.initiative.title, r.decision.register_entry.number) for r in book] == [
        (1, titles[0], 1),
        (2, titles[1], 2),
        (3, titles[2], 3),
    ]


def test_moving_a_registered_initiative_to_another_programme_moves_its_count(initiative, people, members):
    from thidua.initiatives.models import Programme

    first, second = Programme.objects.order_by("pk")[:2]
    services.update_initiative(
        people["author"],
        initiative,
        authors=[(members["an"], 100)],
        title=initiative.title,
        solution="…",
        programme=first,
    )
    services.submit(people["author"], initiative, on=DAY)
    services.update_initiative(
        people["school_chair"],
        initiative,
        authors=[(members["an"], 100)],
        title=initiative.title,
        solution="…",
        programme=second,
    )
    rows = dict(Tally.objects.values_list("programme_id", "registered"))
    assert rows == {first.pk: 0, second.pk: 1}


def test_the_author_edits_a_draft_but_not_once_it_is_submitted(initiative, people, members):
    from django.core.exceptions import PermissionDenied

    services.update_initiative(
        people["author"], initiative, authors=[(members["an"], 100)], title="Tên mới", solution="Giải pháp mới"
    )
    initiative.refresh_from_db()
    assert (initiative.title, initiative.search_key) == ("Tên mới", "ten moi")
    services.submit(people["author"], initiative, on=DAY)
    with pytest.raises(PermissionDenied):
        services.update_initiative(
            people["author"], initiative, authors=[(members["an"], 100)], title="Tên khác", solution="…"
        )
    initiative.refresh_from_db()
    assert initiative.title == "Tên mới"
