"""Titles and forms in "one achievement, one form" (Luật Thi đua, khen thưởng 06/2022, Điều 5):
one FORM of commendation per subject and campaign, while emulation TITLES go alongside each
other — Chiến sĩ thi đua cơ sở requires Lao động tiên tiến the same year, so both are proposed
in the same batch, checked against each other, and decided together."""

import importlib

import pytest
from django.apps import apps as django_apps
from django.core.exceptions import ValidationError
from django.urls import reverse

from thidua.awards import eligibility, services
from thidua.awards.models import Award, CampaignAward, CheckResult, Nomination, NominationStatus
from thidua.awards.tests.conftest import (
    BANG_KHEN,
    CDCS_VUNG_MANH,
    DECIDED_ON,
    GIAY_KHEN,
    LDTT,
    complete_dossier,
    nominate,
    recommended,
    submitted,
    vote,
)
from thidua.org.tests.factories import MemberFactory

S = NominationStatus
CSTDCS = "chien-si-thi-dua-co-so"
pytestmark = pytest.mark.django_db


@pytest.fixture
def cstdcs(award_campaign, catalogue):
    CampaignAward.objects.create(campaign=award_campaign, award_kind=catalogue[CSTDCS])
    return catalogue[CSTDCS]


def test_lao_dong_tien_tien_and_chien_si_thi_dua_go_together(award_people, award_campaign, catalogue, members, cstdcs):
    nominate(award_people, award_campaign, catalogue[LDTT], member=members["an"])
    # 15 % of one Lao động tiên tiến is none: add the others of the batch first.
    for _n in range(6):
        nominate(award_people, award_campaign, catalogue[LDTT], member=MemberFactory(unit=members["an"].unit))
    second = nominate(award_people, award_campaign, cstdcs, member=members["an"])
    assert second.status == S.DRAFT and not second.is_form
    # The CSTĐCS criterion "Lao động tiên tiến that year" reads the nomination sent with it.
    outcome = next(
        o for o in eligibility.evaluate_nomination(second) if o.criterion.related_kind_id == catalogue[LDTT].pk
    )
    assert outcome.result == CheckResult.MET
    assert "đề nghị cùng đợt" in outcome.detail
    # A form goes alongside the titles too, but only one form.
    nominate(award_people, award_campaign, catalogue[GIAY_KHEN], member=members["an"])
    with pytest.raises(ValidationError) as error:
        nominate(award_people, award_campaign, catalogue[BANG_KHEN], member=members["an"])
    assert "mỗi thành tích chỉ đề nghị một hình thức khen thưởng" in " ".join(error.value.messages)
    with pytest.raises(ValidationError) as error:
        nominate(award_people, award_campaign, cstdcs, member=members["an"])
    assert error.value.message_dict["subject_member"] == [
        "Nguyễn Văn An đã được đề nghị “Chiến sĩ thi đua cơ sở” trong kế hoạch này."
    ]


def test_without_lao_dong_tien_tien_chien_si_thi_dua_is_not_met(
    award_people, award_campaign, catalogue, members, cstdcs
):
    for _n in range(7):
        nominate(award_people, award_campaign, catalogue[LDTT], member=MemberFactory(unit=members["an"].unit))
    nomination = nominate(award_people, award_campaign, cstdcs, member=members["an"])
    outcome = next(
        o for o in eligibility.evaluate_nomination(nomination) if o.criterion.related_kind_id == catalogue[LDTT].pk
    )
    assert outcome.result == CheckResult.NOT_MET


def test_a_collective_gets_one_form_and_its_titles(award_people, award_campaign, catalogue, federation):
    school = federation.school
    nominate(award_people, award_campaign, catalogue[GIAY_KHEN], unit=school)
    assert nominate(award_people, award_campaign, catalogue[CDCS_VUNG_MANH], unit=school).status == S.DRAFT
    with pytest.raises(ValidationError) as error:
        nominate(award_people, award_campaign, catalogue[BANG_KHEN], unit=school)
    assert error.value.error_dict.keys() == {"subject_unit"}


def test_the_cap_counts_lao_dong_tien_tien_of_the_same_batch(
    award_people, award_campaign, catalogue, federation, cstdcs
):
    """20 Lao động tiên tiến proposed in the batch: 15 % is 3 Chiến sĩ thi đua cơ sở, not 4."""
    people = [MemberFactory(unit=federation.school) for _ in range(20)]
    for person in people:
        nominate(award_people, award_campaign, catalogue[LDTT], member=person)
    for person in people[:3]:
        nominate(award_people, award_campaign, cstdcs, member=person)
    with pytest.raises(ValidationError) as error:
        nominate(award_people, award_campaign, cstdcs, member=people[3])
    message = error.value.message_dict["award_kind"][0]
    assert "20 (0 đã công nhận, 20 đề nghị cùng đợt)" in message
    assert "tối đa 3; đã có 3" in message
    assert Nomination.objects.filter(award_kind=cstdcs).count() == 3


def test_a_withdrawn_lao_dong_tien_tien_no_longer_counts(award_people, award_campaign, catalogue, federation, cstdcs):
    people = [MemberFactory(unit=federation.school) for _ in range(7)]
    nominations = [nominate(award_people, award_campaign, catalogue[LDTT], member=p) for p in people]
    services.withdraw(award_people["school_chair"], nominations[0])
    # 15 % of 6 is 0.9: none.
    with pytest.raises(ValidationError):
        nominate(award_people, award_campaign, cstdcs, member=people[1])


def test_one_decision_issues_both_titles(award_people, award_campaign, catalogue, members, cstdcs, lb_council):
    for _n in range(6):  # earlier paper awards of the year: the cap's base with An's nomination
        services.record_award(
            award_people["lb_officer"],
            award_kind=catalogue[LDTT],
            year=2026,
            member=MemberFactory(unit=members["an"].unit),
            source="QĐ số 1/QĐ-CĐCS",
        )
    ldtt = recommended(
        award_people,
        award_campaign,
        catalogue[LDTT],
        lb_council,
        member=members["an"],
        sent_anyway="Xếp loại năm 2026 chưa nhập: đơn vị xác nhận hoàn thành tốt nhiệm vụ.",
    )
    # Sent on its own, after the Lao động tiên tiến: the criteria read it as not met yet, so the
    # sender confirms it (issue 14); the council's recommendation then makes both awardable.
    chien_si = recommended(
        award_people,
        award_campaign,
        cstdcs,
        lb_council,
        member=members["an"],
        sent_anyway="Lao động tiên tiến đã được Hội đồng đề nghị.",
    )
    services.issue_decision(
        award_people["lb_chair"],
        unit=award_campaign.issuer,
        campaign=award_campaign,
        nominations=[ldtt, chien_si],
        issued_on=DECIDED_ON,
    )
    assert set(Award.objects.filter(member=members["an"]).values_list("award_kind__code", flat=True)) == {
        LDTT,
        CSTDCS,
    }


def test_the_migration_copies_the_category(award_people, award_campaign, catalogue, members):
    form = nominate(award_people, award_campaign, catalogue[GIAY_KHEN], member=members["an"])
    title = nominate(award_people, award_campaign, catalogue[LDTT], member=members["an"])
    Nomination.objects.update(is_form=False)
    migration = importlib.import_module("thidua.awards.migrations.0002_nomination_is_form")
    migration.copy_category(django_apps, None)
    assert Nomination.objects.get(pk=form.pk).is_form
    assert not Nomination.objects.get(pk=title.pk).is_form


# --- the cap checked again on sending and deciding (issue 16) ---------------------------------


def test_a_batch_over_the_cap_since_a_lao_dong_tien_tien_was_withdrawn_is_not_sent(
    login, award_people, award_campaign, catalogue, federation, cstdcs
):
    """7 Lao động tiên tiến in the batch let one Chiến sĩ thi đua cơ sở (15 % of 7 is 1,05);
    one of them withdrawn before sending leaves 6, whose 15 % is none: the batch page refuses
    with the figures and sends nothing."""
    people = [MemberFactory(unit=federation.school) for _ in range(7)]
    titles = [nominate(award_people, award_campaign, catalogue[LDTT], member=p) for p in people]
    chien_si = nominate(award_people, award_campaign, cstdcs, member=people[0])
    services.withdraw(award_people["school_chair"], titles[6])
    drafts = [*titles[:6], chien_si]
    for nomination in drafts:
        complete_dossier(award_people["school_chair"], nomination)
    chair = login(award_people["school_chair"])
    refused = chair.post(
        reverse("awards:submit_batch", args=[award_campaign.pk]),
        {"xac_nhan": [n.pk for n in drafts], "ly_do": "Xếp loại năm 2026 chưa nhập."},
    )
    assert refused.status_code == 400
    text = refused.content.decode()
    assert "Chiến sĩ thi đua cơ sở không quá 15 % số Lao động tiên tiến" in text
    assert "6 (0 đã công nhận, 6 đề nghị cùng đợt)" in text
    assert "tối đa 0; đang đề nghị 1, vượt 1." in text
    assert set(Nomination.objects.filter(pk__in=[n.pk for n in drafts]).values_list("status", flat=True)) == {S.DRAFT}


def test_a_decision_over_the_cap_since_the_council_turned_down_a_lao_dong_tien_tien_is_refused(
    award_people, award_campaign, catalogue, members, cstdcs, lb_council
):
    """The base was 7 when the Chiến sĩ thi đua cơ sở was proposed and sent; the council then
    did not recommend An's Lao động tiên tiến: 6 left, 15 % of 6 is none, and the decision that
    would award the Chiến sĩ thi đua cơ sở is refused with the figures, nothing issued."""
    for _n in range(6):
        services.record_award(
            award_people["lb_officer"],
            award_kind=catalogue[LDTT],
            year=2026,
            member=MemberFactory(unit=members["an"].unit),
            source="QĐ số 1/QĐ-CĐCS",
        )
    ldtt = submitted(
        award_people, award_campaign, catalogue[LDTT], member=members["an"], sent_anyway="Xếp loại chưa nhập."
    )
    chien_si = recommended(
        award_people, award_campaign, cstdcs, lb_council, member=members["an"], sent_anyway="LĐTT đang xét."
    )
    services.accept(award_people["lb_officer"], ldtt)
    services.send_to_council(award_people["lb_officer"], ldtt)
    vote(award_people["lb_officer"], lb_council, [ldtt], agree=False)
    assert Nomination.objects.get(pk=ldtt.pk).status == S.NOT_RECOMMENDED
    with pytest.raises(ValidationError) as error:
        services.issue_decision(
            award_people["lb_chair"],
            unit=award_campaign.issuer,
            campaign=award_campaign,
            nominations=[chien_si],
            issued_on=DECIDED_ON,
        )
    message = error.value.message_dict["nominations"][0]
    assert message.startswith("CĐCS Trường THCS Gia Thụy: Chiến sĩ thi đua cơ sở không quá 15 % số Lao động tiên tiến")
    assert "đơn vị có 6 Lao động tiên tiến năm 2026, tối đa 0; đang đề nghị 1, vượt 1." in message
    assert not Award.objects.filter(award_kind=cstdcs).exists()
    assert Nomination.objects.get(pk=chien_si.pk).status == S.RECOMMENDED
