"""Personal API tokens (issue 20): made and revoked by their owner on the account page, shown
once, stored as a digest, audited; refused when expired or revoked; read-only tokens never
write; requests limited per token; anonymous callers refused everywhere, the docs page too."""

import datetime

import pytest
from django.core.cache import cache
from django.utils import timezone

from thidua.api.models import ApiToken, digest
from thidua.api.tests.conftest import Api, make_token
from thidua.core.models import AuditEntry

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("path", ["/api/", "/api/schema/", "/api/v1/units/", "/api/v1/campaigns/"])
def test_anonymous_callers_are_refused(client, federation, path):
    response = client.get(path)
    assert response.status_code in (401, 403)
    if path.startswith("/api/v1/"):
        assert response.json() == {"detail": "Cần khóa API: gửi tiêu đề Authorization: Bearer <khóa API>."}


def test_the_docs_page_and_schema_open_for_a_signed_in_user_under_the_sites_csp(login, roles):
    client = login(roles["district"])
    page = client.get("/api/")
    assert page.status_code == 200
    html = page.content.decode()
    # Swagger UI from the package's static files, its start-up script a same-origin file.
    assert "/static/drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js" in html
    assert "<script>" not in html and "<style>" not in html
    csp = page.headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    script = client.get("/api/?script=")
    assert script.status_code == 200 and script.headers["Content-Type"].startswith("application/javascript")
    schema = client.get("/api/schema/", {"format": "json"})
    assert schema.status_code == 200
    document = schema.json()
    assert document["openapi"].startswith("3.")
    assert "/api/v1/report-periods/{id}/board/" in document["paths"]
    assert document["components"]["securitySchemes"]["bearerAuth"]["scheme"] == "bearer"


def test_a_token_is_stored_as_a_digest_and_its_making_and_revoking_are_audited(roles):
    user = roles["district"]
    secret = make_token(user, write=True)
    token = ApiToken.objects.get(user=user)
    assert secret.startswith("thd_") and secret not in {token.digest, token.prefix}
    assert token.digest == digest(secret)
    from thidua.api import services

    services.revoke_token(user, token)
    verbs = list(AuditEntry.objects.for_object(token).order_by("pk").values_list("verb", flat=True))
    assert verbs == ["create_api_token", "revoke_api_token"]


def test_expired_revoked_and_unknown_tokens_are_refused(roles):
    user = roles["district"]
    good = Api(make_token(user))
    assert good.get("/api/v1/units/").status_code == 200
    token = ApiToken.objects.get(user=user)
    assert token.last_used_at is not None

    ApiToken.objects.filter(pk=token.pk).update(expires_on=timezone.localdate() - datetime.timedelta(days=1))
    assert good.get("/api/v1/units/").status_code == 401

    revoked = Api(make_token(user))
    ApiToken.objects.filter(user=user, revoked_at__isnull=True).update(revoked_at=timezone.now())
    assert revoked.get("/api/v1/units/").status_code == 401

    assert Api("thd_0000000000000000000000").get("/api/v1/units/").status_code == 401
    user.is_active = False
    user.save()
    assert Api(make_token(user)).get("/api/v1/units/").status_code == 401


def test_a_read_only_token_is_refused_on_every_write(api, world, roles):
    chair = api(roles["cdcs_chair"])  # read-only
    report = world["school_report"]
    response = chair.post(f"/api/v1/submissions/{report.pk}/send/", {"answers": {}, "submit": False})
    assert response.status_code == 403
    assert "chỉ được đọc" in response.json()["detail"]
    response = chair.post("/api/v1/members/", {"members": [{"full_name": "A", "gender": "Nam", "unit_code": "LB-001"}]})
    assert response.status_code == 403
    report.refresh_from_db()
    assert report.status == "pending"


def test_requests_are_limited_per_token(api, roles, settings):
    settings.THIDUA_API_RATE = "3/minute"
    cache.clear()
    district = api(roles["district"])
    assert [district.get("/api/v1/units/").status_code for _ in range(3)] == [200, 200, 200]
    refused = district.get("/api/v1/units/")
    assert refused.status_code == 429
    assert refused.json()["detail"].startswith("Quá nhiều yêu cầu với khóa này: thử lại sau")
    # Another token has its own allowance.
    assert api(roles["other"]).get("/api/v1/units/").status_code == 200


def test_the_owner_makes_a_token_on_the_account_page_sees_it_once_and_revokes_it(login, roles):
    user = roles["district"]
    client = login(user)
    page = client.get("/tai-khoan/khoa-api/")
    assert page.status_code == 200
    assert "Bạn chưa có khóa API nào." in page.content.decode()

    refused = client.post(
        "/tai-khoan/khoa-api/",
        {"name": "", "role": user.acting_role.pk, "can_write": "1", "expires_on": "2000-01-01"},
    )
    assert refused.status_code == 400
    html = refused.content.decode()
    assert "Hãy đặt tên cho khóa" in html and "Ngày hết hạn phải từ hôm nay trở đi." in html
    assert not ApiToken.objects.exists()

    expires = (timezone.localdate() + datetime.timedelta(days=30)).isoformat()
    made = client.post(
        "/tai-khoan/khoa-api/",
        {"name": "Quản lý văn bản", "role": user.acting_role.pk, "can_write": "0", "expires_on": expires},
        follow=True,
    )
    html = made.content.decode()
    token = ApiToken.objects.get()
    secret = html.split('data-testid="new-token-secret">')[1].split("<")[0]
    assert digest(secret) == token.digest and not token.can_write
    assert Api(secret).get("/api/v1/units/").status_code == 200
    # Shown once: the next reading of the page no longer has it.
    assert secret not in client.get("/tai-khoan/khoa-api/").content.decode()

    # The first click asks (QA walk: "Thu hồi" acted on one click): nothing is revoked yet.
    tokens_page = client.get("/tai-khoan/khoa-api/").content.decode()
    assert 'data-testid="token-revoke"><summary' in tokens_page and 'name="xac-nhan" value="1"' in tokens_page
    asked = client.post(f"/tai-khoan/khoa-api/{token.pk}/thu-hoi/")
    assert asked.status_code == 200 and 'data-testid="confirm-form"' in asked.content.decode()
    token.refresh_from_db()
    assert token.revoked_at is None
    assert Api(secret).get("/api/v1/units/").status_code == 200

    client.post(f"/tai-khoan/khoa-api/{token.pk}/thu-hoi/", {"xac-nhan": "1"})
    token.refresh_from_db()
    assert token.revoked_at is not None
    assert Api(secret).get("/api/v1/units/").status_code == 401


def test_one_cannot_revoke_anothers_token(login, roles):
    theirs = make_token(roles["other"])
    token = ApiToken.objects.get(digest=digest(theirs))
    client = login(roles["district"])
    assert client.post(f"/tai-khoan/khoa-api/{token.pk}/thu-hoi/").status_code == 404
    token.refresh_from_db()
    assert token.revoked_at is None


def test_a_token_is_made_only_for_ones_own_role(login, roles):
    """The role picked on the page is one of the user's own; another person's role id is refused
    next to the field, and the service refuses it too."""
    from django.core.exceptions import PermissionDenied

    from thidua.api import services

    client = login(roles["district"])
    expires = (timezone.localdate() + datetime.timedelta(days=30)).isoformat()
    foreign = roles["viewer"].acting_role
    response = client.post(
        "/tai-khoan/khoa-api/", {"name": "Thử", "role": foreign.pk, "can_write": "0", "expires_on": expires}
    )
    assert response.status_code == 400
    assert 'data-field-error="role"' in response.content.decode()
    with pytest.raises(PermissionDenied):
        services.create_token(
            roles["district"], role=foreign, name="Thử", can_write=False, expires_on=timezone.localdate()
        )
    assert not ApiToken.objects.exists()
