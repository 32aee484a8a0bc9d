"""Who may do what with councils (vocabulary shared with org.rules).

A council belongs to its unit: that unit's standing committee, emulation officer or CĐCS
chair/officer sets it up, opens sessions, records attendance and written votes, and closes
sessions. Scoring and voting are personal: only a member of the council, through their own
account. Unions above read a council's sessions and minutes; a council member's role reads only
the councils its holder sits on; nobody else finds them.
"""

import rules

from thidua.councils.models import OVERSEEING_ROLES, AgendaItem, Council, CouncilMember, Criterion, Session
from thidua.org.models import RoleKind, Unit
from thidua.org.rules import acting_role, acts_as, in_scope, is_superuser

R = RoleKind
MANAGER_ROLES = frozenset({R.STANDING_COMMITTEE, R.EMULATION_OFFICER, R.GRASSROOTS_CHAIR, R.GRASSROOTS_OFFICER})


def council_of(obj) -> Council | None:
    """The council of a council, session, agenda item, member or criterion."""
    if isinstance(obj, AgendaItem):
        return obj.session.council
    if isinstance(obj, (Session, CouncilMember, Criterion)):
        return obj.council
    return obj if isinstance(obj, Council) else None


@rules.predicate
def at_council_unit(user, obj) -> bool:
    """The council's unit (or, for a council still to be made, the unit) is the acting unit."""
    role = acting_role(user)
    unit_id = obj.pk if isinstance(obj, Unit) else getattr(council_of(obj), "unit_id", None)
    return role is not None and unit_id is not None and unit_id == role.unit_id


@rules.predicate
def sits_on_council(user, obj) -> bool:
    council = council_of(obj)
    return (
        council is not None
        and user.is_authenticated
        and CouncilMember.objects.filter(council=council, member__user=user).exists()
    )


# Whether a seat may vote on an agenda item now, and if not why: the states of `vote_state`.
RECUSED, VOTED, ABSENT, NO_QUORUM, MAY_VOTE = "recused", "voted", "absent", "no_quorum", "vote"
# The member's vote is still expected (the home page's task): a meeting below its quorum waits.
AWAITING_VOTE = frozenset({MAY_VOTE, NO_QUORUM})


def vote_state(*, meeting: bool, recused: bool, voted: bool, present: bool, quorum_met: bool) -> str:
    """Who may vote, the one rule (domain.md "Dossiers and councils"; TT 18/2013 Đ8): a seat of
    the council (perm `councils.cast_ballot`, `sits_on_council`), not recused on the item, one
    ballot each, and in a meeting present and with the quorum (a written consultation has no
    attendance). Pure: the caller gives what it read. Used by the service that records a ballot
    (`services._cast`), the session page (the member's own form, the secretariat's rows) and
    the home page's tasks, so the three never disagree."""
    if recused:
        return RECUSED
    if voted:
        return VOTED
    if meeting and not present:
        return ABSENT
    if meeting and not quorum_met:
        return NO_QUORUM
    return MAY_VOTE


manager = acts_as(MANAGER_ROLES)

# obj = the unit that will have the council: the acting unit itself.
rules.add_perm("councils.add_council", is_superuser | (manager & at_council_unit))
overseer = acts_as(OVERSEEING_ROLES)
rules.add_perm("councils.view_council", is_superuser | (overseer & in_scope) | sits_on_council)
rules.add_perm("councils.manage_council", is_superuser | (manager & at_council_unit))
rules.add_perm("councils.cast_ballot", sits_on_council)
