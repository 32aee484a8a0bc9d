"""The participation section of a campaign's page: what the acting unit did for it (its
record in short, with a link to act), or, for a federation, the way to the overview."""

from thidua.campaigns.models import Campaign, CampaignStatus, Deployment
from thidua.participation.models import Covenant, PartyStatus, TitleRegistration
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


def covenant_section(request, campaign: Campaign) -> dict | None:
    """The plan's "Giao ước thi đua" part: the covenants tied to it that the reader may see,
    with how many parties signed; the organiser ties one already written or writes one."""
    from django.db.models import Count, Q

    from thidua.participation.forms import TieCovenantForm
    from thidua.participation.services import covenant_campaigns
    from thidua.participation.views.covenants import _organisable_clusters, manageable_covenants

    user = request.user
    covenants = list(
        Covenant.objects.visible_to(user)
        .filter(campaign=campaign)
        .select_related("cluster")
        .annotate(
            parties_count=Count("parties"), signed_count=Count("parties", filter=Q(parties__status=PartyStatus.SIGNED))
        )
        .order_by("-year", "title")
    )
    cluster = _organisable_clusters(user).select_related("organiser").first()
    can_tie = (
        cluster is not None
        and user.has_perm("participation.manage_covenant", cluster)
        and covenant_campaigns(user).filter(pk=campaign.pk).exists()
    )
    if not covenants and not can_tie:
        return None
    untied = manageable_covenants(user).exclude(campaign=campaign) if can_tie else None
    return {
        "campaign": campaign,
        "covenants": covenants,
        "can_tie": can_tie,
        "tie_form": TieCovenantForm(covenants=untied) if untied is not None and untied.exists() else None,
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
