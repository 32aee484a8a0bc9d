from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from thidua.core import login_guard
from thidua.core.access import get_for_user, require
from thidua.core.forms import form_copy, form_error
from thidua.core.models import AuditEntry
from thidua.core.paging import CappedPaginator
from thidua.org import exports, logins, queries, services
from thidua.org.filters import MemberFilter
from thidua.org.forms import MemberForm
from thidua.org.models import Member, Unit, UnitStatus


def _member_units(user):
    """Units a member may be placed in: active CĐCS and groups in the user's scope."""
    return (
        Unit.objects.visible_to(user)
        .filter(Q(kind__is_grassroots=True) | Q(kind__is_group=True), status=UnitStatus.ACTIVE)
        .order_by("path")
    )


def _filtered(request) -> MemberFilter:
    require(request.user, "org.list_members")
    units = Unit.objects.visible_to(request.user).filter(kind__is_group=False).order_by("path")
    return MemberFilter(request.GET or None, queryset=queries.members_in_scope(request.user), units=units)


@login_required
def member_list(request):
    member_filter = _filtered(request)
    rows = queries.members_for_table(member_filter.qs, rating_year=member_filter.rating_year)
    page = CappedPaginator(rows, settings.PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "filter": member_filter,
        "page": page,
        "query": query.urlencode(),
        "rating_year": member_filter.rating_year,
        "can_import": request.user.has_perm("org.import_members"),
    }
    template = "org/member_list.html#results" if request.htmx and not request.htmx.boosted else "org/member_list.html"
    return render(request, template, context)


@login_required
def member_export(request):
    member_filter = _filtered(request)
    rows = queries.members_for_table(member_filter.qs, rating_year=member_filter.rating_year)
    return exports.members_xlsx_response(rows, rating_year=member_filter.rating_year)


@login_required
def member_detail(request, pk: int):
    # One's own record is always readable, whichever unit one acts for at the moment.
    member = Member.objects.filter(pk=pk, user=request.user).select_related("unit").first() or get_for_user(
        request.user, Member, pk, perm="org.view_member"
    )
    history = []
    if request.user.has_perm("org.change_member", member):
        history = list(AuditEntry.objects.for_object(member).select_related("actor")[:50])
    context = {
        "member": member,
        "ratings": member.ratings.select_related("level").order_by("-year"),
        "history": history,
        "can_change": request.user.has_perm("org.change_member", member),
        # A member reads their own record, not their unit's page (docs/reach.md).
        "can_open_unit": request.user.has_perm("org.view_unit_page", member.unit),
    }
    if member.user_id and logins.may_unlock(request.user, member):
        failures = login_guard.failures(member.user.get_username())
        context |= {
            "can_unlock": True,
            "login_failures": failures,
            "login_locked": failures >= settings.AXES_FAILURE_LIMIT,
        }
    return render(request, "org/member_detail.html", context)


@login_required
@require_POST
def member_unlock_login(request, pk: int):
    """An officer lifts the lock that wrong passwords put on a member's login (org.logins)."""
    member = get_for_user(request.user, Member, pk, perm="org.change_member")
    if not logins.may_unlock(request.user, member):
        raise Http404
    logins.unlock_login(request.user, member)
    messages.success(
        request,
        _("Đã mở khóa đăng nhập của tài khoản %(username)s: đoàn viên có thể đăng nhập lại ngay.")
        % {"username": member.user.get_username()},
    )
    return redirect("org:member_detail", pk=member.pk)


@login_required
def member_create(request, unit_pk: int):
    unit = get_for_user(request.user, Unit, unit_pk, perm="org.add_member")
    form = MemberForm(request.POST or None, initial={"unit": unit}, units=_member_units(request.user))
    if request.method == "POST" and form.is_valid():
        try:
            member = services.create_member(request.user, **form.cleaned_data)
        except ValidationError as error:
            form_error(form, error)
        else:
            messages.success(request, _("Đã thêm đoàn viên %(name)s.") % {"name": member.full_name})
            return redirect("org:member_detail", pk=member.pk)
    return render(request, "org/member_form.html", {"form": form, "unit": unit})


@login_required
def member_edit(request, pk: int):
    member = get_for_user(request.user, Member, pk, perm="org.change_member")
    form = MemberForm(request.POST or None, instance=form_copy(member), units=_member_units(request.user))
    if request.method == "POST" and form.is_valid():
        try:
            services.update_member(request.user, member, **form.cleaned_data)
        except ValidationError as error:
            form_error(form, error)
        else:
            messages.success(request, _("Đã lưu thay đổi."))
            return redirect("org:member_detail", pk=member.pk)
    return render(request, "org/member_form.html", {"form": form, "member": member, "unit": member.unit})
