"""Who may do what with awards (vocabulary shared with org.rules, councils.rules and
initiatives.rules).

A CĐCS (its chair or officer) nominates its own collectives and members, completes the
dossier and sends the batch; the emulation office of a federation above may do the same for a
CĐCS of its subtree (paper dossiers still arrive at the office). Everything after that belongs to the level handling the
nomination (`Nomination.level`): its office (emulation officer, standing committee) checks the
dossier, returns or accepts it, sends it to the award council and, when the award is beyond
the level's authority, proposes it to the level above; its standing committee decides the
awards within its authority. The federation that issued a campaign allocates its quotas.
Unions above read everything of their subtree; nobody else finds it.
"""

import rules

from thidua.awards.models import Decision, Nomination, NominationStatus
from thidua.campaigns.models import Campaign
from thidua.councils.rules import MANAGER_ROLES
from thidua.org.models import RoleKind, Unit
from thidua.org.rules import GRASSROOTS_ROLES, acting_role, acts_as, in_scope, is_superuser

R = RoleKind
S = NominationStatus
NOMINATOR_ROLES = MANAGER_ROLES
OFFICE_ROLES = frozenset({R.STANDING_COMMITTEE, R.EMULATION_OFFICER})
DECIDER_ROLES = frozenset({R.STANDING_COMMITTEE})
EDITABLE_STATUSES = (S.DRAFT, S.RETURNED)


def authority_allows(nomination: Nomination) -> bool:
    """The level handling the nomination may decide its award kind: the kind's issuing level
    is this level or a lower one (a larger number); no issuing level means the campaign's."""
    issuer_level = nomination.award_kind.issuer_level
    return issuer_level is None or issuer_level >= nomination.level.kind.level


@rules.predicate
def at_own_unit(user, obj) -> bool:
    """The acting unit is the nomination's proposing unit (or, for one to make, the unit)."""
    role = acting_role(user)
    unit_id = obj.unit_id if isinstance(obj, Nomination) else obj.pk if isinstance(obj, Unit) else None
    return role is not None and unit_id is not None and unit_id == role.unit_id


@rules.predicate
def for_grassroots_below(user, obj) -> bool:
    """The proposing unit (or the unit given) is a CĐCS in the acting federation's subtree, not
    the acting unit itself: its office acts for it when paper dossiers arrive there."""
    role = acting_role(user)
    unit = obj.unit if isinstance(obj, Nomination) else obj if isinstance(obj, Unit) else None
    return (
        role is not None
        and unit is not None
        and unit.pk != role.unit_id
        and unit.path.startswith(role.unit.path)
        and unit.kind.is_grassroots
    )


@rules.predicate
def at_level(user, obj) -> bool:
    """The acting unit handles the nomination now (or issues the decision, or is the unit given)."""
    role = acting_role(user)
    unit_id: int | None
    if isinstance(obj, Nomination):
        unit_id = obj.level_id
    elif isinstance(obj, Decision):
        unit_id = obj.unit_id
    else:
        unit_id = obj.pk if isinstance(obj, Unit) else None
    return role is not None and unit_id is not None and unit_id == role.unit_id


@rules.predicate
def visible(user, obj) -> bool:
    """The nomination is in `Nomination.objects.visible_to(user)`: the one place that says who
    reads a nomination (subtree and handling level for officers; own and their collectives'
    for a plain member; a council's seat for its agenda)."""
    return isinstance(obj, Nomination) and Nomination.objects.visible_to(user).filter(pk=obj.pk).exists()


@rules.predicate
def editable(user, obj) -> bool:
    return isinstance(obj, Nomination) and obj.status in EDITABLE_STATUSES


@rules.predicate
def within_authority(user, obj) -> bool:
    if isinstance(obj, Unit):
        return True
    return isinstance(obj, Nomination) and authority_allows(obj)


@rules.predicate
def beyond_authority(user, obj) -> bool:
    return isinstance(obj, Nomination) and not authority_allows(obj) and obj.level.parent_id is not None


@rules.predicate
def issued_here(user, obj) -> bool:
    role = acting_role(user)
    return role is not None and isinstance(obj, Campaign) and obj.issuer_id == role.unit_id


@rules.predicate
def decision_in_scope(user, obj) -> bool:
    role = acting_role(user)
    return role is not None and isinstance(obj, Decision) and obj.unit.path.startswith(role.unit.path)


nominator = acts_as(NOMINATOR_ROLES)
grassroots = acts_as(GRASSROOTS_ROLES)
office = acts_as(OFFICE_ROLES)
decider = acts_as(DECIDER_ROLES)
emulation_office = acts_as(frozenset({R.EMULATION_OFFICER}))
# "Theo dõi (cấp trên)" (docs/flows.md: a viewer at a higher level sees the forwarded nominations
# and the figures of its whole subtree): it reads the queues of its subtree, and acts on none.
viewer = acts_as(frozenset({R.VIEWER}))

# obj = the proposing unit (the acting unit) or one of its nominations. A federation's emulation
# office may act for a CĐCS of its subtree (the audit trail names who acted).
proposes = (nominator & at_own_unit) | (emulation_office & for_grassroots_below)
rules.add_perm("awards.nominate", is_superuser | proposes)
rules.add_perm("awards.change_nomination", is_superuser | (proposes & editable))
rules.add_perm("awards.submit", is_superuser | proposes)
rules.add_perm("awards.withdraw", is_superuser | proposes)
rules.add_perm("awards.view_nomination", is_superuser | visible)
# obj = a nomination (or the acting unit, for its queue and its decisions).
rules.add_perm("awards.review", is_superuser | (office & at_level))
rules.add_perm("awards.council_result", is_superuser | (office & at_level))
rules.add_perm("awards.forward", is_superuser | (office & at_level & beyond_authority))
rules.add_perm("awards.decide", is_superuser | (decider & at_level & within_authority))
# obj = a decision: issued by the standing committee of its unit (awards.workflow.DECISION_WORKFLOW).
rules.add_perm("awards.issue_decision", is_superuser | (decider & at_level))
# obj = a campaign: its issuer allocates the quotas and lists the kinds it offers.
rules.add_perm("awards.allocate_quota", is_superuser | (office & issued_here))
# obj = the unit whose record gets an earlier paper award.
rules.add_perm("awards.record_award", is_superuser | (office & in_scope))
rules.add_perm("awards.view_decision", is_superuser | decision_in_scope)
rules.add_perm("awards.manage_catalogue", is_superuser)
# Menu entries (no object): who works on which side of the flow.
rules.add_perm("awards.use_nominations", is_superuser | grassroots | emulation_office)
rules.add_perm("awards.use_review", is_superuser | office)
# The review queue, read: the office of the level, or a viewer above (read-only, its subtree).
rules.add_perm("awards.view_queue", is_superuser | office | viewer)
# obj = the unit whose subtree's queues a viewer reads (its own, or one below it).
rules.add_perm("awards.read_queue", is_superuser | (viewer & in_scope))
