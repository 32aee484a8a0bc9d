"""Every .xlsx the application writes prints as a list (issue 15 item 6): the one writer
(org.exports.Workbook) gives each sheet a name Excel accepts, A4 landscape one page wide, and
list sheets a frozen header row printed again on every page — read back with openpyxl."""

import io

import openpyxl
from django.urls import reverse

from thidua.awards.intake import template_xlsx as nominations_template
from thidua.initiatives.documents import golden_book_xlsx
from thidua.org import exports
from thidua.org.imports import template_xlsx as import_template
from thidua.org.models import ImportJob, ImportKind, ImportStatus, RoleKind
from thidua.org.tests.factories import MemberFactory, make_user


def _book(content: bytes):
    return openpyxl.load_workbook(io.BytesIO(content))


def _body(response) -> bytes:
    assert response.status_code == 200
    return b"".join(response.streaming_content)


def assert_prints(sheet, *, header_row: int | None = 1) -> None:
    assert sheet.page_setup.orientation == "landscape"
    assert sheet.page_setup.paperSize == 9  # A4
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    assert (sheet.page_setup.fitToWidth or 1) == 1 and sheet.page_setup.fitToHeight == 0
    if header_row is not None:
        assert sheet.freeze_panes == f"A{header_row + 1}"
        assert sheet.print_title_rows == f"${header_row}:${header_row}"


def test_sheet_names_are_what_excel_accepts():
    assert exports.sheet_name("Chưa có: đăng ký/mô hình [2024]*?\\") == "Chưa có- đăng ký-mô hình -2024-"
    assert len(exports.sheet_name("Danh sách tập thể, cá nhân đề nghị khen thưởng năm 2024")) == 31
    assert exports.sheet_name("  ") == "Danh sách"
    book = exports.workbook(io.BytesIO(), {"in_memory": True})
    assert [book.add_worksheet("Lỗi").name, book.add_worksheet("lỗi").name] == ["Lỗi", "lỗi (2)"]


def test_member_export_prints_as_a_list_with_fitted_columns(federation, login):
    MemberFactory(full_name="Nguyễn Văn An", unit=federation.school)
    client = login(make_user("lb_officer", RoleKind.EMULATION_OFFICER, federation.long_bien))
    sheet = _book(_body(client.get(reverse("org:member_export")))).active
    assert sheet.title == "Đoàn viên"
    assert_prints(sheet)
    assert sheet.column_dimensions["B"].width >= 28  # "Họ và tên"


def test_import_errors_export_prints_as_a_list(federation, login):
    user = make_user("school_chair", RoleKind.GRASSROOTS_CHAIR, federation.school)
    job = ImportJob.objects.create(
        kind=ImportKind.MEMBERS,
        file_name="doan-vien.xlsx",
        actor=user,
        status=ImportStatus.FAILED,
        errors=[{"row": 2, "column": "Họ và tên", "message": "Thiếu họ tên."}],
    )
    sheet = _book(_body(login(user).get(reverse("org:import_job_errors", args=[job.pk])))).active
    assert sheet.title == "Lỗi nhập dữ liệu"
    assert_prints(sheet)


def test_without_widths_columns_fit_their_longest_value():
    response = exports.xlsx_response("x.xlsx", ["STT", "Tên"], [[1, "Đ" * 40]], sheet="Thử")
    content = _body(response)
    response.file_to_stream.close()
    sheet = _book(content).active
    assert 40 <= sheet.column_dimensions["B"].width <= exports.MAX_WIDTH + 1
    assert sheet.column_dimensions["A"].width < 10


def test_templates_and_golden_book_print_the_same_way(federation):
    book = _book(import_template(ImportKind.MEMBERS))
    for sheet in book.worksheets:
        assert_prints(sheet)
    book = _book(nominations_template(federation.school))
    assert_prints(book["Danh sách"], header_row=3)  # a title and a subtitle above the header
    assert_prints(book["Hướng dẫn"], header_row=None)
    golden = _book(golden_book_xlsx(federation.long_bien, [])).active
    assert golden.title == "Sổ vàng sáng kiến"
    assert_prints(golden, header_row=2)
