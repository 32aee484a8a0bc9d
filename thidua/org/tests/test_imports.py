import csv
import datetime
import io
import unicodedata
import zipfile

import openpyxl
import pytest
import xlsxwriter
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.urls import reverse
from django.utils import timezone, translation

from thidua.core.models import AuditEntry
from thidua.org import imports, tasks
from thidua.org.models import ImportJob, ImportStatus, Member, RoleKind, Unit
from thidua.org.search import member_search_key
from thidua.org.tests.factories import make_user

MEMBER_HEADERS = [
    "Họ và tên",
    "Giới tính",
    "Năm sinh",
    "Mã đơn vị",
    "Chức vụ, công việc",
    "CNLĐ trực tiếp",
    "Cán bộ công đoàn",
    "Ngày vào công đoàn",
    "Số thẻ đoàn viên",
]
UNIT_HEADERS = [
    "Mã đơn vị",
    "Tên đơn vị",
    "Loại đơn vị",
    "Mã đơn vị cấp trên",
    "Khối",
    "Loại hình sở hữu",
    "Email",
    "Điện thoại",
    "Địa chỉ",
]


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def xlsx(rows: list[list]) -> bytes:
    buffer = io.BytesIO()
    workbook = xlsxwriter.Workbook(buffer, {"in_memory": True})
    sheet = workbook.add_worksheet()
    date_format = workbook.add_format({"num_format": "dd/mm/yyyy"})
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if isinstance(value, datetime.date):
                sheet.write_datetime(r, c, datetime.datetime.combine(value, datetime.time()), date_format)
            elif value is not None:
                sheet.write(r, c, value)
    workbook.close()
    return buffer.getvalue()


def csv_bytes(rows: list[list], *, delimiter: str = ",", bom: bool = False) -> bytes:
    text = io.StringIO()
    csv.writer(text, delimiter=delimiter).writerows(rows)
    return ("\ufeff" if bom else "").encode() + text.getvalue().encode()


def member(name="Nguyễn Văn An", gender="Nam", year=1985, code="LB-001", position="Giáo viên", direct="", officer="",
           joined="15/03/2010", card=""):  # fmt: skip
    return [name, gender, year, code, position, direct, officer, joined, card]


def state():
    """Everything an import may write: rows, per-unit counters, import audit entries."""
    return (
        Member.objects.count(),
        list(Unit.objects.order_by("pk").values_list("pk", "code", "member_count", "direct_worker_count")),
        AuditEntry.objects.filter(verb__startswith="import_").count(),
    )


def messages(result) -> list[str]:
    return [str(e) for e in result.errors]


def run_members(actor, rows_or_bytes, filename="doan-vien.xlsx"):
    data = rows_or_bytes if isinstance(rows_or_bytes, bytes) else xlsx(rows_or_bytes)
    return imports.import_members(actor, data, filename)


# --- each bad input: a clear Vietnamese message by row and column, nothing written ---------


def test_member_import_unknown_unit_code_names_row_and_column(federation, members, officer):
    before = state()
    result = run_members(officer, [MEMBER_HEADERS, member(), member(name="Lê Văn Bảy", code="LB-999")])
    assert messages(result) == ['Dòng 3, cột "Mã đơn vị": không tìm thấy đơn vị "LB-999" trong phạm vi của bạn.']
    assert result.created == 0
    assert state() == before


def test_member_import_card_number_repeated_in_file(federation, officer):
    before = state()
    rows = [MEMBER_HEADERS, member(card="LB0100"), member(name="B"), member(name="C", card="LB0100")]
    result = run_members(officer, rows)
    assert messages(result) == ['Dòng 4, cột "Số thẻ đoàn viên": số thẻ "LB0100" bị trùng với dòng 2.']
    assert state() == before


def test_member_import_card_number_already_in_database(federation, members, officer):
    before = state()
    result = run_members(officer, [MEMBER_HEADERS, member(card="LB0001")])
    assert messages(result) == ['Dòng 2, cột "Số thẻ đoàn viên": số thẻ "LB0001" đã có trong hệ thống.']
    assert state() == before


def test_member_import_reads_a_true_cell_as_itself_after_a_1_in_the_same_column(federation, officer):
    """Each distinct value of a column is converted once (a dict of values): True, 1 and 1.0 are
    one key of a dict, yet a 1 is a date's serial number and a ticked box is not a date."""
    before = state()
    result = run_members(officer, [MEMBER_HEADERS, member(joined=1), member(name="Lê Văn Bảy", joined=True)])
    assert messages(result) == ['Dòng 3, cột "Ngày vào công đoàn": "Có" không phải ngày hợp lệ (dd/mm/yyyy).']
    assert (result.created, result.total) == (0, 2)
    assert state() == before


@pytest.mark.parametrize("bad", ["31/02/2020", "2020-13-01", "hôm qua", "15/03/10"])
def test_member_import_bad_date(federation, officer, bad):
    before = state()
    result = run_members(officer, [MEMBER_HEADERS, member(), member(joined=bad)])
    assert messages(result) == [f'Dòng 3, cột "Ngày vào công đoàn": "{bad}" không phải ngày hợp lệ (dd/mm/yyyy).']
    assert state() == before


def test_member_import_missing_name(federation, officer):
    before = state()
    result = run_members(officer, [MEMBER_HEADERS, member(), member(name="   ")])
    assert messages(result) == ['Dòng 3, cột "Họ và tên": bắt buộc.']
    assert state() == before


def test_member_import_wrong_headers_names_missing_and_unknown_columns(federation, officer):
    before = state()
    headers = ["Tên", *MEMBER_HEADERS[1:]]
    result = run_members(officer, [headers, member()])
    assert messages(result) == [
        'Dòng 1, cột "Tên": không phải cột của mẫu nhập.',
        'Cột "Họ và tên": thiếu trong dòng tiêu đề của tệp (xem tệp mẫu).',
    ]
    assert state() == before


def test_member_import_repeated_header(federation, officer):
    result = run_members(officer, [[*MEMBER_HEADERS, "HỌ VÀ TÊN"], [*member(), "x"]])
    assert messages(result) == ['Dòng 1, cột "Họ và tên": cột bị lặp lại.']


@pytest.mark.parametrize(
    ("data", "filename"),
    [
        (b"", "trong.csv"),
        (b"\xef\xbb\xbf", "bom.csv"),
        (csv_bytes([MEMBER_HEADERS]), "chi-tieu-de.csv"),
        (xlsx([]), "trong.xlsx"),
        (xlsx([MEMBER_HEADERS, [], []]), "chi-tieu-de.xlsx"),
    ],
)
def test_member_import_empty_file(federation, officer, data, filename):
    before = state()
    result = run_members(officer, data, filename)
    assert messages(result) == ["Tệp không có dòng dữ liệu nào."]
    assert state() == before


@pytest.mark.parametrize(
    ("data", "filename"),
    [
        (b"%PDF-1.7 not a workbook", "danh-sach.xlsx"),
        (b"PK\x03\x04 a broken zip", "hong.xlsx"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "anh.csv"),
        (xlsx([MEMBER_HEADERS, member()]), "danh-sach.pdf"),
    ],
)
def test_member_import_not_a_spreadsheet(federation, officer, data, filename):
    before = state()
    result = run_members(officer, data, filename)
    assert messages(result) == ["Tệp không phải bảng tính .xlsx hoặc .csv hợp lệ."]
    assert state() == before


def test_member_import_csv_not_utf8_says_which_encoding(federation, officer):
    # Excel's plain "CSV" on Vietnamese Windows: code page 1258, tone marks as combining characters.
    data = b"Ho\xf2 v\xe0 t\xean\r\nNguy\xea\xden V\xe3n An\r\n"
    assert unicodedata.normalize("NFC", data.decode("cp1258")) == "Họ và tên\r\nNguyễn Văn An\r\n"
    result = run_members(officer, data, "windows.csv")
    assert messages(result) == [
        "Tệp không phải bảng tính .xlsx hoặc .csv hợp lệ.",
        'Tệp .csv phải lưu với bảng mã UTF-8 (trong Excel: "CSV UTF-8").',
    ]


def test_member_import_lists_every_error_of_the_file_at_once(federation, officer):
    before = state()
    rows = [
        MEMBER_HEADERS,
        member(gender="Không rõ"),
        member(year="năm 85"),
        member(direct="có lẽ"),
        member(officer="Bán chuyên trách"),
        member(code=""),
        member(year=1900),
        member(joined=datetime.date.today() + datetime.timedelta(days=3)),
    ]
    result = run_members(officer, rows)
    future = (datetime.date.today() + datetime.timedelta(days=3)).strftime("%d/%m/%Y")
    assert messages(result) == [
        'Dòng 2, cột "Giới tính": "Không rõ" không hợp lệ; ghi "Nam" hoặc "Nữ".',
        'Dòng 3, cột "Năm sinh": "năm 85" không phải năm sinh hợp lệ (4 chữ số).',
        'Dòng 4, cột "CNLĐ trực tiếp": "có lẽ" không hợp lệ; ghi "Có", "Không" hoặc để trống.',
        'Dòng 5, cột "Cán bộ công đoàn": "Bán chuyên trách" không hợp lệ; ghi "Chuyên trách", "Không chuyên trách" hoặc để trống.',
        'Dòng 6, cột "Mã đơn vị": bắt buộc.',
        'Dòng 7, cột "Năm sinh": năm sinh phải trong khoảng 1930–2015.',
        f'Dòng 8, cột "Ngày vào công đoàn": ngày {future} chưa đến.',
    ]
    assert state() == before


def test_member_import_refuses_a_federation_and_an_inactive_unit(federation, officer):
    Unit.objects.filter(pk=federation.company.pk).update(status="inactive")
    rows = [MEMBER_HEADERS, member(code="HN-LB"), member(code="LB-002")]
    result = run_members(officer, rows)
    assert messages(result) == [
        'Dòng 2, cột "Mã đơn vị": đơn vị "HN-LB" (LĐLĐ quận Long Biên) không phải công đoàn cơ sở hoặc tổ công đoàn; '
        "đoàn viên chỉ thuộc công đoàn cơ sở hoặc tổ công đoàn.",
        'Dòng 3, cột "Mã đơn vị": đơn vị "LB-002" (CĐCS Công ty May Đức Giang) không còn hoạt động.',
    ]


# --- scope ---------------------------------------------------------------------------------


def test_officer_of_long_bien_cannot_import_into_gia_lam_and_learns_nothing(federation, officer):
    before = state()
    result = run_members(officer, [MEMBER_HEADERS, member(code="GL-001"), member(code="XX-404")])
    # The code of a real unit outside the scope reads exactly like a code that does not exist.
    assert messages(result) == [
        'Dòng 2, cột "Mã đơn vị": không tìm thấy đơn vị "GL-001" trong phạm vi của bạn.',
        'Dòng 3, cột "Mã đơn vị": không tìm thấy đơn vị "XX-404" trong phạm vi của bạn.',
    ]
    assert state() == before


def test_cdcs_officer_imports_into_own_cdcs_and_group_but_not_a_sibling(federation):
    school_officer = make_user("gv_congdoan", RoleKind.GRASSROOTS_OFFICER, federation.school)
    result = run_members(school_officer, [MEMBER_HEADERS, member(code="LB-002")])
    assert messages(result) == ['Dòng 2, cột "Mã đơn vị": không tìm thấy đơn vị "LB-002" trong phạm vi của bạn.']
    assert Member.objects.count() == 0

    result = run_members(school_officer, [MEMBER_HEADERS, member(code="LB-001"), member(name="B", code="LB-001-T1")])
    assert result.errors == [] and result.created == 2
    assert Unit.objects.get(pk=federation.group.pk).member_count == 1


def test_member_role_may_not_import(federation):
    plain = make_user("doanvien", RoleKind.MEMBER, federation.school)
    with pytest.raises(PermissionDenied):
        run_members(plain, [MEMBER_HEADERS, member()])
    with pytest.raises(PermissionDenied):
        imports.import_units(plain, xlsx([UNIT_HEADERS]), "don-vi.xlsx")


# --- happy paths ---------------------------------------------------------------------------


def test_member_import_from_xlsx_writes_rows_counters_search_and_one_audit_entry(federation, officer):
    rows = [
        MEMBER_HEADERS,
        member(card="LB0100", joined=datetime.date(2010, 3, 15), officer="Chuyên trách"),
        member("Trần Thị Đào", "Nữ", None, "LB-001-T1", "", "", "không chuyên trách", "", ""),
        member("Lê Đức Mạnh", "nam", 1990.0, "LB-002", "Công nhân may", "x", "", "2019-01-02", 123456.0),
        [],  # blank rows between data rows are skipped, not errors
        member("Phạm Thị Hà", "NỮ", "1979", "LB-002", "", "Có", "", "1/2/2003", ""),
    ]
    result = run_members(officer, rows)
    assert (result.errors, result.created, result.total) == ([], 4, 4)

    an = Member.objects.get(card_number="LB0100")
    assert (an.full_name, an.gender, an.birth_year, an.unit_id) == ("Nguyễn Văn An", "male", 1985, federation.school.pk)
    assert (an.joined_on, an.officer_type, an.is_direct_worker) == (datetime.date(2010, 3, 15), "full_time", False)
    dao = Member.objects.get(full_name="Trần Thị Đào")
    assert (dao.unit_id, dao.card_number, dao.birth_year, dao.officer_type) == (
        federation.group.pk,
        None,
        None,
        "part_time",
    )
    manh = Member.objects.get(full_name="Lê Đức Mạnh")
    assert (manh.card_number, manh.birth_year, manh.joined_on, manh.is_direct_worker) == (
        "123456",
        1990,
        datetime.date(2019, 1, 2),
        True,
    )
    assert Member.objects.get(full_name="Phạm Thị Hà").joined_on == datetime.date(2003, 2, 1)

    counters = dict(Unit.objects.values_list("code", "member_count"))
    assert counters == {
        "TLD": 0,
        "HN": 0,
        "HN-LB": 0,
        "HN-GL": 0,
        "LB-001": 1,
        "LB-002": 2,
        "GL-001": 0,
        "LB-001-T1": 1,
    }
    assert Unit.objects.get(code="LB-002").direct_worker_count == 2
    # The search key is built in bulk (names folded once each): it must equal Member.save's.
    for m in Member.objects.all():
        assert m.search_key == member_search_key(m.full_name, m.card_number)
    assert list(Member.objects.search("nguyen van an").values_list("card_number", flat=True)) == ["LB0100"]
    assert list(Member.objects.search("123456").values_list("full_name", flat=True)) == ["Lê Đức Mạnh"]
    assert list(Member.objects.search("dao").values_list("full_name", flat=True)) == ["Trần Thị Đào"]

    entry = AuditEntry.objects.get(verb="import_members")
    assert (entry.target_id, entry.scope_path, entry.changes) == (
        federation.long_bien.pk,
        federation.long_bien.path,
        {"count": 4, "file": "doan-vien.xlsx"},
    )


def test_member_import_adds_to_existing_counters(federation, members, officer):
    result = run_members(officer, [MEMBER_HEADERS, member("Hoàng Văn Nam", card="LB0200", direct="x")])
    assert result.created == 1
    school = Unit.objects.get(pk=federation.school.pk)
    assert (school.member_count, school.direct_worker_count) == (2, 1)  # "an" was there already


@pytest.mark.parametrize(("delimiter", "bom"), [(";", True), (",", False)])
def test_member_import_from_csv(federation, officer, delimiter, bom):
    rows = [
        [h.upper() for h in MEMBER_HEADERS],  # headers match without regard to case
        member(card="LB0100", joined="05/9/2015"),
        member("Ngô Thị Lan", "Nữ", "", "LB-002", "Kế toán, thủ quỹ", "Không", "", "2020-02-29", ""),
    ]
    result = run_members(officer, csv_bytes(rows, delimiter=delimiter, bom=bom), "doan-vien.csv")
    assert (result.errors, result.created) == ([], 2)
    assert Member.objects.get(card_number="LB0100").joined_on == datetime.date(2015, 9, 5)
    lan = Member.objects.get(full_name="Ngô Thị Lan")
    assert (lan.position, lan.joined_on) == ("Kế toán, thủ quỹ", datetime.date(2020, 2, 29))
    assert Unit.objects.get(pk=federation.company.pk).member_count == 1
    assert Member.objects.search("ngo thi lan").count() == 1


def test_member_import_headers_without_diacritics_and_optional_columns_left_out(federation, officer):
    rows = [["ho va ten", "gioi tinh", "ma don vi", "STT"], ["Vũ Văn Tâm", "Nam", "LB-001", 1]]
    result = run_members(officer, rows)
    assert (result.errors, result.created) == ([], 1)


def test_member_import_reports_progress(federation, officer):
    seen = []
    rows = [MEMBER_HEADERS, *[member(f"Người {n}", card=f"P{n:05d}") for n in range(2500)]]
    result = imports.import_members(officer, xlsx(rows), "lon.xlsx", progress=lambda *p: seen.append(p))
    assert result.created == 2500
    assert ("validating", 2500, 2500) in seen
    assert [p for p in seen if p[0] == "writing"] == [("writing", 2000, 2500), ("writing", 2500, 2500)]


def test_a_bad_row_in_the_middle_of_a_large_file_writes_nothing_on_either_database(federation, members, officer):
    """Past one batch, with one bad row in its middle: the whole file is refused by row and
    column and nothing is written, neither rows nor counters nor an audit entry."""
    before = state()
    count = imports.BATCH_SIZE + 10
    rows = [MEMBER_HEADERS, *(member(f"Người {n}", card=f"MID{n:05d}") for n in range(count))]
    rows[1 + count // 2] = member(f"Người {count // 2}", code="GL-001", card=f"MID{count // 2:05d}")
    result = run_members(officer, rows)
    assert messages(result) == [
        f'Dòng {2 + count // 2}, cột "Mã đơn vị": không tìm thấy đơn vị "GL-001" trong phạm vi của bạn.'
    ]
    assert state() == before


def test_a_card_taken_between_the_check_and_the_write_rolls_the_whole_file_back(
    federation, members, officer, monkeypatch
):
    """The set-based write itself fails on its 2,000-somethingth row (a card number someone
    saved after the check): the rows before it are not kept either."""
    before = state()
    taken = Member.objects.exclude(card_number=None).values_list("card_number", flat=True).first()
    count = imports.BATCH_SIZE + 10
    rows = [MEMBER_HEADERS, *(member(f"Người {n}", card=f"LATE{n:05d}") for n in range(count))]
    rows[-2] = member("Người muộn", card=taken)
    monkeypatch.setattr(imports, "_existing_cards", lambda cards: set())  # the check ran before the save
    result = run_members(officer, rows)
    assert messages(result) == ["Dữ liệu trong hệ thống vừa thay đổi trong lúc nhập; chưa nhập dòng nào, hãy thử lại."]
    assert state() == before


def test_the_statements_of_a_member_import_do_not_grow_with_its_rows(federation, officer, monkeypatch):
    """Reading the existing cards, writing the rows, indexing them for search and recounting
    the units take as many statements for 300 rows as for 12 (the batch made small so that
    both files span several batches). The COPY of PostgreSQL goes through the driver and is
    not in Django's log; it is one statement by construction."""
    from django.test.utils import CaptureQueriesContext

    monkeypatch.setattr(imports, "BATCH_SIZE", 5)

    def statements(n: int, tag: str) -> int:
        codes = ["LB-001", "LB-002", "LB-001-T1"]
        rows = [MEMBER_HEADERS, *(member(f"Người {n}", code=codes[n % 3], card=f"{tag}{n:05d}") for n in range(n))]
        data = xlsx(rows)
        with CaptureQueriesContext(connection) as queries:
            result = run_members(officer, data)
        assert (result.errors, result.created) == ([], n)
        return len(queries)

    assert statements(300, "B") == statements(12, "A")


def test_unit_import_from_xlsx_creates_a_cdcs_and_its_group(federation, officer):
    rows = [
        UNIT_HEADERS,
        [
            "LB-101",
            "CĐCS Trường Tiểu học Ái Mộ",
            "Công đoàn cơ sở",
            "HN-LB",
            "Trường học",
            "",
            "aimo@example.vn",
            "",
            "",
        ],
        ["LB-101-T1", "Tổ Văn phòng", "Tổ công đoàn", "LB-101", "", "", "", "024 3827 1234", "Ái Mộ"],
        ["LB-102", "CĐCS Công ty Sông Hồng", "grassroots", "HN-LB", "doanh nghiep", "Nhà nước", "", "", ""],
    ]
    result = imports.import_units(officer, xlsx(rows), "don-vi.xlsx")
    assert (result.errors, result.created) == ([], 3)
    school = Unit.objects.get(code="LB-101")
    group = Unit.objects.get(code="LB-101-T1")
    company = Unit.objects.get(code="LB-102")
    assert (school.parent_id, school.kind.code, school.sector, school.email) == (
        federation.long_bien.pk,
        "grassroots",
        "school",
        "aimo@example.vn",
    )
    assert (group.parent_id, group.kind.code, group.phone) == (school.pk, "group", "024 3827 1234")
    assert group.path.startswith(school.path) and school.path.startswith(federation.long_bien.path)
    assert (company.sector, company.ownership) == ("enterprise", "state")
    entry = AuditEntry.objects.get(verb="import_units")
    assert (entry.target_id, entry.changes) == (federation.long_bien.pk, {"count": 3, "file": "don-vi.xlsx"})


def test_unit_import_from_csv(federation, officer):
    rows = [UNIT_HEADERS, ["LB-103", "CĐCS Bệnh viện Đức Giang", "Công đoàn cơ sở", "HN-LB", "Hành chính, sự nghiệp"]]
    result = imports.import_units(officer, csv_bytes(rows, delimiter=";", bom=True), "don-vi.csv")
    assert (result.errors, result.created) == ([], 1)
    assert Unit.objects.get(code="LB-103").sector == "public_service"


def test_unit_import_errors_by_row_and_column_write_nothing(federation, officer):
    before = state()
    rows = [
        UNIT_HEADERS,
        ["LB-101", "CĐCS A", "Công đoàn cơ sở", "HN-GL"],  # another district: not in scope
        ["LB-001", "CĐCS B", "Công đoàn cơ sở", "HN-LB"],  # code already used
        ["LB-102", "", "Công đoàn cơ sở", "HN-LB"],
        ["LB-102", "CĐCS D", "Hợp tác xã", "HN-LB"],
        ["LB-104", "Tổ E", "Tổ công đoàn", "LB-105"],  # parent defined below
        ["LB-105", "CĐCS F", "Công đoàn cơ sở", "HN-LB", "", "", "không-phải-email"],
        ["LB-106", "LĐLĐ G", "Liên đoàn Lao động quận, huyện", "LB-001"],
        ["LB-107", "CĐCS H", "Công đoàn cơ sở", "HN-LB", "Trường học", "FDI"],
    ]
    result = imports.import_units(officer, xlsx(rows), "don-vi.xlsx")
    got = messages(result)
    assert got[:6] == [
        'Dòng 2, cột "Mã đơn vị cấp trên": không tìm thấy đơn vị "HN-GL" trong phạm vi của bạn.',
        'Dòng 3, cột "Mã đơn vị": mã "LB-001" đã được dùng cho một đơn vị khác.',
        'Dòng 4, cột "Tên đơn vị": bắt buộc.',
        'Dòng 5, cột "Mã đơn vị": mã "LB-102" bị trùng với dòng 4.',
        'Dòng 5, cột "Loại đơn vị": "Hợp tác xã" không phải loại đơn vị; ghi một trong: '
        + ", ".join(f'"{k}"' for k in _active_kind_names())
        + ".",
        'Dòng 6, cột "Mã đơn vị cấp trên": không tìm thấy đơn vị "LB-105" trong phạm vi của bạn. '
        "Đơn vị cấp trên phải ở dòng trước đơn vị trực thuộc.",
    ]
    assert got[6] == 'Dòng 7, cột "Email": "không-phải-email" không phải địa chỉ email hợp lệ.'
    assert got[7].startswith('Dòng 8, cột "Loại đơn vị": ') and "cấp thấp hơn" in got[7]
    assert got[8] == 'Dòng 9, cột "Loại hình sở hữu": Loại hình sở hữu chỉ áp dụng cho khối doanh nghiệp.'
    assert len(got) == 9
    assert state() == before


def _active_kind_names():
    from thidua.org.models import UnitKind

    return list(UnitKind.objects.filter(is_active=True).order_by("level", "name").values_list("name", flat=True))


@pytest.mark.parametrize(
    ("data", "filename", "expected"),
    [
        (b"", "don-vi.csv", ["Tệp không có dòng dữ liệu nào."]),
        (b"GIF89a", "don-vi.xlsx", ["Tệp không phải bảng tính .xlsx hoặc .csv hợp lệ."]),
        (
            csv_bytes([UNIT_HEADERS[:3], ["LB-9", "X", "Tổ công đoàn"]]),
            "don-vi.csv",
            ['Cột "Mã đơn vị cấp trên": thiếu trong dòng tiêu đề của tệp (xem tệp mẫu).'],
        ),
    ],
)
def test_unit_import_file_problems(federation, officer, data, filename, expected):
    before = state()
    assert messages(imports.import_units(officer, data, filename)) == expected
    assert state() == before


# --- jobs and views ------------------------------------------------------------------------


def upload(client, url_name, data, filename, capture):
    with capture(execute=True):
        return client.post(reverse(url_name), {"file": SimpleUploadedFile(filename, data)})


def test_upload_runs_the_job_and_the_job_page_shows_the_result(
    federation, officer, login, django_capture_on_commit_callbacks
):
    client = login(officer)
    data = xlsx([MEMBER_HEADERS, member(card="LB0100"), member("Đỗ Thị Hằng", "Nữ")])
    response = upload(client, "org:import_members", data, "doan-vien.xlsx", django_capture_on_commit_callbacks)
    job = ImportJob.objects.get()
    assert response.status_code == 302 and response.url == reverse("org:import_job", args=[job.pk])
    assert (job.status, job.created_count, job.total_rows, job.errors) == (ImportStatus.DONE, 2, 2, [])
    assert (job.actor_id, job.role_id, job.scope_path) == (
        officer.pk,
        officer.acting_role.pk,
        federation.long_bien.path,
    )
    assert not job.file  # the upload is deleted once imported

    page = client.get(response.url).content.decode()
    assert "Đã nhập 2 đoàn viên từ tệp “doan-vien.xlsx”." in page
    assert 'hx-trigger="every 1s"' not in page
    assert Member.objects.search("do thi hang").count() == 1


def test_failed_upload_shows_the_error_table_and_the_errors_download(
    federation, officer, login, django_capture_on_commit_callbacks
):
    client = login(officer)
    before = state()
    data = xlsx([MEMBER_HEADERS, member(code="GL-001"), member(name="")])
    response = upload(client, "org:import_members", data, "sai.xlsx", django_capture_on_commit_callbacks)
    job = ImportJob.objects.get()
    assert job.status == ImportStatus.FAILED and job.created_count == 0
    assert state() == before

    page = client.get(response.url).content.decode()
    assert "không dòng nào được ghi" in page
    assert "không tìm thấy đơn vị &quot;GL-001&quot; trong phạm vi của bạn." in page
    assert "<td>3</td><td>Họ và tên</td><td>bắt buộc.</td>" in page

    download = client.get(reverse("org:import_job_errors", args=[job.pk]))
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(download.streaming_content))).active
    assert list(sheet.iter_rows(values_only=True)) == [
        ("Dòng", "Cột", "Lỗi"),
        (2, "Mã đơn vị", 'không tìm thấy đơn vị "GL-001" trong phạm vi của bạn.'),
        (3, "Họ và tên", "bắt buộc."),
    ]


def test_unit_upload_through_the_view(federation, officer, login, django_capture_on_commit_callbacks):
    client = login(officer)
    data = csv_bytes([UNIT_HEADERS, ["LB-110", "CĐCS Chợ Long Biên", "Công đoàn cơ sở", "HN-LB", "Doanh nghiệp"]])
    response = upload(client, "org:import_units", data, "don-vi.csv", django_capture_on_commit_callbacks)
    assert "Đã nhập 1 đơn vị" in client.get(response.url).content.decode()
    assert Unit.objects.get(code="LB-110").parent_id == federation.long_bien.pk


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        ({}, "Hãy chọn tệp cần nhập."),
        (
            {"file": SimpleUploadedFile("doan-vien.xls", b"old excel")},
            "Chỉ nhận tệp .xlsx hoặc .csv; tệp &quot;doan-vien.xls&quot; không phải.",
        ),
        ({"file": SimpleUploadedFile("doan-vien.csv", b"x" * 2048)}, "Tệp quá lớn (2,0\xa0KB); giới hạn là 1,0\xa0KB."),
    ],
)
def test_upload_form_refuses_missing_wrong_and_oversized_files(federation, officer, login, settings, files, expected):
    settings.THIDUA_IMPORT_MAX_BYTES = 1024
    response = login(officer).post(reverse("org:import_members"), files)
    assert response.status_code == 200
    assert expected in response.content.decode()
    assert ImportJob.objects.count() == 0


def test_template_download_has_the_headers_a_guide_and_imports_as_it_stands(
    federation, officer, login, django_capture_on_commit_callbacks
):
    client = login(officer)
    response = client.get(reverse("org:import_template", args=["members"]))
    assert response["Content-Disposition"] == 'attachment; filename="mau-nhap-doan-vien.xlsx"'
    workbook = openpyxl.load_workbook(io.BytesIO(response.content))
    assert workbook.sheetnames == ["Đoàn viên", "Hướng dẫn"]
    assert [c.value for c in workbook["Đoàn viên"][1]] == MEMBER_HEADERS
    guide = [row[0] for row in workbook["Hướng dẫn"].iter_rows(min_row=2, max_row=10, values_only=True)]
    assert guide == MEMBER_HEADERS
    # The example row names a unit of the user's own scope, so the template imports cleanly.
    upload(client, "org:import_members", response.content, "mau.xlsx", django_capture_on_commit_callbacks)
    assert ImportJob.objects.get().errors == []
    assert Member.objects.get().unit.code == "LB-001"

    units = client.get(reverse("org:import_template", args=["units"]))
    assert [c.value for c in openpyxl.load_workbook(io.BytesIO(units.content))["Đơn vị"][1]] == UNIT_HEADERS


def test_cdcs_officer_may_import_members_but_not_units(federation, login):
    school_officer = make_user("gv_congdoan", RoleKind.GRASSROOTS_OFFICER, federation.school)
    client = login(school_officer)
    assert client.get(reverse("org:import_members")).status_code == 200
    assert client.get(reverse("org:import_units")).status_code == 404
    assert client.get(reverse("org:import_template", args=["units"])).status_code == 404
    assert client.get(reverse("org:import_template", args=["nothing"])).status_code == 404


def test_job_page_polls_with_a_progress_bar_while_running(federation, officer, login):
    job = ImportJob.objects.create(kind="members", file_name="lon.xlsx", actor=officer, role=officer.acting_role)
    cache.set(imports.progress_key(job.pk), {"phase": "writing", "done": 50_000, "total": 100_000})
    client = login(officer)
    page = client.get(reverse("org:import_job", args=[job.pk]), headers={"HX-Request": "true"}).content.decode()
    assert 'hx-trigger="every 1s"' in page
    assert 'aria-valuenow="75"' in page  # validation done (50%) + half the writing (25%)
    assert "Đang ghi vào hệ thống — 50.000/100.000 dòng" in page
    assert "<html" not in page  # the htmx poll gets the fragment only


def test_job_of_another_user_is_not_found(federation, officer, login):
    job = ImportJob.objects.create(kind="members", file_name="a.xlsx", actor=officer, role=officer.acting_role)
    colleague = make_user("lb_khac", RoleKind.EMULATION_OFFICER, federation.long_bien)
    client = login(colleague)
    assert client.get(reverse("org:import_job", args=[job.pk])).status_code == 404
    assert client.get(reverse("org:import_job_errors", args=[job.pk])).status_code == 404


def test_run_job_twice_imports_once(federation, officer):
    job = ImportJob.objects.create(
        kind="members",
        file=SimpleUploadedFile("a.xlsx", xlsx([MEMBER_HEADERS, member()])),
        file_name="a.xlsx",
        actor=officer,
        role=officer.acting_role,
    )
    imports.run_job(job.pk)
    imports.run_job(job.pk)  # a redelivered task finds the job claimed
    assert Member.objects.count() == 1


def test_run_job_fails_cleanly_when_the_role_was_withdrawn(federation, officer):
    job = ImportJob.objects.create(
        kind="members",
        file=SimpleUploadedFile("a.xlsx", xlsx([MEMBER_HEADERS, member()])),
        file_name="a.xlsx",
        actor=officer,
        role=officer.acting_role,
    )
    officer.acting_role.delete()
    imports.run_job(job.pk)
    job.refresh_from_db()
    assert job.status == ImportStatus.FAILED
    assert [e["message"] for e in job.errors] == ["Bạn không còn quyền nhập loại dữ liệu này."]
    assert Member.objects.count() == 0


def test_the_same_file_imports_for_someone_reading_the_site_in_english(federation, officer):
    """Headers and values are a file format exchanged between offices: Vietnamese, whatever
    language the person uploading it reads the site in; the template offers those values."""
    units = [UNIT_HEADERS, ["LB-104", "CĐCS Trường Mầm non Hoa Sữa", "Công đoàn cơ sở", "HN-LB", "Trường học"]]
    members_file = [MEMBER_HEADERS, member(code="LB-104", direct=True)]
    with translation.override("en"):
        assert imports.import_units(officer, xlsx(units), "don-vi.xlsx").errors == []
        assert run_members(officer, members_file).errors == []
        template = imports.template_xlsx("members")
    assert Unit.objects.get(code="LB-104").sector == "school"
    assert Member.objects.get(unit__code="LB-104").is_direct_worker is True
    validations = zipfile.ZipFile(io.BytesIO(template)).read("xl/worksheets/sheet1.xml").decode()
    assert '"Có,Không"' in validations and "Yes" not in validations


def test_a_large_import_is_searchable_at_once_on_both_databases(federation, officer):
    """Past one batch PostgreSQL writes with COPY and merges the full-text index in bulk at the
    end (SQLite indexes with one INSERT … SELECT): members are found at once by words out of
    order, the search that reads that index."""
    count = imports.BATCH_SIZE + 5
    rows = [
        MEMBER_HEADERS,
        *(member(f"Hoàng Văn Thử {n:04d}", code="LB-002", card=f"BULK{n:04d}") for n in range(count)),
    ]
    result = run_members(officer, rows)
    assert (result.errors, result.created) == ([], count)

    def found(query):
        return set(Member.objects.search(query).values_list("full_name", flat=True))

    assert found("0007 thu") == {"Hoàng Văn Thử 0007"}
    assert found(f"{count - 1:04d} hoang") == {f"Hoàng Văn Thử {count - 1:04d}"}
    assert Member.objects.search("thu hoang").count() == 1001  # the capped list: "more than 1,000"


def _abandoned_job(officer, *, claimed_ago: datetime.timedelta) -> ImportJob:
    """A job a worker claimed `claimed_ago` and then showed no sign of: killed mid-import, its
    transaction rolled back, the row still says running."""
    when = timezone.now() - claimed_ago
    job = ImportJob.objects.create(
        kind="members",
        file=SimpleUploadedFile("a.xlsx", xlsx([MEMBER_HEADERS, member()])),
        file_name="a.xlsx",
        actor=officer,
        role=officer.acting_role,
        status=ImportStatus.RUNNING,
    )
    ImportJob.objects.filter(pk=job.pk).update(started_at=when, heartbeat_at=when)
    return job


def test_a_job_whose_worker_died_is_resumed_by_the_next_worker(federation, officer, django_capture_on_commit_callbacks):
    cache.clear()
    job = _abandoned_job(officer, claimed_ago=imports.LEASE + datetime.timedelta(minutes=1))
    with django_capture_on_commit_callbacks(execute=True):
        assert tasks.resume_imports() == [job.pk]  # the beat queues it again; the worker imports it
    job.refresh_from_db()
    assert job.status == ImportStatus.DONE
    assert job.created_count == 1
    assert Member.objects.count() == 1
    assert tasks.resume_imports() == []


def test_a_running_job_within_its_lease_is_not_taken_twice(federation, officer):
    cache.clear()
    job = _abandoned_job(officer, claimed_ago=datetime.timedelta(minutes=1))
    assert imports.stale_jobs() == []
    imports.run_job(job.pk)  # a redelivered task while the first worker still runs it
    job.refresh_from_db()
    assert job.status == ImportStatus.RUNNING
    assert Member.objects.count() == 0


def test_progress_beats_keep_a_long_import_s_lease(federation, officer):
    """The claim is old, but the worker reported progress a moment ago: it is alive."""
    cache.clear()
    job = _abandoned_job(officer, claimed_ago=imports.LEASE * 3)
    cache.set(imports.progress_key(job.pk), {"phase": "writing", "done": 10, "total": 100, "beat": timezone.now()}, 60)
    assert imports.stale_jobs() == []
    assert not imports.claim(job.pk)
    assert Member.objects.count() == 0


def test_two_workers_resuming_the_same_abandoned_job_claim_it_once(federation, officer):
    cache.clear()
    job = _abandoned_job(officer, claimed_ago=imports.LEASE * 2)
    assert imports.claim(job.pk)
    assert not imports.claim(job.pk)  # the second finds the lease just renewed
    job.refresh_from_db()
    assert job.heartbeat_at > timezone.now() - datetime.timedelta(minutes=1)


class _Killed(BaseException):
    """The worker dies (SIGKILL, out of memory) — nothing in run_job catches it."""


def test_a_worker_killed_before_writing_the_outcome_leaves_nothing_imported(federation, officer, monkeypatch):
    """PostgreSQL: the rows and the job's outcome commit together, so the resumed job cannot
    import the file a second time."""
    if connection.vendor != "postgresql":
        pytest.skip("on SQLite the outcome is written after the import's own transaction (org.imports.run_job)")
    cache.clear()
    job = _abandoned_job(officer, claimed_ago=imports.LEASE * 2)

    def killed(*args, **kwargs):
        raise _Killed

    monkeypatch.setattr(ImportJob, "save", killed)
    with pytest.raises(_Killed):
        imports.run_job(job.pk)
    monkeypatch.undo()
    assert Member.objects.count() == 0
    job.refresh_from_db()
    assert job.status == ImportStatus.RUNNING
