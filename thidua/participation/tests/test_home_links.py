"""The home page's title rows open the page where the member registers (QA walk, session 6:
they linked the form's POST-only address, and every member clicking them got 405)."""

import re

from django.utils import timezone

from thidua.org.models import RoleKind
from thidua.org.tests.factories import make_user
from thidua.participation.models import EmulationTitle


def title_links(html: str) -> list[str]:
    return re.findall(r'href="(/dang-ky-danh-hieu/[^"]*)"[^>]*>[^<]*Đăng ký danh hiệu', html)


def test_a_members_title_rows_on_the_home_page_open_the_registration_page(federation, members, login):
    user = make_user("an", RoleKind.MEMBER, federation.school)
    members["an"].user = user
    members["an"].save()
    client = login(user)
    year = timezone.localdate().year

    links = title_links(client.get("/").content.decode())
    assert links, "the reminder to register is on the home page"
    for url in links:
        page = client.get(url)
        assert page.status_code == 200
        assert f"Đăng ký danh hiệu thi đua năm {year}" in page.content.decode()

    title = EmulationTitle.objects.get(code="lao-dong-gioi")
    client.post("/dang-ky-danh-hieu/cua-toi/", {"nam": year, "titles": [title.pk]})
    links = title_links(client.get("/").content.decode())
    assert links and all(client.get(url).status_code == 200 for url in links)


def test_a_personal_role_without_a_member_record_is_not_offered_the_titles_page(federation, members, login):
    """QA walk: a member or council member with no member record was offered "Đăng ký danh hiệu"
    in the menu, and the page answered 404. Offered once the login is a union member."""
    for kind, unit in ((RoleKind.MEMBER, federation.school), (RoleKind.COUNCIL_MEMBER, federation.long_bien)):
        user = make_user(f"khong_ho_so_{kind}", kind, unit)
        client = login(user)
        home = client.get("/").content.decode()
        assert "/dang-ky-danh-hieu/" not in home
        assert client.get("/dang-ky-danh-hieu/").status_code == 404

        members["binh"].user = user
        members["binh"].save()
        home = client.get("/").content.decode()
        assert 'href="/dang-ky-danh-hieu/"' in home
        assert client.get("/dang-ky-danh-hieu/").status_code == 200
        members["binh"].user = None
        members["binh"].save()
