"""Signed minutes (issue 21): once the CĐCS's chair attaches the minutes signed outside thidua
(a test CA made here), the session's page says "Đã ký số" to whoever reads the session — a
seat on the council included — and the minutes' PDF is the signed file; ?ban-in=1 the print."""

import datetime

import pytest
from django.urls import reverse

from thidua.councils import minutes, services
from thidua.councils.tests.conftest import scores
from thidua.documents import services as documents
from thidua.documents.rendering import render_pdf
from thidua.documents.tests import signing_ca

DAY = datetime.date(2024, 5, 10)
pytestmark = pytest.mark.django_db


def _body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def test_signed_minutes_are_shown_and_downloaded(council, chair, members, decided, login, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    root = signing_ca.make_root()
    settings.THIDUA_SIGNING_TRUST_ROOTS = signing_ca.write_roots(tmp_path, root)
    session = services.open_session(chair, council, held_on=DAY, place="Phòng họp tầng 2")
    item = services.add_to_agenda(chair, session, members["an"])
    for _seat, user in council.people.values():
        services.cast_ballot(user, item, agree=True, scores=scores(council))
    assert login(chair).post(reverse("councils:close", args=[session.pk])).status_code == 302
    session.refresh_from_db()
    entry = minutes.entry_of(session)
    signed = signing_ca.sign(render_pdf(minutes.build(session)), signing_ca.make_signer(root, "Hoàng Văn Chủ"))
    documents.attach_signed_original(chair, entry, signed)

    _seat, secretary = council.people[1]
    client = login(secretary)
    page = client.get(reverse("councils:session", args=[session.pk])).content.decode()
    assert "Đã ký số" in page and "Hoàng Văn Chủ" in page
    pdf = reverse("councils:minutes", args=[session.pk, "pdf"])
    assert _body(client.get(pdf)) == signed
    assert b"/ByteRange" not in _body(client.get(pdf + "?ban-in=1"))
