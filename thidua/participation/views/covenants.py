"""Covenants of a cluster (giao ước thi đua): written by the organising federation, signed by
each unit, inspected by the units themselves every six months and year, and by the level above."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from thidua.campaigns.models import Campaign
from thidua.core.access import get_for_user
from thidua.core.forms import form_error
from thidua.core.workflow import TransitionNotAllowed
from thidua.org.models import EmulationCluster, Unit
from thidua.participation import services
from thidua.participation.forms import CovenantForm, InspectionForm, SignForm, TieCampaignForm, TieCovenantForm
from thidua.participation.models import Covenant, CovenantParty, InspectionKind, PartyStatus

SELF_KINDS = (InspectionKind.SELF_HALF, InspectionKind.SELF_YEAR)


def _organisable_clusters(user):
    role = user.acting_role
    if role is None:
        return EmulationCluster.objects.none()
    return EmulationCluster.objects.filter(organiser__in=Unit.objects.within(role.unit)).order_by("name")


@login_required
def covenant_list(request):
    covenants = Covenant.objects.visible_to(request.user).select_related("cluster", "cluster__organiser")
    role = request.user.acting_role
    own = {}
    if role is not None:
        own = {
            p.covenant_id: p for p in CovenantParty.objects.filter(unit=role.unit, covenant__in=covenants.values("pk"))
        }
    rows = [(c, own.get(c.pk)) for c in covenants[:200]]
    # Every cluster organised in the scope answers the same: asking for the first is enough.
    first = _organisable_clusters(request.user).select_related("organiser").first()
    can_create = first is not None and request.user.has_perm("participation.manage_covenant", first)
    return render(request, "participation/covenant_list.html", {"rows": rows, "can_create": can_create})


def _tieable_campaigns(user):
    return services.covenant_campaigns(user).select_related("register_entry").order_by("-plan_date", "-id")


@login_required
def covenant_create(request):
    clusters = _organisable_clusters(request.user).select_related("organiser")
    first = clusters.first()
    if first is None or not request.user.has_perm("participation.manage_covenant", first):
        raise Http404
    campaigns = _tieable_campaigns(request.user)
    initial = {"year": timezone.localdate().year}
    # From a plan's page ("Soạn giao ước cho kế hoạch này"): the plan comes chosen.
    asked = (
        campaigns.filter(pk=request.GET.get("ke-hoach")).first() if request.GET.get("ke-hoach", "").isdigit() else None
    )
    if asked is not None:
        initial["campaign"] = asked
        if asked.starts_on:
            initial["year"] = asked.starts_on.year
    form = CovenantForm(request.POST or None, clusters=clusters, campaigns=campaigns, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            covenant = services.create_covenant(request.user, **form.cleaned_data)
        except ValidationError as error:
            form_error(form, error)
        else:
            messages.success(request, _("Đã tạo giao ước; các đơn vị trong cụm, khối có thể ký."))
            return redirect("participation:covenant", pk=covenant.pk)
    return render(request, "participation/covenant_form.html", {"form": form})


def _detail_context(request, covenant: Covenant, **forms) -> dict:
    role = request.user.acting_role
    can_manage = request.user.has_perm("participation.manage_covenant", covenant)
    parties = list(covenant.parties.select_related("unit", "unit__parent").prefetch_related("inspections__inspector"))
    mine = next((p for p in parties if role is not None and p.unit_id == role.unit_id), None)
    inspectable = [p for p in parties if request.user.has_perm("participation.inspect_below", p)]
    return {
        "covenant": covenant,
        "parties": parties,
        "signed": sum(1 for p in parties if p.status == PartyStatus.SIGNED),
        "mine": mine,
        "can_sign": mine is not None and services.PARTY_WORKFLOW.can(mine, request.user, "sign_covenant"),
        "can_self_inspect": mine is not None and request.user.has_perm("participation.self_inspect", mine),
        "inspectable": inspectable,
        "sign_form": forms.get("sign_form") or SignForm(initial={"signer_name": request.user.get_full_name()}),
        "self_form": forms.get("self_form") or InspectionForm(kinds=SELF_KINDS, prefix="self"),
        "upper_form": forms.get("upper_form") or InspectionForm(kinds=(InspectionKind.UPPER_SAMPLE,), prefix="upper"),
        "can_manage": can_manage,
        "tie_form": (
            forms.get("tie_form")
            or TieCampaignForm(initial={"campaign": covenant.campaign_id}, campaigns=_tieable_campaigns(request.user))
        )
        if can_manage
        else None,
    }


# what a covenant's page shows, read in the scoped statement itself
COVENANT_PAGE = ("cluster", "cluster__organiser", "campaign")


@login_required
def covenant_detail(request, pk: int):
    covenant = get_for_user(request.user, Covenant, pk, related=COVENANT_PAGE)
    return render(request, "participation/covenant_detail.html", _detail_context(request, covenant))


def _party(request, pk: int, party_pk: int) -> tuple[Covenant, CovenantParty]:
    covenant = get_for_user(request.user, Covenant, pk, related=COVENANT_PAGE)
    return covenant, get_for_user(
        request.user, CovenantParty.objects.filter(covenant=covenant), party_pk, related=("unit",)
    )


@login_required
@require_POST
def covenant_sign(request, pk: int, party: int):
    covenant, party_obj = _party(request, pk, party)
    if not request.user.has_perm("participation.sign_covenant", party_obj):
        raise Http404
    form = SignForm(request.POST)
    if form.is_valid():
        try:
            services.sign_covenant(request.user, party_obj, **form.cleaned_data)
        except ValidationError as error:
            form_error(form, error)
        except TransitionNotAllowed as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Đơn vị đã ký giao ước."))
            return redirect("participation:covenant", pk=covenant.pk)
    return render(
        request,
        "participation/covenant_detail.html",
        _detail_context(request, covenant, sign_form=form) | {"open_form": "sign"},
        status=400,
    )


@login_required
@require_POST
def covenant_tie(request, pk: int):
    """From the covenant's page: tie it to a plan, or untie it."""
    covenant = get_for_user(request.user, Covenant, pk, perm="participation.manage_covenant", related=COVENANT_PAGE)
    form = TieCampaignForm(request.POST, campaigns=_tieable_campaigns(request.user))
    if form.is_valid():
        try:
            services.tie_covenant(request.user, covenant, form.cleaned_data["campaign"])
        except ValidationError as error:
            form_error(form, error)
        else:
            messages.success(request, _("Đã lưu kế hoạch của giao ước."))
            return redirect("participation:covenant", pk=covenant.pk)
    return render(
        request,
        "participation/covenant_detail.html",
        _detail_context(request, covenant, tie_form=form) | {"open_form": "tie_form"},
        status=400,
    )


@login_required
@require_POST
def campaign_tie(request, pk: int):
    """From a plan's page: tie a covenant already written to the plan."""
    campaign = get_for_user(request.user, Campaign, pk, perm="campaigns.view_campaign")
    if not services.covenant_campaigns(request.user).filter(pk=campaign.pk).exists():
        raise Http404
    form = TieCovenantForm(request.POST, covenants=manageable_covenants(request.user))
    if form.is_valid():
        try:
            services.tie_covenant(request.user, form.cleaned_data["covenant"], campaign)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Đã gắn giao ước với kế hoạch."))
    else:
        messages.error(request, _("Hãy chọn một giao ước đã soạn."))
    return redirect(reverse("campaigns:detail", args=[campaign.pk]) + "#covenants")


def manageable_covenants(user):
    """Covenants of the clusters organised in the user's scope (those they may tie)."""
    return (
        Covenant.objects.filter(cluster__in=_organisable_clusters(user))
        .select_related("cluster")
        .order_by("-year", "title")
    )


@login_required
@require_POST
def covenant_inspect(request, pk: int, party: int):
    covenant, party_obj = _party(request, pk, party)
    upper = request.POST.get("upper-kind") is not None
    perm = "participation.inspect_below" if upper else "participation.self_inspect"
    if not request.user.has_perm(perm, party_obj):
        raise Http404
    kinds = (InspectionKind.UPPER_SAMPLE,) if upper else SELF_KINDS
    form = InspectionForm(request.POST, kinds=kinds, prefix="upper" if upper else "self")
    if form.is_valid():
        try:
            services.record_inspection(
                request.user, party_obj, inspector=request.user.acting_role.unit, **form.cleaned_data
            )
        except ValidationError as error:
            form_error(form, error)
        else:
            messages.success(request, _("Đã ghi kết quả kiểm tra."))
            return redirect("participation:covenant", pk=covenant.pk)
    name = "upper_form" if upper else "self_form"
    return render(
        request,
        "participation/covenant_detail.html",
        _detail_context(request, covenant, **{name: form}) | {"open_form": name},
        status=400,
    )
