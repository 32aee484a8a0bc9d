"""A recognition decision cannot be dated before the council session that passed its initiatives:
it cites that session's minutes (QA walk, session 6 — an award decision was already refused so,
a recognition decision was not). Refused next to the date, nothing numbered."""

import datetime

from django.urls import reverse

from thidua.documents.models import RegisterEntry
from thidua.initiatives import services
from thidua.initiatives.models import InitiativeStatus, RecognitionDecision
from thidua.initiatives.tests.conftest import DAY, council_for, pass_council


def test_a_decision_dated_before_the_session_is_refused_next_to_the_date(federation, initiative, people, login):
    chair = people["school_chair"]
    services.submit(people["author"], initiative, on=DAY)
    services.send_to_council(chair, initiative)
    council = council_for(federation.school, chair, ["Hoàng Văn Chủ", "Trịnh Văn Năm", "Lê Văn Sáu"])
    pass_council(chair, council, initiative)  # held on DAY (10/05/2024)
    numbers = RegisterEntry.objects.count()

    client = login(chair)
    url = reverse("initiatives:recognition")
    post = {"issued_on": (DAY - datetime.timedelta(days=1)).isoformat(), "initiatives": [initiative.pk]}
    response = client.post(url, {**post, "signer_name": "Hoàng Văn Chủ"})
    assert response.status_code == 400
    page = response.content.decode()
    message = "Ngày quyết định 09/05/2024 trước phiên họp Hội đồng ngày 10/05/2024 mà quyết định căn cứ."
    assert message in page
    # Next to the date field: the field's own error block follows its input.
    assert page.index(message) > page.index('name="issued_on"')
    assert page.index(message) < page.index('name="signer_name"')
    initiative.refresh_from_db()
    assert initiative.status == InitiativeStatus.COUNCIL_PASSED
    assert not RecognitionDecision.objects.exists() and RegisterEntry.objects.count() == numbers

    # The session's own day is fine.
    response = client.post(url, {**post, "issued_on": DAY.isoformat(), "signer_name": "Hoàng Văn Chủ"})
    assert response.status_code == 302
    initiative.refresh_from_db()
    assert initiative.status == InitiativeStatus.RECOGNISED
