"""The nomination flow's services: quotas, guards (deadline, scope, one award per subject and
campaign), the dossier, the review, the council, forwarding and the numbered decision."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction

from thidua.awards import queries, services
from thidua.awards.models import (
    Award,
    CampaignAward,
    CheckResult,
    Criterion,
    CriterionKind,
    Decision,
    Nomination,
    NominationStatus,
)
from thidua.awards.tests.conftest import (
    BANG_KHEN,
    CDCS_VUNG_MANH,
    DECIDED_ON,
    GIAY_KHEN,
    LDTT,
    award_council,
    complete_dossier,
    nominate,
    pdf,
    png,
    recommended,
    submitted,
    vote,
)
from thidua.core.models import AuditEntry
from thidua.org.tests.factories import MemberFactory

S = NominationStatus
pytestmark = pytest.mark.django_db


def messages_of(error: ValidationError) -> str:
    return " ".join(error.messages)


# --- nominating --------------------------------------------------------------------------------


def test_a_nomination_is_a_draft_handled_by_the_campaigns_issuer(award_people, award_campaign, catalogue, members):
    nomination = nominate(award_people, award_campaign, catalogue[GIAY_KHEN], member=members["an"])
    assert nomination.status == S.DRAFT
    assert nomination.unit == members["an"].unit
    assert nomination.level == award_campaign.issuer
    assert AuditEntry.objects.filter(verb="create_nomination", target_id=nomination.pk).exists()


def test_a_member_of_a_group_of_the_cdcs_may_be_nominated(award_people, award_campaign, catalogue, members, federation):
    nomination = nominate(
        award_people, award_campaign, catalogue[GIAY_KHEN], member=members["binh"], proposer=federation.school
    )
    assert nomination.subject_member == members["binh"]


def test_a_cdcs_cannot_nominate_another_units_member(award_people, award_campaign, catalogue, members, federation):
    with pytest.raises(ValidationError) as error:
        nominate(
            award_people, award_campaign, catalogue[GIAY_KHEN], member=members["cuong"], proposer=federation.school
        )
    assert "Lê Đức Cường không phải đoàn viên của CĐCS Trường THCS Gia Thụy" in messages_of(error.value)
    assert error.value.error_dict.keys() == {"subject_member"}
    assert not Nomination.objects.exists()


def test_a_cdcs_cannot_nominate_another_units_group(award_people, award_campaign, catalogue, federation):
    from thidua.org.tests.factories import make_unit

    company_group = make_unit(federation.company, "group", "Tổ may 1")
    with pytest.raises(ValidationError) as error:
        nominate(award_people, award_campaign, catalogue[GIAY_KHEN], unit=company_group, proposer=federation.school)
    assert "Tổ may 1 không phải là CĐCS Trường THCS Gia Thụy hay một tổ công đoàn của đơn vị" in messages_of(
        error.value
    )


def test_the_acting_unit_must_be_the_proposer(award_people, award_campaign, catalogue, members, federation):
    with pytest.raises(PermissionDenied):
        nominate(
            award_people,
            award_campaign,
            catalogue[GIAY_KHEN],
            member=members["cuong"],
            proposer=federation.company,
            actor=award_people["school_chair"],
        )


def test_a_collective_title_is_not_for_a_member(award_people, award_campaign, catalogue, members):
    with pytest.raises(ValidationError) as error:
        nominate(award_people, award_campaign, catalogue[CDCS_VUNG_MANH], member=members["an"])
    assert "chỉ dành cho tập thể" in messages_of(error.value)


def test_a_kind_the_campaign_does_not_offer_is_refused(award_people, award_campaign, catalogue, members):
    with pytest.raises(ValidationError) as error:
        nominate(award_people, award_campaign, catalogue["bang-khen-tong-ldld"], member=members["an"])
    assert "Kế hoạch này không có hình thức khen thưởng đã chọn" in messages_of(error.value)


# --- quotas ------------------------------------------------------------------------------------


def test_without_quotas_a_kind_is_unlimited(award_people, award_campaign, catalogue, federation):
    for n in range(3):
        member = MemberFactory(full_name=f"Đoàn viên {n}", unit=federation.school)
        nominate(award_people, award_campaign, catalogue[GIAY_KHEN], member=member)
    assert queries.quota_left(award_campaign, federation.school, catalogue[GIAY_KHEN]) is None


def test_a_nomination_beyond_the_quota_is_refused_with_a_clear_message(
    award_people, award_campaign, catalogue, federation, quota
):
    quota(GIAY_KHEN, 1)
    first = MemberFactory(full_name="Trịnh Văn Một", unit=federation.school)
    second = MemberFactory(full_name="Trịnh Văn Hai", unit=federation.school)
    nominate(award_people, award_campaign, catalogue[GIAY_KHEN], member=first)
    assert queries.quota_left(award_campaign, federation.school, catalogue[GIAY_KHEN]) == 0
    with pytest.raises(ValidationError) as error:
        nominate(award_people, award_campaign, catalogue[GIAY_KHEN], member=second)
    assert messages_of(error.value) == (
        f"CĐCS Trường THCS Gia Thụy đã dùng hết chỉ tiêu “{catalogue[GIAY_KHEN].name}” (1) của kế hoạch này."
    )
    assert error.value.error_dict.keys() == {"award_kind"}
    assert Nomination.objects.count() == 1


def test_a_unit_without_a_quota_row_gets_none_when_others_have_quotas(
    award_people, award_campaign, catalogue, federation, members, quota
):
    quota(GIAY_KHEN, 2, unit=federation.company)
    with pytest.raises(ValidationError) as error:
        nominate(award_people, award_campaign, catalogue[GIAY_KHEN], member=members["an"])
    assert "không được phân bổ chỉ tiêu" in messages_of(error.value)


def test_a_withdrawn_nomination_frees_its_place(award_people, award_campaign, catalogue, federation, members, quota):
    quota(GIAY_KHEN, 1)
    first = nominate(award_people, award_campaign, catalogue[GIAY_KHEN], member=members["an"])
    services.withdraw(award_people["school_chair"], first)
    other = MemberFactory(full_name="Ngô Thị Thu", unit=federation.school)
    assert nominate(award_people, award_campaign, catalogue[GIAY_KHEN], member=other).status == S.DRAFT


def test_quotas_are_refused_outside_the_issuers_subtree_and_below_what_was_used(
    award_people, award_campaign, catalogue, federation, members, quota
):
    officer, kind = award_people["lb_officer"], catalogue[GIAY_KHEN]
    with pytest.raises(ValidationError) as error:
        services.allocate_quotas(officer, award_campaign, {(federation.gia_lam_cdcs.pk, kind.pk): 3})
    assert f"q_{federation.gia_lam_cdcs.pk}_{kind.pk}" in error.value.error_dict
    quota(GIAY_KHEN, 2)
    nominate(award_people, award_campaign, kind, member=members["an"])
    nominate(award_people, award_campaign, kind, member=members["binh"], proposer=federation.school)
    with pytest.raises(ValidationError) as error:
        services.allocate_quotas(
            officer,
            award_campaign,
            {(federation.school.pk, kind.pk): 1, (federation.company.pk, kind.pk): 4},
        )
    assert error.value.message_dict == {
        f"q_{federation.school.pk}_{kind.pk}": ["Đơn vị đã đề nghị 2: chỉ tiêu không được ít hơn."]
    }
    # All cells or none: the company's 4 was not saved either.
    assert queries.quota_left(award_campaign, federation.company, kind) == 0


def test_only_the_issuers_office_allocates(award_people, award_campaign, catalogue, federation):
    with pytest.raises(PermissionDenied):
        services.allocate_quotas(
            award_people["school_chair"], award_campaign, {(federation.school.pk, catalogue[GIAY_KHEN].pk): 5}
        )
    with pytest.raises(PermissionDenied):
        services.allocate_quotas(
            award_people["hn_officer"], award_campaign, {(federation.school.pk, catalogue[GIAY_KHEN].pk): 5}
        )


def test_chien_si_thi_dua_co_so_is_capped_by_lao_dong_tien_tien(
    award_people, award_campaign, catalogue, members, federation
):
    """At most 15 % of those with Lao động tiên tiến in the unit that year (docs/domain.md)."""
    cstd = catalogue["chien-si-thi-dua-co-so"]
    CampaignAward.objects.create(campaign=award_campaign, award_kind=cstd)
    with pytest.raises(ValidationError) as error:
        nominate(award_people, award_campaign, cstd, member=members["an"])
    assert error.value.error_dict.keys() == {"award_kind"}
    assert not Nomination.objects.exists()
    for n in range(7):
        services.record_award(
            award_people["lb_officer"],
            award_kind=catalogue[LDTT],
            year=2026,
            member=MemberFactory(full_name=f"Lao động tiên tiến {n}", unit=federation.school),
            source="QĐ số 1/QĐ-CĐCS",
        )
    # 15 % of 7 is 1,05: one may be nominated.
    assert nominate(award_people, award_campaign, cstd, member=members["an"]).status == S.DRAFT


# --- one achievement, one form -----------------------------------------------------------------


def test_the_same_person_gets_one_form_per_campaign(award_people, award_campaign, catalogue, members):
    nominate(award_people, award_campaign, catalogue[GIAY_KHEN], member=members["an"])
    with pytest.raises(ValidationError) as error:
        nominate(award_people, award_campaign, catalogue[BANG_KHEN], member=members["an"])
    assert "mỗi thành tích chỉ đề nghị một hình thức khen thưởng" in messages_of(error.value)
    assert error.value.error_dict.keys() == {"subject_member"}
    # A title goes alongside the form.
    assert nominate(award_people, award_campaign, catalogue[LDTT], member=members["an"]).status == S.DRAFT


@pytest.mark.parametrize("second", [BANG_KHEN, GIAY_KHEN])
def test_the_database_refuses_a_second_living_form_or_the_same_kind_twice(
    award_people, award_campaign, catalogue, members, second
):
    first = nominate(award_people, award_campaign, catalogue[GIAY_KHEN], member=members["an"])
    with pytest.raises(IntegrityError), transaction.atomic():
        Nomination.objects.create(
            campaign=award_campaign,
            award_kind=catalogue[second],
            unit=first.unit,
            level=first.level,
            subject_member=members["an"],
            achievement="Lần hai",
        )


def test_the_database_refuses_the_same_title_twice(award_people, award_campaign, catalogue, members):
    first = nominate(award_people, award_campaign, catalogue[LDTT], member=members["an"])
    assert not first.is_form
    with pytest.raises(IntegrityError), transaction.atomic():
        Nomination.objects.create(
            campaign=award_campaign,
            award_kind=catalogue[LDTT],
            unit=first.unit,
            level=first.level,
            subject_member=members["an"],
            achievement="Lần hai",
        )


def test_an_awarded_person_cannot_be_awarded_again_in_the_campaign(
    award_people, award_campaign, catalogue, members, lb_council
):
    nomination = recommended(award_people, award_campaign, catalogue[GIAY_KHEN], lb_council, member=members["an"])
    services.issue_decision(
        award_people["lb_chair"],
        unit=award_campaign.issuer,
        campaign=award_campaign,
        nominations=[nomination],
        issued_on=DECIDED_ON,
    )
    with pytest.raises(ValidationError) as error:
        nominate(award_people, award_campaign, catalogue[BANG_KHEN], member=members["an"])
    assert "mỗi thành tích chỉ đề nghị một hình thức khen thưởng" in messages_of(error.value)
    with pytest.raises(ValidationError) as error:
        services.issue_decision(
            award_people["lb_chair"],
            unit=award_campaign.issuer,
            campaign=award_campaign,
            nominations=[nomination],
            issued_on=DECIDED_ON,
        )
    assert "Chưa được Hội đồng đề nghị khen thưởng" in messages_of(error.value)
    assert Award.objects.filter(member=members["an"]).count() == 1


# --- deadline ----------------------------------------------------------------------------------


def test_nominations_after_the_deadline_are_refused(award_people, award_campaign, catalogue, members):
    award_campaign.reward.nomination_due_on = datetime.date(2026, 1, 10)
    award_campaign.reward.save()
    with pytest.raises(ValidationError) as error:
        nominate(award_people, award_campaign, catalogue[GIAY_KHEN], member=members["an"])
    assert "Đã quá hạn gửi hồ sơ đề nghị khen thưởng (10/01/2026)" in messages_of(error.value)


def test_a_kinds_own_due_date_stops_the_batch(award_people, award_campaign, catalogue, members):
    nomination = nominate(award_people, award_campaign, catalogue[GIAY_KHEN], member=members["an"])
    complete_dossier(award_people["school_chair"], nomination)
    CampaignAward.objects.filter(campaign=award_campaign, award_kind=catalogue[GIAY_KHEN]).update(
        due_on=datetime.date(2026, 2, 1)
    )
    with pytest.raises(ValidationError) as error:
        services.submit_batch(award_people["school_chair"], campaign=award_campaign, unit=nomination.unit)
    assert "01/02/2026" in messages_of(error.value)
    assert Nomination.objects.get(pk=nomination.pk).status == S.DRAFT


# --- dossier and sending -----------------------------------------------------------------------


def test_an_incomplete_dossier_is_not_sent_and_says_what_is_missing(award_people, award_campaign, catalogue, members):
    complete = nominate(award_people, award_campaign, catalogue[GIAY_KHEN], member=members["an"])
    complete_dossier(award_people["school_chair"], complete)
    missing = nominate(award_people, award_campaign, catalogue[CDCS_VUNG_MANH], unit=complete.unit)
    with pytest.raises(ValidationError) as error:
        services.submit_batch(award_people["school_chair"], campaign=award_campaign, unit=complete.unit)
    text = messages_of(error.value)
    assert f"CĐCS Trường THCS Gia Thụy ({catalogue[CDCS_VUNG_MANH].name}) còn thiếu" in text
    assert "Trích biên bản họp" in text
    assert "Nguyễn Văn An" not in text
    # All or none: the complete one was not sent either.
    assert set(Nomination.objects.values_list("status", flat=True)) == {S.DRAFT}
    complete_dossier(award_people["school_chair"], missing)
    sent = services.submit_batch(award_people["school_chair"], campaign=award_campaign, unit=complete.unit)
    assert {n.status for n in sent} == {S.SUBMITTED}
    assert all(n.submitted_at for n in Nomination.objects.all())


def test_dossier_files_are_checked_by_content(award_people, award_campaign, catalogue, members, requirements):
    from django.core.files.uploadedfile import SimpleUploadedFile

    nomination = nominate(award_people, award_campaign, catalogue[GIAY_KHEN], member=members["an"])
    fake = SimpleUploadedFile("bao-cao.pdf", b"MZ\x90\x00 not a pdf", "application/pdf")
    with pytest.raises(ValidationError):
        services.add_dossier_file(
            award_people["school_chair"], nomination, requirement=requirements["bien-ban-hop"], upload=fake
        )
    with pytest.raises(ValidationError) as error:
        services.add_dossier_file(
            award_people["school_chair"], nomination, requirement=requirements["to-trinh"], upload=pdf()
        )
    assert "không thuộc hồ sơ" in messages_of(error.value)
    assert not nomination.dossier_files.exists()


def test_sending_stores_each_criterions_result_and_keeps_attestations(award_people, award_campaign, catalogue, members):
    kind = catalogue[GIAY_KHEN]
    attested = Criterion.objects.create(
        award_kind=kind,
        campaign=award_campaign,
        kind=CriterionKind.ATTESTED,
        label="Có ít nhất 01 công trình, phần việc thiết thực",
        source="Kế hoạch của LĐLĐ quận Long Biên",
    )
    nomination = nominate(award_people, award_campaign, kind, member=members["an"])
    services.attest(
        award_people["school_chair"],
        nomination,
        criterion=attested,
        text="Chủ trì công trình sửa sân trường",
        evidence=png(),
    )
    complete_dossier(award_people["school_chair"], nomination)
    services.submit_batch(award_people["school_chair"], campaign=award_campaign, unit=nomination.unit)
    check = nomination.checks.get(criterion=attested)
    assert check.result == CheckResult.ATTESTED
    assert check.attestation == "Chủ trì công trình sửa sân trường"
    assert check.evidence is not None and check.evidence.original_name == "minh-chung.png"


# --- review ------------------------------------------------------------------------------------


def test_returned_with_a_reason_fixed_and_resubmitted(award_people, award_campaign, catalogue, members):
    nomination = submitted(award_people, award_campaign, catalogue[GIAY_KHEN], member=members["an"])
    officer, chair = award_people["lb_officer"], award_people["school_chair"]
    with pytest.raises(ValidationError):
        services.return_nomination(officer, nomination, reason="  ")
    services.return_nomination(officer, nomination, reason="Bản tóm tắt chưa có xác nhận của thủ trưởng.")
    nomination.refresh_from_db()
    assert nomination.status == S.RETURNED
    assert nomination.return_reason == "Bản tóm tắt chưa có xác nhận của thủ trưởng."
    services.update_nomination(chair, nomination, achievement="Thành tích đã bổ sung xác nhận.")
    services.resubmit(chair, nomination)
    nomination.refresh_from_db()
    assert (nomination.status, nomination.return_reason, nomination.level) == (S.SUBMITTED, "", award_campaign.issuer)
    assert AuditEntry.objects.filter(verb="return_nomination", reason__startswith="Bản tóm tắt").exists()


def test_sending_to_council_needs_an_award_council(award_people, award_campaign, catalogue, members):
    nomination = submitted(award_people, award_campaign, catalogue[GIAY_KHEN], member=members["an"])
    services.accept(award_people["lb_officer"], nomination)
    with pytest.raises(ValidationError) as error:
        services.send_to_council(award_people["lb_officer"], nomination)
    assert "chưa có Hội đồng Thi đua – Khen thưởng" in messages_of(error.value)


def test_the_council_recuses_the_nominee_and_its_vote_moves_the_nomination(
    award_people, award_campaign, catalogue, members, federation
):
    from thidua.councils.models import Recusal

    council = award_council(
        federation.long_bien,
        award_people["lb_officer"],
        ["Nguyễn Văn An", "Vũ Thị Lan", "Phan Văn Mạnh"],
        federation.company,
    )
    nomination = submitted(award_people, award_campaign, catalogue[GIAY_KHEN], member=members["an"])
    services.accept(award_people["lb_officer"], nomination)
    services.send_to_council(award_people["lb_officer"], nomination)
    vote(award_people["lb_officer"], council, [nomination], agree=False)
    assert Recusal.objects.get().council_member.member == members["an"]
    assert Nomination.objects.get(pk=nomination.pk).status == S.NOT_RECOMMENDED


def test_an_award_kinds_own_threshold_replaces_the_councils(
    award_people, award_campaign, catalogue, members, lb_council
):
    from thidua.councils.models import AgendaItem

    kind = catalogue[GIAY_KHEN]
    kind.pass_numerator, kind.pass_denominator = 9, 10
    kind.save()
    nomination = submitted(award_people, award_campaign, kind, member=members["an"])
    services.accept(award_people["lb_officer"], nomination)
    services.send_to_council(award_people["lb_officer"], nomination)
    # Two of three agree: enough for the council's 2/3, not for the kind's 9/10.
    from django.contrib.auth import get_user_model

    from thidua.awards.tests.conftest import as_role
    from thidua.councils import services as councils

    session = councils.open_session(award_people["lb_officer"], lb_council, held_on=DECIDED_ON)
    item = councils.add_to_agenda(award_people["lb_officer"], session, nomination)
    for n, seat in enumerate(lb_council.members.select_related("member")):
        user = as_role(get_user_model().objects.get(pk=seat.member.user_id))
        councils.cast_ballot(user, item, agree=n < 2, scores={c.pk: 50 for c in lb_council.criteria.all()})
    councils.close_session(award_people["lb_officer"], session)
    assert AgendaItem.objects.get().outcome == "failed"
    assert Nomination.objects.get(pk=nomination.pk).status == S.NOT_RECOMMENDED


# --- deciding and forwarding -------------------------------------------------------------------


def test_the_decision_numbers_awards_and_records_them(award_people, award_campaign, catalogue, members, lb_council):
    members["an"].position = "Giáo viên"
    members["an"].save()
    nomination = recommended(award_people, award_campaign, catalogue[GIAY_KHEN], lb_council, member=members["an"])
    collective = recommended(
        award_people,
        award_campaign,
        catalogue[CDCS_VUNG_MANH],
        lb_council,
        unit=award_people["school_chair"].acting_role.unit,
    )
    decision = services.issue_decision(
        award_people["lb_chair"],
        unit=award_campaign.issuer,
        campaign=award_campaign,
        nominations=[nomination, collective],
        issued_on=DECIDED_ON,
    )
    assert decision.status == "issued" and decision.register_entry.number == 1
    assert decision.number == "01/QĐ-LĐLĐ"
    assert decision.title.startswith("Về việc khen thưởng các tập thể, cá nhân có thành tích xuất sắc")
    person = Award.objects.get(member=members["an"])
    assert (person.name, person.position, person.year, person.decision) == (
        "Nguyễn Văn An",
        "Giáo viên, CĐCS Trường THCS Gia Thụy",
        2026,
        decision,
    )
    school = Award.objects.get(member__isnull=True)
    assert school.unit == collective.subject_unit and school.is_small_collective
    assert set(Nomination.objects.values_list("status", flat=True)) == {S.AWARDED}


def test_a_failed_decision_leaves_no_number_and_no_award(award_people, award_campaign, catalogue, members, lb_council):
    nomination = recommended(award_people, award_campaign, catalogue[GIAY_KHEN], lb_council, member=members["an"])
    draft = nominate(award_people, award_campaign, catalogue[LDTT], member=members["binh"], proposer=nomination.unit)
    with pytest.raises(ValidationError):
        services.issue_decision(
            award_people["lb_chair"],
            unit=award_campaign.issuer,
            campaign=award_campaign,
            nominations=[nomination, draft],
            issued_on=DECIDED_ON,
        )
    from thidua.documents.models import RegisterEntry

    assert not RegisterEntry.objects.filter(doc_type="decision").exists()
    assert not Award.objects.exists() and not Decision.objects.exists()


def test_a_district_cannot_decide_a_city_award_and_forwards_it(
    award_people, award_campaign, catalogue, members, lb_council, federation
):
    nomination = recommended(award_people, award_campaign, catalogue[BANG_KHEN], lb_council, member=members["an"])
    with pytest.raises(PermissionDenied):
        services.issue_decision(
            award_people["lb_chair"],
            unit=federation.long_bien,
            campaign=award_campaign,
            nominations=[nomination],
            issued_on=DECIDED_ON,
        )
    services.forward(award_people["lb_officer"], nomination)
    nomination.refresh_from_db()
    assert (nomination.status, nomination.level) == (S.FORWARDED, federation.city)
    assert nomination.forwarded_at is not None
    # The city's queue has it; the same review continues there.
    city = award_people["hn_officer"]
    assert Nomination.objects.visible_to(city).filter(level=federation.city, status=S.FORWARDED).get() == nomination
    services.accept(city, nomination)
    assert Nomination.objects.get(pk=nomination.pk).status == S.ACCEPTED


def test_a_district_award_is_not_forwarded(award_people, award_campaign, catalogue, members, lb_council):
    nomination = recommended(award_people, award_campaign, catalogue[GIAY_KHEN], lb_council, member=members["an"])
    with pytest.raises(PermissionDenied):
        services.forward(award_people["lb_officer"], nomination)


def test_a_returned_forwarded_nomination_comes_back_to_the_city(
    award_people, award_campaign, catalogue, members, lb_council, federation
):
    nomination = recommended(award_people, award_campaign, catalogue[BANG_KHEN], lb_council, member=members["an"])
    services.forward(award_people["lb_officer"], nomination)
    services.return_nomination(award_people["hn_officer"], nomination, reason="Thiếu báo cáo thành tích có xác nhận.")
    services.resubmit(award_people["school_chair"], nomination)
    nomination.refresh_from_db()
    assert (nomination.status, nomination.level) == (S.SUBMITTED, federation.city)


def test_an_earlier_paper_award_is_recorded(award_people, catalogue, members):
    award = services.record_award(
        award_people["lb_officer"],
        award_kind=catalogue[LDTT],
        year=2024,
        member=members["an"],
        source="Quyết định số 12/QĐ-LĐLĐ ngày 20/12/2024",
    )
    assert (award.unit, award.decision, award.name) == (members["an"].unit, None, "Nguyễn Văn An")
    with pytest.raises(ValidationError):
        services.record_award(
            award_people["lb_officer"], award_kind=catalogue[LDTT], year=2024, member=members["an"], source="lần hai"
        )
    with pytest.raises(PermissionDenied):
        services.record_award(
            award_people["company_chair"],
            award_kind=catalogue[LDTT],
            year=2023,
            member=members["an"],
            source="x",
        )
