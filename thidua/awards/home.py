"""The awards panel of the home page ("Khen thưởng"): the figures of the acting unit's subtree
for the current year (awards.figures), registered by awards.registrations.register_figures."""

import datetime

from django.utils import timezone

from thidua.awards import notices
from thidua.awards.figures import award_figures, share


def panel_context(request) -> dict | None:
    user = request.user
    role = getattr(user, "acting_role", None)
    if role is None:
        return None
    year = timezone.localdate().year
    can_review, can_nominate = user.has_perm("awards.use_review"), user.has_perm("awards.use_nominations")
    figures = award_figures(role.unit, start=datetime.date(year, 1, 1), end=datetime.date(year, 12, 31))
    return {
        "unit": role.unit,
        "year": year,
        "figures": figures,
        "total": figures["collectives"] + figures["individuals"],
        "direct_pct": share(figures["direct_workers"], figures["individuals"]),
        "small_pct": share(figures["small_collectives"], figures["collectives"]),
        "kinds": figures["by_kind"][:6],
        "more_kinds": sum(count for _name, count in figures["by_kind"][6:]),
        "can_review": can_review,
        "can_nominate": can_nominate,
        "notices": notices.for_unit(role.unit, user),
    }
