"""The initiatives panel of the home page and the duplicate warning on a council's agenda
item (core.home, core.sections: registered in AppConfig.ready)."""

from thidua.initiatives import queries
from thidua.initiatives.models import Initiative

PROPOSED_SHOWN = 5


def panel_context(request) -> dict | None:
    role = getattr(request.user, "acting_role", None)
    if role is None:
        return None
    context = {"unit": role.unit, "total": queries.counters(role.unit)}
    if request.user.has_perm("initiatives.manage_unit", role.unit):
        # The level's task: initiatives proposed to it from below, until its decision.
        waiting = queries.proposed_from_below(role.unit)
        context["from_below"] = list(waiting[:PROPOSED_SHOWN])
        context["from_below_count"] = waiting.count() if context["from_below"] else 0
    return context


def agenda_item_section(request, obj) -> dict | None:
    """Initiatives like the one on the agenda, in the council member's scope."""
    role = getattr(request.user, "acting_role", None)
    if role is None or not isinstance(obj, Initiative):
        return None
    found = queries.similar(obj.title, role.unit, exclude_pk=obj.pk)
    return {"similar": found} if found else None


def own_tasks(request, today) -> list:
    """The user's own initiatives (as an author), newest first — one query."""
    from django.urls import reverse
    from django.utils.translation import gettext as _

    from thidua.core.home import OPEN, HomeTask
    from thidua.initiatives.models import InitiativeStatus

    mine = Initiative.objects.filter(authors__member__user=request.user).distinct().order_by("-id")[:OWN_SHOWN]
    return [
        HomeTask(
            title=(
                _("Hoàn thiện và đăng ký sáng kiến: %(title)s") if i.status == InitiativeStatus.DRAFT else "%(title)s"
            )
            % {"title": i.title},
            url=reverse("initiatives:detail", args=[i.pk]),
            state=OPEN,
            note=i.get_status_display(),
            source=_("Sáng kiến của tôi"),
            own=True,
            needs_action=i.status == InitiativeStatus.DRAFT,
        )
        for i in mine
    ]


OWN_SHOWN = 10
