"""What a unit does with a plan it received: acknowledge, launch, forward, answer with its own."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from thidua.campaigns import services
from thidua.campaigns.forms import LaunchForm, TargetsForm
from thidua.campaigns.models import Deployment
from thidua.core.access import get_for_user
from thidua.core.forms import form_error
from thidua.core.workflow import TransitionNotAllowed
from thidua.org.queries import subtree_totals


def _deployment(request, pk: int) -> Deployment:
    return get_for_user(request.user, Deployment, pk, perm="campaigns.act_on_deployment")


@login_required
@require_POST
def acknowledge(request, pk: int):
    deployment = _deployment(request, pk)
    try:
        services.acknowledge(request.user, deployment)
    except TransitionNotAllowed as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Đã xác nhận nhận kế hoạch."))
    return redirect("campaigns:detail", pk=deployment.campaign_id)


@login_required
def launch(request, pk: int):
    deployment = _deployment(request, pk)
    members = subtree_totals(deployment.unit).members
    form = LaunchForm(request.POST or None, initial={"launched_on": timezone.localdate(), "members_reached": members})
    if request.method == "POST" and form.is_valid():
        try:
            services.launch(request.user, deployment, **form.cleaned_data)
        except ValidationError as error:
            form_error(form, error)
        except TransitionNotAllowed as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Đã ghi nhận việc phát động."))
            return redirect("campaigns:detail", pk=deployment.campaign_id)
    return render(request, "campaigns/launch_form.html", {"deployment": deployment, "form": form, "members": members})


@login_required
@require_POST
def own_plan(request, pk: int):
    deployment = _deployment(request, pk)
    try:
        plan = services.start_own_plan(request.user, deployment)
    except PermissionDenied:
        messages.error(request, _("Vai trò của bạn không được soạn kế hoạch của đơn vị."))
        return redirect("campaigns:detail", pk=deployment.campaign_id)
    messages.success(request, _("Đã tạo dự thảo kế hoạch của đơn vị, điền sẵn từ kế hoạch cấp trên."))
    return redirect("campaigns:detail", pk=plan.pk)


@login_required
def forward(request, pk: int):
    deployment = _deployment(request, pk)
    form = TargetsForm(request.POST or None, issuer=deployment.unit, forwarding=True)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            count = services.forward(
                request.user,
                deployment,
                mode=data["mode"],
                sector=data["sector"],
                cluster=data["cluster"],
                units=data["units"],
            )
        except ValidationError as error:
            form_error(form, error)
        else:
            messages.success(
                request,
                ngettext("Đã triển khai tiếp đến %(n)s đơn vị.", "Đã triển khai tiếp đến %(n)s đơn vị.", count)
                % {"n": count},
            )
            return redirect("campaigns:detail", pk=deployment.campaign_id)
    return render(request, "campaigns/forward_form.html", {"deployment": deployment, "form": form})
