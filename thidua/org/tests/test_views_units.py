"""Units through their pages: create, edit, move and merge, with the errors shown next to the
field in Vietnamese and the history readable on the unit page afterwards."""

import html
import re

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.timezone import localtime

from thidua.core.models import AuditEntry
from thidua.org.models import Member, RoleKind, Unit, UnitStatus
from thidua.org.tests.factories import kind, make_user

_FIELD_ERROR = re.compile(r'data-field-error="(\w+)">(.*?)</div>', re.S)


def field_errors(response) -> dict[str, list[str]]:
    """The errors the page shows under each field, as a user reads them."""
    errors: dict[str, list[str]] = {}
    for field, message in _FIELD_ERROR.findall(response.content.decode()):
        errors.setdefault(field, []).append(html.unescape(message).strip())
    return errors


def history(response) -> list[str]:
    """The history list of a unit page, one line per entry, tags stripped."""
    block = re.search(r'data-testid="history">(.*?)</ul>', response.content.decode(), re.S)
    if block is None:
        return []
    items = re.findall(r"<li[^>]*>(.*?)</li>", block.group(1), re.S)
    return [" ".join(html.unescape(re.sub(r"<[^>]+>", "", item)).split()) for item in items]


def unit_data(**values) -> dict:
    data = {"name": "CĐCS Bệnh viện Đa khoa Đức Giang", "code": "LB-003", "kind": kind("grassroots").pk}
    data.update({"sector": "public_service", "ownership": "", "email": "", "phone": "", "address": ""})
    return {**data, **values}


@pytest.fixture
def city_officer(federation):
    return make_user("hn_thiduakt", RoleKind.EMULATION_OFFICER, federation.city)


def test_unit_create_saves_the_unit_under_its_parent(officer, federation, login):
    client = login(officer)
    response = client.post(reverse("org:unit_create", args=[federation.long_bien.pk]), unit_data())
    unit = Unit.objects.get(code="LB-003")
    assert response.status_code == 302
    assert response["Location"] == reverse("org:unit_detail", args=[unit.pk])
    assert (unit.parent_id, unit.name, unit.sector, unit.path.startswith(federation.long_bien.path)) == (
        federation.long_bien.pk,
        "CĐCS Bệnh viện Đa khoa Đức Giang",
        "public_service",
        True,
    )
    page = client.get(response["Location"])
    assert "Đã thêm đơn vị “CĐCS Bệnh viện Đa khoa Đức Giang”." in page.content.decode()
    # The history reads in Vietnam's time: 18:35 UTC is already the next day there.
    local = timezone.localtime(page.context["history"][0].created_at)
    assert history(page)[0].startswith(local.strftime("%d/%m/%Y %H:%M"))
    assert "Thành lập đơn vị" in history(page)[0]


def test_unit_create_with_kind_at_wrong_level_shows_error_next_to_kind(officer, federation, login):
    client = login(officer)
    before = Unit.objects.count()
    response = client.post(
        reverse("org:unit_create", args=[federation.long_bien.pk]), unit_data(kind=kind("province").pk, sector="")
    )
    assert response.status_code == 200
    assert field_errors(response) == {
        "kind": [
            "“Liên đoàn Lao động tỉnh, thành phố” không thể trực thuộc “Liên đoàn Lao động quận, huyện”: "
            "đơn vị con phải ở cấp thấp hơn."
        ]
    }
    assert Unit.objects.count() == before


def test_unit_create_with_duplicate_code_shows_error_next_to_code(officer, federation, login):
    client = login(officer)
    before = Unit.objects.count()
    response = client.post(reverse("org:unit_create", args=[federation.long_bien.pk]), unit_data(code="LB-001"))
    assert response.status_code == 200
    assert field_errors(response) == {"code": ["Đơn vị có Mã đơn vị đã tồn tại."]}
    assert Unit.objects.count() == before


def test_unit_create_with_sector_for_a_federation_shows_error_next_to_sector(city_officer, federation, login):
    client = login(city_officer)
    data = unit_data(name="LĐLĐ quận Hoàn Kiếm", code="HN-HK", kind=kind("district").pk, sector="enterprise")
    response = client.post(reverse("org:unit_create", args=[federation.city.pk]), data)
    assert field_errors(response) == {"sector": ["Chỉ công đoàn cơ sở mới thuộc một khối."]}
    assert Unit.objects.filter(code="HN-HK").exists() is False


def test_unit_create_without_name_shows_required_error_in_vietnamese(officer, federation, login):
    client = login(officer)
    response = client.post(reverse("org:unit_create", args=[federation.long_bien.pk]), unit_data(name=""))
    assert field_errors(response) == {"name": ["Trường này là bắt buộc."]}
    assert Unit.objects.filter(code="LB-003").exists() is False


def test_unit_edit_saves_changes_and_records_them(officer, federation, login):
    client = login(officer)
    data = unit_data(name="CĐCS Trường THCS Gia Thụy (mới)", code="LB-001", sector="school", phone="024 3872 1234")
    response = client.post(reverse("org:unit_edit", args=[federation.school.pk]), data)
    assert response.status_code == 302
    school = Unit.objects.get(pk=federation.school.pk)
    assert (school.name, school.phone, school.parent_id) == (
        "CĐCS Trường THCS Gia Thụy (mới)",
        "024 3872 1234",
        federation.long_bien.pk,
    )
    entry = AuditEntry.objects.for_object(school).get(verb="update_unit")
    assert entry.changes["name"] == ["CĐCS Trường THCS Gia Thụy", "CĐCS Trường THCS Gia Thụy (mới)"]
    page = client.get(reverse("org:unit_detail", args=[school.pk]))
    assert "Sửa thông tin đơn vị" in history(page)[0]


def test_unit_edit_with_ownership_outside_enterprise_shows_error_and_keeps_unit(officer, federation, login):
    client = login(officer)
    data = unit_data(name="Tên mới", code="LB-001", sector="school", ownership="fdi")
    response = client.post(reverse("org:unit_edit", args=[federation.school.pk]), data)
    assert field_errors(response) == {"ownership": ["Loại hình sở hữu chỉ áp dụng cho khối doanh nghiệp."]}
    assert Unit.objects.get(pk=federation.school.pk).name == "CĐCS Trường THCS Gia Thụy"


def test_unit_move_through_the_page_moves_the_subtree_and_shows_history(city_officer, federation, members, login):
    client = login(city_officer)
    url = reverse("org:unit_move", args=[federation.school.pk])
    form_page = client.get(url)
    assert federation.gia_lam in form_page.context["form"].fields["new_parent"].queryset
    response = client.post(url, {"new_parent": federation.gia_lam.pk, "reason": "Quyết định 15/QĐ-LĐLĐ"})
    assert response.status_code == 302
    school = Unit.objects.get(pk=federation.school.pk)
    assert school.parent_id == federation.gia_lam.pk
    assert Member.objects.within(federation.gia_lam).count() == 3  # An, Bình (in the group), Dung
    page = client.get(reverse("org:unit_detail", args=[school.pk]))
    assert "Đã chuyển “CĐCS Trường THCS Gia Thụy”." in page.content.decode()
    line = history(page)[0]
    assert "Chuyển đơn vị: LĐLĐ quận Long Biên → LĐLĐ huyện Gia Lâm (Quyết định 15/QĐ-LĐLĐ)" in line
    assert "hn_thiduakt" in line
    old_parent = client.get(reverse("org:unit_detail", args=[federation.long_bien.pk]))
    assert "Chuyển đơn vị trực thuộc đi nơi khác" in history(old_parent)[0]
    assert [c.name for c, _t in old_parent.context["children"]] == ["CĐCS Công ty May Đức Giang"]


def test_unit_move_under_its_own_group_is_refused(city_officer, federation, login):
    client = login(city_officer)
    url = reverse("org:unit_move", args=[federation.school.pk])
    response = client.post(url, {"new_parent": federation.group.pk, "reason": ""})
    assert list(field_errors(response)) == ["new_parent"]
    assert Unit.objects.get(pk=federation.school.pk).parent_id == federation.long_bien.pk


def test_unit_merge_through_the_page_moves_members_and_shows_history(officer, federation, members, login):
    client = login(officer)
    url = reverse("org:unit_merge", args=[federation.company.pk])
    offered = list(client.get(url).context["form"].fields["survivor"].queryset)
    assert offered == [federation.school]
    values = {"survivor": federation.school.pk, "roles": "end", "reason": "Nghị quyết sắp xếp 2025"}
    preview = client.post(url, values)  # first the preview: nothing moves yet
    assert preview.context["preview"].members == 1
    assert Unit.objects.get(pk=federation.company.pk).status == UnitStatus.ACTIVE
    response = client.post(url, {**values, "confirm": "1"})
    assert response.status_code == 302
    assert response["Location"] == reverse("org:unit_detail", args=[federation.school.pk])
    company = Unit.objects.get(pk=federation.company.pk)
    assert (company.status, company.merged_into_id, company.member_count) == (
        UnitStatus.MERGED,
        federation.school.pk,
        0,
    )
    assert Member.objects.get(pk=members["cuong"].pk).unit_id == federation.school.pk
    survivor_page = client.get(response["Location"])
    assert "Đã sáp nhập “CĐCS Công ty May Đức Giang” vào “CĐCS Trường THCS Gia Thụy”." in (
        survivor_page.content.decode()
    )
    assert (
        "Tiếp nhận đơn vị sáp nhập: CĐCS Công ty May Đức Giang → CĐCS Trường THCS Gia Thụy"
        in (history(survivor_page)[0])
    )
    assert survivor_page.context["totals"].members == 3
    merged_page = client.get(reverse("org:unit_detail", args=[federation.company.pk]))
    assert "Đơn vị đã sáp nhập vào" in merged_page.content.decode()
    assert "Sáp nhập" in history(merged_page)[0]
    assert "(Nghị quyết sắp xếp 2025)" in history(merged_page)[0]


def test_unit_merge_into_a_federation_is_refused(officer, federation, login):
    client = login(officer)
    url = reverse("org:unit_merge", args=[federation.company.pk])
    response = client.post(url, {"survivor": federation.long_bien.pk, "roles": "end", "reason": "", "confirm": "1"})
    assert list(field_errors(response)) == ["survivor"]
    assert Unit.objects.get(pk=federation.company.pk).status == UnitStatus.ACTIVE


def test_cdcs_chair_adds_a_group_but_not_a_cdcs(federation, login):
    chair = make_user("chair", RoleKind.GRASSROOTS_CHAIR, federation.school)
    client = login(chair)
    url = reverse("org:unit_create", args=[federation.school.pk])
    response = client.post(url, unit_data(name="Tổ Văn – Sử", code="LB-001-T2", kind=kind("group").pk, sector=""))
    assert response.status_code == 302
    assert Unit.objects.get(code="LB-001-T2").parent_id == federation.school.pk
    response = client.post(url, unit_data(name="CĐCS con", code="LB-001-X", sector=""))
    assert list(field_errors(response)) == ["kind"]
    assert Unit.objects.filter(code="LB-001-X").exists() is False
    # A CĐCS chair does not restructure: no move page for their own groups.
    assert client.get(reverse("org:unit_move", args=[federation.group.pk])).status_code == 404


def test_cdcs_page_lists_its_groups_without_a_cdcs_column(officer, federation, members, login):
    client = login(officer)
    cdcs_page = client.get(reverse("org:unit_detail", args=[federation.school.pk])).content.decode()
    district_page = client.get(reverse("org:unit_detail", args=[federation.long_bien.pk])).content.decode()
    assert ('<th class="text-end">CĐCS</th>' in cdcs_page, '<th class="text-end">CĐCS</th>' in district_page) == (
        False,
        True,
    )
    assert "Tổ Toán – Tin" in cdcs_page


def test_unit_history_without_an_actor_shows_no_dangling_separator(officer, federation, login):
    page = login(officer).get(reverse("org:unit_detail", args=[federation.school.pk]))
    assert history(page) == [
        f"{localtime(page.context['history'][0].created_at):%d/%m/%Y %H:%M} — Thành lập đơn vị: CĐCS Trường THCS Gia Thụy"
    ]


@pytest.mark.django_db
def test_the_unit_page_offers_the_restructuring_moves_unit_workflow_allows(client, federation):
    """The unit page asks UNIT_WORKFLOW for its buttons (issue 19 item 4): the district's
    officer merges or deactivates an active CĐCS and reactivates an inactive one; the CĐCS's own
    chair restructures nothing; only a standing committee above dissolves a federation."""
    merge, dissolve = reverse("org:unit_merge", args=[federation.company.pk]), "Giải thể"
    deactivate = reverse("org:unit_transition", args=[federation.company.pk, "deactivate"])
    reactivate = reverse("org:unit_transition", args=[federation.company.pk, "reactivate"])

    def page(user, unit) -> str:
        client.force_login(user)
        session = client.session
        session["acting_role_id"] = user.acting_role.pk
        session.save()
        return client.get(reverse("org:unit_detail", args=[unit.pk])).content.decode()

    lb_officer = make_user("lb_tdkt", RoleKind.EMULATION_OFFICER, federation.long_bien)
    shown = page(lb_officer, federation.company)
    assert merge in shown and deactivate in shown and reactivate not in shown
    company_chair = make_user("maydg", RoleKind.GRASSROOTS_CHAIR, federation.company)
    shown = page(company_chair, federation.company)
    assert merge not in shown and deactivate not in shown
    Unit.objects.filter(pk=federation.company.pk).update(status=UnitStatus.INACTIVE)
    shown = page(lb_officer, federation.company)
    assert merge not in shown and deactivate not in shown and reactivate in shown
    assert dissolve not in page(make_user("hn_tdkt", RoleKind.EMULATION_OFFICER, federation.city), federation.gia_lam)
    assert dissolve in page(make_user("hn_btv", RoleKind.STANDING_COMMITTEE, federation.city), federation.gia_lam)
