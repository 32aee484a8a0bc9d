"""The campaigns panel of the home page: plans received and not yet launched, deadlines due."""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from thidua.campaigns.models import CampaignStatus, Deadline, DeploymentStatus
from thidua.campaigns.rules import DEPLOYMENT_ROLES
from thidua.campaigns.services import DEPLOYMENT_WORKFLOW, deployments_for
from thidua.campaigns.views.calendar import deadlines_for
from thidua.core.home import CLOSED, OPEN, HomeTask
from thidua.org.models import acts_for_unit


def panel_context(request) -> dict | None:
    role = getattr(request.user, "acting_role", None)
    # A member or council member has nothing to do about the unit's plans and deadlines (the
    # CĐCS answers them): the panel is the unit's business (docs/reach.md).
    if not acts_for_unit(role):
        return None
    today = timezone.localdate()
    # Deadlines of campaigns that have ended, and plans received long ago for them, are
    # archive: they stay on the calendar and the plan list, not on the home page (a 2023
    # deadline listed first for every role was the complaint).
    received = deployments_for(role.unit).exclude(status=DeploymentStatus.LAUNCHED)[:30]
    # A plan waiting is a task for whoever may acknowledge or launch it (the deployment box's own
    # question to the workflow): a read-only role (theo dõi) follows deadlines, not this list.
    pending = [d for d in received if not _stale(d, today) and DEPLOYMENT_WORKFLOW.allowed(d, request.user)][:10]
    deadlines = [(d, s) for d, s in deadlines_for(role.unit, today) if not _archived(d.campaign, today)][:10]
    return {"pending": pending, "rows": deadlines, "deploys": role.kind in DEPLOYMENT_ROLES}


def _ended(campaign, today) -> bool:
    """A campaign whose window is over (or that its issuer closed): its leftovers are archive,
    folded on the home page rather than listed first (a 2023 deadline is not today's work)."""
    return campaign.status == CampaignStatus.CLOSED or (campaign.ends_on is not None and campaign.ends_on < today)


# A plan received this long ago, for a campaign that has ended, is archive. A plan received
# lately stays on the list whatever its dates: someone sent it and waits for the answer (an
# office entering last year's plan today still expects its CĐCS to acknowledge it).
STALE_AFTER_DAYS = 120


def _archived(campaign, today) -> bool:
    """A campaign that has ended and was issued long ago: its deadlines are history."""
    issued = timezone.localtime(campaign.issued_at).date() if campaign.issued_at else None
    return _ended(campaign, today) and (issued is None or (today - issued).days > STALE_AFTER_DAYS)


def _stale(deployment, today) -> bool:
    received = timezone.localtime(deployment.deployed_at).date()
    return _ended(deployment.campaign, today) and (today - received).days > STALE_AFTER_DAYS


def _label(campaign) -> str:
    return _("Kế hoạch %(number)s") % {"number": campaign.number} if campaign.number else _("Kế hoạch")


def tasks(request, today) -> list[HomeTask]:
    """The deadlines of the campaigns the unit takes part in (its own plans: the units it waits
    for) and the plans received and not yet launched — two queries whatever their number."""
    role = getattr(request.user, "acting_role", None)
    if role is None or role.kind not in DEPLOYMENT_ROLES:
        return []
    out = []
    for deadline in Deadline.objects.for_unit(role.unit).order_by("due_on", "id"):
        campaign = deadline.campaign
        waiting_for = campaign.issuer_id == role.unit_id  # the issuer follows its units' deadline
        out.append(
            HomeTask(
                title=(_("Theo dõi: %(what)s") if waiting_for else "%(what)s") % {"what": deadline.what},
                url=reverse("campaigns:detail", args=[campaign.pk]),
                due_on=deadline.due_on,
                state=CLOSED if _archived(campaign, today) else OPEN,
                note=deadline.who if waiting_for else campaign.title,
                source=_label(campaign),
            )
        )
    pending = deployments_for(role.unit).exclude(status=DeploymentStatus.LAUNCHED).select_related("campaign")
    for deployment in pending:
        campaign = deployment.campaign
        out.append(
            HomeTask(
                title=_("Phát động kế hoạch cấp trên: %(title)s") % {"title": campaign.title},
                url=reverse("campaigns:detail", args=[campaign.pk]),
                state=CLOSED if _stale(deployment, today) else OPEN,
                note=deployment.get_status_display(),
                source=_label(campaign),
            )
        )
    return out
