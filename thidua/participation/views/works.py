"""One work: its state, evidence and photos; completing it, its inauguration, more evidence."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from thidua.core.access import get_for_user
from thidua.core.forms import form_error
from thidua.core.models import AuditEntry
from thidua.core.workflow import TransitionNotAllowed
from thidua.participation import services
from thidua.participation.forms import CompleteForm, EvidenceForm, InaugurateForm
from thidua.participation.models import Work


def _work(request, pk: int, perm: str | None = None) -> Work:
    return get_for_user(request.user, Work, pk, perm=perm, related=("campaign", "unit"))


def _context(request, work: Work, **forms) -> dict:
    return {
        "work": work,
        "campaign": work.campaign,
        "evidence": list(work.evidence.select_related("attachment").order_by("submitted_at", "id")),
        "can_act": request.user.has_perm("participation.change_own", work),
        # The buttons: the moves the workflow allows this user from the work's state.
        "actions": {t.action for t in services.WORK_WORKFLOW.allowed(work, request.user)},
        "due": services.due_dates(work.campaign)["work"],
        "complete_form": forms.get("complete_form") or CompleteForm(),
        "inaugurate_form": forms.get("inaugurate_form") or InaugurateForm(),
        "evidence_form": forms.get("evidence_form") or EvidenceForm(),
        "history": list(AuditEntry.objects.for_object(work).select_related("actor")[:30]),
    }


@login_required
def work_detail(request, pk: int):
    work = _work(request, pk)
    return render(request, "participation/work_detail.html", _context(request, work))


def _post(request, pk: int, form_class, form_name: str, action, success: str):
    work = _work(request, pk, perm="participation.change_own")
    form = form_class(request.POST, request.FILES)
    if form.is_valid():
        try:
            action(work, **form.cleaned_data)
        except ValidationError as error:
            form_error(form, error)
        except TransitionNotAllowed as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, success)
            return redirect("participation:work", pk=work.pk)
    context = _context(request, work, **{form_name: form})
    context["open_form"] = form_name
    return render(request, "participation/work_detail.html", context, status=400)


def _articles(data: dict) -> list[tuple[str, str]]:
    return [(data["article_url"], data["article_title"])] if data.get("article_url") else []


@login_required
@require_POST
def work_complete(request, pk: int):
    return _post(
        request,
        pk,
        CompleteForm,
        "complete_form",
        lambda work, **d: services.complete_work(
            request.user,
            work,
            completed_on=d["completed_on"],
            photos=d["photos"],
            article_url=d["article_url"],
            article_title=d["article_title"],
        ),
        _("Đã ghi nhận hoàn thành công trình."),
    )


@login_required
@require_POST
def work_inaugurate(request, pk: int):
    return _post(
        request,
        pk,
        InaugurateForm,
        "inaugurate_form",
        lambda work, **d: services.inaugurate_work(request.user, work, **d),
        _("Đã ghi nhận lễ khánh thành."),
    )


@login_required
@require_POST
def work_evidence(request, pk: int):
    return _post(
        request,
        pk,
        EvidenceForm,
        "evidence_form",
        lambda work, **d: services.add_evidence(request.user, work, photos=d["photos"], articles=_articles(d)),
        _("Đã gửi tin bài, hình ảnh."),
    )
