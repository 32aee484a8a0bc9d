"""The awards panel of the home page ("Khen thưởng"): the figures of the acting unit's subtree
for the current year (awards.figures), registered by awards.registrations.register_figures."""

import datetime

from django.utils import timezone

from thidua.awards import notices
from thidua.awards.figures import award_figures, share
from thidua.awards.models import Nomination
from thidua.org.models import acts_for_unit


def panel_context(request) -> dict | None:
    user = request.user
    role = getattr(user, "acting_role", None)
    if role is None:
        return None
    year = timezone.localdate().year
    can_review, can_nominate = user.has_perm("awards.view_queue"), user.has_perm("awards.use_nominations")
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
        # The unit's nominations under review are the unit's business, not a member's or a council
        # member's (docs/reach.md; the same rule hides the unit's counters from them on the home page).
        "show_pending": acts_for_unit(role),
        "notices": notices.for_unit(role.unit, user),
    }


def own_tasks(request, today) -> list:
    """The nominations of the user themselves (the nominee's view, awards' own scope rule):
    what they are proposed for and where it stands — one query."""
    from django.urls import reverse
    from django.utils.translation import gettext as _

    from thidua.awards.models import NominationStatus
    from thidua.core.home import OPEN, HomeTask

    mine = (
        Nomination.objects.filter(subject_member__user=request.user)
        .exclude(status=NominationStatus.WITHDRAWN)
        .select_related("award_kind")
        .order_by("-id")[:10]
    )
    return [
        HomeTask(
            title=_("Được đề nghị: %(kind)s") % {"kind": n.award_kind.name},
            url=reverse("awards:nomination", args=[n.pk]),
            state=OPEN,
            note=n.get_status_display(),
            source=_("Khen thưởng của tôi"),
            own=True,
        )
        for n in mine
    ]


def unit_tasks(request, today) -> list:
    """The unit's nominations sent back by the level above, to fix and send again — each with
    the reason, dated by the campaign's dossier deadline where it has one. One query."""
    from django.urls import reverse
    from django.utils.translation import gettext as _

    from thidua.awards.models import NominationStatus
    from thidua.core.home import RETURNED, HomeTask

    role = getattr(request.user, "acting_role", None)
    if role is None or role.kind in notices.PERSONAL_ROLES or not request.user.has_perm("awards.use_nominations"):
        return []
    returned = (
        Nomination.objects.visible_to(request.user)
        .filter(unit=role.unit, status=NominationStatus.RETURNED)
        .select_related("award_kind", "subject_member", "subject_unit", "campaign__reward")
        .order_by("-pk")[:20]
    )
    out = []
    for n in returned:
        reward = getattr(n.campaign, "reward", None) if n.campaign_id else None
        out.append(
            HomeTask(
                title=_("Bổ sung hồ sơ đề nghị “%(kind)s” của %(name)s")
                % {"kind": n.award_kind.name, "name": n.subject_name},
                url=reverse("awards:nomination", args=[n.pk]),
                due_on=reward.nomination_due_on if reward else None,
                state=RETURNED,
                note=_("Bị trả lại: %(reason)s") % {"reason": n.return_reason},
                source=_("Khen thưởng"),
            )
        )
    return out
