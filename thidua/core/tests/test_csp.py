"""The Content-Security-Policy (issue 16 item 5): every page carries it, strict enough that an
injected inline script or handler would not run; the templates hold nothing it would refuse."""

import re
from pathlib import Path

import pytest

TEMPLATES = sorted(Path(__file__).resolve().parents[2].glob("*/templates/**/*.html"))


def _directives(header: str) -> dict[str, list[str]]:
    return {part.split()[0]: part.split()[1:] for part in header.split(";") if part.strip()}


@pytest.mark.django_db
def test_every_page_carries_a_strict_policy(client):
    policy = _directives(client.get("/dang-nhap/")["Content-Security-Policy"])
    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["img-src"] == ["'self'", "data:"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["form-action"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]


@pytest.mark.django_db
def test_a_logged_in_page_carries_it_too(client, federation):
    from thidua.org.models import RoleKind
    from thidua.org.tests.factories import make_user

    client.force_login(make_user("lb_csp", RoleKind.EMULATION_OFFICER, federation.long_bien))
    response = client.get("/")
    assert response.status_code == 200
    assert "script-src 'self'" in response["Content-Security-Policy"]


@pytest.mark.parametrize(
    ("what", "pattern"),
    [
        ("an inline <script>", re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.IGNORECASE)),
        ("an on* handler", re.compile(r"\son[a-z]+\s*=", re.IGNORECASE)),
        ("an hx-on handler (htmx evaluates it)", re.compile(r"\s(data-)?hx-on")),
        ("a style attribute", re.compile(r"\sstyle\s*=", re.IGNORECASE)),
        ("an inline <style>", re.compile(r"<style[\s>]", re.IGNORECASE)),
    ],
)
def test_no_template_holds_what_the_policy_refuses(what, pattern):
    found = [
        f"{path.relative_to(path.parents[2])}:{n}"
        for path in TEMPLATES
        for n, line in enumerate(path.read_text().splitlines(), 1)
        if pattern.search(line)
    ]
    assert not found, f"{what} (use a class in core/thidua.css or a data-* behaviour in core/thidua.js): {found}"
