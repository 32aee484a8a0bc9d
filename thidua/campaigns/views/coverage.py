"""Deployment coverage: how far a plan has reached, rolled up level by level, with laggards."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils.translation import gettext as _

from thidua.campaigns import queries
from thidua.campaigns.models import Campaign
from thidua.core.access import get_for_user
from thidua.org.exports import xlsx_response
from thidua.org.models import Unit
from thidua.org.queries import breadcrumbs


def _scope(request, campaign: Campaign) -> Unit:
    """The unit whose subtree the page shows: ?don-vi= inside the viewer's scope (404 outside),
    else the viewer's own unit (or the issuer for a superuser)."""
    role = request.user.acting_role
    default = role.unit if role is not None else campaign.issuer
    if request.GET.get("don-vi"):
        return get_for_user(request.user, Unit, request.GET["don-vi"])
    return default


@login_required
def coverage(request, pk: int):
    campaign = get_for_user(request.user, Campaign, pk, perm="campaigns.view_coverage")
    unit = _scope(request, campaign)
    lag = queries.laggards(campaign, unit)
    context = {
        "campaign": campaign,
        "unit": unit,
        "crumbs": breadcrumbs(request.user, unit),
        "total": queries.coverage_total(campaign, unit),
        "rows": queries.coverage_by_child(campaign, unit),
        "laggards": lag[:100],
        "laggard_count": lag.count(),
    }
    return render(request, "campaigns/coverage.html", context)


@login_required
def laggards_export(request, pk: int):
    campaign = get_for_user(request.user, Campaign, pk, perm="campaigns.view_coverage")
    unit = _scope(request, campaign)
    headers = [
        _("STT"),
        _("Mã đơn vị"),
        _("Đơn vị"),
        _("Cấp trên"),
        _("Tình trạng"),
        _("Nhận kế hoạch lúc"),
        _("Kế hoạch"),
    ]

    def rows():
        for n, d in enumerate(queries.laggards(campaign, unit).iterator(chunk_size=2000), start=1):
            yield [
                n,
                d.unit.code,
                d.unit.name,
                d.unit.parent.name if d.unit.parent else "",
                d.get_status_display(),
                d.deployed_at.strftime("%d/%m/%Y"),
                d.campaign.number or d.campaign.title[:80],
            ]

    return xlsx_response(
        f"chua-phat-dong-{campaign.pk}.xlsx",
        headers,
        rows(),
        [6, 14, 40, 30, 18, 16, 20],
        sheet=_("Đơn vị chưa phát động"),
    )
