"""The browser's own request for /favicon.ico finds the icon (it was 404 on every page)."""

import pytest


@pytest.mark.django_db
def test_favicon_ico_leads_to_the_static_icon(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    icon = client.get(response["Location"])
    assert icon.status_code == 200
    assert b"".join(icon.streaming_content)[:4] == b"\x00\x00\x01\x00"  # an ICO file's header


@pytest.mark.django_db
def test_every_page_links_its_icon(client):
    page = client.get("/dang-nhap/").content.decode()
    assert 'rel="icon"' in page and "core/favicon.svg" in page
