"""The unit's counters on the home page (CĐCS, members, direct workers, units) are the unit's
business: shown to its officers, not to a member or a council member, who read their own items
(docs/reach.md; QA walk, session 6)."""

import pytest

from thidua.org.models import RoleKind
from thidua.org.tests.factories import make_user


@pytest.mark.parametrize(
    ("kind", "shown"),
    [
        (RoleKind.GRASSROOTS_CHAIR, True),
        (RoleKind.GRASSROOTS_OFFICER, True),
        (RoleKind.MEMBER, False),
        (RoleKind.COUNCIL_MEMBER, False),
    ],
)
def test_the_units_counters_are_shown_to_who_acts_for_the_unit(federation, members, login, kind, shown):
    page = login(make_user(f"u_{kind}", kind, federation.school)).get("/").content.decode()
    assert ('data-testid="total-members"' in page) is shown
    assert "CĐCS Trường THCS Gia Thụy" in page  # the unit's name heads the page either way
