"""A campaign's interim or final review: drafted from the campaign's page with its figures,
edited, issued with a number, downloaded as DOCX or PDF."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from thidua.campaigns.models import Campaign
from thidua.core.access import get_for_user, require
from thidua.core.forms import form_error
from thidua.core.models import AuditEntry
from thidua.documents.rendering import render as render_document
from thidua.documents.signed_views import signed_pdf
from thidua.reports import review_document, services
from thidua.reports.forms import ReviewDraftForm, ReviewForm
from thidua.reports.models import CampaignReview, ReviewKind

CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


@login_required
@require_POST
def review_create(request, pk: int):
    campaign = get_for_user(request.user, Campaign, pk, perm="campaigns.view_campaign")
    role = request.user.acting_role
    if role is None:
        raise Http404
    require(request.user, "reports.change_review", role.unit)
    form = ReviewDraftForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Ngày không hợp lệ: hãy nhập ngày theo dạng ngày/tháng/năm."))
        return redirect("campaigns:detail", pk=campaign.pk)
    data = form.cleaned_data
    try:
        review = services.draft_review(
            request.user,
            campaign,
            issuer=role.unit,
            kind=data["kind"] or ReviewKind.FINAL,
            covers_from=data["covers_from"],
            covers_to=data["covers_to"],
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("campaigns:detail", pk=campaign.pk)
    messages.success(request, _("Đã soạn dự thảo với số liệu hiện có. Hãy đọc, bổ sung đánh giá rồi ban hành."))
    return redirect("reports:review", pk=review.pk)


@login_required
def review_detail(request, pk: int):
    review = get_for_user(request.user, CampaignReview, pk)
    can_change = review.is_draft and request.user.has_perm("reports.change_review", review)
    form = None
    if can_change:
        initial = {name: getattr(review, name) for name in services.REVIEW_FIELDS}
        form = ReviewForm(request.POST or None, initial=initial)
        if request.method == "POST" and form.is_valid():
            try:
                # Saved and issued in one transaction: a refused issue keeps the draft as it was.
                issue = request.POST.get("action") == "issue"
                review = services.save_review(request.user, review, issue=issue, **form.cleaned_data)
                if issue:  # its number is on the fresh copy
                    messages.success(request, _("Đã ban hành báo cáo số %(n)s.") % {"n": review.register_entry})
                else:
                    messages.success(request, _("Đã lưu dự thảo."))
            except ValidationError as error:
                form_error(form, error)
            else:
                return redirect("reports:review", pk=review.pk)
    elif request.method == "POST":
        raise Http404
    return render(
        request,
        "reports/review.html",
        {
            "review": review,
            "form": form,
            "can_issue": can_change and services.REVIEW_WORKFLOW.can(review, request.user, "issue_review"),
            "history": list(AuditEntry.objects.for_object(review).select_related("actor")[:20]),
        },
    )


@login_required
@require_POST
def review_refresh(request, pk: int):
    review = get_for_user(request.user, CampaignReview, pk)
    if not request.user.has_perm("reports.change_review", review):
        raise Http404
    try:
        services.refresh_review_figures(request.user, review)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Đã cập nhật số liệu phần I, II theo dữ liệu hôm nay; phần đánh giá giữ nguyên."))
    return redirect("reports:review", pk=review.pk)


@login_required
def review_file(request, pk: int, fmt: str):
    review = get_for_user(request.user, CampaignReview, pk)
    if fmt not in CONTENT_TYPES:
        raise Http404
    # The signed original of record once attached and valid (issue 21); ?ban-in=1: the print.
    if fmt == "pdf" and (signed := signed_pdf(request, review.register_entry)) is not None:
        return signed
    data = render_document(review_document.build(review), fmt)
    response = HttpResponse(data, content_type=CONTENT_TYPES[fmt])
    number = review.register_entry.number if review.register_entry_id else "du-thao"
    # The kind's Vietnamese name and an LĐLĐ/CĐCS number are not ASCII: a plain filename="…"
    # header reached browsers MIME-encoded and unreadable (the PDF opened inline, Word saved
    # as "download.docx"); content_disposition_header writes RFC 6266's filename*.
    kind = review.get_kind_display().lower().replace(" ", "-")
    response["Content-Disposition"] = content_disposition_header(True, f"bao-cao-{kind}-{number}.{fmt}")
    return response
