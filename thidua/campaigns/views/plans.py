"""Writing a plan: the header, then each part in its own panel (htmx), the targets, issuing."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_POST

from thidua.campaigns import plan_document, queries, services
from thidua.campaigns.forms import PART_FORMS, CampaignForm, RewardForm, TargetsForm
from thidua.campaigns.models import Campaign, CampaignStatus, Deployment, TargetMode
from thidua.core.access import get_for_user, require
from thidua.core.forms import form_copy, form_error
from thidua.core.workflow import TransitionNotAllowed
from thidua.documents.rendering import document_data, render_docx, render_pdf
from thidua.documents.signed_views import signed_pdf

# Lazy: built at import, read in the language of each request.
PART_TITLES = {
    "reference": gettext_lazy("Văn bản căn cứ"),
    "section": gettext_lazy("Các mục của kế hoạch"),
    "activity": gettext_lazy("Hoạt động của đơn vị ban hành"),
    "deadline": gettext_lazy("Thời hạn"),
    "responsibility": gettext_lazy("Tổ chức thực hiện (trách nhiệm từng cấp)"),
}


def _campaign(request, pk: int, perm: str = "campaigns.view_campaign") -> Campaign:
    return get_for_user(request.user, Campaign, pk, perm=perm)


@login_required
def campaign_list(request):
    user = request.user
    campaigns = (
        Campaign.objects.visible_to(user)
        .select_related("issuer", "register_entry")
        .order_by("status", "-plan_date", "-id")
    )
    role = user.acting_role
    received = services.deployments_for(role.unit) if role is not None else Deployment.objects.none()
    context = {
        "campaigns": campaigns[:200],
        "received": received[:100],
        "can_create": role is not None and user.has_perm("campaigns.add_campaign", role.unit),
    }
    return render(request, "campaigns/campaign_list.html", context)


@login_required
def campaign_create(request):
    role = request.user.acting_role
    if role is None:
        raise Http404
    require(request.user, "campaigns.add_campaign", role.unit)
    form = CampaignForm(request.POST or None, initial={"issuing_body": "Ban Thường vụ"})
    if request.method == "POST" and form.is_valid():
        try:
            campaign = services.create_campaign(request.user, issuer=role.unit, **form.cleaned_data)
        except ValidationError as error:
            form_error(form, error)
        else:
            messages.success(request, _("Đã tạo dự thảo kế hoạch. Hãy soạn từng phần rồi ban hành."))
            return redirect("campaigns:detail", pk=campaign.pk)
    return render(request, "campaigns/campaign_form.html", {"form": form})


def _panels(campaign: Campaign) -> list[dict]:
    return [
        {"part": "reference", "title": PART_TITLES["reference"], "items": list(campaign.references.all())},
        {"part": "section", "title": PART_TITLES["section"], "items": list(campaign.sections.all())},
        {"part": "activity", "title": PART_TITLES["activity"], "items": list(campaign.activities.all())},
        {"part": "deadline", "title": PART_TITLES["deadline"], "items": list(campaign.deadlines.all())},
        {
            "part": "responsibility",
            "title": PART_TITLES["responsibility"],
            "items": list(campaign.responsibilities.all()),
        },
    ]


@login_required
def campaign_detail(request, pk: int):
    campaign = _campaign(request, pk)
    user = request.user
    role = user.acting_role
    deployment = None
    if role is not None:
        deployment = Deployment.objects.filter(campaign=campaign, unit=role.unit).select_related("own_plan").first()
    context = {
        "campaign": campaign,
        "panels": _panels(campaign),
        "reward": getattr(campaign, "reward", None),
        "window": plan_document.window_text(campaign),
        "can_edit": user.has_perm("campaigns.change_campaign", campaign),
        "can_issue": services.CAMPAIGN_WORKFLOW.can(campaign, user, "issue"),
        # A CĐCS's own plan deploys nothing: it has no coverage to follow.
        "can_see_coverage": campaign.status != CampaignStatus.DRAFT
        and services.deploys(campaign)
        and user.has_perm("campaigns.view_coverage", campaign),
        "deployment": deployment,
        # The deployment box's buttons: the moves the workflow allows this user now.
        "deployment_actions": {t.action for t in services.DEPLOYMENT_WORKFLOW.allowed(deployment, user)}
        if deployment is not None
        else set(),
        "targets_line": targets_line(campaign),
        "coverage": queries.coverage_total(campaign, role.unit if role else campaign.issuer)
        if campaign.status != CampaignStatus.DRAFT
        else None,
    }
    return render(request, "campaigns/campaign_detail.html", context)


@login_required
def campaign_edit(request, pk: int):
    campaign = _campaign(request, pk, "campaigns.change_campaign")
    form = CampaignForm(request.POST or None, instance=form_copy(campaign))
    if request.method == "POST" and form.is_valid():
        try:
            services.update_campaign(request.user, campaign, **form.cleaned_data)
        except ValidationError as error:
            form_error(form, error)
        else:
            messages.success(request, _("Đã lưu."))
            return redirect("campaigns:detail", pk=campaign.pk)
    return render(request, "campaigns/campaign_form.html", {"form": form, "campaign": campaign})


@login_required
def part_form(request, pk: int, part: str, item: int | None = None):
    """GET: the form of one part item (an htmx fragment); POST: save it and return the panel."""
    campaign = _campaign(request, pk, "campaigns.change_campaign")
    if part not in PART_FORMS:
        raise Http404
    model = services.PARTS[part][0]
    instance = None
    if item is not None:
        instance = get_for_user(request.user, model.objects.filter(campaign=campaign), item)
    form = PART_FORMS[part](request.POST or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        try:
            services.save_part(request.user, campaign, part, item, **form.cleaned_data)
        except ValidationError as error:
            form_error(form, error)
        else:
            panel = next(p for p in _panels(campaign) if p["part"] == part)
            return render(
                request,
                "campaigns/campaign_detail.html#panel",
                {"campaign": campaign, "panel": panel, "can_edit": True},
            )
    return render(
        request,
        "campaigns/part_form.html",
        {"campaign": campaign, "form": form, "part": part, "item": item, "title": PART_TITLES[part]},
    )


@login_required
@require_POST
def part_delete(request, pk: int, part: str, item: int):
    campaign = _campaign(request, pk, "campaigns.change_campaign")
    if part not in PART_FORMS:
        raise Http404
    try:
        services.delete_part(request.user, campaign, part, item)
    except services.PARTS[part][0].DoesNotExist:
        raise Http404 from None
    panel = next(p for p in _panels(campaign) if p["part"] == part)
    return render(
        request, "campaigns/campaign_detail.html#panel", {"campaign": campaign, "panel": panel, "can_edit": True}
    )


@login_required
def reward_form(request, pk: int):
    campaign = _campaign(request, pk, "campaigns.change_campaign")
    form = RewardForm(request.POST or None, instance=campaign.reward)
    if request.method == "POST" and form.is_valid():
        try:
            services.save_reward(request.user, campaign, **form.cleaned_data)
        except ValidationError as error:
            form_error(form, error)
        else:
            messages.success(request, _("Đã lưu phần khen thưởng."))
            return redirect("campaigns:detail", pk=campaign.pk)
    return render(request, "campaigns/reward_form.html", {"campaign": campaign, "form": form})


@login_required
def targets_form(request, pk: int):
    campaign = _campaign(request, pk, "campaigns.change_campaign")
    initial = {
        "mode": campaign.target_mode,
        "sector": campaign.target_sector,
        "cluster": campaign.target_cluster,
        "units": list(campaign.target_units.all()),
    }
    form = TargetsForm(request.POST or None, issuer=campaign.issuer, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.set_targets(
                request.user,
                campaign,
                mode=data["mode"],
                sector=data.get("sector", ""),
                cluster=data.get("cluster"),
                units=data.get("units", ()),
            )
        except ValidationError as error:
            form_error(form, error)
        else:
            messages.success(request, targets_summary(campaign))
            return redirect("campaigns:detail", pk=campaign.pk)
    return render(request, "campaigns/targets_form.html", {"campaign": campaign, "form": form})


def targets_line(campaign: Campaign) -> str:
    """ "Tất cả công đoàn cơ sở trực thuộc — 18 đơn vị"; a CĐCS's groups are named."""
    if not campaign.target_mode:
        return ""
    label = campaign.get_target_mode_display()
    if campaign.target_mode == TargetMode.GROUPS:
        names = [u.name for u in services.resolve_targets(campaign.issuer, campaign).order_by("path")]
        return f"{label}: {', '.join(names)}" if names else label
    if not services.deploys(campaign):
        return label
    count = services.resolve_targets(campaign.issuer, campaign).count()
    return ngettext("%(label)s — %(n)s đơn vị", "%(label)s — %(n)s đơn vị", count) % {"label": label, "n": count}


def targets_summary(campaign: Campaign) -> str:
    """Where the plan goes, in a sentence: the units it deploys to, or for a CĐCS whom it reaches."""
    count = services.resolve_targets(campaign.issuer, campaign).count()
    if campaign.target_mode == TargetMode.GROUPS:
        return ngettext(
            "Kế hoạch sẽ được gửi đến %(n)s tổ công đoàn của đơn vị.",
            "Kế hoạch sẽ được gửi đến %(n)s tổ công đoàn của đơn vị.",
            count,
        ) % {"n": count}
    if campaign.target_mode == TargetMode.MEMBERS:
        return _("Kế hoạch sẽ được phổ biến đến toàn thể đoàn viên của đơn vị.")
    if campaign.target_mode == TargetMode.NONE:
        return _("Kế hoạch không triển khai xuống cấp dưới; Ban Chấp hành tự tổ chức thực hiện.")
    return ngettext(
        "Kế hoạch sẽ được triển khai đến %(n)s đơn vị.",
        "Kế hoạch sẽ được triển khai đến %(n)s đơn vị.",
        count,
    ) % {"n": count}


@login_required
@require_POST
def campaign_issue(request, pk: int):
    campaign = _campaign(request, pk, "campaigns.issue_campaign")
    try:
        services.issue_campaign(request.user, campaign)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    except (PermissionDenied, TransitionNotAllowed) as error:
        messages.error(request, str(error) or _("Bạn không có quyền ban hành kế hoạch này."))
    else:
        campaign.refresh_from_db()
        done = (
            _("Đã ban hành Kế hoạch số %(number)s và triển khai đến các đơn vị.")
            if services.deploys(campaign)
            else _("Đã ban hành Kế hoạch số %(number)s.")
        )
        messages.success(request, done % {"number": campaign.number})
    return redirect("campaigns:detail", pk=campaign.pk)


@login_required
def campaign_preview(request, pk: int):
    campaign = _campaign(request, pk)
    data = document_data(plan_document.build(campaign))
    return render(request, "campaigns/preview.html", {"campaign": campaign, "doc": data})


@login_required
def campaign_download(request, pk: int, fmt: str):
    campaign = _campaign(request, pk)
    # The signed original of record once attached and valid (issue 21); ?ban-in=1: the print.
    if fmt == "pdf" and (signed := signed_pdf(request, campaign.register_entry)) is not None:
        return signed
    document = plan_document.build(campaign)
    name = f"ke-hoach-{campaign.number.replace('/', '-') or 'du-thao'}"
    if fmt == "pdf":
        response = HttpResponse(render_pdf(document), content_type="application/pdf")
        response["Content-Disposition"] = content_disposition_header(True, f"{name}.pdf")
    elif fmt == "docx":
        response = HttpResponse(
            render_docx(document),
            content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        )
        response["Content-Disposition"] = content_disposition_header(True, f"{name}.docx")
    else:
        raise Http404
    return response
