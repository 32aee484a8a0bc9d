"""Who may do what with reports (vocabulary shared with org.rules and campaigns.rules).

A federation's standing committee or emulation officer writes its own report forms and reviews;
a unit's report is filled in and sent by that unit itself (its CĐCS chair or officer), never by
the union above it; a union above accepts it or sends it back. Everyone reads within their scope.
"""

import rules

from thidua.campaigns.rules import COVERAGE_ROLES, PLAN_ISSUER_ROLES, is_acting_unit
from thidua.org.models import RoleKind
from thidua.org.rules import acting_role, acts_as, federation_editor, in_scope, is_superuser, strictly_below

R = RoleKind
REPORTER_ROLES = frozenset({R.GRASSROOTS_CHAIR, R.GRASSROOTS_OFFICER, R.STANDING_COMMITTEE, R.EMULATION_OFFICER})

# Roles reading a unit's reports (a viewer above reads them too).
READER_ROLES = REPORTER_ROLES | {R.VIEWER}

reporter = acts_as(REPORTER_ROLES)


@rules.predicate
def acts_for_federation(user) -> bool:
    role = acting_role(user)
    return role is not None and role.unit.kind.is_federation


# obj = the unit that will issue the form (the acting unit).
rules.add_perm("reports.add_form", is_superuser | (federation_editor & acts_for_federation & is_acting_unit))
# obj = a form: its issuer's officers.
rules.add_perm("reports.change_form", is_superuser | (federation_editor & is_acting_unit))
# obj = a submission: the reporting unit itself.
rules.add_perm("reports.fill", is_superuser | (reporter & is_acting_unit))
# obj = a submission: a federation above the reporting unit.
rules.add_perm("reports.review", is_superuser | (federation_editor & strictly_below))
# No object: the status board, roll-up and exports of one's subtree.
# The reports page (the unit's submissions, the forms it issued): the roles acting for a unit, not a
# member's or council member's (docs/reach.md).
rules.add_perm("reports.use_reports", is_superuser | acts_as(READER_ROLES))
rules.add_perm("reports.view_board", is_superuser | (acts_as(COVERAGE_ROLES) & acts_for_federation))
# obj = a campaign review: drafted and issued by its issuer.
rules.add_perm("reports.change_review", is_superuser | (federation_editor & is_acting_unit))
rules.add_perm("reports.issue_review", is_superuser | (acts_as(PLAN_ISSUER_ROLES) & is_acting_unit))
# obj = the unit whose subtree's late units are reminded now (the status board's unit): a
# federation's officers, within their scope.
rules.add_perm("reports.remind", is_superuser | (federation_editor & acts_for_federation & in_scope))
