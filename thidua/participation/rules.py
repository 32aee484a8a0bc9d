"""Who may do what when units take part in a campaign (vocabulary shared with org.rules and
campaigns.rules).

A unit's registration, works, models and signature are made by that unit itself — its CĐCS
chair or officer, or a federation's standing committee or emulation officer for the federation
— never by another unit, even one above it. Unions above read everything of their subtree.
"""

import rules

from thidua.campaigns.rules import COVERAGE_ROLES, campaign_visible, is_acting_unit
from thidua.org.models import Member, RoleKind
from thidua.org.rules import (
    acts_as,
    federation_editor,
    in_scope,
    is_own_member_record,
    is_superuser,
    member_editor,
    member_reader,
    strictly_below,
)

R = RoleKind
PARTICIPANT_ROLES = frozenset({R.GRASSROOTS_CHAIR, R.GRASSROOTS_OFFICER, R.STANDING_COMMITTEE, R.EMULATION_OFFICER})

participant = acts_as(PARTICIPANT_ROLES)


@rules.predicate
def organises_cluster(user, covenant_or_cluster) -> bool:
    """The covenant's cluster is organised by a unit in the user's scope."""
    cluster = getattr(covenant_or_cluster, "cluster", covenant_or_cluster)
    organiser = getattr(cluster, "organiser", None)
    return organiser is not None and in_scope(user, organiser)


@rules.predicate
def has_member_record(user) -> bool:
    """The login is a union member (their own titles page). Asked by the menu on every page, so
    the answer is kept on the request's user: one query, and only for roles that read no members."""
    if not getattr(user, "is_authenticated", False):
        return False
    cached = getattr(user, "_thidua_has_member_record", None)
    if cached is None:
        cached = user._thidua_has_member_record = Member.objects.filter(user=user).exists()
    return cached


# The titles page: a union that reads members sees its own; a member sees their own registrations.
# A personal role without a member record has nothing there (the page answers 404): not offered.
rules.add_perm("participation.view_titles", is_superuser | member_reader | has_member_record)
# obj = the unit acting (a CĐCS registering, signing, sending evidence).
rules.add_perm("participation.act_for_unit", is_superuser | (participant & is_acting_unit))
# obj = a work, registration, model project or covenant party: it is the acting unit's own.
rules.add_perm("participation.change_own", is_superuser | (participant & is_acting_unit))
rules.add_perm("participation.sign_covenant", is_superuser | (participant & is_acting_unit))
rules.add_perm("participation.self_inspect", is_superuser | (participant & is_acting_unit))
rules.add_perm("participation.inspect_below", is_superuser | (federation_editor & strictly_below))
# obj = a campaign: the federation's overview of who took part.
rules.add_perm("participation.view_overview", is_superuser | (acts_as(COVERAGE_ROLES) & campaign_visible))
# obj = a cluster (to write a covenant) or a covenant (to edit it).
rules.add_perm("participation.manage_covenant", is_superuser | (federation_editor & organises_cluster))
# obj = a member: registered by themselves, or by their CĐCS (or a union above it).
rules.add_perm("participation.register_title", is_superuser | is_own_member_record | (member_editor & in_scope))
