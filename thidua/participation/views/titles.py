"""Members' yearly title registrations (đăng ký danh hiệu): a member registers their own; a
CĐCS registers its members as a list or imports one; a federation sees who registered and who
did not, per unit below it, and exports the lists."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from thidua.core.access import get_for_user
from thidua.core.paging import CappedPaginator
from thidua.org.exports import xlsx_response
from thidua.org.models import Member, Unit
from thidua.participation import queries, services, title_imports
from thidua.participation.forms import TitlesForm
from thidua.participation.models import EmulationTitle, TitleRegistration


def _year(request) -> int:
    try:
        year = int(request.GET.get("nam") or request.POST.get("nam") or 0)
    except ValueError:
        year = 0
    return year if 2000 <= year <= 2100 else timezone.localdate().year


def _scope(request) -> Unit | None:
    if request.GET.get("don-vi"):
        return get_for_user(request.user, Unit, request.GET["don-vi"])
    role = request.user.acting_role
    return role.unit if role is not None else None


def _own_member(user) -> Member | None:
    return Member.objects.filter(user=user).select_related("unit").first()


def _members(request, unit: Unit, year: int):
    members = Member.objects.visible_to(request.user).within(unit).order_by("search_key", "pk")
    state = request.GET.get("trang-thai", "")
    registered = TitleRegistration.objects.filter(year=year).values("member_id")
    if state == "chua":
        members = members.exclude(pk__in=registered)
    elif state == "da":
        members = members.filter(pk__in=registered)
    return queries.members_with_titles(members, year), state


@login_required
def titles(request):
    user = request.user
    year = _year(request)
    unit = _scope(request)
    own = _own_member(user)
    context = {
        "year": year,
        "years": range(timezone.localdate().year + 1, timezone.localdate().year - 4, -1),
        "unit": unit,
        "own": own,
        "own_titles": list(TitleRegistration.objects.filter(year=year, member=own).select_related("title"))
        if own
        else [],
        "self_form": TitlesForm(),
        "titles": list(EmulationTitle.objects.filter(is_active=True)),
    }
    if unit is not None and user.has_perm("org.list_members"):
        context["by_title"] = queries.titles_total(unit, year)
        if unit.kind.is_grassroots or unit.kind.is_group:
            members, state = _members(request, unit, year)
            context["page"] = CappedPaginator(members, settings.PAGE_SIZE).get_page(request.GET.get("page"))
            context["state"] = state
            context["can_register"] = user.has_perm("participation.register_title", unit)
        else:
            context["rows"] = queries.titles_by_child(unit, year)
    elif own is None:
        raise Http404
    return render(request, "participation/titles.html", context)


def _back(year: int, unit_id: int | None = None) -> str:
    url = f"{reverse('participation:titles')}?nam={year}"
    return f"{url}&don-vi={unit_id}" if unit_id else url


@login_required
@require_POST
def titles_self(request):
    own = _own_member(request.user)
    if own is None:
        raise Http404
    year = _year(request)
    form = TitlesForm(request.POST)
    if form.is_valid():
        services.register_titles(request.user, year=year, member=own, titles=list(form.cleaned_data["titles"]))
        messages.success(request, _("Đã đăng ký danh hiệu năm %(year)s.") % {"year": year})
    else:
        messages.error(request, _("Hãy chọn ít nhất một danh hiệu."))
    return redirect(_back(year))


@login_required
@require_POST
def titles_list(request):
    """The CĐCS registers the members it ticked for one title."""
    year = _year(request)
    title = EmulationTitle.objects.filter(pk=request.POST.get("title") or 0, is_active=True).first()
    ids = [i for i in request.POST.getlist("member") if i.isdigit()]
    members = list(Member.objects.visible_to(request.user).filter(pk__in=ids).select_related("unit"))
    if title is None or not members:
        messages.error(request, _("Hãy chọn danh hiệu và ít nhất một đoàn viên."))
        return redirect(_back(year))
    added = 0
    try:
        for member in members:
            added += services.register_titles(request.user, year=year, member=member, titles=[title], by_unit=True)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            ngettext(
                "Đã đăng ký “%(title)s” cho %(n)s đoàn viên.", "Đã đăng ký “%(title)s” cho %(n)s đoàn viên.", added
            )
            % {"title": title.name, "n": added},
        )
    return redirect(_back(year))


@login_required
@require_POST
def titles_import(request):
    year = _year(request)
    upload = request.FILES.get("file")
    if upload is None:
        messages.error(request, _("Hãy chọn tệp .xlsx hoặc .csv."))
        return redirect(_back(year))
    if upload.size > settings.THIDUA_IMPORT_MAX_BYTES:
        messages.error(request, _("Tệp quá lớn."))
        return redirect(_back(year))
    result = title_imports.import_titles(request.user, upload.read(), upload.name, year=year)
    if result.ok:
        messages.success(
            request,
            ngettext(
                "Đã nhập %(n)s đăng ký danh hiệu từ %(rows)s dòng.",
                "Đã nhập %(n)s đăng ký danh hiệu từ %(rows)s dòng.",
                result.created,
            )
            % {"n": result.created, "rows": result.rows},
        )
        return redirect(_back(year))
    context = {"year": year, "errors": result.errors[:500], "error_count": len(result.errors), "name": upload.name}
    return render(request, "participation/titles_import_errors.html", context, status=400)


@login_required
def titles_export(request):
    user = request.user
    if not user.has_perm("org.list_members"):
        raise Http404
    year = _year(request)
    unit = _scope(request)
    if unit is None:
        raise Http404
    members = queries.members_with_titles(
        Member.objects.visible_to(user).within(unit).order_by("unit__path", "search_key", "pk"), year
    )
    headers = [_("STT"), _("Họ và tên"), _("Số thẻ đoàn viên"), _("Mã đơn vị"), _("Đơn vị"), _("Danh hiệu đăng ký")]
    not_registered = _("Chưa đăng ký")

    def rows():
        # In chunks: prefetch_related needs them, and a district has tens of thousands of members.
        n = 0
        for start in range(0, 10**9, 2000):
            chunk = list(members[start : start + 2000])
            if not chunk:
                return
            for m in chunk:
                n += 1
                names = ", ".join(r.title.name for r in m.year_titles) or not_registered
                yield [n, m.full_name, m.card_number or "", m.unit.code, m.unit.name, names]

    return xlsx_response(
        f"dang-ky-danh-hieu-{year}.xlsx",
        headers,
        rows(),
        [6, 30, 18, 14, 40, 50],
        sheet=_("Đăng ký danh hiệu %(year)s") % {"year": year},
    )
