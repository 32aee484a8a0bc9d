"""Reads for campaign pages: coverage rolled up the tree, laggards, calendars.

Coverage counts the deployments of a campaign *and of every plan implementing it* (the
campaign's lineage), and the units that answered with an issued plan of their own, grouped by
the units under the viewer — one self-join over the path range, whatever the size of the
province.
"""

from dataclasses import dataclass

from django.db import connection

from thidua.campaigns.models import Campaign, CampaignStatus, Deployment, DeploymentStatus
from thidua.core.db import PATH_END
from thidua.core.numbers import share
from thidua.org.models import Unit


@dataclass(frozen=True)
class Coverage:
    targets: int = 0
    acknowledged: int = 0
    launched: int = 0
    own_plans: int = 0
    members: int = 0
    members_reached: int = 0

    @property
    def acknowledged_pct(self) -> float:
        return share(self.acknowledged, self.targets)

    @property
    def launched_pct(self) -> float:
        return share(self.launched, self.targets)

    @property
    def reached_pct(self) -> float:
        return share(self.members_reached, self.members)


_COVERAGE_SQL = """
SELECT {group},
       COUNT(d.id),
       SUM(CASE WHEN d.status IN (%s, %s) THEN 1 ELSE 0 END),
       SUM(CASE WHEN d.status = %s THEN 1 ELSE 0 END),
       SUM(CASE WHEN op.status IN (%s, %s) THEN 1 ELSE 0 END),
       SUM(COALESCE(d.members_at_launch, 0)),
       SUM(COALESCE(d.members_reached, 0))
FROM campaigns_deployment d
JOIN campaigns_campaign c ON c.id = d.campaign_id
JOIN org_unit u ON u.id = d.unit_id
LEFT JOIN campaigns_campaign op ON op.id = d.own_plan_id
{join}
WHERE c.lineage >= %s AND c.lineage < %s
  AND u.path >= %s AND u.path < %s
{where}
GROUP BY {group}
"""


def _params(campaign: Campaign, within: Unit) -> list:
    return [
        DeploymentStatus.ACKNOWLEDGED.value,
        DeploymentStatus.LAUNCHED.value,
        DeploymentStatus.LAUNCHED.value,
        # An own plan counts once issued: a draft is not yet the unit's plan.
        CampaignStatus.ISSUED.value,
        CampaignStatus.CLOSED.value,
        campaign.lineage,
        campaign.lineage + PATH_END,
        within.path,
        within.path + PATH_END,
    ]


def coverage_total(campaign: Campaign, within: Unit) -> Coverage:
    sql = _COVERAGE_SQL.format(group="1", join="", where="")
    with connection.cursor() as cursor:
        cursor.execute(sql, _params(campaign, within))
        row = cursor.fetchone()
    return Coverage(*(int(v or 0) for v in row[1:])) if row else Coverage()


def coverage_by_child(campaign: Campaign, parent: Unit) -> list[tuple[Unit, Coverage]]:
    """One row per child of `parent` that has deployments below it (or is one)."""
    sql = _COVERAGE_SQL.format(
        group="ch.id",
        join=f"JOIN org_unit ch ON u.path >= ch.path AND u.path < ch.path || '{PATH_END}'",
        where="AND ch.parent_id = %s",
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*_params(campaign, parent), parent.pk])
        rows = {r[0]: Coverage(*(int(v or 0) for v in r[1:])) for r in cursor.fetchall()}
    children = Unit.objects.filter(pk__in=rows).select_related("kind").order_by("name")
    return [(child, rows[child.pk]) for child in children]


def laggards(campaign: Campaign, within: Unit):
    """Deployments in the viewer's subtree not yet launched, oldest state first."""
    return (
        Deployment.objects.within(within)
        .filter(campaign__lineage__gte=campaign.lineage, campaign__lineage__lt=campaign.lineage + PATH_END)
        .exclude(status=DeploymentStatus.LAUNCHED)
        .select_related("unit", "unit__parent", "campaign")
        .order_by("status", "unit__path")
    )
