"""Spreadsheet exports of the scoped, filtered lists (XlsxWriter in constant-memory mode, so a
district's tens of thousands of rows stream without holding the workbook in memory)."""

import re
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


# Characters Excel refuses in a sheet's name, and its length limit.
_SHEET_NAME_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
SHEET_NAME_MAX = 31
A4 = 9  # XlsxWriter's paper code


def sheet_name(text: str) -> str:
    """A name Excel accepts: the forbidden characters []:*?/\\ become "-", at most 31 chars."""
    name = _SHEET_NAME_FORBIDDEN.sub("-", str(text)).strip().strip("'")[:SHEET_NAME_MAX].strip()
    return name or _("Danh sách")[:SHEET_NAME_MAX]


class Workbook(xlsxwriter.Workbook):
    """Every sheet of every export prints the same way: A4 landscape, as wide as one page (as
    many pages down as it takes), under a name Excel accepts. Header rows are frozen and
    repeated on each printed page by `table_header` / `repeat_header`."""

    def add_worksheet(self, name=None, worksheet_class=None):
        if name is not None:
            name = sheet_name(name)
            taken = {sheet.name.lower() for sheet in self.worksheets()}
            base, n = name, 2
            while name.lower() in taken:  # Excel refuses two sheets of one name
                suffix = f" ({n})"
                name, n = base[: SHEET_NAME_MAX - len(suffix)] + suffix, n + 1
        sheet = super().add_worksheet(name, worksheet_class)
        sheet.set_paper(A4)
        sheet.set_landscape()
        sheet.fit_to_pages(1, 0)  # one page wide, any number of pages long
        sheet.set_margins(left=0.5, right=0.5, top=0.6, bottom=0.6)
        return sheet


def workbook(target, options: dict | None = None) -> Workbook:
    """An XlsxWriter workbook that writes every string as a string (see TEXT_ONLY) and sets up
    every sheet for print (see Workbook)."""
    return Workbook(target, {**(options or {}), **TEXT_ONLY})


def repeat_header(sheet, row: int = 0) -> None:
    """The rows down to the header `row` stay in view when scrolling, and the header row is
    printed again at the top of every page."""
    sheet.freeze_panes(row + 1, 0)
    sheet.repeat_rows(row)


# Widths (characters) when a caller gives none: fitted to the header and the values written,
# within bounds so one long cell does not push the others off the printed page.
MIN_WIDTH, MAX_WIDTH = 6, 60


def fitted_width(header: str, longest: int = 0) -> int:
    return max(MIN_WIDTH, min(MAX_WIDTH, max(len(str(header)), longest) + 2))


def table_header(sheet, headers, *, row: int = 0, widths=None, header_format=None, cell_format=None) -> None:
    """The header row of a list: written at `row`, frozen and repeated on each printed page;
    column widths as given, else fitted to the header (see `fitted_width`)."""
    for col, header in enumerate(headers):
        sheet.write_string(row, col, str(header), header_format)
        width = widths[col] if widths and col < len(widths) else fitted_width(header)
        sheet.set_column(col, col, width, cell_format)
    repeat_header(sheet, row)


def xlsx_response(
    filename: str, headers: list[str], rows, widths: list[int] | None = None, *, sheet: str = ""
) -> FileResponse:
    """A one-sheet list named `sheet` (Vietnamese, what the list is), streamed row by row.
    Without `widths`, each column is as wide as its longest value (within MIN/MAX_WIDTH)."""
    # The response closes the file once streamed; a context manager would close it too early.
    handle = tempfile.TemporaryFile()  # noqa: SIM115
    book = workbook(handle, {"constant_memory": True, "tmpdir": tempfile.gettempdir()})
    page = book.add_worksheet(sheet or _("Danh sách"))
    bold = book.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1, "text_wrap": True, "valign": "top"})
    # Long text wraps inside its column rather than running across the printed page.
    wrap = book.add_format({"text_wrap": True, "valign": "top"})
    table_header(page, headers, widths=widths or [MIN_WIDTH] * len(headers), header_format=bold, cell_format=wrap)
    longest = [0] * len(headers)
    for r, row in enumerate(rows, start=1):
        for col, value in enumerate(row):
            value = value if value is not None else ""
            page.write(r, col, value)
            if not widths and col < len(longest):
                longest[col] = max(longest[col], len(str(value)))
    if not widths:
        for col, header in enumerate(headers):
            page.set_column(col, col, fitted_width(header, longest[col]), wrap)
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
    return xlsx_response(
        f"doan-vien-{stamp}.xlsx",
        headers,
        rows(),
        [6, 28, 10, 9, 14, 36, 22, 14, 18, 16, 16, 20],
        sheet=_("Đoàn viên"),
    )
