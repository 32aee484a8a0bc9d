from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme

from thidua.org.middleware import SESSION_KEY


@login_required
def choose_role(request):
    roles = request.user.available_roles
    next_url = request.POST.get("next") or request.GET.get("next") or "/"
    if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
        next_url = "/"
    if request.method == "POST":
        try:
            chosen = int(request.POST.get("role", ""))
        except ValueError:
            raise Http404 from None
        if chosen not in {r.pk for r in roles}:
            raise Http404
        request.session[SESSION_KEY] = chosen
        return redirect(next_url)
    return render(request, "org/choose_role.html", {"roles": roles, "next": next_url})
