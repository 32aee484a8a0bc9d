"""The initiative recognition decision cites the Điều lệ Sáng kiến in force on its day, from
documents' dated table, and is refused where none is (issue 15 items 3 and 7)."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from thidua.core.access import system_actor
from thidua.documents.models import DocType, LegalDocument, LegalRole
from thidua.documents.services import take_number
from thidua.initiatives.documents import decision_document
from thidua.initiatives.models import RecognitionDecision

D = datetime.date
pytestmark = pytest.mark.django_db


def _decision(unit, day) -> RecognitionDecision:
    entry = take_number(system_actor("test"), unit, DocType.DECISION, issued_on=day, title="Công nhận sáng kiến")
    return RecognitionDecision.objects.create(unit=unit, register_entry=entry, issued_on=day)


def test_the_recognition_decision_cites_the_initiative_rules_in_force(federation):
    doc = decision_document(_decision(federation.school, D(2023, 10, 20)))
    # Under who decides (the authority line), the first Căn cứ.
    assert doc.body[0].text == "BAN CHẤP HÀNH CÔNG ĐOÀN CƠ SỞ TRƯỜNG THCS GIA THỤY"
    assert doc.body[1].text == (
        "Căn cứ Nghị định số 13/2012/NĐ-CP ngày 02/03/2012 của Chính phủ ban hành Điều lệ Sáng kiến;"
    )


def test_without_initiative_rules_in_force_the_decision_is_refused(federation):
    from thidua.documents import legal

    LegalDocument.objects.filter(role=LegalRole.INITIATIVES).update(in_force_until=D(2024, 12, 31))
    with pytest.raises(ValidationError) as refused:
        legal.require(D(2025, 1, 1), (LegalRole.INITIATIVES,))  # issue_recognition_decision's check
    assert "Điều lệ Sáng kiến" in refused.value.message_dict["issued_on"][0]
