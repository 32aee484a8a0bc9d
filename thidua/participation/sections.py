"""The participation section of a campaign's page: what the acting unit did for it (its
record in short, with a link to act), or, for a federation, the way to the overview."""

from thidua.campaigns.models import Campaign, CampaignStatus, Deployment
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
