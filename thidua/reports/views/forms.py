"""Report forms: the list of what the acting unit must send and has issued, drafting a form
with its indicators, and sending it to the units."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Max
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from thidua.core.access import get_for_user, require
from thidua.core.forms import form_error
from thidua.reports import services
from thidua.reports.forms import IndicatorForm, ReportFormForm
from thidua.reports.models import FormStatus, ReportForm, Submission


@login_required
def report_list(request):
    role = request.user.acting_role
    if role is None:
        raise Http404
    require(request.user, "reports.use_reports")
    own = (
        Submission.objects.visible_to(request.user)
        .filter(unit=role.unit)
        .select_related("period", "period__form")
        .order_by("-period__due_on", "-id")[:50]
    )
    forms = (
        ReportForm.objects.visible_to(request.user)
        .select_related("issuer")
        .annotate(last_due=Max("periods__due_on"))
        .order_by("-created_at", "-id")[:100]
    )
    return render(
        request,
        "reports/report_list.html",
        {
            "unit": role.unit,
            "own": own,
            "forms": forms if role.unit.kind.is_federation else [],
            "can_add": request.user.has_perm("reports.add_form", role.unit),
            "today": timezone.localdate(),
        },
    )


@login_required
def form_create(request):
    role = request.user.acting_role
    if role is None:
        raise Http404
    require(request.user, "reports.add_form", role.unit)
    form = ReportFormForm(request.POST or None, unit=role.unit)
    if request.method == "POST" and form.is_valid():
        try:
            created = services.create_form(request.user, issuer=role.unit, **form.cleaned_data)
        except ValidationError as error:
            form_error(form, error)
        else:
            messages.success(request, _("Đã tạo biểu mẫu. Hãy thêm các chỉ tiêu rồi gửi các đơn vị."))
            return redirect("reports:form", pk=created.pk)
    return render(request, "reports/form_edit.html", {"form": form, "report_form": None})


@login_required
def form_edit(request, pk: int):
    report_form = get_for_user(request.user, ReportForm, pk, perm="reports.change_form")
    initial = {name: getattr(report_form, name) for name in services.FORM_FIELDS}
    form = ReportFormForm(request.POST or None, unit=report_form.issuer, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_form(request.user, report_form, **form.cleaned_data)
        except ValidationError as error:
            form_error(form, error)
        else:
            messages.success(request, _("Đã lưu biểu mẫu."))
            return redirect("reports:form", pk=report_form.pk)
    return render(request, "reports/form_edit.html", {"form": form, "report_form": report_form})


@login_required
def form_detail(request, pk: int):
    report_form = get_for_user(request.user, ReportForm, pk)
    can_change = request.user.has_perm("reports.change_form", report_form)
    indicator_form = IndicatorForm(request.POST or None, form=report_form)
    if request.method == "POST":
        if not can_change:
            raise Http404
        if indicator_form.is_valid():
            try:
                services.save_indicator(request.user, report_form, **indicator_form.cleaned_data)
            except ValidationError as error:
                form_error(indicator_form, error)
            else:
                messages.success(request, _("Đã thêm chỉ tiêu."))
                return redirect("reports:form", pk=report_form.pk)
    return render(
        request,
        "reports/form_detail.html",
        {
            "report_form": report_form,
            "indicators": list(report_form.indicators.select_related("not_above")),
            "periods": list(report_form.periods.all()),
            "can_change": can_change,
            # Indicators change until the form is sent; sending is the workflow's move.
            "is_draft": report_form.status == FormStatus.DRAFT,
            "can_publish": services.FORM_WORKFLOW.can(report_form, request.user, "publish_report_form"),
            "indicator_form": indicator_form,
            "can_view_board": request.user.has_perm("reports.view_board"),
        },
    )


@login_required
@require_POST
def indicator_delete(request, pk: int, indicator: int):
    report_form = get_for_user(request.user, ReportForm, pk, perm="reports.change_form")
    try:
        services.delete_indicator(request.user, report_form, indicator)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("reports:form", pk=report_form.pk)


@login_required
@require_POST
def publish(request, pk: int):
    report_form = get_for_user(request.user, ReportForm, pk, perm="reports.change_form")
    try:
        period = services.publish_form(request.user, report_form)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("reports:form", pk=report_form.pk)
    messages.success(
        request,
        _("Đã gửi biểu mẫu tới %(n)s đơn vị — %(period)s, hạn nộp %(due)s.")
        % {"n": period.submissions.count(), "period": period.label, "due": f"{period.due_on:%d/%m/%Y}"},
    )
    return redirect("reports:board", pk=period.pk)
