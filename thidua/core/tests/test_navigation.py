"""The main menu: entries of one area fold into a dropdown, so the menu stays on one line."""

import re

from thidua.core import navigation
from thidua.org.models import RoleKind
from thidua.org.tests.factories import make_user


def menu(html: str) -> str:
    return html[html.index('id="mainnav"') : html.index("</nav>")]


def test_an_officers_menu_groups_organisation_and_emulation_pages(federation, officer, login):
    html = menu(login(officer).get("/ke-hoach/").content.decode())
    emulation = html[html.index(">Thi đua</button>") :]
    emulation = emulation[: emulation.index("</ul>")]
    assert re.findall(r'class="dropdown-item[^"]*" href="[^"]+"[^>]*>([^<]+)<', emulation) == [
        "Kế hoạch",
        "Lịch",
        "Giao ước",
        "Đăng ký danh hiệu",
    ]
    assert 'dropdown-toggle active" type="button" data-bs-toggle="dropdown" aria-expanded="false">Thi đua' in html
    assert 'class="dropdown-item active" href="/ke-hoach/" aria-current="page">Kế hoạch' in html
    assert ">Tổ chức</button>" in html and 'dropdown-item" href="/doan-vien/"' in html


def test_a_group_with_one_entry_for_this_user_is_a_plain_link(federation, login, monkeypatch):
    # Without the member list, a viewer's "Tổ chức" holds only the tree: a plain link.
    monkeypatch.setattr(navigation, "_ITEMS", [i for i in navigation._ITEMS if i.url_name != "org:member_list"])
    viewer = make_user("xem_lb", RoleKind.VIEWER, federation.long_bien)
    html = menu(login(viewer).get("/").content.decode())
    assert ">Tổ chức</button>" not in html
    assert '<a class="nav-link" href="/don-vi/">Cây tổ chức</a>' in html


def test_a_members_menu_links_no_organisation_page(federation, login):
    """The tree and the unit pages are not a member's (docs/reach.md): no link to them."""
    member = make_user("dv_an", RoleKind.MEMBER, federation.school)
    html = menu(login(member).get("/").content.decode())
    assert "Tổ chức" not in html and 'href="/don-vi/"' not in html
