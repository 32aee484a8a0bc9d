"""What an IT officer reads on the API's own pages (QA walk of issue 20 on the demo): the docs
page has its one visible heading and the way back to the site; on the account page the column
of dates and the badge of an expired key are two strings, so a translation can tell them apart."""

import datetime
import re

import pytest
from django.utils import timezone

from thidua.api.models import ApiToken, digest
from thidua.api.tests.conftest import make_token

pytestmark = pytest.mark.django_db


def test_the_docs_page_has_one_heading_and_links_back_to_the_site(login, roles):
    html = login(roles["district"]).get("/api/").content.decode()
    headings = re.findall(r"<h1[^>]*>(.*?)</h1>", html, re.S)
    assert headings == ["Tài liệu API thidua"]
    assert 'href="/"' in html and 'href="/tai-khoan/khoa-api/"' in html
    # Still no inline style or script under the site's CSP.
    assert "<style" not in html and "<script>" not in html and " style=" not in html


def test_the_expiry_column_and_the_expired_badge_are_different_words(login, roles):
    user = roles["district"]
    secret = make_token(user)
    token = ApiToken.objects.get(digest=digest(secret))
    ApiToken.objects.filter(pk=token.pk).update(expires_on=timezone.localdate() - datetime.timedelta(days=1))
    html = login(user).get("/tai-khoan/khoa-api/").content.decode()
    head = html.split("<thead>")[1].split("</thead>")[0]
    body = html.split("<tbody>")[1].split("</tbody>")[0]
    assert '<th scope="col">Hết hạn ngày</th>' in head
    assert re.search(r'<span class="badge text-bg-warning">Hết hạn</span>', body)


def test_a_signed_out_browser_is_sent_to_the_login_page_and_a_program_still_refused(client, federation):
    browser = client.get("/api/", HTTP_ACCEPT="text/html,application/xhtml+xml,*/*;q=0.8")
    assert browser.status_code == 302 and browser["Location"] == "/dang-nhap/?next=/api/"
    assert client.get("/api/").status_code in (401, 403)
    assert client.get("/api/schema/", HTTP_ACCEPT="application/json").status_code in (401, 403)


def test_the_header_line_under_a_new_key_can_be_copied_whole(login, roles):
    """It used to show the key cut after 12 characters with "…": copied as is, it was refused."""
    user = roles["district"]
    expires = (timezone.localdate() + datetime.timedelta(days=30)).isoformat()
    html = (
        login(user)
        .post(
            "/tai-khoan/khoa-api/",
            {"name": "Thống kê", "role": user.acting_role.pk, "can_write": "0", "expires_on": expires},
            follow=True,
        )
        .content.decode()
    )
    secret = html.split('data-testid="new-token-secret">')[1].split("<")[0]
    header = html.split('data-testid="new-token-header">')[1].split("<")[0]
    assert header == f"Authorization: Bearer {secret}"
    assert digest(secret) == ApiToken.objects.get().digest
