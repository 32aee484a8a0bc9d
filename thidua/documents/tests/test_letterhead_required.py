"""The letterhead page marks what every paper needs and asks for it (QA walk, session 6: the
superior's name, the signer's title and name were unmarked, and a letterhead saved without
them was refused only later, when a paper was issued)."""

import re

from django.urls import reverse

from thidua.core.models import AuditEntry
from thidua.documents.services import PROFILE_FIELDS, profile_for


def _values(unit, **changes) -> dict:
    profile = profile_for(unit)
    return {name: getattr(profile, name) for name in PROFILE_FIELDS} | changes


def marked(page: str) -> set[str]:
    return set(re.findall(r'<label class="form-label" for="id_(\w+)">[^<]*<span class="text-danger">\*</span>', page))


def test_the_fields_a_paper_needs_are_marked_and_refused_empty(federation, officer, login):
    client = login(officer)
    url = reverse("documents:issuer_profile", args=[federation.long_bien.pk])
    page = client.get(url).content.decode()
    assert {"superior_line", "body_line", "place", "signer_title", "signer_name"} <= marked(page)

    saved = _values(federation.long_bien)
    response = client.post(url, _values(federation.long_bien, signer_name="", superior_line=""))
    assert response.status_code == 400
    page = response.content.decode()
    assert 'data-field-error="signer_name"' in page and "Hãy nhập họ tên người ký." in page
    assert 'data-field-error="superior_line"' in page
    assert _values(federation.long_bien) == saved
    assert not AuditEntry.objects.filter(verb="update_issuer_profile").exists()


def test_the_top_unit_has_no_superior_to_name(federation, login):
    from thidua.org.models import RoleKind
    from thidua.org.tests.factories import make_user

    client = login(make_user("tld_tdkt", RoleKind.EMULATION_OFFICER, federation.confederation))
    page = client.get(reverse("documents:issuer_profile", args=[federation.confederation.pk])).content.decode()
    assert "superior_line" not in marked(page) and "signer_name" in marked(page)
