"""The participation section of a campaign's page: what the acting unit did for it (its
record in short, with a link to act), or, for a federation, the way to the overview."""

from thidua.campaigns.models import Campaign, CampaignStatus, Deployment
from thidua.participation.models import TitleRegistration
from thidua.participation.queries import evidence_for


def campaign_section(request, campaign: Campaign) -> dict | None:
    user = request.user
    role = getattr(user, "acting_role", None)
    if role is None or campaign.status == CampaignStatus.DRAFT:
        return None
    deployed = Deployment.objects.filter(campaign=campaign, unit=role.unit).exists()
    can_see_overview = user.has_perm("participation.view_overview", campaign) and not role.unit.kind.is_grassroots
    if not deployed and not can_see_overview:
        return None
    return {
        "campaign": campaign,
        "unit": role.unit,
        "deployed": deployed,
        "facts": evidence_for(role.unit, campaign) if deployed else None,
        "can_see_overview": can_see_overview,
    }


def member_section(request, member) -> dict | None:
    """The titles a member registered for, year by year (đăng ký danh hiệu), on their record."""
    rows = list(
        TitleRegistration.objects.filter(member=member).select_related("title").order_by("-year", "title__order")
    )
    if not rows:
        return None
    years: dict[int, list[str]] = {}
    for row in rows:
        years.setdefault(row.year, []).append(row.title.name)
    return {"years": sorted(years.items(), reverse=True)}
