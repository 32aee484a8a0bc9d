"""Views of the awards app: nominations — a CĐCS's campaigns and its batch for one, making and
editing a nomination, its page (criteria, dossier, what the acting user may do next) and its
actions. The office's pages (setup, review queue, decisions) live in views/setup.py and
views/review.py; their paths are listed here too, so awards/urls.py joins one list per part."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from thidua.awards import queries, services
from thidua.awards.eligibility import evaluate_nomination
from thidua.awards.forms import (
    AchievementForm,
    ActForUnitForm,
    AttestForm,
    DossierFileForm,
    NominationForm,
    ReasonForm,
)
from thidua.awards.models import (
    LIVE_STATUSES,
    CheckResult,
    Criterion,
    CriterionKind,
    Decision,
    DossierFile,
    DossierRequirement,
    Nomination,
    NominationStatus,
)
from thidua.awards.workflow import MANUAL_ACTIONS, NOMINATION_WORKFLOW
from thidua.campaigns.models import Campaign
from thidua.core.access import get_for_user, require
from thidua.core.forms import form_error
from thidua.core.models import AuditEntry
from thidua.core.workflow import TransitionNotAllowed
from thidua.org.models import RoleKind, Unit

S = NominationStatus


UNIT_PARAM = "don-vi"


def _unit(request):
    """The proposing unit: the acting CĐCS, or the CĐCS a federation's emulation office acts
    for, picked on the page (?don-vi=<id>; paper dossiers still arrive at the office). A unit
    outside the user's scope is 404, as if it did not exist; `awards.nominate` says the rest."""
    raw = request.GET.get(UNIT_PARAM) or request.POST.get(UNIT_PARAM)
    if raw:
        return get_for_user(request.user, Unit, raw)
    role = getattr(request.user, "acting_role", None)
    return role.unit if role is not None else None


def unit_query(request, unit) -> str:
    """The query string that keeps the picked CĐCS on the next page ("" for the acting unit)."""
    role = getattr(request.user, "acting_role", None)
    if unit is None or (role is not None and role.unit_id == unit.pk):
        return ""
    return f"?{UNIT_PARAM}={unit.pk}"


def units_to_act_for(request):
    """The CĐCS of the acting federation's subtree its office may nominate for (the picker)."""
    role = getattr(request.user, "acting_role", None)
    if role is None or role.kind != RoleKind.EMULATION_OFFICER or not role.unit.kind.is_federation:
        return Unit.objects.none()
    return Unit.objects.within(role.unit).grassroots().active().only("pk", "name", "path").order_by("path")


def _with(url: str | None, query: str) -> str | None:
    return url + query if url else url


def _proposal(request, campaign_pk: int, unit, fmt: str) -> str | None:
    """The unit's tờ trình for the campaign as `fmt` (pdf, docx), for the picked CĐCS."""
    return _with(url_or_none("awards:proposal_file", campaign_pk, fmt), unit_query(request, unit))


def url_or_none(name: str, *args) -> str | None:
    """A link to a page of another part of the app, once that part has it."""
    try:
        return reverse(name, args=args)
    except NoReverseMatch:
        return None


# --- a CĐCS's campaigns and batch --------------------------------------------------------------


@login_required
def my_nominations(request):
    """The campaigns the acting CĐCS may nominate for, with what it has sent."""
    unit = _unit(request)
    pickable = units_to_act_for(request)
    if not request.user.has_perm("awards.nominate", unit) and not pickable.exists():
        raise Http404
    # An administrator acts in no unit (unit None) yet holds every permission.
    can = unit is not None and request.user.has_perm("awards.nominate", unit)
    rows = queries.campaigns_for_unit(request.user, unit) if can else []
    context = {
        "unit": unit if can else None,
        "campaigns": rows,
        # The CĐCS picker (?don-vi=, its search box ?don-vi__tim= when sent without JavaScript).
        "act_for": ActForUnitForm(request.GET or None, units=pickable) if pickable.exists() else None,
        "unit_param": UNIT_PARAM,
        "unit_query": unit_query(request, unit),
    }
    return render(request, "awards/nominations/campaigns.html", context)


def _campaign(request, pk: int) -> Campaign:
    return get_for_user(request.user, Campaign, pk, related=("issuer", "issuer__kind", "reward"))


def _batch_context(request, campaign: Campaign, unit) -> dict:
    # The verdict of the criteria as stored when each was sent — what the office's queue shows.
    rows = queries.with_dues(queries.with_verdicts(queries.unit_batch(campaign, unit)))
    quota_rows = queries.quota_rows(campaign, unit)
    plan_due = queries.due_date(campaign)
    proposes = any(n.status in LIVE_STATUSES for n in rows)
    return {
        "campaign": campaign,
        "unit": unit,
        "nominations": rows,
        "quota_rows": quota_rows,
        "due": queries.first_due(plan_due, [q["offer"].due_on for q in quota_rows]),
        "drafts": [n for n in rows if n.status == S.DRAFT],
        "can_nominate": request.user.has_perm("awards.nominate", unit),
        # The tờ trình lists the unit's live nominations: with none there is no paper to open.
        "proposal_pdf": _proposal(request, campaign.pk, unit, "pdf") if proposes else None,
        "proposal_docx": _proposal(request, campaign.pk, unit, "docx") if proposes else None,
        "requirements": queries.requirements_for(campaign),
        "unit_query": unit_query(request, unit),
    }


@login_required
def unit_nominations(request, campaign: int):
    campaign = _campaign(request, campaign)
    unit = _unit(request)
    require(request.user, "awards.nominate", unit)
    if not unit.is_within(campaign.issuer) or not campaign.award_offers.exists():
        raise Http404
    return render(request, "awards/nominations/batch.html", _batch_context(request, campaign, unit))


@login_required
@require_POST
def submit_batch(request, campaign: int):
    campaign = _campaign(request, campaign)
    unit = _unit(request)
    require(request.user, "awards.submit", unit)
    confirmed = [int(v) for v in request.POST.getlist("xac_nhan") if v.isdigit()]
    reason = request.POST.get("ly_do", "")
    try:
        sent = services.submit_batch(request.user, campaign=campaign, unit=unit, confirmed=confirmed, reason=reason)
    except services.CriteriaNotConfirmed as error:
        # Nothing sent: the page asks the sender to confirm each nomination that fails its
        # criteria, by name, and to say why (kept in the audit trail with the sending).
        context = _batch_context(request, campaign, unit)
        context |= {"failing": error.failing, "confirm_errors": error.messages, "confirmed": set(confirmed)}
        context["reason"] = reason
        return render(request, "awards/nominations/batch.html", context, status=400)
    except ValidationError as error:
        context = _batch_context(request, campaign, unit)
        context["errors"] = error.messages
        return render(request, "awards/nominations/batch.html", context, status=400)
    messages.success(
        request,
        _("Đã gửi %(n)s hồ sơ đề nghị khen thưởng đến %(level)s.") % {"n": len(sent), "level": sent[0].level.name},
    )
    return redirect(reverse("awards:unit_nominations", args=[campaign.pk]) + unit_query(request, unit))


@login_required
def nomination_create(request, campaign: int):
    campaign = _campaign(request, campaign)
    unit = _unit(request)
    require(request.user, "awards.nominate", unit)
    if not unit.is_within(campaign.issuer):
        raise Http404
    form = NominationForm(request.POST or None, campaign=campaign, unit=unit)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            nomination = services.nominate(
                request.user,
                campaign=campaign,
                award_kind=data["award_kind"],
                unit=unit,
                achievement=data["achievement"],
                subject_member=data["subject_member"],
                subject_unit=data["subject_unit"],
            )
        except ValidationError as error:
            if hasattr(error, "error_dict") and "subject" in error.error_dict:
                error.error_dict["subject_member"] = error.error_dict.pop("subject")
            form_error(form, error)
        else:
            messages.success(request, _("Đã lập đề nghị. Hãy bổ sung hồ sơ rồi gửi cùng cả danh sách."))
            return redirect("awards:nomination", pk=nomination.pk)
    return render(
        request,
        "awards/nominations/form.html",
        {
            "form": form,
            "campaign": campaign,
            "unit": unit,
            "quota_rows": queries.quota_rows(campaign, unit),
            "unit_query": unit_query(request, unit),
        },
        status=400 if form.is_bound else 200,
    )


# --- one nomination ----------------------------------------------------------------------------


# what a nomination's pages show, read in the scoped statement itself
NOMINATION_PAGE = (
    "unit",
    "level",
    "level__kind",
    "level__parent",
    "award_kind",
    "campaign",
    "campaign__reward",
    "campaign__issuer",
    "subject_member",
    "subject_member__unit",
    "subject_unit",
)


def _nomination(request, pk: int, perm: str = "awards.view_nomination") -> Nomination:
    return get_for_user(request.user, Nomination, pk, perm=perm, related=NOMINATION_PAGE)


def criteria_rows(nomination: Nomination) -> list[dict]:
    """Each criterion of the kind (and the campaign), with its result: the live one while the
    unit still edits the dossier, what was stored when it was sent afterwards."""
    checks = {c.criterion_id: c for c in nomination.checks.select_related("evidence")}
    live = nomination.status in (S.DRAFT, S.RETURNED) or not checks
    outcomes = evaluate_nomination(nomination) if live else []
    if outcomes:
        pairs = [(o.criterion, o.result, o.detail) for o in outcomes]
    else:
        criteria = Criterion.objects.filter(award_kind=nomination.award_kind).filter(
            campaign__isnull=True
        ) | Criterion.objects.filter(award_kind=nomination.award_kind, campaign=nomination.campaign)
        pairs = []
        for criterion in criteria.order_by("order", "id"):
            check = checks.get(criterion.pk)
            pairs.append((criterion, check.result if check else "", check.detail if check else ""))
    labels = dict(CheckResult.choices)
    rows = []
    for criterion, result, detail in pairs:
        check = checks.get(criterion.pk)
        if check is not None and (check.attestation or check.evidence_id) and result in ("", CheckResult.MISSING):
            result = CheckResult.ATTESTED
        rows.append(
            {
                "criterion": criterion,
                "result": result,
                "result_label": labels.get(result, ""),
                "detail": detail,
                "check": check,
                "attestable": criterion.kind == CriterionKind.ATTESTED or result in (CheckResult.MISSING, ""),
            }
        )
    return rows


def dossier_rows(nomination: Nomination) -> list[dict]:
    files: dict[int, list[DossierFile]] = {}
    for row in nomination.dossier_files.select_related("attachment"):
        files.setdefault(row.requirement_id, []).append(row)
    return [
        {"requirement": r, "files": files.get(r.pk, [])}
        for r in queries.requirements_for(nomination.campaign, queries.subject_kind(nomination))
    ]


def _detail_context(request, nomination: Nomination, **forms) -> dict:
    user = request.user
    allowed = {t.action for t in NOMINATION_WORKFLOW.allowed(nomination, user)}
    can_edit = user.has_perm("awards.change_nomination", nomination)
    return {
        "nomination": nomination,
        "criteria": criteria_rows(nomination),
        "dossier": dossier_rows(nomination),
        "actions": [a for a in MANUAL_ACTIONS if a in allowed],
        "can_edit": can_edit,
        "can_review": user.has_perm("awards.review", nomination),
        "reason_form": forms.get("reason_form") or ReasonForm(),
        "attest_form": forms.get("attest_form"),
        "blank_attest_form": AttestForm(),
        "attest_errors_for": forms.get("attest_errors_for"),
        "file_form": forms.get("file_form") or DossierFileForm(),
        "file_errors_for": forms.get("file_errors_for"),
        "due": queries.due_date(nomination.campaign, nomination.award_kind),
        "proposal_pdf": _proposal(request, nomination.campaign_id, nomination.unit, "pdf")
        if nomination.status in LIVE_STATUSES and user.has_perm("awards.nominate", nomination.unit)
        else None,
        "history": list(AuditEntry.objects.for_object(nomination).select_related("actor")[:40]),
        "award": getattr(nomination, "award", None) if nomination.status == S.AWARDED else None,
        "unit_query": unit_query(request, nomination.unit),
        # The decision's working page is the issuer's side; others read the issued paper (docs/reach.md).
        "decision_page": nomination.status == S.AWARDED
        and Decision.objects.visible_to(user).filter(awards__nomination=nomination).exists(),
    }


@login_required
def nomination_detail(request, pk: int):
    nomination = _nomination(request, pk)
    return render(request, "awards/nominations/detail.html", _detail_context(request, nomination))


@login_required
def nomination_edit(request, pk: int):
    nomination = _nomination(request, pk, perm="awards.change_nomination")
    form = AchievementForm(request.POST or None, initial={"achievement": nomination.achievement})
    if request.method == "POST" and form.is_valid():
        try:
            services.update_nomination(request.user, nomination, achievement=form.cleaned_data["achievement"])
        except ValidationError as error:
            form_error(form, error)
        else:
            messages.success(request, _("Đã lưu tóm tắt thành tích."))
            return redirect("awards:nomination", pk=nomination.pk)
    return render(
        request,
        "awards/nominations/edit.html",
        {"form": form, "nomination": nomination},
        status=400 if form.is_bound else 200,
    )


def _refused(request, nomination_pk: int, error, **forms):
    if isinstance(error, ValidationError) and not forms:
        messages.error(request, " ".join(error.messages))
    elif not isinstance(error, ValidationError):
        messages.error(request, str(error))
    nomination = _nomination(request, nomination_pk)
    return render(request, "awards/nominations/detail.html", _detail_context(request, nomination, **forms), status=400)


@login_required
@require_POST
def attest(request, pk: int, criterion: int):
    nomination = _nomination(request, pk, perm="awards.change_nomination")
    criterion = get_for_user(request.user, Criterion.objects.filter(award_kind=nomination.award_kind), criterion)
    form = AttestForm(request.POST, request.FILES)
    try:
        if not form.is_valid():
            raise ValidationError(_("Hãy kiểm tra lại nội dung xác nhận."))
        services.attest(
            request.user,
            nomination,
            criterion=criterion,
            text=form.cleaned_data["text"],
            evidence=form.cleaned_data["evidence"],
        )
    except ValidationError as error:
        form_error(form, error)
        return _refused(request, pk, error, attest_form=form, attest_errors_for=criterion.pk)
    messages.success(request, _("Đã ghi xác nhận tiêu chuẩn."))
    return redirect(reverse("awards:nomination", args=[pk]) + "#tieu-chuan")


@login_required
@require_POST
def upload(request, pk: int, requirement: int):
    # Only what the service checks before its lock (the unit, the campaign's dossier list), not
    # the page's eleven joins: the service reads the nomination again under its lock (issue 18).
    nomination = get_for_user(
        request.user, Nomination, pk, perm="awards.change_nomination", related=("unit", "campaign__reward")
    )
    requirement = DossierRequirement.objects.filter(pk=requirement).first()
    if requirement is None:
        raise Http404
    form = DossierFileForm(request.POST, request.FILES)
    try:
        if not form.is_valid():
            raise ValidationError({"file": _("Hãy chọn tệp.")})
        services.add_dossier_file(request.user, nomination, requirement=requirement, upload=form.cleaned_data["file"])
    except ValidationError as error:
        form.errors.clear()
        form.add_error(
            "file",
            error.error_dict["file"] if hasattr(error, "error_dict") and "file" in error.error_dict else error.messages,
        )
        return _refused(request, pk, error, file_form=form, file_errors_for=requirement.pk)
    messages.success(request, _("Đã thêm “%(name)s” vào hồ sơ.") % {"name": requirement.name})
    return redirect(reverse("awards:nomination", args=[pk]) + "#ho-so")


@login_required
@require_POST
def remove_file(request, pk: int, file: int):
    nomination = _nomination(request, pk, perm="awards.change_nomination")
    row = get_for_user(
        request.user, DossierFile.objects.filter(nomination=nomination), file, related=("attachment", "requirement")
    )
    services.remove_dossier_file(request.user, row)
    messages.success(request, _("Đã xóa tệp khỏi hồ sơ."))
    return redirect(reverse("awards:nomination", args=[pk]) + "#ho-so")


DONE = {
    "resubmit_nomination": gettext_lazy("Đã gửi lại hồ sơ đã bổ sung."),
    "return_nomination": gettext_lazy("Đã trả lại hồ sơ để đơn vị bổ sung."),
    "accept_nomination": gettext_lazy("Đã tiếp nhận hồ sơ hợp lệ."),
    "nomination_to_council": gettext_lazy("Đã trình Hội đồng Thi đua – Khen thưởng."),
    "forward_nomination": gettext_lazy("Đã đề nghị cấp trên khen thưởng."),
    "withdraw_nomination": gettext_lazy("Đã rút đề nghị."),
}


@login_required
@require_POST
def nomination_action(request, pk: int, action: str):
    nomination = _nomination(request, pk)
    forms = {}
    try:
        if action == "return_nomination":
            form = forms["reason_form"] = ReasonForm(request.POST)
            services.return_nomination(request.user, nomination, reason=request.POST.get("reason", ""))
        elif action == "resubmit_nomination":
            confirmed = [nomination.pk] if request.POST.get("xac_nhan") == str(nomination.pk) else []
            services.resubmit(request.user, nomination, confirmed=confirmed, reason=request.POST.get("ly_do", ""))
        elif action == "accept_nomination":
            services.accept(request.user, nomination)
        elif action == "nomination_to_council":
            services.send_to_council(request.user, nomination)
        elif action == "forward_nomination":
            services.forward(request.user, nomination)
        elif action == "withdraw_nomination":
            services.withdraw(request.user, nomination)
        else:
            raise Http404
    except services.CriteriaNotConfirmed as error:
        # Not sent: the page asks to confirm it by name, with a reason (as the batch does).
        nomination = _nomination(request, pk)
        context = _detail_context(request, nomination)
        context |= {"failing": error.failing, "confirm_errors": error.messages, "reason": request.POST.get("ly_do", "")}
        return render(request, "awards/nominations/detail.html", context, status=400)
    except (ValidationError, TransitionNotAllowed) as error:
        if forms and isinstance(error, ValidationError):
            form.is_valid()
            form_error(form, error)
        return _refused(request, pk, error, **forms)
    except PermissionDenied:  # outside what the role may do: as if it did not exist
        raise Http404 from None
    messages.success(request, str(DONE[action]))
    if (
        action in ("accept_nomination", "return_nomination", "forward_nomination")
        and request.POST.get("next") == "queue"
    ):
        return redirect("awards:queue")
    return redirect("awards:nomination", pk=nomination.pk)


from thidua.awards.views import review, setup  # noqa: E402  (the office's pages, listed below)

urlpatterns = [
    path("khen-thuong/de-nghi/", my_nominations, name="my_nominations"),
    path("khen-thuong/ke-hoach/<int:campaign>/de-nghi/", unit_nominations, name="unit_nominations"),
    path("khen-thuong/ke-hoach/<int:campaign>/de-nghi/them/", nomination_create, name="nomination_create"),
    path("khen-thuong/ke-hoach/<int:campaign>/gui-ho-so/", submit_batch, name="submit_batch"),
    path("khen-thuong/ke-hoach/<int:campaign>/thiet-lap/", setup.campaign_setup, name="setup"),
    path("khen-thuong/de-nghi/<int:pk>/", nomination_detail, name="nomination"),
    path("khen-thuong/de-nghi/<int:pk>/sua/", nomination_edit, name="nomination_edit"),
    path("khen-thuong/de-nghi/<int:pk>/tieu-chuan/<int:criterion>/", attest, name="attest"),
    path("khen-thuong/de-nghi/<int:pk>/ho-so/<int:requirement>/", upload, name="upload"),
    path("khen-thuong/de-nghi/<int:pk>/ho-so/xoa/<int:file>/", remove_file, name="remove_file"),
    path("khen-thuong/de-nghi/<int:pk>/<slug:action>/", nomination_action, name="nomination_action"),
    path("khen-thuong/xet/", review.queue, name="queue"),
    path("khen-thuong/quyet-dinh/", review.decisions, name="decisions"),
    path("khen-thuong/quyet-dinh/lap/", review.decision_create, name="decision_create"),
    path("khen-thuong/quyet-dinh/<int:pk>/", review.decision_detail, name="decision"),
    path("khen-thuong/ghi-khen-thuong-da-co/", review.record_award, name="record_award"),
]
