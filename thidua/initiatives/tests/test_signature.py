"""The initiative recognition decision is signed (issue 15 items 2 and 7): the CĐCS's title
lines then the signer's name typed on the form (else the letterhead's), in that order; with
no name anywhere the form refuses next to the field, and no number is taken."""

import pytest
from django.urls import reverse

from thidua.documents.models import RegisterEntry
from thidua.documents.tests.letterheads import blank
from thidua.documents.tests.signatures import assert_signed, pdf_lines
from thidua.initiatives import services
from thidua.initiatives.models import Initiative, InitiativeStatus, RecognitionDecision
from thidua.initiatives.tests.conftest import DAY, council_for, pass_council

pytestmark = pytest.mark.django_db


@pytest.fixture
def passed(federation, initiative, people, team):
    chair = people["school_chair"]
    services.submit(people["author"], initiative, on=DAY)
    services.send_to_council(chair, initiative)
    council = council_for(federation.school, chair, ["Hoàng Văn Chủ", "Trịnh Văn Năm", "Lê Văn Sáu"])
    pass_council(chair, council, initiative)
    return initiative


def _recognise(client, initiative, signer_name):
    return client.post(
        reverse("initiatives:recognition"),
        {"initiatives": [initiative.pk], "issued_on": DAY.isoformat(), "signer_name": signer_name},
    )


def test_the_decision_prints_the_title_lines_then_the_name_typed(login, people, passed):
    client = login(people["school_chair"])
    assert _recognise(client, passed, "Hoàng Văn Chủ").status_code == 302
    decision = RecognitionDecision.objects.get()
    pdf = client.get(reverse("initiatives:decision", args=[decision.pk, "pdf"])).content
    assert_signed(pdf_lines(pdf), "TM. BAN CHẤP HÀNH", "CHỦ TỊCH", "Hoàng Văn Chủ", after="Nơi nhận:")


def test_without_a_name_on_the_form_or_the_letterhead_it_is_refused_next_to_the_field(
    login, people, passed, federation
):
    blank(federation.school, signer_name="")
    response = _recognise(login(people["school_chair"]), passed, "")
    page = response.content.decode()
    assert response.status_code == 400
    assert "Chưa có họ tên người ký (Thông tin cơ quan ban hành của CĐCS Trường THCS Gia Thụy)." in page
    assert not RegisterEntry.objects.filter(doc_type="QĐ").exists()
    assert Initiative.objects.get(pk=passed.pk).status == InitiativeStatus.COUNCIL_PASSED


def test_the_decision_names_who_decides_and_cites_the_council_s_minutes_by_number_and_day(login, people, passed):
    """QA (issue 15): the paper had no authority line, no "Xét đề nghị", and cited only "kết
    quả xét của Hội đồng sáng kiến" — no minutes number, no day."""
    client = login(people["school_chair"])
    assert _recognise(client, passed, "Hoàng Văn Chủ").status_code == 302
    decision = RecognitionDecision.objects.get()
    text = " ".join(
        " ".join(pdf_lines(client.get(reverse("initiatives:decision", args=[decision.pk, "pdf"])).content)).split()
    )
    order = [
        "BAN CHẤP HÀNH CÔNG ĐOÀN CƠ SỞ TRƯỜNG THCS GIA THỤY",
        "Căn cứ Biên bản số 01/BB-CĐCS ngày 10/05/2024 của Hội đồng sáng kiến;",
        "Xét đề nghị của Hội đồng sáng kiến CĐCS Trường THCS Gia Thụy,",
        "QUYẾT ĐỊNH:",
        "Điều 1.",
    ]
    assert all(part in text for part in order), text
    assert [text.index(part) for part in order] == sorted(text.index(part) for part in order)
    assert "kết quả xét" not in text
