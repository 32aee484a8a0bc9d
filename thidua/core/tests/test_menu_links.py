"""Every link of the main menu opens a page for the login that is shown it (QA walk, session 6:
the administrator, who acts in no unit, was offered Lịch, Báo cáo, Sổ vàng, Đăng ký danh hiệu,
Xét khen thưởng and Nhập danh sách đề nghị, each answering 404 or 403)."""

import re

import pytest

from thidua.org.models import Member, RoleKind
from thidua.org.tests.factories import MemberFactory, make_user


def menu_links(html: str) -> list[str]:
    menu = html[html.index('id="mainnav"') : html.index("</nav>")]
    return sorted(set(re.findall(r'href="(/[^"]*)"', menu)) - {"/admin/", "/dang-xuat/"})


def assert_every_menu_link_opens(client) -> list[str]:
    links = menu_links(client.get("/").content.decode())
    dead = {url: client.get(url, follow=True).status_code for url in links}
    assert {url: code for url, code in dead.items() if code != 200} == {}
    return links


def test_the_administrator_is_offered_only_pages_that_open(federation, client):
    admin = make_user("quantri", is_superuser=True, is_staff=True)
    client.force_login(admin)
    links = assert_every_menu_link_opens(client)
    # Pages that are a unit's own are not offered to a login acting in no unit…
    assert not {"/lich/", "/bao-cao/", "/so-vang/"} & set(links)
    # …the ones that serve the whole system still are.
    assert {"/ke-hoach/", "/don-vi/", "/so-van-ban/"} <= set(links)


@pytest.mark.parametrize(
    ("kind", "unit"),
    [
        (RoleKind.EMULATION_OFFICER, "long_bien"),
        (RoleKind.STANDING_COMMITTEE, "city"),
        (RoleKind.VIEWER, "city"),
        (RoleKind.COUNCIL_MEMBER, "long_bien"),
        (RoleKind.GRASSROOTS_CHAIR, "school"),
        (RoleKind.GRASSROOTS_OFFICER, "company"),
        (RoleKind.MEMBER, "school"),
    ],
)
def test_each_roles_menu_links_open(federation, login, kind, unit):
    user = make_user(f"u_{kind}", kind, getattr(federation, unit))
    if kind in {RoleKind.MEMBER, RoleKind.COUNCIL_MEMBER}:
        # As in the demo, a person with a personal role is a union member (their own titles page).
        Member.objects.filter(pk=MemberFactory(unit=federation.school).pk).update(user=user)
    links = assert_every_menu_link_opens(login(user))
    assert "/lich/" in links or kind in {RoleKind.MEMBER, RoleKind.COUNCIL_MEMBER}


def test_the_administrators_initiative_list_offers_no_unit_counters_or_golden_book(federation, officer, client, login):
    """The counters page shows the acting unit's figures: not offered to the administrator, who
    acts in no unit (it answered 404); the district's officer still opens it."""
    client.force_login(make_user("quantri", is_superuser=True, is_staff=True))
    listing = client.get("/sang-kien/").content.decode()
    assert 'href="/thong-ke-sang-kien/"' not in listing and 'href="/so-vang/"' not in listing
    officer_client = login(officer)
    assert 'href="/thong-ke-sang-kien/"' in officer_client.get("/sang-kien/").content.decode()
    assert officer_client.get("/thong-ke-sang-kien/").status_code == 200
