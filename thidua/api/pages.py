"""The user's API tokens page (“Khóa API”, from the account menu): make a token for one of
one's roles, see it once, revoke it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from thidua.api import services
from thidua.api.forms import TokenForm
from thidua.api.models import ApiToken
from thidua.core import confirm
from thidua.core.access import get_for_user
from thidua.core.forms import form_error

SESSION_SECRET = "api_new_token"  # noqa: S105 — the session key's name


@login_required
def tokens(request):
    roles = list(request.user.roles.select_related("unit", "unit__kind").order_by("unit__path", "kind"))
    acting = getattr(request.user, "acting_role", None)
    initial = {"role": acting.pk} if acting is not None else {}
    form = TokenForm(request.POST or None, roles=roles, initial=initial)
    if request.method == "POST":
        if form.is_valid():
            role = next(r for r in roles if r.pk == form.cleaned_data["role"])
            try:
                token, secret = services.create_token(
                    request.user,
                    role=role,
                    name=form.cleaned_data["name"],
                    can_write=form.cleaned_data["can_write"],
                    expires_on=form.cleaned_data["expires_on"],
                )
            except ValidationError as error:
                form_error(form, error)
            else:
                request.session[SESSION_SECRET] = {"id": token.pk, "secret": secret}
                return redirect("api:tokens")
        status = 400
    else:
        status = 200
    new = request.session.pop(SESSION_SECRET, None)  # shown once: gone at the next reading
    rows = list(ApiToken.objects.filter(user=request.user).select_related("role__unit"))
    return render(
        request,
        "api/tokens.html",
        {"form": form, "tokens": rows, "new": new, "has_roles": bool(roles)},
        status=status,
    )


@login_required
@require_POST
def revoke(request, pk: int):
    token = get_for_user(request.user, ApiToken.objects.filter(user=request.user), pk)
    if not confirm.confirmed(request):
        return confirm.confirmation_page(
            request,
            title=_("Thu hồi khóa API “%(name)s”?") % {"name": token.name},
            question=_("Hệ thống dùng khóa này sẽ bị từ chối ngay; không thể dùng lại khóa đã thu hồi."),
            button=_("Thu hồi khóa này"),
            cancel=reverse("api:tokens"),
        )
    services.revoke_token(request.user, token)
    messages.success(
        request, _("Đã thu hồi khóa “%(name)s”: hệ thống dùng khóa này sẽ bị từ chối.") % {"name": token.name}
    )
    return redirect("api:tokens")
