"""Importing units and members from spreadsheets (.xlsx through python-calamine, .csv).

One rule shapes this module: **a failed import writes nothing**. Every row is read and
checked first, and every problem is collected as a `RowError` (row, column, Vietnamese
message) — the user fixes the whole file at once, not one error per upload. Only a file
without a single error is written, in one transaction.

Members come by the hundred thousand (a district federation's roll), so their path is built
for speed: categorical cells are converted once per distinct value (memo dicts), unit codes
and card numbers are looked up with a few `IN` queries, rows go in with `bulk_create` in
batches and the per-unit counters are recomputed in SQL at the end. Units come by the
thousand at most and go through `services.create_unit`, so their rules live in one place.

A unit outside the actor's scope is "not found", word for word like one that does not exist:
an import must not become a way to probe the tree (docs/flows.md, "Who uses it").
"""

from __future__ import annotations

import contextlib
import csv
import dataclasses
import datetime
import gc
import io
import itertools
import json
import logging
import operator
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

import python_calamine
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, connection, models, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from thidua.core import audit
from thidua.core.db import PATH_STEP
from thidua.core.text import fold
from thidua.org import exports, services
from thidua.org.models import (
    Gender,
    ImportJob,
    ImportKind,
    ImportStatus,
    Member,
    OfficerType,
    Ownership,
    Role,
    Sector,
    Unit,
    UnitKind,
    UnitStatus,
)
from thidua.org.search import indexed_after_bulk_insert, member_search_key, province_path

log = logging.getLogger(__name__)

BATCH_SIZE = 2000
GIN_PENDING_LIST_KB = 256 * 1024
SQLITE_IMPORT_CACHE_KB = 256 * 1024
LOOKUP_CHUNK = 2000  # values per `IN (...)` query: well under every backend's parameter limit
MAX_STORED_ERRORS = 5000  # a job keeps this many; a file with more is broken as a whole anyway
# The same bounds as the member form (org.forms.MemberForm.clean_birth_year).
BIRTH_YEAR_MIN, BIRTH_YEAR_MAX = 1930, 2015

Progress = Callable[[str, int, int], None]


# --- errors --------------------------------------------------------------------------------


@dataclass(frozen=True)
class RowError:
    """One problem in the file. `row` is the row number the user sees in Excel (the header is
    usually row 1); None for a problem of the whole file. `column` is the header as in the
    template; empty when the problem is not in one column."""

    row: int | None
    column: str
    message: str

    def __str__(self) -> str:
        if self.row is not None and self.column:
            return _('Dòng %(row)s, cột "%(column)s": %(message)s') % {
                "row": self.row,
                "column": self.column,
                "message": self.message,
            }
        if self.row is not None:
            return _("Dòng %(row)s: %(message)s") % {"row": self.row, "message": self.message}
        if self.column:
            return _('Cột "%(column)s": %(message)s') % {"column": self.column, "message": self.message}
        return self.message

    def as_dict(self) -> dict[str, Any]:
        return {"row": self.row, "column": self.column, "message": self.message, "text": str(self)}


@dataclass
class ImportResult:
    total: int = 0
    created: int = 0
    errors: list[RowError] | None = None

    @property
    def ok(self) -> bool:
        return not self.errors


class FileProblem(Exception):
    """The file as a whole cannot be read as a table of the expected columns."""

    def __init__(self, errors: list[RowError]):
        super().__init__("; ".join(str(e) for e in errors))
        self.errors = errors


def not_a_spreadsheet() -> RowError:
    return RowError(None, "", _("Tệp không phải bảng tính .xlsx hoặc .csv hợp lệ."))


def no_data() -> RowError:
    return RowError(None, "", _("Tệp không có dòng dữ liệu nào."))


# --- columns -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Column:
    key: str
    # Headers are a file format exchanged between offices, matched on import (folded), and
    # stay Vietnamese whatever the UI language: they are not translated.
    header: str
    required: bool  # the column must be in the header row (cells may still be optional)
    guide: str  # the "Hướng dẫn" sheet's explanation (translated at use)
    example: str
    width: int = 18


def member_columns() -> list[Column]:
    return [
        Column("full_name", "Họ và tên", True, _("Bắt buộc. Họ và tên đầy đủ, có dấu."), "Nguyễn Văn An", 28),
        Column("gender", "Giới tính", True, _('Bắt buộc. Ghi "Nam" hoặc "Nữ".'), "Nam", 10),
        Column(
            "birth_year",
            "Năm sinh",
            False,
            _("Năm sinh (4 chữ số), từ %(min)s đến %(max)s; có thể để trống.")
            % {"min": BIRTH_YEAR_MIN, "max": BIRTH_YEAR_MAX},
            "1985",
            10,
        ),
        Column(
            "unit_code",
            "Mã đơn vị",
            True,
            _(
                "Bắt buộc. Mã của công đoàn cơ sở hoặc tổ công đoàn (xem trang thông tin đơn vị), "
                "thuộc phạm vi bạn quản lý."
            ),
            "LB-001",
            14,
        ),
        Column("position", "Chức vụ, công việc", False, _("Có thể để trống."), "Giáo viên", 22),
        Column(
            "is_direct_worker",
            "CNLĐ trực tiếp",
            False,
            _('Công nhân lao động trực tiếp: ghi "Có" (hoặc "x"), "Không" hoặc để trống.'),
            "Không",
            14,
        ),
        Column(
            "officer_type",
            "Cán bộ công đoàn",
            False,
            _('Ghi "Chuyên trách", "Không chuyên trách" hoặc để trống nếu không phải cán bộ công đoàn.'),
            "Không chuyên trách",
            18,
        ),
        Column(
            "joined_on",
            "Ngày vào công đoàn",
            False,
            _("Ngày dạng dd/mm/yyyy (ví dụ 15/03/2010) hoặc ô kiểu ngày của Excel; có thể để trống."),
            "15/03/2010",
            16,
        ),
        Column(
            "card_number",
            "Số thẻ đoàn viên",
            False,
            _("Không được trùng trong tệp và với số thẻ đã có; có thể để trống."),
            "LB0001",
            16,
        ),
    ]


def unit_columns() -> list[Column]:
    return [
        Column("code", "Mã đơn vị", True, _("Bắt buộc. Mã mới, chưa dùng cho đơn vị nào."), "LB-101", 14),
        Column("name", "Tên đơn vị", True, _("Bắt buộc."), "CĐCS Trường Tiểu học Ái Mộ", 36),
        Column(
            "kind",
            "Loại đơn vị",
            True,
            _('Bắt buộc. Tên loại đơn vị, ví dụ "Công đoàn cơ sở", "Tổ công đoàn".'),
            "Công đoàn cơ sở",
            22,
        ),
        Column(
            "parent_code",
            "Mã đơn vị cấp trên",
            True,
            _(
                "Bắt buộc. Mã của đơn vị cấp trên trong phạm vi bạn quản lý, hoặc của một đơn vị ở dòng trước trong tệp."
            ),
            "HN-LB",
            16,
        ),
        Column(
            "sector",
            "Khối",
            False,
            _("Chỉ cho công đoàn cơ sở: %(choices)s.") % {"choices": _file_labels(Sector)},
            str(Sector.SCHOOL.label),
            22,
        ),
        Column(
            "ownership",
            "Loại hình sở hữu",
            False,
            _("Chỉ cho khối doanh nghiệp: %(choices)s.") % {"choices": _file_labels(Ownership)},
            "",
            24,
        ),
        Column("email", "Email", False, _("Email liên hệ; có thể để trống."), "", 24),
        Column("phone", "Điện thoại", False, _("Có thể để trống."), "", 14),
        Column("address", "Địa chỉ", False, _("Có thể để trống."), "", 30),
    ]


def columns_for(kind: str) -> list[Column]:
    return member_columns() if kind == ImportKind.MEMBERS else unit_columns()


def _file_labels(choices) -> str:
    """The values a column accepts, as the file must hold them (Vietnamese, like its headers)."""
    with translation.override("vi"):
        return _quoted(choices.labels)


def _quoted(labels: Iterable) -> str:
    return ", ".join(f'"{label}"' for label in labels)


def _header_key(text: Any) -> str:
    # "Họ và tên *", " HỌ VÀ TÊN", "ho va ten" all name the same column.
    return fold(str(text)).replace("*", "").strip().rstrip(":").strip()


# Columns that a member export carries (org.exports) and an import may skip: the row number,
# the unit's name (the code says which unit) and the rating. An exported list can be
# re-imported into another installation without deleting columns by hand.
_IGNORED_MEMBER_HEADERS = ("stt", "don vi")
_IGNORED_MEMBER_PREFIXES = ("xep loai nam",)
_IGNORED_UNIT_HEADERS = ("stt", "don vi cap tren")


# --- reading -------------------------------------------------------------------------------


def read_table(data: bytes, filename: str) -> list[list[Any]]:
    """The cells of the first sheet as rows of equal width; row i is the user's row i + 1."""
    name = filename.lower()
    if name.endswith(".csv"):
        rows = _read_csv(data)
    elif name.endswith(".xlsx"):
        rows = _read_xlsx(data)
    else:
        raise FileProblem([not_a_spreadsheet()])
    width = max((len(r) for r in rows), default=0)
    for row in rows:
        if len(row) < width:
            row.extend([""] * (width - len(row)))
    return rows


def _read_xlsx(data: bytes) -> list[list[Any]]:
    try:
        workbook = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
        if not workbook.sheet_names:
            return []
        # skip_empty_area=False keeps leading empty rows, so row numbers are Excel's.
        return workbook.get_sheet_by_index(0).to_python(skip_empty_area=False)
    except Exception as error:  # calamine raises several types (zip, XML, format): all mean "not a workbook"
        log.info("unreadable spreadsheet: %s", error)
        raise FileProblem([not_a_spreadsheet()]) from None


def _read_csv(data: bytes) -> list[list[Any]]:
    if b"\x00" in data[:4096]:  # a binary file renamed .csv
        raise FileProblem([not_a_spreadsheet()])
    try:
        text = data.decode("utf-8-sig")  # Excel's "CSV UTF-8" starts with a BOM
    except UnicodeDecodeError:
        raise FileProblem(
            [
                not_a_spreadsheet(),
                RowError(None, "", _('Tệp .csv phải lưu với bảng mã UTF-8 (trong Excel: "CSV UTF-8").')),
            ]
        ) from None
    first = next((line for line in text.splitlines() if line.strip()), "")
    # Excel writes ";" where the decimal separator is ",", as on Vietnamese Windows.
    delimiter = max((";", ",", "\t"), key=first.count) if first else ","
    try:
        return [row for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)]
    except csv.Error:
        raise FileProblem([not_a_spreadsheet()]) from None


def _is_blank(row: list[Any]) -> bool:
    for cell in row:  # a plain loop: most rows end at their first cell, the name
        if cell is None or (cell.__class__ is str and (not cell or cell.isspace())):
            continue
        if isinstance(cell, str) and not cell.strip():
            continue
        return False
    return True


def _map_header(
    rows: list[list[Any]], columns: list[Column], ignored: tuple[str, ...], ignored_prefixes: tuple[str, ...] = ()
) -> tuple[int, dict[str, int]]:
    """Find the header row (the first non-blank one) and map each column key to its index.
    Raises FileProblem naming the missing, unknown and repeated columns."""
    header_index = next((i for i, row in enumerate(rows) if not _is_blank(row)), None)
    if header_index is None:
        raise FileProblem([no_data()])
    header_row = header_index + 1
    by_key = {_header_key(c.header): c for c in columns}
    found: dict[str, int] = {}
    errors: list[RowError] = []
    for index, cell in enumerate(rows[header_index]):
        label = str(cell).strip() if cell is not None else ""
        key = _header_key(label)
        if not key or key in ignored or key.startswith(ignored_prefixes):
            continue
        column = by_key.get(key)
        if column is None:
            errors.append(RowError(header_row, label, _("không phải cột của mẫu nhập.")))
        elif column.key in found:
            errors.append(RowError(header_row, column.header, _("cột bị lặp lại.")))
        else:
            found[column.key] = index
    for column in columns:
        if column.required and column.key not in found:
            errors.append(RowError(None, column.header, _("thiếu trong dòng tiêu đề của tệp (xem tệp mẫu).")))
    if errors:
        raise FileProblem(errors)
    return header_row, found


# --- cell conversion -----------------------------------------------------------------------


class Invalid(Exception):
    pass


def _text(value: Any) -> str:
    """A cell as text: numbers typed into text columns ("1001" read back as 1001.0) lose the
    ".0"; spaces are collapsed."""
    if value is None:
        return ""
    if isinstance(value, str):
        return " ".join(value.split())
    if isinstance(value, bool):
        # A value of the file format (matched below as "co"/"khong"), not a word of the UI.
        return "Có" if value else "Không"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime.datetime):
        value = value.date()
    if isinstance(value, datetime.date):
        return value.strftime("%d/%m/%Y")
    return str(value)


_DMY = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")
_YMD = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_EXCEL_EPOCH = datetime.date(1899, 12, 30)


def parse_date(value: Any) -> datetime.date | None:
    """dd/mm/yyyy, d/m/yyyy, yyyy-mm-dd, or a real Excel date cell; None for a blank cell."""
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        # A date cell whose date format was lost shows as its serial number (days since 1899-12-30).
        if 1 <= value < 2958466 and float(value).is_integer():
            return _EXCEL_EPOCH + datetime.timedelta(days=int(value))
        raise Invalid(_text(value))
    text = _text(value)
    if not text:
        return None
    match = _DMY.match(text)
    try:
        if match:
            day, month, year = (int(g) for g in match.groups())
            return datetime.date(year, month, day)
        match = _YMD.match(text)
        if match:
            year, month, day = (int(g) for g in match.groups())
            return datetime.date(year, month, day)
    except ValueError:
        pass
    raise Invalid(text)


class _Memo:
    """Converts each distinct cell value once: a roll of 100,000 members has two genders, a few
    hundred unit codes and some thousands of dates."""

    __slots__ = ("convert", "seen")

    def __init__(self, convert: Callable[[Any], Any]):
        self.convert = convert
        self.seen: dict[Any, tuple[bool, Any]] = {}

    def __call__(self, value: Any) -> Any:
        # 1, 1.0 and True are one key of a dict but read differently (_text): keyed with the type.
        key = value if value.__class__ is str else (value.__class__, value)
        try:
            ok, result = self.seen[key]
        except KeyError:
            try:
                ok, result = True, self.convert(value)
            except Invalid as error:
                ok, result = False, str(error)
            except TypeError:  # an unhashable cell cannot happen with calamine or csv; be safe
                return self.convert(value)
            self.seen[key] = (ok, result)
        if not ok:
            raise Invalid(result)
        return result


def _choice(mapping: dict[str, Any], message: str) -> Callable[[Any], Any]:
    def convert(value: Any) -> Any:
        key = fold(_text(value))
        if key in mapping:
            return mapping[key]
        raise Invalid(message % {"value": _text(value)})

    return convert


def _check_length(value: str, limit: int) -> str:
    if len(value) > limit:
        raise Invalid(_("dài quá %(limit)s ký tự.") % {"limit": limit})
    return value


# --- members -------------------------------------------------------------------------------


def _member_converters() -> dict[str, Callable[[Any], Any]]:
    today = timezone.localdate()

    def birth_year(value: Any) -> int | None:
        text = _text(value)
        if not text:
            return None
        if not text.isdigit():
            raise Invalid(_('"%(value)s" không phải năm sinh hợp lệ (4 chữ số).') % {"value": text})
        year = int(text)
        if not BIRTH_YEAR_MIN <= year <= BIRTH_YEAR_MAX:
            raise Invalid(
                _("năm sinh phải trong khoảng %(min)s–%(max)s.") % {"min": BIRTH_YEAR_MIN, "max": BIRTH_YEAR_MAX}
            )
        return year

    def joined_on(value: Any) -> datetime.date | None:
        try:
            day = parse_date(value)
        except Invalid as error:
            raise Invalid(_('"%(value)s" không phải ngày hợp lệ (dd/mm/yyyy).') % {"value": error}) from None
        if day is not None and day > today:
            raise Invalid(_("ngày %(day)s chưa đến.") % {"day": day.strftime("%d/%m/%Y")})
        return day

    return {
        "gender": _choice(
            {"nam": Gender.MALE, "nu": Gender.FEMALE, "male": Gender.MALE, "female": Gender.FEMALE},
            _('"%(value)s" không hợp lệ; ghi "Nam" hoặc "Nữ".'),
        ),
        "birth_year": birth_year,
        "is_direct_worker": _choice(
            {"co": True, "x": True, "khong": False, "": False, "1": True, "0": False},
            _('"%(value)s" không hợp lệ; ghi "Có", "Không" hoặc để trống.'),
        ),
        "officer_type": _choice(
            {
                "": OfficerType.NONE,
                "khong": OfficerType.NONE,
                "chuyen trach": OfficerType.FULL_TIME,
                "khong chuyen trach": OfficerType.PART_TIME,
            },
            _('"%(value)s" không hợp lệ; ghi "Chuyên trách", "Không chuyên trách" hoặc để trống.'),
        ),
        "joined_on": joined_on,
    }


def _in_chunks(values: list, size: int = LOOKUP_CHUNK) -> Iterable[list]:
    for start in range(0, len(values), size):
        yield values[start : start + size]


def _units_by_code(actor, codes: Iterable[str]) -> dict[str, Unit]:
    """The units with these codes that the actor can reach — and no others, so a code outside
    the scope reads exactly like a code that does not exist."""
    found: dict[str, Unit] = {}
    scoped = Unit.objects.visible_to(actor).select_related("kind")
    for chunk in _in_chunks(sorted(codes)):
        for unit in scoped.filter(code__in=chunk):
            found[unit.code] = unit
    return found


def _existing_cards(cards: list[str]) -> set[str]:
    """The file's card numbers already taken, in one statement whatever the file's size: the
    list goes in as one parameter (an array on PostgreSQL, a JSON array on SQLite) and the
    database probes its unique index once per value."""
    if not cards:
        return set()
    if connection.vendor == "postgresql":
        sql, param = "SELECT card_number FROM org_member WHERE card_number = ANY(%s)", cards
    else:
        sql = "SELECT card_number FROM org_member WHERE card_number IN (SELECT value FROM json_each(%s))"
        param = json.dumps(cards)
    with connection.cursor() as cursor:
        cursor.execute(sql, [param])
        return {row[0] for row in cursor.fetchall()}


def not_found(code: str) -> str:
    return _('không tìm thấy đơn vị "%(code)s" trong phạm vi của bạn.') % {"code": code}


def _member_unit_problems(actor, units: dict[str, Unit]) -> dict[str, str]:
    """code → why no member may be put there (a unit the actor can see but not fill)."""
    problems = {}
    for code, unit in units.items():
        if not actor.has_perm("org.add_member", unit):
            problems[code] = not_found(code)
        elif not (unit.kind.is_grassroots or unit.kind.is_group):
            problems[code] = _(
                'đơn vị "%(code)s" (%(name)s) không phải công đoàn cơ sở hoặc tổ công đoàn; '
                "đoàn viên chỉ thuộc công đoàn cơ sở hoặc tổ công đoàn."
            ) % {"code": code, "name": unit.name}
        elif unit.status != UnitStatus.ACTIVE:
            problems[code] = _('đơn vị "%(code)s" (%(name)s) không còn hoạt động.') % {
                "code": code,
                "name": unit.name,
            }
    return problems


def _tick(progress: Progress | None, phase: str, done: int, total: int) -> None:
    if progress is not None:
        progress(phase, done, total)


@dataclass
class CleanMembers:
    """A checked file's members, column by column: each list holds one value per row, in the
    file's order (`unit_id` already resolved, `card_number` None when blank). `count` is the
    file's rows; `columns` is empty when the file has an error (nothing is written)."""

    columns: dict[str, list[Any]]
    count: int
    provinces: dict[int, str] = dataclasses.field(default_factory=dict)  # unit id → Member.province_path


def _each_once(values: list[Any], convert: Callable[[Any], Any]) -> list[Any] | None:
    """`convert` applied to each distinct cell value once (a roll of 100,000 members has two
    genders, a few hundred unit codes, some thousands of dates), then spread back over the
    column; None as soon as one value is refused. True and 1 (and 1.0) are one key of a dict
    but read differently (`_text`): a column holding a boolean cell is keyed with the types."""
    # Over all the cells, not the distinct ones: a set keeps only one of True and 1.
    if any(value.__class__ is bool for value in values):
        keys = [(value.__class__, value) for value in values]
        done = {}
        for key in set(keys):
            try:
                done[key] = convert(key[1])
            except Invalid:
                return None
        return list(map(done.__getitem__, keys))
    try:
        converted = {value: convert(value) for value in set(values)}
    except Invalid:
        return None
    return list(map(converted.__getitem__, values))


def _text_within(limit: int, *, required: bool) -> Callable[[Any], str]:
    def convert(value: Any) -> str:
        text = _text(value)
        if len(text) > limit or (required and not text):
            raise Invalid(text)
        return text

    return convert


def validate_members(
    actor, rows: list[list[Any]], *, progress: Progress | None = None
) -> tuple[CleanMembers, list[RowError], dict[str, Unit]]:
    """Check every row; return the clean values (column by column; none when there is an
    error, only the count of rows), the errors, and the units used.

    Column by column first: each column's distinct values are converted once and the columns
    are checked as wholes (cards repeated, cards taken), with no per-row Python objects — a
    clean file of 100,000 rows in a fraction of a second. Only a file with a problem is then
    walked row by row (`_member_errors`), to name every problem by row and column."""
    columns = member_columns()
    header_row, index = _map_header(rows, columns, _IGNORED_MEMBER_HEADERS, _IGNORED_MEMBER_PREFIXES)
    # A row whose first cell holds text is not blank: most rows, without a call each.
    data = [
        (n, row)
        for n, row in enumerate(rows[header_row:], start=header_row + 1)
        if (row and row[0].__class__ is str and row[0] and not row[0].isspace()) or not _is_blank(row)
    ]
    if not data:
        raise FileProblem([no_data()])
    total = len(data)
    _tick(progress, "validating", 0, total)
    table = [row for _n, row in data]

    def cells(key: str) -> list[Any]:
        i = index.get(key)
        return list(map(operator.itemgetter(i), table)) if i is not None else [""] * total

    codes = _each_once(cells("unit_code"), _text) or []
    cards = _each_once(cells("card_number"), _text) or []
    units = _units_by_code(actor, {c for c in codes if c})
    unit_problems = _member_unit_problems(actor, units)
    present = [c for c in cards if c]
    distinct_cards = set(present)
    existing_cards = _existing_cards(sorted(distinct_cards))
    cards_ok = len(distinct_cards) == len(present) and not existing_cards
    cards_ok = cards_ok and max(map(len, distinct_cards), default=0) <= 30
    convert = _member_converters()

    def unit_id(code: str) -> int:
        if code not in units or code in unit_problems:
            raise Invalid(code)
        return units[code].pk

    clean: dict[str, list[Any] | None] = {
        "full_name": _each_once(cells("full_name"), _text_within(200, required=True)),
        "gender": _each_once(cells("gender"), convert["gender"]),
        "birth_year": _each_once(cells("birth_year"), convert["birth_year"]),
        "is_direct_worker": _each_once(cells("is_direct_worker"), convert["is_direct_worker"]),
        "officer_type": _each_once(cells("officer_type"), convert["officer_type"]),
        "joined_on": _each_once(cells("joined_on"), convert["joined_on"]),
        "unit_id": _each_once(codes, unit_id),
        "position": _each_once(cells("position"), _text_within(200, required=False)),
        "card_number": [card or None for card in cards],
    }
    if cards_ok and all(values is not None for values in clean.values()):
        _tick(progress, "validating", total, total)
        provinces = {unit.pk: province_path(unit.path) for unit in units.values()}
        return CleanMembers(columns=clean, count=total, provinces=provinces), [], units  # type: ignore[arg-type]
    errors = _member_errors(data, index, codes, cards, units, unit_problems, existing_cards, progress)
    if not errors:  # pragma: no cover - the two passes apply the same rules
        raise AssertionError("a member import's column check and row check disagree")
    return CleanMembers(columns={}, count=total), errors, units


def _member_errors(
    data: list[tuple[int, list[Any]]],
    index: dict[str, int],
    codes: list[str],
    cards: list[str],
    units: dict[str, Unit],
    unit_problems: dict[str, str],
    existing_cards: set[str],
    progress: Progress | None,
) -> list[RowError]:
    """Every problem of the file, row by row in the order the user reads them, each named by
    its row and column."""
    headers = {c.key: c.header for c in member_columns()}
    convert = {key: _Memo(function) for key, function in _member_converters().items()}

    def cell(row: list[Any], key: str) -> Any:
        i = index.get(key)
        return row[i] if i is not None else ""

    errors: list[RowError] = []
    first_row_of_card: dict[str, int] = {}
    required = _("bắt buộc.")
    total = len(data)
    for i, (number, row) in enumerate(data):

        def fail(key: str, message: str, number: int = number) -> None:
            errors.append(RowError(number, headers[key], message))

        full_name = _text(cell(row, "full_name"))
        if not full_name:
            fail("full_name", required)
        elif len(full_name) > 200:
            fail("full_name", _("dài quá %(limit)s ký tự.") % {"limit": 200})
        if _text(cell(row, "gender")) == "":
            fail("gender", required)
        for key in ("gender", "birth_year", "is_direct_worker", "officer_type", "joined_on"):
            if key == "gender" and _text(cell(row, "gender")) == "":
                continue
            try:
                convert[key](cell(row, key))
            except Invalid as error:
                fail(key, str(error))
        code = codes[i]
        if not code:
            fail("unit_code", required)
        elif code not in units:
            fail("unit_code", not_found(code))
        elif code in unit_problems:
            fail("unit_code", unit_problems[code])
        if len(_text(cell(row, "position"))) > 200:
            fail("position", _("dài quá %(limit)s ký tự.") % {"limit": 200})
        card = cards[i]
        if card:
            if len(card) > 30:
                fail("card_number", _("dài quá %(limit)s ký tự.") % {"limit": 30})
            elif card in first_row_of_card:
                fail(
                    "card_number",
                    _('số thẻ "%(card)s" bị trùng với dòng %(row)s.') % {"card": card, "row": first_row_of_card[card]},
                )
            elif card in existing_cards:
                fail("card_number", _('số thẻ "%(card)s" đã có trong hệ thống.') % {"card": card})
            first_row_of_card.setdefault(card, number)
        if i % 5000 == 4999:
            _tick(progress, "validating", i + 1, total)
    _tick(progress, "validating", total, total)
    return errors


def import_members(actor, data: bytes, filename: str, *, progress: Progress | None = None) -> ImportResult:
    """Validate the whole file; write it only if it has no error (one transaction)."""
    services._check(actor, "org.import_members")
    with _without_cycle_collection():
        return _import_members(actor, data, filename, progress)


@contextlib.contextmanager
def _without_cycle_collection() -> Iterator[None]:
    """A file of 100,000 rows makes a million cells, lists and tuples, none of them in a
    reference cycle: the cycle collector would walk them again and again while they are made
    (measured: ~10 % of the import's CPU). Memory is still freed by reference counting."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _import_members(actor, data: bytes, filename: str, progress: Progress | None) -> ImportResult:
    try:
        rows = read_table(data, filename)
        _tick(progress, "reading", 0, 0)
        clean, errors, units = validate_members(actor, rows, progress=progress)
    except FileProblem as problem:
        return ImportResult(errors=problem.errors)
    del rows  # the cells: the clean columns hold all the write needs
    total = clean.count
    if errors:
        return ImportResult(total=total, errors=errors)
    try:
        with transaction.atomic():
            created = _write_members(clean, progress)
            used = _used_units(clean, units)
            _add_to_counters(clean)
            target = _common_ancestor(list(used.values()))
            audit.record(
                actor,
                "import_members",
                target,
                scope_path=target.path,
                changes={"count": created, "file": filename},
            )
    except IntegrityError:
        # Someone added one of these card numbers between the check and the write.
        return ImportResult(total=total, errors=[_changed_meanwhile()])
    return ImportResult(total=total, created=created, errors=[])


def _changed_meanwhile() -> RowError:
    return RowError(None, "", _("Dữ liệu trong hệ thống vừa thay đổi trong lúc nhập; chưa nhập dòng nào, hãy thử lại."))


def _add_to_counters(clean: CleanMembers) -> None:
    """The units' member counters, raised by the rows this import adds (all new, in its
    transaction): one UPDATE per unit in one `executemany`, rather than counting the units'
    rows again (`services.recount_members`, the repair tool)."""
    unit_ids = clean.columns["unit_id"]
    members = Counter(unit_ids)
    direct = Counter(itertools.compress(unit_ids, clean.columns["is_direct_worker"]))
    table = connection.ops.quote_name(Unit._meta.db_table)
    with connection.cursor() as cursor:
        cursor.executemany(
            f"UPDATE {table} SET member_count = member_count + %s, direct_worker_count = direct_worker_count + %s "
            "WHERE id = %s",
            [(count, direct[pk], pk) for pk, count in sorted(members.items())],
        )


def _used_units(clean: CleanMembers, units: dict[str, Unit]) -> dict[int, Unit]:
    by_pk = {u.pk: u for u in units.values()}
    return {pk: by_pk[pk] for pk in set(clean.columns["unit_id"])}


def _write_members(clean: CleanMembers, progress: Progress | None) -> int:
    """Insert the rows in a number of statements that does not grow with the file: one
    `executemany` of a prepared INSERT on SQLite, one COPY on PostgreSQL — inside the caller's
    transaction, so a failure still writes nothing.

    Not `bulk_create`: measured on 100,000 rows, Django's per-object SQL compilation
    (Model.__init__, pre_save and get_db_prep_save for each of 13 fields, 76 rows per
    statement on SQLite) took ~85 % of the import and held it far below 20,000 rows/s. The
    values here are already clean Python values of the right types; the driver binds them.
    The columns come from Member._meta, with each field's default for those the file does not
    give, so a new field is inserted with its default rather than forgotten.
    Like bulk_create this skips Member.save, so the search key is set here (docs/dangerous.md).
    The rows are produced lazily and the progress bar moves while the driver consumes them.
    Indexes are maintained once: on SQLite the full-text rows go in with one INSERT … SELECT
    (indexed_after_bulk_insert), on PostgreSQL the GIN pending list is merged once at the end."""
    ops = connection.ops
    fields = [f for f in Member._meta.concrete_fields if not f.primary_key]
    columns = ", ".join(ops.quote_name(f.column) for f in fields)
    table = ops.quote_name(Member._meta.db_table)
    total = clean.count
    rows = _member_rows(clean, fields, progress)
    with connection.cursor() as cursor, indexed_after_bulk_insert(cursor):
        if connection.vendor != "postgresql":
            placeholders = ", ".join(["%s"] * len(fields))
            # Six B-trees take each row at a random place (card number, name key, unit): with the
            # default 2 MB page cache their pages are read and evicted over and over.
            cursor.execute("PRAGMA cache_size")
            (cache_pages,) = cursor.fetchone()
            cursor.execute(f"PRAGMA cache_size = {-SQLITE_IMPORT_CACHE_KB:d}")
            try:
                cursor.executemany(f"INSERT INTO {table} ({columns}) VALUES ({placeholders})", rows)
            finally:
                cursor.execute(f"PRAGMA cache_size = {int(cache_pages):d}")
            return total
        bulk_gin = total > BATCH_SIZE
        if bulk_gin:
            # The GIN index takes new rows into a pending list and merges it into the index each
            # time the list passes this size (4 MB by default), dozens of times in a large
            # import; with a large list it merges once, in bulk, below. Measured: the write
            # phase of 100,000 members 21.4 s → 10.8 s wall.
            cursor.execute(f"SET LOCAL gin_pending_list_limit = {GIN_PENDING_LIST_KB:d}")
        # One COPY straight into the table. A temporary staging table and one INSERT … SELECT
        # were measured too (same run, same load): the server wrote every row twice, 3.9 →
        # 4.8 CPU-s of the backend per 100,000 rows, for no check the validation above does not
        # already make; the unique card index still refuses a card saved meanwhile.
        # The driver's own COPY bypasses Django's cursor: its errors are turned into Django's
        # here, so a card saved meanwhile is the IntegrityError that import_members reports.
        with connection.wrap_database_errors, cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
        if bulk_gin:
            # Searches read the pending list row by row: leave it empty, not for autovacuum.
            cursor.execute("SELECT gin_clean_pending_list('org_member_search_gin'::regclass)")
    return total


def _member_rows(clean: CleanMembers, fields: list, progress: Progress | None) -> Iterable[tuple[Any, ...]]:
    """The INSERT's parameters, row by row, ticking the progress every BATCH_SIZE rows: the
    clean columns zipped with the search key (each distinct name folded once) and constants
    for the rest (timestamps, each field's default), so no Python object is built per row but
    the tuple the driver binds."""
    ops = connection.ops
    columns = clean.columns
    total = clean.count
    names, cards = columns["full_name"], columns["card_number"]
    folded = {name: member_search_key(name, None) for name in set(names)}
    now = ops.adapt_datetimefield_value(timezone.now())
    dates = {day: ops.adapt_datefield_value(day) for day in set(columns["joined_on"])}
    given: dict[str, Iterable[Any]] = {
        **columns,
        "joined_on": map(dates.__getitem__, columns["joined_on"]),
        "province_path": map(clean.provinces.__getitem__, columns["unit_id"]),
        "search_key": (f"{folded[n]} {c}" if c else folded[n] for n, c in zip(names, cards, strict=True)),
        "created_at": itertools.repeat(now, total),
        "updated_at": itertools.repeat(now, total),
    }
    in_order = [
        given[f.attname]
        if f.attname in given
        else itertools.repeat(f.get_db_prep_save(f.get_default(), connection), total)
        for f in fields
    ]
    rows = zip(*in_order)  # noqa: B905 — equal lengths by construction; strict= costs a check per row
    for done in range(BATCH_SIZE, total + BATCH_SIZE, BATCH_SIZE):
        yield from itertools.islice(rows, BATCH_SIZE)
        _tick(progress, "writing", min(done, total), total)


def _common_ancestor(units: list[Unit]) -> Unit:
    """The deepest unit whose subtree holds all these units: the import's audit entry goes in
    its history, scoped to its path."""
    paths = [u.path for u in units]
    prefix = paths[0]
    for path in paths[1:]:
        while not path.startswith(prefix):
            prefix = prefix[:-PATH_STEP]
    if len(units) == 1:
        return units[0]
    return Unit.objects.get(path=prefix)


# --- units ---------------------------------------------------------------------------------


_UNIT_FIELD_COLUMN = {"kind": "kind", "parent": "parent_code", "sector": "sector", "ownership": "ownership"}


def _unit_converters() -> dict[str, Callable[[Any], Any]]:
    kinds: dict[str, UnitKind] = {}
    active_kinds = list(UnitKind.objects.filter(is_active=True).order_by("level", "name"))
    for kind in active_kinds:
        # "Tổ công đoàn" names "Tổ công đoàn, công đoàn bộ phận": the part before the comma is
        # what offices write, and it is unambiguous among the kinds.
        for label in (kind.code, kind.code.replace("-", " "), kind.name, kind.short_name, kind.name.split(",")[0]):
            if label:
                kinds.setdefault(fold(label), kind)
    # Values of the file format, Vietnamese like its headers: the same file must import whatever
    # language the person uploading it reads the site in.
    with translation.override("vi"):
        sectors = {fold(str(label)): value for value, label in Sector.choices}
        owners = {fold(str(label)): value for value, label in Ownership.choices}
    sectors |= {v: v for v in Sector.values} | {"": ""}
    owners |= {v: v for v in Ownership.values}
    owners |= {"fdi": Ownership.FDI, "": ""}
    kind_names = _quoted(k.name for k in active_kinds)
    return {
        "kind": _Memo(_choice(kinds, _('"%(value)s" không phải loại đơn vị; ghi một trong: ') + kind_names + ".")),
        "sector": _Memo(_choice(sectors, _('"%(value)s" không hợp lệ; ghi một trong: ') + _file_labels(Sector) + ".")),
        "ownership": _Memo(
            _choice(owners, _('"%(value)s" không hợp lệ; ghi một trong: ') + _file_labels(Ownership) + ".")
        ),
    }


def validate_units(actor, rows: list[list[Any]]) -> tuple[list[tuple[int, dict[str, Any]]], list[RowError]]:
    columns = unit_columns()
    header_row, index = _map_header(rows, columns, _IGNORED_UNIT_HEADERS)
    headers = {c.key: c.header for c in columns}
    data = [(n, row) for n, row in enumerate(rows[header_row:], start=header_row + 1) if not _is_blank(row)]
    if not data:
        raise FileProblem([no_data()])

    def cell(row: list[Any], key: str) -> Any:
        i = index.get(key)
        return row[i] if i is not None else ""

    codes = {_text(cell(row, "code")) for _n, row in data} | {_text(cell(row, "parent_code")) for _n, row in data}
    in_scope = _units_by_code(actor, {c for c in codes if c})
    taken: set[str] = set()
    for chunk in _in_chunks(sorted(c for c in codes if c)):
        taken.update(Unit.objects.filter(code__in=chunk).values_list("code", flat=True))
    file_rows = {}
    for number, row in data:
        file_rows.setdefault(_text(cell(row, "code")), number)
    convert = _unit_converters()
    errors: list[RowError] = []
    clean: list[tuple[int, dict[str, Any]]] = []
    defined: dict[str, Unit] = {}  # earlier rows of the file, as unsaved units
    required = _("bắt buộc.")
    for number, row in data:
        row_errors: list[RowError] = []

        def fail(key: str, message: str, number: int = number, row_errors: list = row_errors) -> None:
            row_errors.append(RowError(number, headers[key], message))

        values: dict[str, Any] = {}
        for key, limit in (("code", 40), ("name", 300), ("phone", 40), ("address", 300), ("email", 254)):
            values[key] = _text(cell(row, key))
            try:
                _check_length(values[key], limit)
            except Invalid as error:
                fail(key, str(error))
        code = values["code"]
        if not code:
            fail("code", required)
        elif file_rows.get(code, number) != number:
            fail("code", _('mã "%(code)s" bị trùng với dòng %(row)s.') % {"code": code, "row": file_rows[code]})
        elif code in taken:
            fail("code", _('mã "%(code)s" đã được dùng cho một đơn vị khác.') % {"code": code})
        if not values["name"]:
            fail("name", required)
        if values["email"]:
            try:
                validate_email(values["email"])
            except ValidationError:
                fail("email", _('"%(value)s" không phải địa chỉ email hợp lệ.') % {"value": values["email"]})
        for key in ("kind", "sector", "ownership"):
            raw = cell(row, key)
            if key == "kind" and not _text(raw):
                fail("kind", required)
                continue
            try:
                values[key] = convert[key](raw)
            except Invalid as error:
                fail(key, str(error))
        parent_code = _text(cell(row, "parent_code"))
        parent = defined.get(parent_code) or in_scope.get(parent_code)
        if not parent_code:
            fail("parent_code", required)
        elif parent is None:
            message = not_found(parent_code)
            if file_rows.get(parent_code, 0) > number:
                message += " " + _("Đơn vị cấp trên phải ở dòng trước đơn vị trực thuộc.")
            fail("parent_code", message)
        elif parent.pk and not actor.has_perm("org.add_child_unit", parent):
            fail("parent_code", not_found(parent_code))
        elif "kind" in values:
            # The tree's rules, from the service that enforces them when the unit is created.
            try:
                services._validate_place(values["kind"], parent)
                services._validate_unit_values(values)
            except ValidationError as error:
                for field, messages in error.message_dict.items():
                    for message in messages:
                        fail(_UNIT_FIELD_COLUMN.get(field, "parent_code"), message)
        if not row_errors and parent is not None:
            values["parent"] = parent
            defined[code] = Unit(code=code, name=values["name"], kind=values["kind"], status=UnitStatus.ACTIVE)
            clean.append((number, values))
        errors.extend(row_errors)
    return clean, errors


def import_units(actor, data: bytes, filename: str, *, progress: Progress | None = None) -> ImportResult:
    services._check(actor, "org.import_units")
    try:
        rows = read_table(data, filename)
        clean, errors = validate_units(actor, rows)
    except FileProblem as problem:
        return ImportResult(errors=problem.errors)
    total = len(clean) + len({e.row for e in errors})
    _tick(progress, "validating", total, total)
    if errors:
        return ImportResult(total=total, errors=errors)
    created: dict[str, Unit] = {}
    current_row = 0  # the row being written, named if the model's validation refuses it
    try:
        with transaction.atomic():
            for n, (row_number, values) in enumerate(clean, start=1):
                current_row = row_number
                parent = values.pop("parent")
                parent = created.get(parent.code, parent)
                created[values["code"]] = services.create_unit(actor, parent=parent, **values)
                if n % 50 == 0:
                    _tick(progress, "writing", n, total)
            target = _common_ancestor([u.parent for u in created.values()])
            audit.record(
                actor, "import_units", target, scope_path=target.path, changes={"count": len(created), "file": filename}
            )
    except ValidationError as error:
        # A rule the checks above do not repeat (the model's own validation): the row says which.
        return ImportResult(total=total, errors=[RowError(current_row, "", m) for m in error.messages])
    except IntegrityError:
        return ImportResult(total=total, errors=[_changed_meanwhile()])
    return ImportResult(total=total, created=len(created), errors=[])


# --- jobs ----------------------------------------------------------------------------------


IMPORTERS = {ImportKind.MEMBERS: import_members, ImportKind.UNITS: import_units}


def progress_key(job_id: int) -> str:
    return f"org:import:{job_id}:progress"


def job_progress(job: ImportJob) -> dict[str, Any]:
    """What the status page shows while the job runs: the phase and a percentage. Validation
    counts for the first half of the bar, writing for the second."""
    state = cache.get(progress_key(job.pk)) or {"phase": "queued", "done": 0, "total": 0}
    phase, done, total = state["phase"], state["done"], state["total"] or 1
    share = {"validating": (0, 50), "writing": (50, 50)}.get(phase, (0, 0))
    percent = int(share[0] + share[1] * min(done, total) / total)
    labels = {
        "queued": _("Đang chờ xử lý"),
        "reading": _("Đang đọc tệp"),
        "validating": _("Đang kiểm tra dữ liệu"),
        "writing": _("Đang ghi vào hệ thống"),
    }
    return {
        "phase": labels.get(phase, phase),
        # Vietnamese groups thousands with "." (the "vi" locale of Django sets no grouping).
        "done": f"{state['done']:,}".replace(",", "."),
        "total": f"{state['total']:,}".replace(",", ".") if state["total"] else "",
        "percent": percent,
    }


# A worker holds a job for this long after its last sign of life; then another may take it.
# Signs of life: the claim (`heartbeat_at`) and, during the import, the progress beats in the
# cache (the import's transaction keeps the row itself from changing mid-way). Much longer
# than the gap between two beats, which is a batch of rows.
LEASE = datetime.timedelta(minutes=10)


def _last_beat(job_id: int) -> datetime.datetime | None:
    state = cache.get(progress_key(job_id)) or {}
    return state.get("beat")


def claim(job_id: int) -> bool:
    """Take the job: a queued one, or a running one whose worker has shown no sign of life for
    LEASE (killed mid-import: its transaction rolled back, nothing of the file is in). One
    conditional UPDATE each, so of two workers at most one gets it: a redelivered task does not
    import twice, and neither do two workers resuming the same abandoned job."""
    now = timezone.now()
    if ImportJob.objects.filter(pk=job_id, status=ImportStatus.QUEUED).update(
        status=ImportStatus.RUNNING, started_at=now, heartbeat_at=now
    ):
        return True
    job = ImportJob.objects.filter(pk=job_id, status=ImportStatus.RUNNING).values("heartbeat_at", "started_at").first()
    if job is None:
        return False
    seen = max(filter(None, (job["heartbeat_at"], job["started_at"], _last_beat(job_id))), default=None)
    if seen is not None and seen > now - LEASE:
        return False  # its worker is alive (or was, less than LEASE ago)
    log.warning("import job %s: no sign of life since %s, claimed again", job_id, seen)
    # Compare-and-set on the heartbeat read above: a second worker resuming it finds it changed.
    return bool(
        ImportJob.objects.filter(pk=job_id, status=ImportStatus.RUNNING, heartbeat_at=job["heartbeat_at"]).update(
            started_at=now, heartbeat_at=now
        )
    )


def stale_jobs() -> list[int]:
    """Jobs left running by a worker that died (no sign of life for LEASE)."""
    cutoff = timezone.now() - LEASE
    candidates = ImportJob.objects.filter(status=ImportStatus.RUNNING).filter(
        models.Q(heartbeat_at__lt=cutoff) | models.Q(heartbeat_at__isnull=True, started_at__lt=cutoff)
    )
    return [pk for pk in candidates.values_list("pk", flat=True) if (_last_beat(pk) or cutoff) <= cutoff]


def run_job(job_id: int) -> None:
    """The background task's body: run the import of one uploaded file as its uploader, in the
    role they uploaded it in, and keep the outcome on the job."""
    if not claim(job_id):
        return
    job = ImportJob.objects.select_related("actor").get(pk=job_id)

    def progress(phase: str, done: int, total: int) -> None:
        state = {"phase": phase, "done": done, "total": total, "beat": timezone.now()}  # the lease's heartbeat
        cache.set(progress_key(job_id), state, timeout=24 * 3600)

    # On PostgreSQL the outcome is written in the import's own transaction: a worker killed in
    # between leaves neither the rows nor a "done", so the job resumed after its lease imports
    # the file once. Not on SQLite, where a transaction takes the only write lock from its BEGIN
    # (IMMEDIATE): wrapping the validation too would block every other writer for its seconds;
    # there a worker killed between the import's COMMIT and the next statement leaves the rows
    # in and the job running: the resumed run refuses the members by card number and the units
    # by code as already there, but members without a card number would be imported again.
    with transaction.atomic() if connection.vendor == "postgresql" else contextlib.nullcontext():
        try:
            actor = job.actor
            actor.acting_role = (
                Role.objects.select_related("unit", "unit__kind").filter(pk=job.role_id, user=actor).first()
                if job.role_id
                else None
            )
            if actor.acting_role is None and not actor.is_superuser:
                raise PermissionDenied
            with job.file.open("rb") as handle:
                data = handle.read()
            with transaction.atomic():  # a failed import leaves the outer transaction usable
                result = IMPORTERS[job.kind](actor, data, job.file_name, progress=progress)
        except PermissionDenied:
            result = ImportResult(errors=[RowError(None, "", _("Bạn không còn quyền nhập loại dữ liệu này."))])
        except Exception:
            log.exception("import job %s failed", job_id)
            result = ImportResult(errors=[RowError(None, "", _("Lỗi hệ thống khi nhập; chưa nhập dòng nào."))])
        errors = result.errors or []
        stored = [e.as_dict() for e in errors[:MAX_STORED_ERRORS]]
        if len(errors) > MAX_STORED_ERRORS:
            more = RowError(
                None,
                "",
                ngettext("… và %(n)s lỗi khác.", "… và %(n)s lỗi khác.", len(errors) - MAX_STORED_ERRORS)
                % {"n": len(errors) - MAX_STORED_ERRORS},
            )
            stored.append(more.as_dict())
        job.status = ImportStatus.FAILED if errors else ImportStatus.DONE
        job.total_rows = result.total
        job.processed_rows = result.total
        job.created_count = result.created
        job.errors = stored
        job.finished_at = timezone.now()
        job.save(update_fields=["status", "total_rows", "processed_rows", "created_count", "errors", "finished_at"])
    cache.delete(progress_key(job_id))
    # The upload holds personal data; once read, the outcome is all the job needs to keep.
    if job.file:
        job.file.delete(save=True)


# --- templates -----------------------------------------------------------------------------

_DROPDOWNS = {
    "gender": lambda: [str(Gender.MALE.label), str(Gender.FEMALE.label)],
    "is_direct_worker": lambda: [_("Có"), _("Không")],
    "officer_type": lambda: [str(OfficerType.FULL_TIME.label), str(OfficerType.PART_TIME.label)],
    "sector": lambda: [str(label) for label in Sector.labels],
    "ownership": lambda: [str(label) for label in Ownership.labels],
}


def template_xlsx(kind: str, *, examples: dict[str, str] | None = None) -> bytes:
    """The import template: the headers, one example row (`examples` replaces the generic
    codes with the user's own), and a "Hướng dẫn" sheet explaining each column."""
    columns = columns_for(kind)
    buffer = io.BytesIO()
    workbook = exports.workbook(buffer, {"in_memory": True})
    head = workbook.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1})
    required_head = workbook.add_format({"bold": True, "bg_color": "#FCE4D6", "border": 1})
    as_text = workbook.add_format({"num_format": "@"})
    sheet = workbook.add_worksheet(str(ImportKind(kind).label))
    for col, column in enumerate(columns):
        # Codes and card numbers are text: "0012" must not become 12.
        sheet.set_column(col, col, column.width, as_text)
        sheet.write_string(0, col, column.header, required_head if column.required else head)
        example = (examples or {}).get(column.key, column.example)
        sheet.write_string(1, col, example, as_text)
        options = _DROPDOWNS.get(column.key)
        if options:
            with translation.override("vi"):  # the values the import reads, like the headers
                source = options()
            sheet.data_validation(1, col, 100000, col, {"validate": "list", "source": source, "ignore_blank": True})
    exports.repeat_header(sheet, 0)
    guide = workbook.add_worksheet(_("Hướng dẫn"))
    guide.set_column(0, 0, 24)
    guide.set_column(1, 1, 12)
    guide.set_column(2, 2, 90)
    wrap = workbook.add_format({"text_wrap": True, "valign": "top"})
    for col, title in enumerate([_("Cột"), _("Bắt buộc"), _("Cách ghi")]):
        guide.write_string(0, col, title, head)
    exports.repeat_header(guide, 0)
    for r, column in enumerate(columns, start=1):
        guide.write_string(r, 0, column.header, wrap)
        guide.write_string(r, 1, _("Có") if column.required else "", wrap)
        guide.write_string(r, 2, column.guide, wrap)
    notes = [
        _(
            "Dòng đầu tiên của trang tính thứ nhất là dòng tiêu đề; giữ nguyên tên các cột. Dòng ví dụ hãy xóa hoặc ghi đè."
        ),
        _("Có thể lưu thành .csv (UTF-8, phân cách bằng dấu phẩy hoặc dấu chấm phẩy) với cùng các cột."),
        _(
            "Hệ thống kiểm tra toàn bộ tệp trước: nếu có lỗi, không dòng nào được nhập và bạn nhận danh sách lỗi theo dòng, cột."
        ),
    ]
    for r, note in enumerate(notes, start=len(columns) + 2):
        guide.merge_range(r, 0, r, 2, note, wrap)
    workbook.close()
    return buffer.getvalue()
