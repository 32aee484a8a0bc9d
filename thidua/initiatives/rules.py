"""Who may do what with initiatives (vocabulary shared with org.rules and councils.rules).

Authors write and submit their own initiative. The level handling it (`Initiative.level`: the
CĐCS first, then each union it is proposed to) takes it through its own steps: its chair or
officer assigns one of the level's support teams; that team or the level's managers comment
and hand it to the level's council; the council's result, the numbered recognition decision
and the proposal to the next level belong to the same level. The dossier itself is the
authors': it is edited and returned to them only at their own CĐCS, before it is recognised
there. Unions above read everything of their subtree; nobody else finds it.
"""

import rules

from thidua.councils.models import CouncilKind, CouncilMember
from thidua.councils.rules import MANAGER_ROLES
from thidua.documents.rules import NUMBER_TAKER_ROLES
from thidua.initiatives.models import Initiative, InitiativeStatus
from thidua.org.models import RoleKind, Unit, acts_for_unit
from thidua.org.rules import acting_role, acts_as, in_scope, is_superuser

R = RoleKind
REGISTRANT_ROLES = frozenset({R.MEMBER, *MANAGER_ROLES})
S = InitiativeStatus


@rules.predicate
def at_own_unit(user, obj) -> bool:
    """The acting unit is the initiative's unit (or, for one to register, the unit itself)."""
    role = acting_role(user)
    unit_id = obj.unit_id if isinstance(obj, Initiative) else getattr(obj, "pk", None)
    return role is not None and unit_id is not None and unit_id == role.unit_id


@rules.predicate
def at_level(user, initiative) -> bool:
    role = acting_role(user)
    return role is not None and isinstance(initiative, Initiative) and initiative.level_id == role.unit_id


@rules.predicate
def is_author(user, initiative) -> bool:
    if not isinstance(initiative, Initiative) or not user.is_authenticated:
        return False
    return initiative.created_by_id == user.pk or initiative.authors.filter(member__user=user).exists()


@rules.predicate
def at_first_level(user, initiative) -> bool:
    """Still at the authors' own CĐCS (not yet proposed to a union above)."""
    return isinstance(initiative, Initiative) and initiative.level_id == initiative.unit_id


@rules.predicate
def on_support_team(user, initiative) -> bool:
    """A member of the support team the level handling it assigned (a CĐCS's team has no say
    once the initiative is proposed to the district, whose own team takes over)."""
    if not isinstance(initiative, Initiative) or initiative.support_team_id is None:
        return False
    team = initiative.support_team
    assert team is not None  # support_team_id is set (checked above)
    return team.unit_id == initiative.level_id and team.members.filter(user=user).exists()


@rules.predicate
def is_draft(user, initiative) -> bool:
    return isinstance(initiative, Initiative) and initiative.status == S.DRAFT


@rules.predicate
def in_preparation(user, initiative) -> bool:
    return isinstance(initiative, Initiative) and initiative.status in (S.DRAFT, S.SUBMITTED, S.WITH_SUPPORT_TEAM)


@rules.predicate
def being_completed(user, initiative) -> bool:
    """Before the council has it: the time for the support team's notes on the dossier."""
    return isinstance(initiative, Initiative) and initiative.status in (
        S.DRAFT,
        S.SUBMITTED,
        S.WITH_SUPPORT_TEAM,
        S.PROPOSED,
    )


@rules.predicate
def has_next_level(user, initiative) -> bool:
    return isinstance(initiative, Initiative) and initiative.level.parent_id is not None


@rules.predicate
def reviews_it(user, initiative) -> bool:
    """The user sits on a council that has the initiative on its agenda."""
    return isinstance(initiative, Initiative) and Initiative.objects.visible_to(user).filter(pk=initiative.pk).exists()


@rules.predicate
def visible(user, initiative) -> bool:
    """`Initiative.objects.visible_to`: the one scope (a member reads only their own and the
    recognised ones of their unit, docs/reach.md)."""
    return reviews_it(user, initiative)


@rules.predicate
def reads_unit(user, unit) -> bool:
    """A role acting for a unit of the scope (not a member's or council member's role)."""
    return acts_for_unit(acting_role(user)) and in_scope(user, unit)


@rules.predicate
def acts_as_unit(user) -> bool:
    return acts_for_unit(acting_role(user))


@rules.predicate
def reads_golden_book(user, unit=None) -> bool:
    """A level's golden book is published (seed 003, IV.2: "sổ vàng sáng kiến … ghi danh"): the
    roles acting for the scope and its members read it; a council member reads the book of the
    council they sit on, where what it recognises is written (docs/reach.md). Without a unit:
    the acting unit's own book (the menu's entry)."""
    role = acting_role(user)
    if role is None:
        return False
    unit = unit if isinstance(unit, Unit) else role.unit
    if role.kind != R.COUNCIL_MEMBER and unit.path.startswith(role.unit.path):
        return True

    return CouncilMember.objects.filter(
        council__unit=unit, council__kind=CouncilKind.INITIATIVE, member__user=user
    ).exists()


registrant = acts_as(REGISTRANT_ROLES)
manager = acts_as(MANAGER_ROLES)
number_taker = acts_as(NUMBER_TAKER_ROLES)
unit_manager = manager & at_own_unit
level_manager = manager & at_level
supporter = level_manager | on_support_team

# obj = the unit registering (the acting unit).
rules.add_perm("initiatives.register", is_superuser | (registrant & at_own_unit))
rules.add_perm("initiatives.view_initiative", is_superuser | visible)
rules.add_perm(
    "initiatives.change_initiative",
    is_superuser | (is_draft & is_author) | (in_preparation & at_first_level & supporter),
)
rules.add_perm("initiatives.submit", is_superuser | is_author | unit_manager)
rules.add_perm("initiatives.assign_support_team", is_superuser | level_manager)
rules.add_perm("initiatives.support", is_superuser | supporter)
rules.add_perm("initiatives.comment", is_superuser | (supporter & being_completed))
rules.add_perm("initiatives.return_to_authors", is_superuser | (supporter & at_first_level))
rules.add_perm("initiatives.decide", is_superuser | (manager & at_level))
rules.add_perm("initiatives.recognise", is_superuser | (number_taker & at_level))
rules.add_perm("initiatives.propose", is_superuser | (manager & at_level & has_next_level))
# obj = a unit: its support teams, decisions and golden book.
rules.add_perm("initiatives.manage_unit", is_superuser | (manager & at_own_unit))
rules.add_perm("initiatives.view_unit", is_superuser | reads_unit)
rules.add_perm("initiatives.view_golden_book", is_superuser | reads_golden_book)
# Without an object: whether pages offer the counters of the acting unit (the menu, the panel).
rules.add_perm("initiatives.view_counters", is_superuser | acts_as_unit)
