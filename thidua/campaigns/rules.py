"""Who may do what with campaigns (vocabulary shared with org.rules).

A plan belongs to its issuing unit: only that unit's standing committee or emulation officer
(or a CĐCS chair/officer for a CĐCS's own plan) edits and issues it — a district cannot edit the
city's plan, even though it sees it. A deployment is acted on by the unit it was deployed to.
"""

import rules

from thidua.campaigns.models import Campaign
from thidua.org.models import RoleKind
from thidua.org.rules import acting_role, acts_as, in_scope, is_superuser

R = RoleKind
PLAN_EDITOR_ROLES = frozenset({R.STANDING_COMMITTEE, R.EMULATION_OFFICER, R.GRASSROOTS_CHAIR, R.GRASSROOTS_OFFICER})
PLAN_ISSUER_ROLES = frozenset({R.STANDING_COMMITTEE, R.EMULATION_OFFICER, R.GRASSROOTS_CHAIR})
DEPLOYMENT_ROLES = PLAN_EDITOR_ROLES
# Coverage, overviews and the reporting board are the unit's business: not a council member's
# role, which reads what its councils take up (docs/reach.md).
COVERAGE_ROLES = frozenset({*PLAN_EDITOR_ROLES, R.VIEWER})


@rules.predicate
def is_acting_unit(user, obj) -> bool:
    """The object (a unit, or a campaign's issuer, or a deployment's unit) is the acting unit itself."""
    role = acting_role(user)
    if role is None or obj is None:
        return False
    unit_id = getattr(obj, "issuer_id", None) or getattr(obj, "unit_id", None) or getattr(obj, "pk", None)
    return unit_id == role.unit_id


@rules.predicate
def is_draft(user, campaign) -> bool:
    return campaign is not None and campaign.status == "draft"


@rules.predicate
def campaign_visible(user, campaign) -> bool:
    return campaign is not None and Campaign.objects.visible_to(user).filter(pk=campaign.pk).exists()


plan_editor = acts_as(PLAN_EDITOR_ROLES)
plan_issuer = acts_as(PLAN_ISSUER_ROLES)

rules.add_perm("campaigns.list_campaigns", rules.is_authenticated)
rules.add_perm("campaigns.view_campaign", is_superuser | campaign_visible)
# obj = the unit that will issue the plan: the acting unit itself.
rules.add_perm("campaigns.add_campaign", is_superuser | (plan_editor & is_acting_unit))
rules.add_perm("campaigns.change_campaign", is_draft & (is_superuser | (plan_editor & is_acting_unit)))
rules.add_perm("campaigns.issue_campaign", is_superuser | (plan_issuer & is_acting_unit))
rules.add_perm("campaigns.close_campaign", is_superuser | (plan_issuer & is_acting_unit))
rules.add_perm("campaigns.act_on_deployment", is_superuser | (acts_as(DEPLOYMENT_ROLES) & is_acting_unit))
rules.add_perm("campaigns.view_coverage", is_superuser | (acts_as(COVERAGE_ROLES) & campaign_visible))
rules.add_perm("campaigns.view_deployment", is_superuser | in_scope)
