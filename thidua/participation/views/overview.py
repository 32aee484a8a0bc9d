"""The federation's overview of a campaign: who registered, registered models and works, how
far the works went, the photos, what came late and who has nothing — rolled up level by level."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from thidua.campaigns.models import Campaign
from thidua.core.access import get_for_user
from thidua.org.exports import xlsx_response
from thidua.org.models import Unit
from thidua.org.queries import breadcrumbs
from thidua.participation import queries, services
from thidua.participation.forms import DueDateForm

MISSING_LABELS = {
    "work": gettext_lazy("chưa đăng ký công trình, phần việc"),
    "registration": gettext_lazy("chưa đăng ký thi đua"),
    "model": gettext_lazy("chưa có mô hình"),
}


def _scope(request, campaign: Campaign) -> Unit:
    role = request.user.acting_role
    if request.GET.get("don-vi"):
        return get_for_user(request.user, Unit, request.GET["don-vi"])
    return role.unit if role is not None else campaign.issuer


def _part(request) -> str:
    part = request.GET.get("chua-co", "work")
    return part if part in queries.MISSING else "work"


@login_required
def overview(request, pk: int):
    campaign = get_for_user(request.user, Campaign, pk, perm="participation.view_overview")
    unit = _scope(request, campaign)
    part = _part(request)
    missing = queries.missing(campaign, unit, part)
    late = queries.late(campaign, unit, part) if part in queries.LATE else None
    today = timezone.localdate()
    rows = queries.progress_by_child(campaign, unit)
    # A federation's total is the sum of its children's rows (one query saved on the largest
    # page); a CĐCS has no child rows, so its own figures are counted.
    total = queries.progress_total(campaign, unit) if unit.kind.is_grassroots else queries.summed(rows)
    due = services.due_dates(campaign)
    context = {
        "campaign": campaign,
        "unit": unit,
        "crumbs": breadcrumbs(request.user, unit),
        "total": total,
        "rows": rows,
        "part": part,
        "part_label": MISSING_LABELS[part],
        "missing_labels": MISSING_LABELS,
        # Plain values: a hundred names need no model instances (the province page's budget).
        "missing": missing.values("unit__name", "unit__parent__name")[:100],
        "missing_count": missing.count(),
        # Who has one, but sent it after the deadline (registrations and models say so).
        "late_rows": (
            late.values("unit__name", "unit__parent__name", "registered_at")[:100] if late is not None else None
        ),
        "late_count": late.count() if late is not None else 0,
        "past_due": due.get(part) is not None and today > due[part],
        "due": due,
        "gallery": list(queries.gallery(campaign, unit)),
        "late": list(queries.late_evidence(campaign, unit)[:30]),
        "can_set_due": request.user.has_perm("campaigns.issue_campaign", campaign),
        "due_form": DueDateForm(),
    }
    return render(request, "participation/overview.html", context)


@login_required
def missing_export(request, pk: int):
    campaign = get_for_user(request.user, Campaign, pk, perm="participation.view_overview")
    unit = _scope(request, campaign)
    part = _part(request)
    headers = [_("STT"), _("Mã đơn vị"), _("Đơn vị"), _("Cấp trên"), _("Tình trạng")]

    def rows():
        for n, d in enumerate(queries.missing(campaign, unit, part).iterator(chunk_size=2000), start=1):
            yield [n, d.unit.code, d.unit.name, d.unit.parent.name if d.unit.parent else "", str(MISSING_LABELS[part])]

    return xlsx_response(
        f"chua-co-{part}-{campaign.pk}.xlsx", headers, rows(), [6, 14, 40, 30, 36], sheet=str(MISSING_LABELS[part])
    )


@login_required
@require_POST
def set_due(request, pk: int):
    campaign = get_for_user(request.user, Campaign, pk, perm="campaigns.issue_campaign")
    form = DueDateForm(request.POST)
    if form.is_valid():
        try:
            services.set_due_date(request.user, campaign, part=form.cleaned_data["part"], due=form.cleaned_data["due"])
        except (ValidationError, PermissionDenied) as error:
            messages.error(request, " ".join(getattr(error, "messages", [str(error)])))
        else:
            messages.success(request, _("Đã lưu thời hạn."))
    else:
        messages.error(request, _("Hãy chọn phần việc và ngày hợp lệ."))
    return redirect("participation:overview", pk=campaign.pk)
