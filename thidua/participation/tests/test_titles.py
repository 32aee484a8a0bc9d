"""Members' yearly title registrations: by the member, by their CĐCS as a list or from a
spreadsheet (errors by row, all or nothing), seen and exported by the federation."""

import io

import openpyxl
import pytest
import xlsxwriter
from django.urls import reverse

from thidua.org.models import RoleKind
from thidua.org.tests.factories import SYSTEM, MemberFactory, make_user
from thidua.participation import services
from thidua.participation.models import EmulationTitle, TitleRegistration
from thidua.participation.title_imports import import_titles

YEAR = 2026


@pytest.fixture
def titles(db):
    return {t.code: t for t in EmulationTitle.objects.all()}


def xlsx(rows: list[list]) -> bytes:
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True})
    sheet = book.add_worksheet()
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            sheet.write(r, c, value)
    book.close()
    return buffer.getvalue()


def test_titles_are_data_loaded_with_the_seeds_names(titles):
    assert [t.name for t in EmulationTitle.objects.all()] == [
        "Lao động tiên tiến",
        "Lao động giỏi",
        "Chiến sĩ thi đua cơ sở",
        "Đoàn viên công đoàn xuất sắc",
    ]


def test_a_member_registers_their_own_titles(federation, members, titles, login):
    user = make_user("an", RoleKind.MEMBER, federation.school)
    members["an"].user = user
    members["an"].save()
    client = login(user)
    client.post(
        reverse("participation:titles_self"),
        {"nam": YEAR, "titles": [titles["lao-dong-gioi"].pk, titles["chien-si-thi-dua-co-so"].pk]},
    )
    registered = TitleRegistration.objects.filter(member=members["an"], year=YEAR)
    assert sorted(r.title.name for r in registered) == ["Chiến sĩ thi đua cơ sở", "Lao động giỏi"]
    assert not any(r.by_unit for r in registered)
    page = client.get(reverse("participation:titles") + f"?nam={YEAR}").content.decode()
    assert "Lao động giỏi" in page


def test_a_cdcs_registers_its_members_as_a_list_but_not_another_units(
    federation, members, titles, school_chair, company_chair, login
):
    response = login(school_chair).post(
        reverse("participation:titles_list"),
        {"nam": YEAR, "title": titles["lao-dong-gioi"].pk, "member": [members["an"].pk, members["binh"].pk]},
    )
    assert response.status_code == 302
    assert TitleRegistration.objects.filter(year=YEAR, by_unit=True).count() == 2
    login(company_chair).post(
        reverse("participation:titles_list"),
        {"nam": YEAR, "title": titles["lao-dong-gioi"].pk, "member": [members["an"].pk, members["dung"].pk]},
    )
    assert TitleRegistration.objects.filter(year=YEAR).count() == 2


def test_import_registers_a_clean_file(federation, members, titles, school_chair):
    data = xlsx(
        [
            ["Số thẻ đoàn viên", "Họ và tên", "Danh hiệu"],
            ["LB0001", "Nguyễn Văn An", "Lao động giỏi"],
            ["LB0002", "tran thi binh", "chien si thi dua co so"],
        ]
    )
    result = import_titles(school_chair, data, "danh-sach.xlsx", year=YEAR)
    assert (result.ok, result.rows, result.created) == (True, 2, 2)
    assert TitleRegistration.objects.get(member=members["binh"]).title.name == "Chiến sĩ thi đua cơ sở"


def test_import_with_bad_rows_says_which_and_writes_nothing(federation, members, titles, school_chair, login):
    data = xlsx(
        [
            ["Số thẻ đoàn viên", "Họ và tên", "Danh hiệu"],
            ["LB0001", "Nguyễn Văn An", "Lao động giỏi"],
            ["LB0003", "Lê Đức Cường", "Lao động giỏi"],  # the company's member: outside the scope
            ["LB0002", "Trần Văn Bình", "Lao động giỏi"],  # the card is Trần Thị Bình's
            ["LB0001", "Nguyễn Văn An", "Anh hùng"],
            ["LB0001", "Nguyễn Văn An", "lao dong gioi"],
            ["", "", "Lao động giỏi"],
        ]
    )
    response = login(school_chair).post(
        reverse("participation:titles_import"),
        {"nam": YEAR, "file": _named(data, "danh-sach.xlsx")},
    )
    assert response.status_code == 400
    errors = [str(e) for e in response.context["errors"]]
    assert errors == [
        'Dòng 3, cột "Số thẻ đoàn viên": Không tìm thấy đoàn viên có số thẻ “LB0003”.',
        'Dòng 4, cột "Họ và tên": Số thẻ “LB0002” là của “Trần Thị Bình”, không phải “Trần Văn Bình”.',
        'Dòng 5, cột "Danh hiệu": Không có danh hiệu “Anh hùng”; ghi một trong: “Lao động tiên tiến”, '
        "“Lao động giỏi”, “Chiến sĩ thi đua cơ sở”, “Đoàn viên công đoàn xuất sắc”.",
        "Dòng 6: Trùng với dòng 2.",
        'Dòng 7, cột "Số thẻ đoàn viên": Chưa ghi số thẻ đoàn viên.',
    ]
    assert TitleRegistration.objects.count() == 0


def _named(data: bytes, name: str):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, data)


def test_a_file_without_the_columns_is_refused(school_chair, titles):
    result = import_titles(school_chair, xlsx([["Tên", "Ghi chú"], ["a", "b"]]), "x.xlsx", year=YEAR)
    assert [str(e) for e in result.errors] == ["Dòng 1: Thiếu cột “Số thẻ đoàn viên”, “Danh hiệu”."]


def test_federation_sees_who_registered_and_exports_the_list(federation, members, titles, school_chair, login):
    services.register_titles(school_chair, year=YEAR, member=members["an"], titles=[titles["lao-dong-gioi"]])
    officer = make_user("lb", RoleKind.EMULATION_OFFICER, federation.long_bien)
    client = login(officer)
    page = client.get(reverse("participation:titles") + f"?nam={YEAR}")
    tallies = {unit.name: (t.members, t.registered) for unit, t in page.context["rows"]}
    assert tallies == {"CĐCS Công ty May Đức Giang": (1, 0), "CĐCS Trường THCS Gia Thụy": (2, 1)}
    export = client.get(reverse("participation:titles_export") + f"?nam={YEAR}")
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(export.streaming_content))).active
    rows = {r[1]: r[5] for r in sheet.iter_rows(min_row=2, values_only=True)}
    assert rows == {"Nguyễn Văn An": "Lao động giỏi", "Trần Thị Bình": "Chưa đăng ký", "Lê Đức Cường": "Chưa đăng ký"}


def test_title_pages_run_a_fixed_number_of_queries(
    federation, members, titles, school_chair, login, django_assert_num_queries
):
    officer = make_user("lb", RoleKind.EMULATION_OFFICER, federation.long_bien)
    services.register_titles(school_chair, year=YEAR, member=members["an"], titles=[titles["lao-dong-gioi"]])
    chair = login(school_chair)
    url = reverse("participation:titles") + f"?nam={YEAR}"
    chair.get(url)
    with django_assert_num_queries(9) as cdcs_page:
        chair.get(url)
    lb = login(officer)
    lb.get(url)
    with django_assert_num_queries(9) as federation_page:
        lb.get(url)
    for _n in range(8):
        member = MemberFactory(unit=federation.school)
        services.register_titles(SYSTEM, year=YEAR, member=member, titles=[titles["lao-dong-tien-tien"]])
    from thidua.org.tests.factories import make_unit

    for n in range(3):
        make_unit(federation.long_bien, "grassroots", f"CĐCS {n}")
    chair = login(school_chair)
    with django_assert_num_queries(len(cdcs_page.captured_queries)):
        chair.get(url)
    lb = login(officer)
    with django_assert_num_queries(len(federation_page.captured_queries)):
        lb.get(url)


def test_a_members_record_lists_the_titles_they_registered_for(federation, members, titles, school_chair, login):
    services.register_titles(school_chair, year=2025, member=members["an"], titles=[titles["lao-dong-tien-tien"]])
    services.register_titles(
        school_chair,
        year=YEAR,
        member=members["an"],
        titles=[titles["lao-dong-gioi"], titles["chien-si-thi-dua-co-so"]],
    )
    page = login(school_chair).get(reverse("org:member_detail", args=[members["an"].pk])).content.decode()
    assert f"{YEAR}: Lao động giỏi, Chiến sĩ thi đua cơ sở" in page
    assert "2025: Lao động tiên tiến" in page
    other = login(school_chair).get(reverse("org:member_detail", args=[members["binh"].pk])).content.decode()
    assert 'data-testid="member-titles"' not in other


def test_the_list_registration_message_counts_members_in_english(federation, members, titles, school_chair, login):
    """Vietnamese says "cho 1 đoàn viên" and "cho 2 đoàn viên" alike; English needs its plural."""
    from django.conf import settings
    from django.contrib.messages import get_messages
    from django.utils import translation

    browser = login(school_chair)
    browser.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    said = []
    for year, picked in ((YEAR, [members["an"]]), (YEAR + 1, [members["an"], members["binh"]])):
        response = browser.post(
            reverse("participation:titles_list"),
            {"nam": year, "title": titles["lao-dong-gioi"].pk, "member": [m.pk for m in picked]},
        )
        said += [str(m) for m in get_messages(response.wsgi_request)]
    translation.activate("vi")
    assert any("Registered 1 member for" in m for m in said), said
    assert any("Registered 2 members for" in m for m in said), said
