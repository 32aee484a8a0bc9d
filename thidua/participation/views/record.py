"""A unit's record for a campaign: its registration, works, models and covenants on one page,
with the forms to add them when the unit is the acting one."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from thidua.campaigns.models import Campaign, Deployment
from thidua.core.access import get_for_user
from thidua.core.forms import form_error
from thidua.org.models import Unit, acts_for_unit
from thidua.participation import queries, services
from thidua.participation.forms import ModelProjectForm, RegistrationForm, ResultsForm, WorkForm
from thidua.participation.models import CovenantParty, ModelProject, Registration


def campaign_and_unit(request, pk: int) -> tuple[Campaign, Unit]:
    """The campaign, and the unit whose record is shown: ?don-vi= within the viewer's scope
    (404 outside it), else the acting unit."""
    campaign = get_for_user(request.user, Campaign, pk, perm="campaigns.view_campaign")
    if request.GET.get("don-vi"):
        return campaign, get_for_user(request.user, Unit, request.GET["don-vi"])
    role = request.user.acting_role
    if role is None:
        raise Http404
    return campaign, role.unit


def record_context(request, campaign: Campaign, unit: Unit, **forms) -> dict:
    user = request.user
    deployed = Deployment.objects.filter(campaign=campaign, unit=unit).exists()
    can_act = deployed and user.has_perm("participation.act_for_unit", unit)
    registration = Registration.objects.filter(campaign=campaign, unit=unit).first()
    due = services.due_dates(campaign)
    return {
        "campaign": campaign,
        "unit": unit,
        "deployed": deployed,
        "can_act": can_act,
        "due": due,
        "registration": registration,
        "works": list(queries.works_for_table(campaign, unit)),
        # A work's page is the unit's business: a member reads the table, without links that 404.
        "works_open": user.is_superuser or acts_for_unit(getattr(user, "acting_role", None)),
        "models": list(ModelProject.objects.filter(campaign=campaign, unit=unit).order_by("registered_at", "id")),
        "parties": list(
            CovenantParty.objects.filter(unit=unit, covenant__campaign=campaign).select_related("covenant")
        ),
        "registration_form": forms.get("registration_form")
        or RegistrationForm(initial={"targets": registration.targets if registration else ""}),
        "work_form": forms.get("work_form") or WorkForm(),
        "model_form": forms.get("model_form") or ModelProjectForm(),
        "can_see_overview": user.has_perm("participation.view_overview", campaign) and not unit.kind.is_grassroots,
    }


@login_required
def unit_record(request, pk: int):
    campaign, unit = campaign_and_unit(request, pk)
    return render(request, "participation/unit_record.html", record_context(request, campaign, unit))


def _own(request, pk: int) -> tuple[Campaign, Unit]:
    campaign = get_for_user(request.user, Campaign, pk, perm="campaigns.view_campaign")
    role = request.user.acting_role
    if role is None or not request.user.has_perm("participation.act_for_unit", role.unit):
        raise Http404
    if not Deployment.objects.filter(campaign=campaign, unit=role.unit).exists():
        raise Http404
    return campaign, role.unit


def _act(request, campaign, unit, form, form_name: str, action, success: str):
    if form.is_valid():
        try:
            action(**form.cleaned_data)
        except ValidationError as error:
            form_error(form, error)
        else:
            messages.success(request, success)
            return redirect("participation:record", pk=campaign.pk)
    context = record_context(request, campaign, unit, **{form_name: form})
    context["open_form"] = form_name
    return render(request, "participation/unit_record.html", context, status=400)


@login_required
@require_POST
def register(request, pk: int):
    campaign, unit = _own(request, pk)
    form = RegistrationForm(request.POST)
    return _act(
        request,
        campaign,
        unit,
        form,
        "registration_form",
        lambda **data: services.register_unit(request.user, campaign=campaign, unit=unit, **data),
        _("Đã lưu đăng ký thi đua của đơn vị."),
    )


@login_required
@require_POST
def work_add(request, pk: int):
    campaign, unit = _own(request, pk)
    form = WorkForm(request.POST)
    return _act(
        request,
        campaign,
        unit,
        form,
        "work_form",
        lambda **data: services.register_work(request.user, campaign=campaign, unit=unit, **data),
        _("Đã đăng ký công trình, phần việc."),
    )


@login_required
@require_POST
def model_add(request, pk: int):
    campaign, unit = _own(request, pk)
    form = ModelProjectForm(request.POST)
    return _act(
        request,
        campaign,
        unit,
        form,
        "model_form",
        lambda **data: services.register_model(request.user, campaign=campaign, unit=unit, **data),
        _("Đã đăng ký mô hình."),
    )


@login_required
@require_POST
def model_results(request, pk: int):
    project = get_for_user(request.user, ModelProject, pk, perm="participation.change_own")
    form = ResultsForm(request.POST)
    if form.is_valid():
        try:
            services.record_model_results(request.user, project, **form.cleaned_data)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Đã ghi kết quả của mô hình."))
    else:
        messages.error(request, _("Hãy nhập kết quả đạt được."))
    return redirect("participation:record", pk=project.campaign_id)
