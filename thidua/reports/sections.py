"""The reports section of a campaign's page: its report forms, and its interim or final
reviews with the button to draft one (registered in core.sections, so campaigns never imports
reports)."""

from thidua.campaigns.models import Campaign, CampaignStatus
from thidua.reports.forms import ReviewDraftForm
from thidua.reports.models import CampaignReview, FormStatus, ReportForm


def campaign_section(request, campaign: Campaign) -> dict | None:
    user = request.user
    role = getattr(user, "acting_role", None)
    if role is None or campaign.status == CampaignStatus.DRAFT:
        return None
    forms = list(
        ReportForm.objects.visible_to(user).filter(campaign=campaign).exclude(status=FormStatus.DRAFT).order_by("id")
    )
    reviews = list(CampaignReview.objects.visible_to(user).filter(campaign=campaign).select_related("register_entry"))
    can_draft = role.unit.kind.is_federation and user.has_perm("reports.change_review", role.unit)
    if not (forms or reviews or can_draft):
        return None
    return {"campaign": campaign, "forms": forms, "reviews": reviews, "can_draft": can_draft, "form": ReviewDraftForm()}
