"""Which role the user acts in for this request.

Roles are read once per request (one query) and the chosen one is kept in the session. A user
with one role acts in it; a user with several picks one (org.views.roles.choose_role) and every
page shows it in the header.
"""

from django.shortcuts import redirect
from django.urls import reverse

from thidua.core.compiled import CompiledRead
from thidua.org.models import Role

SESSION_KEY = "acting_role_id"
# Pages a user with several roles can open before choosing one.
_EXEMPT_PREFIXES = ("/dang-nhap/", "/dang-xuat/", "/vai-tro/", "/static/", "/admin/", "/i18n/", "/healthz/")


# Every request of a signed-in user reads their roles: compiled once per connection (issue 18).
_ROLES = CompiledRead(
    lambda user_id: Role.objects.filter(user_id=user_id).select_related("unit", "unit__kind").order_by(), user_id=int
)


def _tree_order(role) -> tuple[str, str]:
    return role.unit.path, role.kind


class ActingRoleMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if user.is_authenticated:
            # Ordered here, not by the statement: an ORDER BY over the joined unit costs more to
            # compile than a sort of a person's few roles (issue 18, a submission's CPU).
            roles = sorted(_ROLES(user_id=user.pk), key=_tree_order)
            person = getattr(user, "_wrapped", user)  # the User, not the lazy wrapper around it
            for role in roles:
                Role.user.field.set_cached_value(role, person)
            user.available_roles = roles
            chosen = request.session.get(SESSION_KEY)
            acting = next((r for r in roles if r.pk == chosen), None)
            if acting is None and len(roles) == 1:
                acting = roles[0]
            user.acting_role = acting
            if acting is None and len(roles) > 1 and not request.path.startswith(_EXEMPT_PREFIXES):
                return redirect(f"{reverse('org:choose_role')}?next={request.get_full_path()}")
        return self.get_response(request)
