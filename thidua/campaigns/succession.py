"""What a dissolved or merged unit's campaigns become (core.succession, org.services.dissolve_unit).

Its open plans (drafts and issued, not closed) go on under the successor: the successor's officers
edit, issue, close them, follow their coverage and deadlines. The plan's number stays in the old
unit's register and its paper keeps the old letterhead (documents.RegisterEntry.letterhead). Plans
sent to the old unit and not yet launched there go to the successor, unless the successor issued
the plan itself or already has it (its CĐCS, moved under the successor, keep their own).
"""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from thidua.campaigns.models import Campaign, CampaignStatus, Deployment, DeploymentStatus
from thidua.core import succession


def _open_campaigns(unit):
    return Campaign.objects.filter(issuer=unit).exclude(status=CampaignStatus.CLOSED)


def _pending_deployments(unit):
    return (
        Deployment.objects.filter(unit=unit)
        .exclude(status=DeploymentStatus.LAUNCHED)
        .exclude(campaign__status=CampaignStatus.CLOSED)
    )


def count_campaigns(unit) -> int:
    return _open_campaigns(unit).count()


def hand_over_campaigns(actor, unit, successor) -> int:
    campaigns = list(_open_campaigns(unit).order_by("pk"))
    for campaign in campaigns:
        succession.record_handover(actor, campaign, unit, successor)
    Campaign.objects.filter(pk__in=[c.pk for c in campaigns]).update(issuer=successor)
    return len(campaigns)


def count_deployments(unit) -> int:
    return _pending_deployments(unit).count()


def hand_over_deployments(actor, unit, successor) -> int:
    taken = Deployment.objects.filter(unit=successor).values("campaign_id")
    movable = _pending_deployments(unit).exclude(Q(campaign__issuer=successor) | Q(campaign_id__in=taken))
    ids = list(movable.values_list("pk", flat=True))
    Deployment.objects.filter(pk__in=ids).update(unit=successor)
    succession.record_bulk(actor, "deployments", ids, unit, successor)
    return len(ids)


STEPS = (
    succession.Step(
        "campaigns", _("Kế hoạch đang thực hiện do đơn vị ban hành"), count_campaigns, hand_over_campaigns, 10
    ),
    succession.Step(
        "deployments", _("Kế hoạch cấp trên gửi đơn vị, chưa phát động"), count_deployments, hand_over_deployments, 20
    ),
)
