"""The permission vocabulary of thidua, in one place (django-rules predicates).

A user acts for one unit at a time through a `Role` (org.middleware picks it). The role's
reach is the unit's subtree: for a federation that is every union below it; for a CĐCS it is
the CĐCS and its groups (docs/flows.md, "Who uses it"). Objects outside the reach are not found
(core.access answers 404); within it, these predicates say what the role may do.
"""

import rules

from thidua.org.models import Member, Role, RoleKind, Unit

R = RoleKind

FEDERATION_ROLES = frozenset({R.STANDING_COMMITTEE, R.EMULATION_OFFICER, R.COUNCIL_MEMBER, R.VIEWER})
GRASSROOTS_ROLES = frozenset({R.GRASSROOTS_CHAIR, R.GRASSROOTS_OFFICER})
# Roles that may be held only at a federation (not a CĐCS or group), or only at a CĐCS.
FEDERATION_ONLY_ROLES = frozenset({R.EMULATION_OFFICER, R.VIEWER})
GRASSROOTS_ONLY_ROLES = GRASSROOTS_ROLES

MEMBER_READER_ROLES = frozenset({R.STANDING_COMMITTEE, R.EMULATION_OFFICER, R.VIEWER, *GRASSROOTS_ROLES})
MEMBER_EDITOR_ROLES = frozenset({R.STANDING_COMMITTEE, R.EMULATION_OFFICER, *GRASSROOTS_ROLES})
UNIT_EDITOR_ROLES = MEMBER_EDITOR_ROLES
RESTRUCTURE_ROLES = frozenset({R.STANDING_COMMITTEE, R.EMULATION_OFFICER})


def acting_role(user) -> Role | None:
    return getattr(user, "acting_role", None)


def _unit_of(obj) -> Unit | None:
    if isinstance(obj, Unit):
        return obj
    if isinstance(obj, (Member, Role)):
        return obj.unit
    return getattr(obj, "unit", None)


@rules.predicate
def in_scope(user, obj) -> bool:
    role = acting_role(user)
    unit = _unit_of(obj)
    return role is not None and unit is not None and unit.path.startswith(role.unit.path)


@rules.predicate
def strictly_below(user, obj) -> bool:
    """The object's unit is under the acting unit, not the acting unit itself: a federation
    restructures the unions below it, never itself."""
    role = acting_role(user)
    unit = _unit_of(obj)
    return role is not None and unit is not None and unit.path.startswith(role.unit.path) and unit.pk != role.unit_id


def acts_as(kinds: frozenset) -> rules.Predicate:
    @rules.predicate(name=f"acts_as({','.join(sorted(kinds))})")
    def predicate(user) -> bool:
        role = acting_role(user)
        return role is not None and role.kind in kinds

    return predicate


@rules.predicate
def is_own_member_record(user, member) -> bool:
    return isinstance(member, Member) and member.user_id is not None and member.user_id == user.pk


@rules.predicate
def unit_takes_groups(user, unit) -> bool:
    return isinstance(unit, Unit) and unit.kind.is_grassroots


is_superuser = rules.is_superuser
federation_editor = acts_as(RESTRUCTURE_ROLES)
member_reader = acts_as(MEMBER_READER_ROLES)
member_editor = acts_as(MEMBER_EDITOR_ROLES)
unit_editor = acts_as(UNIT_EDITOR_ROLES)
grassroots_officer = acts_as(GRASSROOTS_ROLES)

rules.add_perm("org.view_unit", is_superuser | in_scope)
# The tree and a unit's page (its members' figures, its yearly ratings) are the unit's business:
# not a member's role nor a council member's (docs/reach.md).
rules.add_perm("org.browse_units", is_superuser | member_reader)
rules.add_perm("org.view_unit_page", is_superuser | (member_reader & in_scope))
rules.add_perm("org.change_unit", is_superuser | (unit_editor & in_scope))
# obj = the parent: a federation adds unions below it; a CĐCS adds its groups.
rules.add_perm(
    "org.add_child_unit",
    is_superuser | (federation_editor & in_scope) | (grassroots_officer & in_scope & unit_takes_groups),
)
rules.add_perm("org.restructure_unit", is_superuser | (federation_editor & strictly_below))
# Dissolving or merging a federation (2025 reform) is a decision of the upper level's standing
# committee (Điều lệ Công đoàn Việt Nam: the upper union decides to found, merge or dissolve the
# unions below it), not of its emulation office; an administrator may carry it out too.
rules.add_perm("org.dissolve_unit", is_superuser | (acts_as(frozenset({R.STANDING_COMMITTEE})) & strictly_below))
rules.add_perm("org.view_unit_history", is_superuser | (member_reader & in_scope))
rules.add_perm("org.list_members", is_superuser | member_reader)
rules.add_perm("org.view_member", is_superuser | (member_reader & in_scope) | is_own_member_record)
rules.add_perm("org.add_member", is_superuser | (member_editor & in_scope))
rules.add_perm("org.change_member", is_superuser | (member_editor & in_scope))
rules.add_perm("org.import_units", is_superuser | federation_editor)
rules.add_perm("org.import_members", is_superuser | member_editor)
