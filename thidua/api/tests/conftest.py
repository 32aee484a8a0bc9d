import datetime

import pytest
from django.core.cache import cache
from django.test import Client
from django.utils import timezone

from thidua.api import services
from thidua.org.models import RoleKind
from thidua.org.tests.factories import make_user


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _fresh_throttle():
    cache.clear()
    yield
    cache.clear()


def make_token(user, *, write: bool = False, days: int = 30, role=None) -> str:
    """A token for the user's acting role (or `role`), made through the service, as the page does."""
    role = role or user.acting_role
    _token, secret = services.create_token(
        user,
        role=role,
        name=f"Hệ thống thử {role.pk}",
        can_write=write,
        expires_on=timezone.localdate() + datetime.timedelta(days=days),
    )
    return secret


class Api:
    """The test client speaking as a system that holds a token."""

    def __init__(self, secret: str | None):
        self.client = Client()
        self.headers = {"Authorization": f"Bearer {secret}"} if secret else {}

    def get(self, path: str, **params):
        return self.client.get(path, params, headers=self.headers)

    def post(self, path: str, data=None, **kwargs):
        kwargs.setdefault("content_type", "application/json")
        return self.client.post(path, data, headers=self.headers, **kwargs)


@pytest.fixture
def api():
    def _api(user=None, *, write: bool = False, role=None):
        return Api(make_token(user, write=write, role=role) if user is not None else None)

    return _api


@pytest.fixture
def roles(federation):
    """One user per demo role, seated as tests/test_reach.py seats them: a Long Biên CĐCS's chair
    and officer, the district's office and standing committee, a viewer at the city, a council
    member and a member (personal roles), the other district's office."""
    f = federation
    return {
        "cdcs_chair": make_user("api_cdcs", RoleKind.GRASSROOTS_CHAIR, f.school),
        "cdcs_officer": make_user("api_cdcs_cb", RoleKind.GRASSROOTS_OFFICER, f.school),
        "district": make_user("api_lb", RoleKind.EMULATION_OFFICER, f.long_bien),
        "leader": make_user("api_lb_ct", RoleKind.STANDING_COMMITTEE, f.long_bien),
        "viewer": make_user("api_hn", RoleKind.VIEWER, f.city),
        "council": make_user("api_hd", RoleKind.COUNCIL_MEMBER, f.long_bien),
        "member": make_user("api_dv", RoleKind.MEMBER, f.school),
        "other": make_user("api_gl", RoleKind.EMULATION_OFFICER, f.gia_lam),
    }
