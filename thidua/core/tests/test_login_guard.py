"""Logging in (issue 16 item 2): wrong passwords are counted per account and per address and
then refused with a Vietnamese message, even the right one; an administrator unlocks; every
user changes their own password; a forgotten one is reset by email."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client
from django.urls import reverse

from thidua.org.models import RoleKind
from thidua.org.tests.factories import make_user

PASSWORD = "matkhau-thu-nghiem"  # make_user's
LOCKED = "Đăng nhập sai quá 10 lần"


@pytest.fixture
def chair(federation):
    return make_user("cdcs_chutich", RoleKind.GRASSROOTS_CHAIR, federation.school, email="chutich@truong.edu.vn")


def log_in(username, password, address="10.0.0.7"):
    client = Client(REMOTE_ADDR=address)
    return client, client.post(reverse("login"), {"username": username, "password": password})


def test_ten_wrong_passwords_lock_the_account_even_for_the_right_one(chair):
    for _n in range(9):
        _client, response = log_in("cdcs_chutich", "doan-mo")
        assert response.status_code == 200  # the usual "wrong password" page
    _client, response = log_in("cdcs_chutich", "doan-mo")
    assert response.status_code == 429  # the tenth locks
    client, response = log_in("cdcs_chutich", PASSWORD)
    assert response.status_code == 429
    assert LOCKED in response.content.decode() and "30 phút" in response.content.decode()
    assert "_auth_user_id" not in client.session
    # From another address too: it is the account that is locked.
    _client, response = log_in("cdcs_chutich", PASSWORD, address="10.0.0.8")
    assert response.status_code == 429


def test_one_office_address_is_not_locked_by_its_staff_mistyping(federation, chair):
    """A school behind one address: colleagues mistyping their passwords ten times in all (each
    under the account limit) does not lock the chair, who logs in from the same address."""
    for n in range(12):
        log_in(f"giao-vien-{n}", "go-nham", address="10.9.9.9")
    _client, response = log_in("cdcs_chutich", PASSWORD, address="10.9.9.9")
    assert response.status_code == 302


def test_one_address_guessing_across_accounts_is_locked(federation, chair, settings):
    settings.THIDUA_LOGIN_ADDRESS_FAILURE_LIMIT = 30
    other = make_user("cdcs_canbo", RoleKind.GRASSROOTS_OFFICER, federation.school)
    for n in range(28):
        log_in(f"khong-co-{n}", "doan-mo", address="10.9.9.9")
    _client, response = log_in("khong-co-28", "doan-mo", address="10.9.9.9")
    assert response.status_code == 200  # the 29th: under the address's limit, a plain wrong password
    _client, response = log_in("khong-co-29", "doan-mo", address="10.9.9.9")
    assert response.status_code == 429  # the 30th locks the address
    _client, response = log_in(other.username, PASSWORD, address="10.9.9.9")
    assert response.status_code == 429 and LOCKED in response.content.decode()
    _client, response = log_in(other.username, PASSWORD, address="10.0.0.1")
    assert response.status_code == 302  # the same account from elsewhere is not locked


def test_a_right_password_before_the_limit_clears_the_count(chair):
    for _n in range(9):
        log_in("cdcs_chutich", "doan-mo")
    assert log_in("cdcs_chutich", PASSWORD)[1].status_code == 302
    for _n in range(9):
        log_in("cdcs_chutich", "doan-mo")
    assert log_in("cdcs_chutich", PASSWORD)[1].status_code == 302


def test_an_administrator_unlocks_in_the_admin(chair):
    for _n in range(10):
        log_in("cdcs_chutich", "doan-mo")
    assert log_in("cdcs_chutich", PASSWORD)[1].status_code == 429
    admin = Client()
    admin.force_login(get_user_model().objects.create_superuser("quantri", "qt@example.vn", "quan-tri-2026"))
    page = admin.get("/admin/axes/accessattempt/").content.decode()
    assert "cdcs_chutich" in page
    ids = [int(pk) for pk in re.findall(r'name="_selected_action" value="(\d+)"', page)]
    response = admin.post(
        "/admin/axes/accessattempt/", {"action": "delete_selected", "_selected_action": ids, "post": "yes"}
    )
    assert response.status_code == 302
    assert log_in("cdcs_chutich", PASSWORD)[1].status_code == 302


def test_a_user_changes_their_password_from_the_menu(chair, login):
    client = login(chair)
    home = client.get(reverse("home")).content.decode()
    assert 'href="/doi-mat-khau/"' in home and "Đổi mật khẩu" in home
    response = client.post(
        reverse("password_change"),
        {"old_password": "sai-roi", "new_password1": "Hoa-sen-2026", "new_password2": "Hoa-sen-2026"},
    )
    assert "Mật khẩu cũ" in response.content.decode() or "mật khẩu cũ" in response.content.decode()
    response = client.post(
        reverse("password_change"),
        {"old_password": PASSWORD, "new_password1": "Hoa-sen-2026", "new_password2": "Hoa-sen-2026"},
        follow=True,
    )
    assert "Mật khẩu của bạn đã được đổi" in response.content.decode()
    assert log_in("cdcs_chutich", PASSWORD)[1].status_code == 200
    assert log_in("cdcs_chutich", "Hoa-sen-2026")[1].status_code == 302


def test_a_forgotten_password_is_reset_through_the_emailed_link(chair):
    client = Client()
    login_page = client.get(reverse("login")).content.decode()
    assert 'href="/quen-mat-khau/"' in login_page
    response = client.post(reverse("password_reset"), {"email": "chutich@truong.edu.vn"}, follow=True)
    assert "Hãy xem hộp thư" in response.content.decode()
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["chutich@truong.edu.vn"] and message.subject.startswith("Đặt lại mật khẩu")
    assert "cdcs_chutich" in message.body
    link = re.search(r"http://testserver(/dat-lai-mat-khau/\S+)", message.body).group(1)
    form = client.get(link, follow=True)
    assert "Đặt mật khẩu mới" in form.content.decode()
    response = client.post(
        form.redirect_chain[-1][0] if form.redirect_chain else link,
        {"new_password1": "Hoa-sen-2026", "new_password2": "Hoa-sen-2026"},
        follow=True,
    )
    assert "Bạn có thể đăng nhập bằng mật khẩu mới" in response.content.decode()
    assert log_in("cdcs_chutich", "Hoa-sen-2026")[1].status_code == 302
    # An unknown address gets the same answer and no mail (nobody learns who has an account).
    client.post(reverse("password_reset"), {"email": "ai-do@example.vn"})
    assert len(mail.outbox) == 1


def test_behind_nginx_the_browsers_address_is_counted(settings, chair):
    """With THIDUA_PROXY_COUNT=1 the address nginx appends is counted, not nginx's own (every
    office would otherwise share 127.0.0.1) nor what the browser wrote before it."""
    settings.THIDUA_PROXY_COUNT = 1
    settings.THIDUA_LOGIN_ADDRESS_FAILURE_LIMIT = 10
    for n in range(10):
        Client(REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR=f"1.2.3.{n}, 10.9.9.9").post(
            reverse("login"), {"username": f"khong-co-{n}", "password": "doan-mo"}
        )
    elsewhere = Client(REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="10.0.0.1")
    assert elsewhere.post(reverse("login"), {"username": "cdcs_chutich", "password": PASSWORD}).status_code == 302
    same = Client(REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="10.9.9.9")
    assert same.post(reverse("login"), {"username": "cdcs_chutich", "password": PASSWORD}).status_code == 429
