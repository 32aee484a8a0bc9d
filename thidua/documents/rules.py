"""Who may read a unit's register and who may take a number from it (django-rules)."""

import rules

from thidua.org.models import RoleKind
from thidua.org.rules import FEDERATION_ROLES, GRASSROOTS_ROLES, acting_role, acts_as, in_scope, is_superuser

R = RoleKind

# Every role that works for a federation or a CĐCS reads the register of its reach.
# Not a council member's role: the register is the unit's business (docs/reach.md).
REGISTER_READER_ROLES = (FEDERATION_ROLES | GRASSROOTS_ROLES) - {R.COUNCIL_MEMBER}
# Those who issue documents in a unit's name (docs/flows.md, "Who uses it").
NUMBER_TAKER_ROLES = frozenset({R.STANDING_COMMITTEE, R.EMULATION_OFFICER, R.GRASSROOTS_CHAIR})


@rules.predicate
def is_acting_unit(user, unit) -> bool:
    """The unit itself, not one below it: a district never numbers a CĐCS's documents."""
    role = acting_role(user)
    return role is not None and unit is not None and getattr(unit, "pk", None) == role.unit_id


register_reader = acts_as(REGISTER_READER_ROLES)
number_taker = acts_as(NUMBER_TAKER_ROLES)

# Without an object: may open the register page at all (the menu asks this).
rules.add_perm("documents.view_register", is_superuser | register_reader)
# obj = a RegisterEntry or a Unit.
rules.add_perm("documents.view_entry", is_superuser | (register_reader & in_scope))
# obj = the issuing Unit.
rules.add_perm("documents.take_number", is_superuser | (number_taker & is_acting_unit))
rules.add_perm("documents.change_issuer_profile", is_superuser | (number_taker & is_acting_unit))


@rules.predicate
def issued_by_acting_unit(user, entry) -> bool:
    """The paper's issuing unit is the one the user acts for (not a unit above it)."""
    role = acting_role(user)
    return role is not None and entry is not None and getattr(entry, "unit_id", None) == role.unit_id


# obj = a RegisterEntry: upload its signed original (issue 21) — those who issue the unit's
# papers, as for taking its numbers; everyone who reads the paper sees the verdict.
rules.add_perm("documents.attach_signed", is_superuser | (number_taker & issued_by_acting_unit))

# Signing in thidua (issue 21, item 3): the unit's stored PKCS#12 certificate is uploaded,
# replaced, removed and used by its standing committee only — the role that issues decisions
# (awards.issue_decision) — of the unit itself, never a unit above it.
signing_committee = acts_as(frozenset({R.STANDING_COMMITTEE}))
# obj = the Unit.
rules.add_perm("documents.manage_signing_certificate", signing_committee & is_acting_unit)
# obj = a RegisterEntry of the unit.
rules.add_perm("documents.sign_in_thidua", signing_committee & issued_by_acting_unit)
