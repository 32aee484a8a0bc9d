"""An award decision and its certificates are signed (issue 15 items 2 and 7): the signer's
title lines from the unit's letterhead (here the KT. form: a vice-chair signs for the chair)
and the signer's name, in that order; a decision whose letterhead lacks the name, the title or
the place is refused on the form with the field named, and nothing is numbered or awarded."""

import pytest
from django.urls import reverse

from thidua.awards import documents
from thidua.awards.models import Award, Decision, Nomination, NominationStatus
from thidua.awards.tests.conftest import DECIDED_ON, GIAY_KHEN, recommended
from thidua.documents.models import RegisterEntry
from thidua.documents.tests.letterheads import blank
from thidua.documents.tests.signatures import assert_signed, pdf_lines

pytestmark = pytest.mark.django_db


def _issue(login, award_people, award_campaign):
    return login(award_people["lb_chair"]).post(
        reverse("awards:decision_create") + f"?ke-hoach={award_campaign.pk}",
        {
            "nominations": [n.pk for n in Nomination.objects.all()],
            "issued_on": DECIDED_ON.isoformat(),
            "title": "Về việc khen thưởng năm 2026",
        },
    )


def test_the_decision_and_its_certificate_print_the_title_lines_and_the_name(
    login, award_people, award_campaign, catalogue, members, lb_council, federation
):
    recommended(award_people, award_campaign, catalogue[GIAY_KHEN], lb_council, member=members["an"])
    blank(
        federation.long_bien,
        signer_authority="TM. BAN THƯỜNG VỤ\nKT. CHỦ TỊCH",
        signer_title="PHÓ CHỦ TỊCH",
        signer_name="Lê Minh Tuấn",
    )
    assert _issue(login, award_people, award_campaign).status_code == 302
    decision = Decision.objects.get()
    lines = pdf_lines(documents.decision_pdf(decision))
    assert_signed(lines, "TM. BAN THƯỜNG VỤ", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Lê Minh Tuấn", after="Nơi nhận:")
    certificate = pdf_lines(documents.certificate_pdf(Award.objects.get()))
    text = "\n".join(certificate)
    assert "NGUYỄN VĂN AN" in text.upper()
    at = [text.index(part) for part in ("TM. BAN THƯỜNG VỤ", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Lê Minh Tuấn")]
    assert at == sorted(at)
    # Signed as issued: a later change of the letterhead does not rewrite the decision.
    blank(federation.long_bien, signer_name="Nguyễn Trường Giang")
    assert "Lê Minh Tuấn" in "\n".join(pdf_lines(documents.decision_pdf(decision)))


@pytest.mark.parametrize(
    ("missing", "message"),
    [
        ({"signer_name": ""}, "Chưa có họ tên người ký (Thông tin cơ quan ban hành của LĐLĐ quận Long Biên)."),
        ({"signer_authority": "", "signer_title": ""}, "Chưa có chức danh người ký"),
        ({"place": ""}, "Chưa có địa danh ở dòng ngày tháng"),
        ({"superior_line": ""}, "Chưa có tên cơ quan chủ quản"),
    ],
)
def test_a_decision_whose_letterhead_lacks_a_field_is_refused_naming_it(
    login, award_people, award_campaign, catalogue, members, lb_council, federation, missing, message
):
    nomination = recommended(award_people, award_campaign, catalogue[GIAY_KHEN], lb_council, member=members["an"])
    blank(federation.long_bien, **missing)
    numbers = RegisterEntry.objects.count()
    response = _issue(login, award_people, award_campaign)
    assert response.status_code == 400 and message in response.content.decode()
    assert not Decision.objects.exists() and not Award.objects.exists()
    assert RegisterEntry.objects.count() == numbers
    assert Nomination.objects.get(pk=nomination.pk).status == NominationStatus.RECOMMENDED
