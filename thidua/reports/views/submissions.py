"""A unit's report for one period: filled in and sent by the unit, accepted or sent back by a
union above, with every version sent and the history of its states."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from thidua.core.access import get_for_user
from thidua.core.forms import form_error
from thidua.core.models import AuditEntry
from thidua.org.scoping import CompiledGet
from thidua.reports import services, sources
from thidua.reports.forms import ReturnForm, SubmissionForm
from thidua.reports.models import Submission
from thidua.reports.views import picker


def _context(request, submission: Submission, form=None, return_form=None) -> dict:
    user = request.user
    indicators = list(submission.period.form.indicators.select_related("not_above"))
    answers = {a.indicator_id: a for a in submission.answers.select_related("attachment")}
    can_fill = services.SUBMISSION_WORKFLOW.can(submission, user, "submit_report")
    if form is None and can_fill:
        autos = sources.auto_values(submission, indicators)
        form = SubmissionForm(indicators=indicators, answers=answers, autos=autos)
    can_review = services.SUBMISSION_WORKFLOW.can(submission, user, "accept_report")
    return {
        "submission": submission,
        "period": submission.period,
        "report_form": submission.period.form,
        "rows": [(i, answers.get(i.pk)) for i in indicators],
        "form": form if can_fill else None,
        "can_review": can_review,
        "return_form": return_form or ReturnForm(),
        "versions": list(submission.versions.select_related("submitted_by")),
        "history": list(AuditEntry.objects.for_object(submission).select_related("actor")[:30]),
        "overdue": timezone.localdate() > submission.period.due_on,
        "picker": picker.for_submission(submission),
    }


# Sending (a POST) does not show the plan, so it leaves the campaign out of the join; and every
# CĐCS sends on the same days, so its scoped SELECT is compiled once per connection (issue 18).
_FOR_SENDING = CompiledGet(Submission, related=("unit", "period", "period__form"))


def _fetch(request, pk: int) -> Submission:
    """The report, scoped to the viewer (404 outside), with what its pages and services read: one
    statement."""
    if request.method == "POST":
        return _FOR_SENDING(request.user, pk)
    return get_for_user(
        request.user, Submission, pk, related=("unit", "period", "period__form", "period__form__campaign")
    )


@login_required
def submission_detail(request, pk: int):
    submission = _fetch(request, pk)
    if request.method != "POST":
        context = _context(request, submission)
        if jump := context["picker"].jump(request):
            return jump
        return render(request, "reports/submission.html", context)
    if not request.user.has_perm("reports.fill", submission):
        return render(request, "reports/submission.html", _context(request, submission), status=403)
    indicators = services.indicators_of(submission.period.form)
    values = {i.field_name: request.POST.get(i.field_name, "") for i in indicators}
    files = {name: upload for name, upload in request.FILES.items()}
    submit = request.POST.get("action") == "submit"
    try:
        submission = services.save_report(request.user, submission, values=values, files=files, submit=submit)
    except ValidationError as error:
        # Refused: the page again with the typed values and each message next to its field.
        answers = {a.indicator_id: a for a in submission.answers.all()}
        form = SubmissionForm(request.POST, request.FILES, indicators=indicators, answers=answers, autos={})
        form.is_valid()  # every field is optional text: the service decided what is refused
        form_error(form, error)
        messages.error(request, _("Chưa lưu: có giá trị chưa hợp lệ, xem thông báo bên cạnh từng chỉ tiêu."))
        return render(request, "reports/submission.html", _context(request, submission, form=form), status=400)
    except PermissionDenied:
        messages.error(request, _("Bạn không thể sửa báo cáo này."))
        return redirect("reports:submission", pk=submission.pk)
    if submit:
        text = _("Đã nộp báo cáo (lần %(n)s).") % {"n": submission.version}
        if submission.is_late:
            text += " " + _("Báo cáo được ghi nhận là nộp muộn.")
        messages.success(request, text)
    else:
        messages.success(request, _("Đã lưu nháp. Báo cáo chưa được gửi lên cấp trên."))
    return redirect("reports:submission", pk=submission.pk)


@login_required
@require_POST
def review(request, pk: int):
    submission = _fetch(request, pk)
    if not request.user.has_perm("reports.review", submission):
        return redirect("reports:submission", pk=submission.pk)
    try:
        if request.POST.get("action") == "accept":
            services.accept_report(request.user, submission)
            messages.success(request, _("Đã tiếp nhận báo cáo."))
        else:
            form = ReturnForm(request.POST)
            form.is_valid()
            services.return_report(request.user, submission, reason=request.POST.get("reason", ""))
            messages.success(request, _("Đã trả lại báo cáo cho đơn vị."))
    except ValidationError as error:
        form = ReturnForm(request.POST)
        form_error(form, error)
        return render(request, "reports/submission.html", _context(request, submission, return_form=form), status=400)
    return redirect("reports:submission", pk=submission.pk)
