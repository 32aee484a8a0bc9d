"""Figures a report form fills in from what thidua already holds, for the unit to confirm:
its members (org), members reached when it launched the campaign (campaigns' deployment),
works completed and models registered for it (participation.queries).

A CĐCS may have received the campaign through a district's implementing plan, so the unit's
deployment is looked up in the whole family of plans implementing the form's campaign.
"""

from decimal import Decimal

from thidua.campaigns.models import Deployment
from thidua.core.db import PATH_END
from thidua.org.models import Unit
from thidua.org.queries import totals_for
from thidua.participation.queries import evidence_for
from thidua.reports.models import Source, Submission


def members_of(unit: Unit) -> int:
    totals = totals_for([unit])
    return totals[unit.pk].members if unit.pk in totals else 0


def auto_values(submission: Submission, indicators) -> dict[int, Decimal]:
    wanted = [i for i in indicators if i.source]
    if not wanted:
        return {}
    unit = submission.unit
    campaign = submission.period.form.campaign
    deployment = None
    if campaign is not None:
        deployment = (
            Deployment.objects.filter(
                unit=unit, campaign__lineage__gte=campaign.lineage, campaign__lineage__lt=campaign.lineage + PATH_END
            )
            .select_related("campaign")
            .order_by("campaign__lineage")
            .first()
        )
    facts = evidence_for(unit, deployment.campaign) if deployment is not None else None
    values: dict[int, Decimal] = {}
    for indicator in wanted:
        if indicator.source == Source.MEMBERS:
            values[indicator.pk] = Decimal(members_of(unit))
        elif indicator.source == Source.MEMBERS_REACHED and deployment is not None:
            if deployment.members_reached is not None:
                values[indicator.pk] = Decimal(deployment.members_reached)
        elif indicator.source == Source.WORKS_COMPLETED and facts is not None:
            values[indicator.pk] = Decimal(facts.works_completed)
        elif indicator.source == Source.MODELS and facts is not None:
            values[indicator.pk] = Decimal(facts.models)
    return values
