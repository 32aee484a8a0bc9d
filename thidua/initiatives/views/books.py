"""A level's side of initiatives: its support teams, the initiatives its council passed and
the recognition decisions it issues, its golden book (page, PDF, .xlsx) and the counters of
its subtree."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from thidua.core.access import get_for_user, require
from thidua.core.forms import form_error
from thidua.documents.rendering import render_docx, render_pdf
from thidua.documents.signed_views import signed_pdf
from thidua.initiatives import documents, queries, services
from thidua.initiatives.forms import CounterFilterForm, DecisionForm, SupportTeamForm
from thidua.initiatives.models import Initiative, InitiativeStatus, RecognitionDecision, SupportTeam
from thidua.org.models import Unit

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _acting_unit(request) -> Unit:
    role = getattr(request.user, "acting_role", None)
    if role is None:
        raise Http404
    return role.unit


@login_required
def support_teams(request):
    unit = _acting_unit(request)
    can_manage = request.user.has_perm("initiatives.manage_unit", unit)
    form = SupportTeamForm(request.POST or None, unit=unit)
    if request.method == "POST":
        require(request.user, "initiatives.manage_unit", unit)
        if form.is_valid():
            try:
                services.create_support_team(request.user, unit=unit, **form.cleaned_data)
            except ValidationError as error:
                form_error(form, error)
            else:
                messages.success(request, _("Đã thành lập tổ hỗ trợ."))
                return redirect("initiatives:teams")
    teams = SupportTeam.objects.filter(unit=unit).prefetch_related("members")
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "initiatives/support_teams.html",
        {"unit": unit, "teams": teams, "form": form, "can_manage": can_manage},
        status=status,
    )


@login_required
def recognition(request):
    """The initiatives the acting level's council passed, to recognise in one decision; and
    the decisions already issued."""
    unit = _acting_unit(request)
    require(request.user, "initiatives.view_unit", unit)
    waiting = list(Initiative.objects.filter(level=unit, status=InitiativeStatus.COUNCIL_PASSED).select_related("unit"))
    can_issue = request.user.has_perm("documents.take_number", unit)
    form = DecisionForm(request.POST or None, waiting=waiting, initial={"issued_on": timezone.localdate()})
    if request.method == "POST":
        require(request.user, "documents.take_number", unit)
        if form.is_valid():
            try:
                decision = services.issue_recognition_decision(
                    request.user,
                    unit=unit,
                    initiative_ids=[int(pk) for pk in form.cleaned_data["initiatives"]],
                    issued_on=form.cleaned_data["issued_on"],
                    signer_name=form.cleaned_data["signer_name"],
                )
            except ValidationError as error:
                form_error(form, error)
            else:
                messages.success(
                    request,
                    _("Đã ban hành Quyết định số %(symbol)s; các sáng kiến đã vào Sổ vàng.")
                    % {"symbol": decision.register_entry.symbol},
                )
                return redirect("initiatives:golden_book")
    decisions = RecognitionDecision.objects.filter(unit=unit).select_related(
        "register_entry", "register_entry__signed_original"
    )[:50]
    return render(
        request,
        "initiatives/recognition.html",
        {"unit": unit, "waiting": waiting, "form": form, "can_issue": can_issue, "decisions": decisions},
        status=400 if form.is_bound and request.method == "POST" else 200,
    )


@login_required
def decision_download(request, pk: int, fmt: str):
    decision = get_for_user(request.user, RecognitionDecision, pk, related=("unit", "register_entry"))
    # The signed original of record once attached and valid (issue 21); ?ban-in=1: the print.
    if fmt == "pdf" and (signed := signed_pdf(request, decision.register_entry)) is not None:
        return signed
    document = documents.decision_document(decision)
    name = f"quyet-dinh-cong-nhan-sang-kien-{decision.register_entry.number:02d}-{decision.issued_on.year}"
    if fmt == "pdf":
        response = HttpResponse(render_pdf(document), content_type="application/pdf")
    elif fmt == "docx":
        response = HttpResponse(render_docx(document), content_type=DOCX)
    else:
        raise Http404
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    return response


def _book_unit(request, pk: int | None) -> Unit:
    if pk is None:
        unit = _acting_unit(request)
        require(request.user, "initiatives.view_golden_book", unit)
        return unit
    # Not through Unit.visible_to: a council member's seat may be above their own unit's scope
    # (doanvien sits on the district's council); the permission is the whole check.
    unit = Unit.objects.filter(pk=pk).first()
    if unit is None:
        raise Http404
    require(request.user, "initiatives.view_golden_book", unit)
    return unit


@login_required
def golden_book(request, pk: int | None = None, fmt: str = ""):
    unit = _book_unit(request, pk)
    rows = list(queries.golden_book(unit))
    if fmt == "pdf":
        response = HttpResponse(render_pdf(documents.golden_book_document(unit, rows)), content_type="application/pdf")
    elif fmt == "xlsx":
        response = HttpResponse(documents.golden_book_xlsx(unit, rows), content_type=XLSX)
    elif fmt:
        raise Http404
    else:
        return render(request, "initiatives/golden_book.html", {"unit": unit, "rows": rows})
    response["Content-Disposition"] = f'attachment; filename="so-vang-sang-kien-{unit.code}.{fmt}"'
    return response


def filters_from(request) -> tuple[CounterFilterForm, queries.Filters]:
    form = CounterFilterForm(request.GET or None, user=request.user)
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        programme, campaign = data.get("programme"), data.get("campaign")
        return form, queries.Filters(
            programme_id=programme.pk if programme else None,
            campaign_id=campaign.pk if campaign else None,
            year=data.get("year"),
            quarter=data.get("quarter"),
        )
    return form, queries.Filters()


@login_required
def counters(request, pk: int | None = None):
    # The unit's figures by child unit: the roles acting for the scope (docs/reach.md).
    unit = _acting_unit(request) if pk is None else get_for_user(request.user, Unit, pk)
    require(request.user, "initiatives.view_unit", unit)
    form, filters = filters_from(request)
    return render(
        request,
        "initiatives/counters.html",
        {
            "unit": unit,
            "form": form,
            "total": queries.counters(unit, filters),
            "children": queries.counters_by_child(unit, filters),
            "query": request.GET.urlencode(),
        },
    )
