"""Nothing outside the acting role's subtree can be reached: not through a list, a search, an
export, a guessed id, the htmx tree, an edit form or the admin (docs/flows.md, "Who uses it").

Every test creates the data that could leak and checks that it does not, next to a control that
the user does see what is theirs (so a page that shows nothing at all cannot pass)."""

import io

import openpyxl
import pytest
from django.urls import reverse

from thidua.org.models import Member, RoleKind, Unit
from thidua.org.tests.factories import MemberFactory, make_user

R = RoleKind
READERS = {R.STANDING_COMMITTEE, R.EMULATION_OFFICER, R.VIEWER, R.GRASSROOTS_CHAIR, R.GRASSROOTS_OFFICER}

# (role, the unit it is held at, a sibling unit it must not reach, a member of that sibling,
#  a member of its own subtree it does reach when it reads members)
DISTRICT_ROLES = [
    (R.STANDING_COMMITTEE, "long_bien", "gia_lam", "dung", "cuong"),
    (R.EMULATION_OFFICER, "long_bien", "gia_lam", "dung", "cuong"),
    (R.COUNCIL_MEMBER, "long_bien", "gia_lam", "dung", "cuong"),
    (R.VIEWER, "long_bien", "gia_lam", "dung", "cuong"),
]
CDCS_ROLES = [
    (R.GRASSROOTS_CHAIR, "school", "company", "cuong", "binh"),
    (R.GRASSROOTS_OFFICER, "school", "company", "cuong", "binh"),
    (R.MEMBER, "school", "company", "cuong", "an"),
]
ALL_ROLES = DISTRICT_ROLES + CDCS_ROLES
ROLE_IDS = [row[0].value for row in ALL_ROLES]


@pytest.fixture
def acting(federation, members, login):
    """Log in a user holding `kind` at the named unit; a member-role user is linked to An's record."""

    def _acting(kind, unit_name):
        user = make_user(f"u_{kind}", kind, getattr(federation, unit_name))
        if kind == R.MEMBER:
            Member.objects.filter(pk=members["an"].pk).update(user=user)
        return login(user)

    return _acting


def list_status(kind) -> int:
    return 200 if kind in READERS else 404


def export_names(response) -> list[str]:
    workbook = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)), read_only=True)
    return [row[1] for row in workbook.active.iter_rows(min_row=2, values_only=True)]


@pytest.mark.parametrize(("kind", "own", "sibling", "leak", "mine"), ALL_ROLES, ids=ROLE_IDS)
def test_member_list_hides_sibling_members(acting, members, kind, own, sibling, leak, mine):
    client = acting(kind, own)
    response = client.get(reverse("org:member_list"))
    assert response.status_code == list_status(kind)
    assert members[leak].full_name not in response.content.decode()
    if kind in READERS:
        assert members[mine].full_name in response.content.decode()


@pytest.mark.parametrize(("kind", "own", "sibling", "leak", "mine"), ALL_ROLES, ids=ROLE_IDS)
def test_member_list_filtered_by_sibling_unit_shows_nothing_of_it(
    acting, federation, members, kind, own, sibling, leak, mine
):
    client = acting(kind, own)
    response = client.get(reverse("org:member_list"), {"unit": getattr(federation, sibling).pk})
    assert response.status_code == list_status(kind)
    assert members[leak].full_name not in response.content.decode()


@pytest.mark.parametrize(("kind", "own", "sibling", "leak", "mine"), ALL_ROLES, ids=ROLE_IDS)
def test_member_search_for_sibling_member_finds_nothing(acting, members, kind, own, sibling, leak, mine):
    client = acting(kind, own)
    name = members[leak].full_name
    response = client.get(reverse("org:member_list"), {"q": name}, headers={"HX-Request": "true"})
    assert response.status_code == list_status(kind)
    assert name not in response.content.decode()
    if kind in READERS:
        assert 'data-testid="result-count">0 đoàn viên<' in response.content.decode()
        own_name = members[mine].full_name
        full_page = client.get(reverse("org:member_list"), {"q": own_name})
        assert [m.full_name for m in full_page.context["page"]] == [own_name]
        full_page = client.get(reverse("org:member_list"), {"q": name})
        assert full_page.context["page"].paginator.count == 0


@pytest.mark.parametrize(("kind", "own", "sibling", "leak", "mine"), ALL_ROLES, ids=ROLE_IDS)
def test_member_export_leaves_out_sibling_members(acting, members, kind, own, sibling, leak, mine):
    client = acting(kind, own)
    response = client.get(reverse("org:member_export"))
    assert response.status_code == list_status(kind)
    if kind in READERS:
        names = export_names(response)
        assert members[leak].full_name not in names
        assert members[mine].full_name in names
        # Even when the sibling's member is asked for by name.
        searched = export_names(client.get(reverse("org:member_export"), {"q": members[leak].full_name}))
        assert searched == []


@pytest.mark.parametrize(("kind", "own", "sibling", "leak", "mine"), ALL_ROLES, ids=ROLE_IDS)
def test_member_detail_of_sibling_member_is_not_found(acting, members, kind, own, sibling, leak, mine):
    client = acting(kind, own)
    assert client.get(reverse("org:member_detail", args=[members[leak].pk])).status_code == 404
    assert client.get(reverse("org:member_detail", args=[members["dung"].pk])).status_code == 404
    expected = 200 if kind in READERS or kind == R.MEMBER else 404  # a council member reads no records
    assert client.get(reverse("org:member_detail", args=[members[mine].pk])).status_code == expected


@pytest.mark.parametrize(("kind", "own", "sibling", "leak", "mine"), ALL_ROLES, ids=ROLE_IDS)
def test_member_detail_with_guessed_id_is_not_found(acting, members, kind, own, sibling, leak, mine):
    client = acting(kind, own)
    missing = max(m.pk for m in members.values()) + 1000
    assert client.get(reverse("org:member_detail", args=[missing])).status_code == 404


@pytest.mark.parametrize(("kind", "own", "sibling", "leak", "mine"), ALL_ROLES, ids=ROLE_IDS)
def test_tree_fragment_of_sibling_unit_is_not_found(acting, federation, kind, own, sibling, leak, mine):
    client = acting(kind, own)
    sibling_unit = getattr(federation, sibling)
    assert client.get(reverse("org:tree_children", args=[sibling_unit.pk])).status_code == 404
    own_fragment = client.get(reverse("org:tree_children", args=[getattr(federation, own).pk]))
    # The tree is the unit's business: not a member's nor a council member's role (docs/reach.md).
    assert own_fragment.status_code == (200 if kind in READERS else 404)
    assert sibling_unit.name not in own_fragment.content.decode()


@pytest.mark.parametrize(("kind", "own", "sibling", "leak", "mine"), ALL_ROLES, ids=ROLE_IDS)
def test_sibling_unit_page_is_not_found(acting, federation, kind, own, sibling, leak, mine):
    client = acting(kind, own)
    assert client.get(reverse("org:unit_detail", args=[getattr(federation, sibling).pk])).status_code == 404
    assert client.get(reverse("org:unit_detail", args=[federation.city.pk])).status_code == 404
    own_page = client.get(reverse("org:unit_detail", args=[getattr(federation, own).pk]))
    # Its yearly ratings and figures are not published to a member or a council member (docs/reach.md).
    assert own_page.status_code == (200 if kind in READERS else 404)
    # The breadcrumbs stop at the acting unit: its ancestors are not shown.
    assert federation.city.name not in own_page.content.decode()


@pytest.mark.parametrize(("kind", "own", "sibling", "leak", "mine"), ALL_ROLES, ids=ROLE_IDS)
def test_edit_urls_of_sibling_are_not_found(acting, federation, members, kind, own, sibling, leak, mine):
    client = acting(kind, own)
    sibling_unit = getattr(federation, sibling)
    urls = [
        reverse("org:unit_edit", args=[sibling_unit.pk]),
        reverse("org:unit_create", args=[sibling_unit.pk]),
        reverse("org:unit_move", args=[sibling_unit.pk]),
        reverse("org:unit_merge", args=[sibling_unit.pk]),
        reverse("org:unit_transition", args=[sibling_unit.pk, "deactivate"]),
        reverse("org:member_create", args=[sibling_unit.pk]),
        reverse("org:member_edit", args=[members[leak].pk]),
        reverse("org:rating_sheet", args=[sibling_unit.pk]),
    ]
    assert [client.get(url).status_code for url in urls] == [404] * len(urls)
    assert [client.post(url, {"name": "x", "reason": "x"}).status_code for url in urls] == [404] * len(urls)
    assert Unit.objects.get(pk=sibling_unit.pk).name == sibling_unit.name
    assert Member.objects.get(pk=members[leak].pk).full_name == members[leak].full_name


@pytest.mark.parametrize(("kind", "own", "sibling", "leak", "mine"), ALL_ROLES, ids=ROLE_IDS)
def test_admin_is_closed_to_staff_who_are_not_superusers(federation, members, login, kind, own, sibling, leak, mine):
    user = make_user(f"staff_{kind}", kind, getattr(federation, own), is_staff=True)
    client = login(user)
    for url in ["/admin/", "/admin/org/member/", f"/admin/org/member/{members[leak].pk}/change/"]:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith("/admin/login/"), url
    login_page = client.get("/admin/login/?next=/admin/org/member/")
    assert login_page.status_code == 200
    assert members[leak].full_name not in login_page.content.decode()


def test_member_role_sees_only_own_member_record(acting, members):
    client = acting(R.MEMBER, "school")
    assert client.get(reverse("org:member_detail", args=[members["an"].pk])).status_code == 200
    # Binh is in An's own CĐCS (its group): still not An's to see.
    assert client.get(reverse("org:member_detail", args=[members["binh"].pk])).status_code == 404
    assert client.get(reverse("org:member_edit", args=[members["an"].pk])).status_code == 404
    assert client.get(reverse("org:member_list")).status_code == 404
    assert client.get(reverse("org:member_export")).status_code == 404


def test_district_officer_sees_district_subtree_and_nothing_of_another_district(officer, federation, members, login):
    client = login(officer)
    listed = client.get(reverse("org:member_list"))
    assert [m.full_name for m in listed.context["page"]] == ["Lê Đức Cường", "Nguyễn Văn An", "Trần Thị Bình"]
    assert sorted(export_names(client.get(reverse("org:member_export")))) == [
        "Lê Đức Cường",
        "Nguyễn Văn An",
        "Trần Thị Bình",
    ]
    assert client.get(reverse("org:member_list"), {"q": "pham thi dung"}).context["page"].paginator.count == 0
    assert client.get(reverse("org:member_detail", args=[members["binh"].pk])).status_code == 200
    assert client.get(reverse("org:member_detail", args=[members["dung"].pk])).status_code == 404
    for unit in (federation.school, federation.company, federation.group):
        assert client.get(reverse("org:unit_detail", args=[unit.pk])).status_code == 200
    for unit in (federation.gia_lam, federation.gia_lam_cdcs, federation.city, federation.confederation):
        assert client.get(reverse("org:unit_detail", args=[unit.pk])).status_code == 404
        assert client.get(reverse("org:tree_children", args=[unit.pk])).status_code == 404
    fragment = client.get(reverse("org:tree_children", args=[federation.long_bien.pk])).content.decode()
    assert (federation.school.name in fragment, federation.company.name in fragment) == (True, True)
    assert federation.gia_lam_cdcs.name not in fragment
    tree = client.get(reverse("org:tree")).content.decode()
    assert (federation.long_bien.name in tree, federation.gia_lam.name in tree) == (True, False)


def test_district_tree_page_counts_only_own_subtree(officer, federation, members, login):
    client = login(officer)
    nodes = client.get(reverse("org:tree")).context["nodes"]
    assert [(unit.name, t.members, t.grassroots) for unit, t in nodes] == [("LĐLĐ quận Long Biên", 3, 2)]


def test_cdcs_chair_cannot_create_member_in_sibling_cdcs(federation, members, login):
    chair = make_user("chair", R.GRASSROOTS_CHAIR, federation.school)
    client = login(chair)
    before = Member.objects.count()
    data = {"full_name": "Người Lạ", "gender": "male", "birth_year": 1990, "officer_type": "none"}
    response = client.post(
        reverse("org:member_create", args=[federation.company.pk]), {**data, "unit": federation.company.pk}
    )
    assert response.status_code == 404
    # Through its own CĐCS's form, naming the sibling as the unit: refused next to the field.
    response = client.post(
        reverse("org:member_create", args=[federation.school.pk]), {**data, "unit": federation.company.pk}
    )
    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["unit"]
    assert Member.objects.count() == before
    assert Member.objects.filter(full_name="Người Lạ").exists() is False
    assert Unit.objects.get(pk=federation.company.pk).member_count == 1


def test_cdcs_chair_cannot_move_a_member_into_sibling_cdcs(federation, members, login):
    chair = make_user("chair", R.GRASSROOTS_CHAIR, federation.school)
    client = login(chair)
    an = members["an"]
    data = {
        "full_name": an.full_name,
        "gender": an.gender,
        "birth_year": an.birth_year,
        "unit": federation.company.pk,
        "officer_type": "none",
        "card_number": an.card_number,
    }
    response = client.post(reverse("org:member_edit", args=[an.pk]), data)
    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["unit"]
    assert Member.objects.get(pk=an.pk).unit_id == federation.school.pk


@pytest.mark.parametrize("target", ["long_bien", "city"])
@pytest.mark.parametrize("action", ["org:unit_move", "org:unit_merge"])
def test_district_officer_cannot_restructure_own_district_or_city(officer, federation, login, target, action):
    client = login(officer)
    unit = getattr(federation, target)
    url = reverse(action, args=[unit.pk])
    assert client.get(url).status_code == 404
    post = {"new_parent": federation.gia_lam.pk, "survivor": federation.gia_lam.pk, "reason": "thử"}
    assert client.post(url, post).status_code == 404
    after = Unit.objects.get(pk=unit.pk)
    assert (after.parent_id, after.path, after.status) == (unit.parent_id, unit.path, "active")


def test_district_officer_move_form_offers_only_targets_in_own_district(officer, federation, login):
    client = login(officer)
    response = client.get(reverse("org:unit_move", args=[federation.school.pk]))
    offered = list(response.context["form"].fields["new_parent"].queryset)
    assert offered == [federation.long_bien]
    response = client.post(
        reverse("org:unit_move", args=[federation.school.pk]), {"new_parent": federation.gia_lam.pk, "reason": "thử"}
    )
    assert list(response.context["form"].errors) == ["new_parent"]
    assert Unit.objects.get(pk=federation.school.pk).parent_id == federation.long_bien.pk


def test_sibling_member_record_created_after_login_stays_hidden(acting, federation):
    client = acting(R.GRASSROOTS_CHAIR, "school")
    late = MemberFactory(full_name="Hoàng Văn Mới", unit=federation.company)
    assert client.get(reverse("org:member_detail", args=[late.pk])).status_code == 404
    assert "Hoàng Văn Mới" not in client.get(reverse("org:member_list"), {"q": "hoang"}).content.decode()
