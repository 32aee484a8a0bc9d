"""A member's login locked by wrong passwords is unlocked by an officer of their unit or above,
from the member's page (org.logins; issue 16 item 2): a POST, audited, and only within the
officer's scope — a sibling district's officer or another CĐCS gets 404 and the lock stays."""

import pytest
from django.test import Client
from django.urls import reverse

from thidua.core.models import AuditEntry
from thidua.org.models import Member, Role, RoleKind
from thidua.org.tests.factories import MemberFactory, make_user

PASSWORD = "matkhau-thu-nghiem"  # make_user's


def log_in(username, password, address="10.0.0.7"):
    client = Client(REMOTE_ADDR=address)
    return client.post(reverse("login"), {"username": username, "password": password})


def _with_account(member, user):
    Member.objects.filter(pk=member.pk).update(user=user)
    member.refresh_from_db()
    return member


@pytest.fixture
def locked_member(federation):
    """A teacher of the school whose account ten wrong passwords locked."""
    user = make_user("giaovien", first_name="Hà")
    member = _with_account(MemberFactory(full_name="Trần Thu Hà", unit=federation.school), user)
    for _n in range(10):
        log_in("giaovien", "doan-mo")
    assert log_in("giaovien", PASSWORD).status_code == 429
    return member


def _page(login, user, member):
    return login(user).get(reverse("org:member_detail", args=[member.pk]))


@pytest.mark.parametrize(
    ("who", "kind", "unit"),
    [
        ("the school's CĐCS chair", RoleKind.GRASSROOTS_CHAIR, "school"),
        ("the district's emulation officer", RoleKind.EMULATION_OFFICER, "long_bien"),
    ],
)
def test_an_officer_whose_scope_holds_the_member_unlocks_the_login(federation, login, locked_member, who, kind, unit):
    officer = make_user("canbo", kind, getattr(federation, unit))
    page = _page(login, officer, locked_member)
    assert page.status_code == 200
    body = page.content.decode()
    assert "Đang bị khóa: đã đăng nhập sai 11 lần." in body  # ten, then the right one refused
    assert "Mở khóa đăng nhập" in body

    response = login(officer).post(reverse("org:member_unlock_login", args=[locked_member.pk]), follow=True)
    assert "Đã mở khóa đăng nhập của tài khoản giaovien" in response.content.decode()
    assert "Không bị khóa." in response.content.decode()
    # The teacher logs in at once, with the right password.
    assert log_in("giaovien", PASSWORD).status_code == 302
    entry = AuditEntry.objects.get(verb="unlock_login")
    assert (entry.actor, entry.target_id, entry.reason) == (officer, locked_member.pk, "giaovien")
    assert entry.verb_label == "Mở khóa đăng nhập"


@pytest.mark.parametrize(
    ("who", "kind", "unit"),
    [
        ("a sibling district's officer", RoleKind.EMULATION_OFFICER, "gia_lam"),
        ("another CĐCS's chair in the same district", RoleKind.GRASSROOTS_CHAIR, "company"),
    ],
)
def test_an_officer_outside_the_scope_gets_404_and_the_lock_stays(federation, login, locked_member, who, kind, unit):
    outsider = make_user("nguoingoai", kind, getattr(federation, unit))
    assert _page(login, outsider, locked_member).status_code == 404
    response = login(outsider).post(reverse("org:member_unlock_login", args=[locked_member.pk]))
    assert response.status_code == 404
    assert log_in("giaovien", PASSWORD).status_code == 429
    assert not AuditEntry.objects.filter(verb="unlock_login").exists()


def test_a_plain_member_and_a_get_cannot_unlock(federation, login, locked_member):
    colleague = make_user("dongnghiep")
    _with_account(MemberFactory(full_name="Lê Văn Bình", unit=federation.school), colleague)
    response = login(colleague).post(reverse("org:member_unlock_login", args=[locked_member.pk]))
    assert response.status_code == 404
    chair = make_user("chutich", RoleKind.GRASSROOTS_CHAIR, federation.school)
    assert login(chair).get(reverse("org:member_unlock_login", args=[locked_member.pk])).status_code == 405
    assert log_in("giaovien", PASSWORD).status_code == 429


def test_an_account_acting_above_the_officer_is_not_theirs_to_unlock(federation, login, locked_member):
    # The teacher also works for the district: the school's chair may not unlock that account.
    Role.objects.create(user=locked_member.user, unit=federation.long_bien, kind=RoleKind.EMULATION_OFFICER)
    chair = make_user("chutich", RoleKind.GRASSROOTS_CHAIR, federation.school)
    assert "Mở khóa đăng nhập" not in _page(login, chair, locked_member).content.decode()
    response = login(chair).post(reverse("org:member_unlock_login", args=[locked_member.pk]))
    assert response.status_code == 404
    assert log_in("giaovien", PASSWORD).status_code == 429
    # The district's officer may.
    officer = make_user("canbo", RoleKind.EMULATION_OFFICER, federation.long_bien)
    assert login(officer).post(reverse("org:member_unlock_login", args=[locked_member.pk])).status_code == 302
    assert log_in("giaovien", PASSWORD).status_code == 302
