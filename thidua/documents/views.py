from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from thidua.core.access import get_for_user, require
from thidua.core.forms import form_error
from thidua.core.models import AuditEntry
from thidua.documents import queries, services
from thidua.documents.filters import RegisterFilter
from thidua.documents.forms import IssuerProfileForm
from thidua.documents.models import title_lines
from thidua.org.models import Unit


@login_required
def register(request):
    """The document register (sổ văn bản) of the acting unit and the units below it."""
    require(request.user, "documents.view_register")
    register_filter = RegisterFilter(request.GET or None, queryset=queries.register_for_user(request.user))
    page = Paginator(register_filter.qs, settings.PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {"filter": register_filter, "page": page, "query": query.urlencode()}
    partial = request.htmx and not request.htmx.boosted
    return render(request, "documents/register.html#results" if partial else "documents/register.html", context)


@login_required
def my_issuer_profile(request):
    """The menu's entry: the letterhead of the unit the user acts for."""
    role = getattr(request.user, "acting_role", None)
    if role is None:
        raise Http404
    return redirect("documents:issuer_profile", pk=role.unit_id)


@login_required
def issuer_profile(request, pk: int):
    """The unit's letterhead (name lines, place, signer), edited by those who issue its papers
    — the unit's own standing committee, emulation officer or CĐCS chair; anyone else, a unit
    above included, gets 404 (documents.change_issuer_profile). Saved through
    services.save_issuer_profile: checked, atomic, audited."""
    unit = get_for_user(request.user, Unit, pk, perm="documents.change_issuer_profile")
    profile = services.profile_for(unit)
    form = IssuerProfileForm(request.POST or None, instance=profile)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            values = {name: form.cleaned_data[name] for name in services.PROFILE_FIELDS}
            try:
                services.save_issuer_profile(request.user, unit, **values)
            except ValidationError as error:
                form_error(form, error)
            else:
                messages.success(request, _("Đã lưu thông tin cơ quan ban hành."))
                return redirect("documents:issuer_profile", pk=unit.pk)
        status = 400
    history = []
    if profile.pk:
        history = list(AuditEntry.objects.for_object(profile).select_related("actor")[:10])
    # The name lines as the paper breaks them (" / " or a newline typed in the field).
    preview = {name: title_lines(str(form[name].value() or "")) for name in ("superior_line", "body_line")}
    context = {"unit": unit, "form": form, "profile": profile, "history": history, "preview": preview}
    return render(request, "documents/issuer_profile.html", context, status=status)
