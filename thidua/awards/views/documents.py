"""Views of the awards app: documents — the decision's files, the certificates, the CĐCS's tờ
trình, and the public honour roll.

Downloads fetch their object through `core.access.get_for_user`, with the awards reading
`readable_by` (who may download: the subtree's unions, the member themself) or a scoped queryset
narrowed to issued decisions — certificates exist only for those: a unit outside the user's
subtree, a draft and a guessed id all get 404.
The honour roll needs no login: it shows what a public decision prints."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path, reverse

from thidua.awards import documents, honour
from thidua.awards.models import LIVE_STATUSES, Award, Decision, DecisionStatus, Nomination
from thidua.awards.views.nominations import _unit as proposing_unit
from thidua.awards.views.nominations import unit_query
from thidua.campaigns.models import Campaign
from thidua.core.access import get_for_user, require
from thidua.documents.signed_views import signed_pdf

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
PDF = "application/pdf"
ROLL_PAGE = 300  # awardees per page of the honour roll


def _file(data: bytes, fmt: str, name: str) -> HttpResponse:
    response = HttpResponse(data, content_type=PDF if fmt == "pdf" else DOCX)
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    return response


def _decision_name(decision: Decision) -> str:
    if decision.register_entry_id:
        return f"quyet-dinh-khen-thuong-{decision.register_entry.number:02d}-{decision.register_entry.year}"
    return f"du-thao-quyet-dinh-khen-thuong-{decision.pk}"


@login_required
def decision_file(request, pk: int, fmt: str):
    if fmt not in ("pdf", "docx"):
        raise Http404
    decision = get_for_user(request.user, Decision, pk, reading="readable_by", related=("register_entry",))
    # The signed original of record once attached and valid (issue 21); ?ban-in=1: the print.
    if fmt == "pdf" and (signed := signed_pdf(request, decision.register_entry)) is not None:
        return signed
    render_file = documents.decision_pdf if fmt == "pdf" else documents.decision_docx
    return _file(render_file(decision), fmt, _decision_name(decision))


@login_required
def certificates(request, pk: int):
    """Every certificate of an issued decision, one page each, for the issuer (and the unions
    above it) to print; a CĐCS downloads its own people's certificates one by one."""
    issued = Decision.objects.visible_to(request.user).filter(status=DecisionStatus.ISSUED)
    decision = get_for_user(request.user, issued, pk, related=("register_entry",))
    return _file(documents.certificates_pdf(decision), "pdf", "giay-khen-" + _decision_name(decision))


@login_required
def certificate(request, pk: int):
    """One awardee's certificate: the unions of their subtree, or the member themself."""
    issued = Award.objects.readable_by(request.user).filter(decision__status=DecisionStatus.ISSUED)
    award = get_for_user(request.user, issued, pk, related=("decision", "decision__register_entry"))
    return _file(documents.certificate_pdf(award), "pdf", f"giay-khen-{award.pk}")


@login_required
def proposal_file(request, pk: int, fmt: str):
    """The proposing unit's Tờ trình đề nghị khen thưởng for a campaign, with its list: the
    nominations it has made and not withdrawn. The acting unit, or the CĐCS a federation's
    office acts for (?don-vi=, as on the batch page)."""
    if fmt not in ("pdf", "docx"):
        raise Http404
    campaign = get_for_user(request.user, Campaign, pk)
    unit = proposing_unit(request)
    if unit is None:
        raise Http404
    require(request.user, "awards.nominate", unit)
    nominations = Nomination.objects.filter(campaign=campaign, unit=unit, status__in=LIVE_STATUSES)
    if not nominations.exists():
        raise Http404
    render_file = documents.proposal_pdf if fmt == "pdf" else documents.proposal_docx
    try:
        content = render_file(campaign, unit, nominations)
    except ValidationError as refused:  # no law or union rules in force today (documents.legal)
        messages.error(request, " ".join(refused.messages))
        return redirect(reverse("awards:unit_nominations", args=[campaign.pk]) + unit_query(request, unit))
    return _file(content, fmt, f"to-trinh-de-nghi-khen-thuong-{campaign.pk}-{unit.code}")


def honour_index(request):
    """Campaigns with awards of issued decisions, newest first: public."""
    return render(request, "awards/honour/index.html", {"campaigns": honour.honoured_campaigns()})


def honour_roll(request, pk: int):
    """A campaign's honour roll: statistics, then the awardees by kind (public)."""
    campaign = honour.honoured_campaign(pk)
    if campaign is None:
        raise Http404
    page = Paginator(honour.roll(campaign), ROLL_PAGE).get_page(request.GET.get("trang"))
    decisions, certificates = honour.downloads(request.user, campaign, page.object_list)
    for award in page.object_list:
        award.can_download = award.pk in certificates
    return render(
        request,
        "awards/honour/roll.html",
        {
            "campaign": campaign,
            "page": page,
            "stats": honour.statistics(campaign),
            "decisions": decisions,
            "public_decisions": honour.public_decisions(campaign, decisions),
        },
    )


urlpatterns = [
    path("khen-thuong/quyet-dinh/<int:pk>.<str:fmt>", decision_file, name="decision_file"),
    path("khen-thuong/quyet-dinh/<int:pk>/giay-khen.pdf", certificates, name="certificates"),
    path("khen-thuong/giay-khen/<int:pk>.pdf", certificate, name="certificate"),
    path("khen-thuong/to-trinh/<int:pk>.<str:fmt>", proposal_file, name="proposal_file"),
    path("vinh-danh/", honour_index, name="honour_index"),
    path("vinh-danh/<int:pk>/", honour_roll, name="honour_roll"),
]
