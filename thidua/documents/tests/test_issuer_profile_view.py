"""The letterhead page (issue 15 item 5): a unit's own officer edits what its papers print at
the top and in the signature block — name lines, place, signer's title on several lines and
name — in the browser instead of the admin; nobody else reaches the page (404); every save is
audited; a missing field is refused in Vietnamese next to it, nothing half-saved."""

from django.urls import reverse

from thidua.core.models import AuditEntry
from thidua.documents.models import IssuerProfile
from thidua.documents.services import PROFILE_FIELDS, profile_for
from thidua.org.models import RoleKind
from thidua.org.tests.factories import make_user


def _url(unit) -> str:
    return reverse("documents:issuer_profile", args=[unit.pk])


def _values(unit, **changes) -> dict:
    profile = profile_for(unit)
    return {name: getattr(profile, name) for name in PROFILE_FIELDS} | changes


def test_the_officer_edits_the_units_letterhead_with_a_title_on_several_lines(federation, officer, login):
    client = login(officer)
    # Reached from the menu and from the unit's page.
    menu = client.get(reverse("documents:my_issuer_profile"))
    assert menu.status_code == 302 and menu.url == _url(federation.long_bien)
    unit_page = client.get(reverse("org:unit_detail", args=[federation.long_bien.pk])).content.decode()
    assert _url(federation.long_bien) in unit_page
    page = client.get(_url(federation.long_bien)).content.decode()
    assert "LĐLĐ QUẬN LONG BIÊN" in page  # the letterhead as it prints today
    before = profile_for(federation.long_bien).signer_name
    values = _values(
        federation.long_bien,
        signer_authority="TM. BAN THƯỜNG VỤ",
        signer_title="KT. CHỦ TỊCH\r\nPHÓ CHỦ TỊCH",
        signer_name="Nguyễn Thị Minh",
    )
    response = client.post(_url(federation.long_bien), values)
    assert response.status_code == 302
    profile = IssuerProfile.objects.get(unit=federation.long_bien)
    assert profile.signer_lines == ["TM. BAN THƯỜNG VỤ", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]
    assert profile.signer_name == "Nguyễn Thị Minh"
    entry = AuditEntry.objects.for_object(profile).filter(verb="update_issuer_profile").latest("pk")
    assert entry.actor == officer
    assert entry.changes["signer_name"] == [before, "Nguyễn Thị Minh"]
    assert entry.scope_path == federation.long_bien.path
    page = client.get(_url(federation.long_bien)).content.decode()
    assert "Sửa thông tin cơ quan ban hành" in page  # the history lists the change
    assert "PHÓ CHỦ TỊCH" in page  # the preview shows the saved lines


def test_a_missing_name_line_is_refused_next_to_the_field_and_nothing_saved(federation, officer, login):
    client = login(officer)
    saved = _values(federation.long_bien)
    response = client.post(_url(federation.long_bien), _values(federation.long_bien, body_line="", place=""))
    assert response.status_code == 400
    page = response.content.decode()
    assert 'data-field-error="body_line"' in page and "Hãy nhập tên cơ quan ban hành." in page
    assert 'data-field-error="place"' in page and "Hãy nhập địa danh." in page
    assert _values(federation.long_bien) == saved
    assert not AuditEntry.objects.filter(verb="update_issuer_profile").exists()


def test_nobody_else_reaches_the_page(federation, officer, login):
    client = login(officer)
    saved = {
        unit.pk: _values(unit)
        for unit in (federation.gia_lam, federation.school, federation.city, federation.long_bien)
    }
    # A sibling district, the CĐCS below and the city above: 404, nothing written.
    for unit in (federation.gia_lam, federation.school, federation.city):
        assert client.get(_url(unit)).status_code == 404
        assert client.post(_url(unit), _values(unit, signer_name="Ai đó")).status_code == 404
    assert client.get(reverse("documents:issuer_profile", args=[987654])).status_code == 404
    # The city's officer may not edit the district's either; a viewer or member never.
    for user in (
        make_user("hn_tdkt", RoleKind.EMULATION_OFFICER, federation.city),
        make_user("lb_theodoi", RoleKind.VIEWER, federation.long_bien),
        make_user("lb_hoidong", RoleKind.COUNCIL_MEMBER, federation.long_bien),
    ):
        other = login(user)
        assert other.get(_url(federation.long_bien)).status_code == 404
        assert other.post(_url(federation.long_bien), _values(federation.long_bien)).status_code == 404
    assert {pk: _values(federation.long_bien.__class__.objects.get(pk=pk)) for pk in saved} == saved
    assert not AuditEntry.objects.filter(verb="update_issuer_profile").exists()
    # The CĐCS chair edits the CĐCS's own.
    chair = login(make_user("cdcs_chutich", RoleKind.GRASSROOTS_CHAIR, federation.school))
    assert chair.get(_url(federation.school)).status_code == 200
    assert chair.get(_url(federation.long_bien)).status_code == 404


def test_the_preview_breaks_the_name_where_the_officer_typed_a_slash(federation, officer, login):
    """ "CĐCS / TRƯỜNG …" prints on two lines: the preview shows them so, not the slash."""
    client = login(officer)
    response = client.post(_url(federation.long_bien), _values(federation.long_bien, body_line="LĐLĐ / quận Long Biên"))
    assert response.status_code == 302
    page = client.get(_url(federation.long_bien)).content.decode()
    assert "<div>LĐLĐ</div><div>QUẬN LONG BIÊN</div>" in page
    assert "LĐLĐ / QUẬN" not in page
