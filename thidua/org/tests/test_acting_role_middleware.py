"""The acting role read on every request (org.middleware; its roles by core.compiled)."""

from django.contrib.auth import get_user_model
from django.contrib.sessions.backends.db import SessionStore
from django.db import connection
from django.http import HttpResponse
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils.functional import SimpleLazyObject

from thidua.org.middleware import SESSION_KEY, ActingRoleMiddleware
from thidua.org.models import Role, RoleKind
from thidua.org.tests.factories import make_user


def _through_middleware(user, chosen=None, path="/"):
    request = RequestFactory().get(path)
    request.session = SessionStore()
    if chosen is not None:
        request.session[SESSION_KEY] = chosen
    request.user = SimpleLazyObject(lambda: get_user_model().objects.get(pk=user.pk))
    response = ActingRoleMiddleware(lambda r: HttpResponse("ok"))(request)
    return request, response


def test_one_statement_reads_the_roles_in_tree_order_with_their_units_and_user(federation):
    officer = make_user("can_bo", RoleKind.EMULATION_OFFICER, federation.school)
    Role.objects.create(user=officer, unit=federation.city, kind=RoleKind.EMULATION_OFFICER)
    chosen = Role.objects.get(user=officer, unit=federation.school)
    with CaptureQueriesContext(connection) as seen:
        request, response = _through_middleware(officer, chosen=chosen.pk)
        roles = request.user.available_roles
        names = [(r.unit.name, r.unit.kind.code, r.user.username) for r in roles]
    assert response.status_code == 200
    # the user (the lazy object's own read), then the roles with unit and kind: nothing per role
    assert len(seen.captured_queries) == 2
    assert names == [
        (federation.city.name, "province", "can_bo"),
        (federation.school.name, "grassroots", "can_bo"),
    ]
    assert request.user.acting_role == chosen
    assert type(roles[0].user) is get_user_model()  # the User itself, not the request's lazy wrapper


def test_a_user_with_several_roles_and_none_chosen_is_asked_to_choose(federation):
    officer = make_user("hai_vai", RoleKind.EMULATION_OFFICER, federation.school)
    Role.objects.create(user=officer, unit=federation.city, kind=RoleKind.EMULATION_OFFICER)
    _, response = _through_middleware(officer, path="/bao-cao/")
    assert response.status_code == 302 and "/vai-tro/" in response["Location"]
    lone = make_user("mot_vai", RoleKind.GRASSROOTS_CHAIR, federation.company)
    request, response = _through_middleware(lone, path="/bao-cao/")
    assert response.status_code == 200 and request.user.acting_role.unit == federation.company
