from thidua.org.models import Member, RoleKind
from thidua.org.tests.factories import make_user


def test_member_sees_own_record_from_home_page_whatever_role_they_act_in(federation, members, login):
    chair = make_user("kiemnhiem", RoleKind.GRASSROOTS_CHAIR, federation.company)
    Member.objects.filter(pk=members["an"].pk).update(user=chair)  # An works at the school
    client = login(chair)
    home = client.get("/").content.decode()
    assert f'href="/doan-vien/{members["an"].pk}/"' in home
    assert client.get(f"/doan-vien/{members['an'].pk}/").status_code == 200
    assert client.get(f"/doan-vien/{members['binh'].pk}/").status_code == 404
