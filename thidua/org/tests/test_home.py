from thidua.org.models import Member, Role, RoleKind
from thidua.org.tests.factories import make_user


def test_member_sees_own_record_from_home_page_whatever_role_they_act_in(federation, members, login):
    chair = make_user("kiemnhiem", RoleKind.GRASSROOTS_CHAIR, federation.company)
    Member.objects.filter(pk=members["an"].pk).update(user=chair)  # An works at the school
    client = login(chair)
    home = client.get("/").content.decode()
    assert f'href="/doan-vien/{members["an"].pk}/"' in home
    assert client.get(f"/doan-vien/{members['an'].pk}/").status_code == 200
    assert client.get(f"/doan-vien/{members['binh'].pk}/").status_code == 404


def test_role_picker_does_not_say_the_user_has_no_role(federation, client):
    """A user with two roles who has not chosen yet lands on the picker: the header must not
    claim "Tài khoản chưa được giao vai trò nào." above the two roles it lists."""
    user = make_user("kiemnhiem2", RoleKind.GRASSROOTS_CHAIR, federation.company)
    Role.objects.create(user=user, unit=federation.long_bien, kind=RoleKind.EMULATION_OFFICER)
    client.force_login(user)  # no role chosen yet, as right after signing in
    response = client.get("/", follow=True)
    page = response.content.decode()
    assert response.redirect_chain[-1][0].startswith("/vai-tro/")
    assert "Tài khoản chưa được giao vai trò nào." not in page
    assert "Chưa chọn vai trò làm việc." in page
    assert federation.company.name in page and federation.long_bien.name in page


def test_user_without_any_role_is_told_so(federation, login):
    client = login(make_user("khongvaitro"))
    assert "Tài khoản chưa được giao vai trò nào." in client.get("/").content.decode()
