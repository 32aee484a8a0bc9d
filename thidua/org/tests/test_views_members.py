"""Members through their pages: the form, accent-insensitive search, filters, pagination, the
Excel export; and the pages every user meets first: login and the role picker."""

import io

import openpyxl
import pytest
from django.urls import reverse

from thidua.org import services
from thidua.org.models import Member, MemberRating, RatingLevel, RatingSubject, Role, RoleKind, Unit
from thidua.org.tests.factories import SYSTEM, MemberFactory, make_user
from thidua.org.tests.test_views_units import field_errors


@pytest.fixture
def chair(federation):
    return make_user("chair", RoleKind.GRASSROOTS_CHAIR, federation.school)


def member_data(unit, **values) -> dict:
    data = {
        "full_name": "Đỗ Thị Hằng",
        "gender": "female",
        "birth_year": 1990,
        "unit": unit.pk,
        "position": "Giáo viên",
        "is_direct_worker": "",
        "officer_type": "none",
        "joined_on": "2015-09-05",
        "card_number": "LB0100",
    }
    return {**data, **values}


def listed(client, **params) -> list[str]:
    response = client.get(reverse("org:member_list"), params)
    assert response.status_code == 200
    return [m.full_name for m in response.context["page"]]


def workbook_rows(response) -> list[tuple]:
    workbook = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)), read_only=True)
    return list(workbook.active.iter_rows(values_only=True))


# --- the member form -------------------------------------------------------------------------


def test_member_create_saves_member_and_counts_it(chair, federation, members, login):
    client = login(chair)
    response = client.post(reverse("org:member_create", args=[federation.school.pk]), member_data(federation.school))
    member = Member.objects.get(card_number="LB0100")
    assert response["Location"] == reverse("org:member_detail", args=[member.pk])
    assert (member.full_name, member.unit_id, member.birth_year, str(member.joined_on)) == (
        "Đỗ Thị Hằng",
        federation.school.pk,
        1990,
        "2015-09-05",
    )
    assert Unit.objects.get(pk=federation.school.pk).member_count == 2
    page = client.get(response["Location"])
    assert "Đã thêm đoàn viên Đỗ Thị Hằng." in page.content.decode()


def test_member_create_in_a_group_of_the_cdcs(chair, federation, members, login):
    client = login(chair)
    response = client.post(
        reverse("org:member_create", args=[federation.group.pk]), member_data(federation.group, card_number="")
    )
    assert response.status_code == 302
    member = Member.objects.get(full_name="Đỗ Thị Hằng")
    assert (member.unit_id, member.card_number) == (federation.group.pk, None)


def test_member_create_with_duplicate_card_number_shows_error_next_to_it(chair, federation, members, login):
    client = login(chair)
    before = Member.objects.count()
    data = member_data(federation.school, card_number="LB0003")  # Cường's card, in another CĐCS
    response = client.post(reverse("org:member_create", args=[federation.school.pk]), data)
    assert response.status_code == 200
    assert field_errors(response) == {"card_number": ["Đoàn viên có Số thẻ đoàn viên đã tồn tại."]}
    assert Member.objects.count() == before
    assert Unit.objects.get(pk=federation.school.pk).member_count == 1


@pytest.mark.parametrize("year", [1900, 2030])
def test_member_create_with_birth_year_out_of_range_shows_error_next_to_it(chair, federation, login, year):
    client = login(chair)
    data = member_data(federation.school, birth_year=year)
    response = client.post(reverse("org:member_create", args=[federation.school.pk]), data)
    assert field_errors(response) == {"birth_year": ["Năm sinh phải trong khoảng 1930–2015."]}
    assert Member.objects.filter(full_name="Đỗ Thị Hằng").exists() is False


def test_member_create_without_name_shows_required_error_in_vietnamese(chair, federation, login):
    client = login(chair)
    data = member_data(federation.school, full_name="")
    response = client.post(reverse("org:member_create", args=[federation.school.pk]), data)
    assert field_errors(response) == {"full_name": ["Trường này là bắt buộc."]}
    assert Member.objects.filter(card_number="LB0100").exists() is False


def test_member_edit_moves_member_to_a_group_and_updates_counts(chair, federation, members, login):
    client = login(chair)
    an = members["an"]
    data = member_data(federation.group, full_name=an.full_name, card_number=an.card_number, is_direct_worker="on")
    response = client.post(reverse("org:member_edit", args=[an.pk]), data)
    assert response.status_code == 302
    an.refresh_from_db()
    assert (an.unit_id, an.is_direct_worker, an.position) == (federation.group.pk, True, "Giáo viên")
    school, group = Unit.objects.get(pk=federation.school.pk), Unit.objects.get(pk=federation.group.pk)
    assert (school.member_count, group.member_count, group.direct_worker_count) == (0, 2, 1)
    page = client.get(reverse("org:member_detail", args=[an.pk]))
    assert "Sửa thông tin đoàn viên" in page.content.decode()


def test_member_edit_with_duplicate_card_number_keeps_the_member(chair, federation, members, login):
    client = login(chair)
    an = members["an"]
    data = member_data(federation.school, full_name="Tên khác", card_number="LB0002")  # Bình's card
    response = client.post(reverse("org:member_edit", args=[an.pk]), data)
    assert field_errors(response) == {"card_number": ["Đoàn viên có Số thẻ đoàn viên đã tồn tại."]}
    assert Member.objects.get(pk=an.pk).full_name == "Nguyễn Văn An"


# --- search, filters, pagination -------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("nguyen van an", ["Nguyễn Văn An"]),
        ("NGUYEN VAN AN", ["Nguyễn Văn An"]),
        ("le duc cuong", ["Lê Đức Cường"]),
        ("duc", ["Lê Đức Cường"]),  # "đ" typed as "d"
        ("Đức Cường", ["Lê Đức Cường"]),
        ("tran thi", ["Trần Thị Bình"]),
        ("nguyen van", ["Nguyễn Văn An"]),  # the last word as a prefix, while typing
        ("LB0003", ["Lê Đức Cường"]),
        ("pham thi dung", []),  # another district
        ("hoang", []),
    ],
)
def test_member_search_ignores_diacritics(officer, members, login, query, expected):
    assert listed(login(officer), q=query) == expected


def test_member_search_htmx_returns_only_the_results_fragment(officer, members, login):
    response = login(officer).get(reverse("org:member_list"), {"q": "le duc cuong"}, headers={"HX-Request": "true"})
    body = response.content.decode()
    assert (body.lstrip().startswith('<div id="results">'), "<html" in body) == (True, False)
    assert "Lê Đức Cường" in body
    assert "Nguyễn Văn An" not in body


def test_member_filter_by_sector(officer, members, login):
    client = login(officer)
    assert listed(client, sector="enterprise") == ["Lê Đức Cường"]
    assert listed(client, sector="school") == ["Nguyễn Văn An", "Trần Thị Bình"]
    assert listed(client, sector="public_service") == []


def test_member_filter_by_direct_worker(officer, members, login):
    client = login(officer)
    assert listed(client, is_direct_worker="true") == ["Lê Đức Cường"]
    assert listed(client, is_direct_worker="false") == ["Nguyễn Văn An", "Trần Thị Bình"]


def test_member_filter_by_officer_type(officer, federation, members, login):
    services.update_member(SYSTEM, members["binh"], officer_type="full_time")
    services.update_member(SYSTEM, members["an"], officer_type="part_time")
    client = login(officer)
    assert listed(client, officer_type="full_time") == ["Trần Thị Bình"]
    assert listed(client, officer_type="part_time") == ["Nguyễn Văn An"]


def test_member_filter_by_rating_shows_that_years_rating(officer, federation, members, login):
    best = RatingLevel.objects.create(
        year=2024, subject=RatingSubject.MEMBER, code="htxs", name="Hoàn thành xuất sắc nhiệm vụ", rank=1
    )
    good = RatingLevel.objects.create(
        year=2024, subject=RatingSubject.MEMBER, code="httn", name="Hoàn thành tốt nhiệm vụ", rank=2
    )
    MemberRating.objects.create(member=members["an"], year=2024, level=best)
    MemberRating.objects.create(member=members["cuong"], year=2024, level=good)
    client = login(officer)
    response = client.get(reverse("org:member_list"), {"rating": best.pk})
    assert [(m.full_name, m.rating_name) for m in response.context["page"]] == [
        ("Nguyễn Văn An", "Hoàn thành xuất sắc nhiệm vụ")
    ]
    assert "Xếp loại 2024" in response.content.decode()
    assert listed(client, rating=good.pk) == ["Lê Đức Cường"]


def test_member_filters_combine(officer, federation, members, login):
    MemberFactory(full_name="Lê Văn Đạt", unit=federation.company, is_direct_worker=False)
    client = login(officer)
    assert listed(client, q="le", sector="enterprise") == ["Lê Đức Cường", "Lê Văn Đạt"]
    assert listed(client, q="le", sector="enterprise", is_direct_worker="true") == ["Lê Đức Cường"]
    assert listed(client, q="dat", unit=federation.company.pk) == ["Lê Văn Đạt"]
    assert listed(client, q="dat", unit=federation.school.pk) == []


def test_member_filter_by_sector_includes_members_of_the_cdcs_groups(officer, federation, members, login):
    # Bình is in "Tổ Toán – Tin", a group with no sector of its own, under the school.
    assert Unit.objects.get(pk=federation.group.pk).sector == ""
    assert listed(login(officer), sector="school") == ["Nguyễn Văn An", "Trần Thị Bình"]


def test_member_list_sorts_names_with_d_stroke_among_the_d(officer, federation, login):
    for name in ["Vũ Thị Lan", "Đặng Văn Bảo", "Dương Văn Long", "Bùi Thị Mai"]:
        MemberFactory(full_name=name, unit=federation.company)
    assert listed(login(officer)) == ["Bùi Thị Mai", "Đặng Văn Bảo", "Dương Văn Long", "Vũ Thị Lan"]


def test_member_filter_selects_offer_all_as_their_empty_choice(officer, members, login):
    form = login(officer).get(reverse("org:member_list")).context["filter"].form
    empty = [
        dict(form.fields[name].widget.choices)[""]
        for name in ("unit", "sector", "is_direct_worker", "officer_type", "rating")
    ]
    assert empty == ["Tất cả"] * 5


def test_member_list_paginates_and_keeps_the_filters(officer, federation, members, login, settings):
    settings.PAGE_SIZE = 2
    for i in range(3):
        MemberFactory(full_name=f"Vũ Văn Hải {i}", unit=federation.company)
    client = login(officer)
    first = client.get(reverse("org:member_list"), {"q": "vu van hai"})
    assert [m.full_name for m in first.context["page"]] == ["Vũ Văn Hải 0", "Vũ Văn Hải 1"]
    assert "Trang 1/2" in first.content.decode()
    assert 'href="?q=vu+van+hai&page=2"' in first.content.decode()
    assert listed(client, q="vu van hai", page=2) == ["Vũ Văn Hải 2"]
    assert listed(client, q="vu van hai", page=99) == ["Vũ Văn Hải 2"]  # past the end: the last page


# --- export ----------------------------------------------------------------------------------


def test_member_export_has_vietnamese_headers_and_the_filtered_rows(officer, members, login):
    response = login(officer).get(reverse("org:member_export"), {"sector": "enterprise"})
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert response["Content-Disposition"].startswith('attachment; filename="doan-vien-')
    rows = workbook_rows(response)
    header = rows[0][:11]
    assert header == (
        "STT",
        "Họ và tên",
        "Giới tính",
        "Năm sinh",
        "Mã đơn vị",
        "Đơn vị",
        "Chức vụ, công việc",
        "CNLĐ trực tiếp",
        "Cán bộ công đoàn",
        "Ngày vào công đoàn",
        "Số thẻ đoàn viên",
    )
    assert rows[0][11].startswith("Xếp loại năm ")
    assert [row[:9] for row in rows[1:]] == [
        (1, "Lê Đức Cường", "Nam", 1985, "LB-002", "CĐCS Công ty May Đức Giang", None, "Có", "Không")
    ]


# --- login and the role picker ---------------------------------------------------------------


def test_login_page_is_vietnamese(client, db):
    body = client.get(reverse("login")).content.decode()
    assert '<html lang="vi">' in body
    assert ("Tên đăng nhập" in body, "Mật khẩu" in body, "<title>Đăng nhập · thidua</title>" in body) == (
        True,
        True,
        True,
    )


def test_login_with_wrong_password_shows_vietnamese_error(client, officer):
    response = client.post(reverse("login"), {"username": "lb_thiduakt", "password": "sai-mat-khau"})
    assert response.status_code == 200
    assert response.context["form"].non_field_errors() == [
        "Vui lòng điền vào Tên đăng nhập và mật khẩu chính xác. "
        "Chú ý rằng cả hai khung thông tin đều phân biệt chữ hoa và chữ thường."
    ]
    assert "Vui lòng điền vào Tên đăng nhập và mật khẩu chính xác." in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_login_with_right_password_goes_home(client, officer):
    response = client.post(reverse("login"), {"username": "lb_thiduakt", "password": "matkhau-thu-nghiem"})
    assert (response.status_code, response["Location"]) == (302, reverse("home"))


def test_user_with_two_roles_picks_one_and_every_page_shows_it(client, federation, members):
    user = make_user("hai_vai_tro", RoleKind.EMULATION_OFFICER, federation.long_bien)
    chair_role = Role.objects.create(user=user, unit=federation.school, kind=RoleKind.GRASSROOTS_CHAIR)
    client.force_login(user)
    response = client.get(reverse("org:member_list"))
    assert (response.status_code, response["Location"]) == (302, "/vai-tro/?next=/doan-vien/")
    picker = client.get(response["Location"])
    assert "Bạn làm việc với tư cách nào?" in picker.content.decode()
    assert [r.pk for r in picker.context["roles"]] == [user.acting_role.pk, chair_role.pk]
    chosen = client.post("/vai-tro/", {"role": chair_role.pk, "next": "/doan-vien/"})
    assert chosen["Location"] == "/doan-vien/"
    pages = [
        reverse("home"),
        reverse("org:tree"),
        reverse("org:member_list"),
        reverse("org:unit_detail", args=[federation.school.pk]),
        reverse("org:member_detail", args=[members["an"].pk]),
    ]
    for url in pages:
        body = client.get(url).content.decode()
        assert "Đang làm việc với tư cách" in body, url
        assert '<strong data-testid="acting-role">Chủ tịch công đoàn cơ sở</strong>' in body, url
        assert "<strong>CĐCS Trường THCS Gia Thụy</strong>" in body, url
    # Acting as the CĐCS chair, the district's other CĐCS is out of reach.
    assert listed(client) == ["Nguyễn Văn An", "Trần Thị Bình"]
    assert client.get(reverse("org:member_detail", args=[members["cuong"].pk])).status_code == 404


def test_role_picker_refuses_a_role_of_someone_else(client, federation):
    user = make_user("hai_vai_tro", RoleKind.EMULATION_OFFICER, federation.long_bien)
    Role.objects.create(user=user, unit=federation.school, kind=RoleKind.GRASSROOTS_CHAIR)
    other = make_user("nguoi_khac", RoleKind.EMULATION_OFFICER, federation.city)
    client.force_login(user)
    assert client.post("/vai-tro/", {"role": other.acting_role.pk}).status_code == 404
    assert client.get(reverse("home"))["Location"] == "/vai-tro/?next=/"


def test_role_picker_does_not_redirect_off_site(client, federation):
    user = make_user("hai_vai_tro", RoleKind.EMULATION_OFFICER, federation.long_bien)
    Role.objects.create(user=user, unit=federation.school, kind=RoleKind.GRASSROOTS_CHAIR)
    client.force_login(user)
    response = client.post("/vai-tro/", {"role": user.acting_role.pk, "next": "https://evil.example/"})
    assert response["Location"] == "/"
