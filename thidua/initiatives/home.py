"""The initiatives panel of the home page and the duplicate warning on a council's agenda
item (core.home, core.sections: registered in AppConfig.ready)."""

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from thidua.core.home import HomeTask
from thidua.initiatives import queries
from thidua.initiatives.models import Initiative, InitiativeStatus

LEVEL_TASKS_SHOWN = 20
# What the receiving level does next with an initiative proposed from below (its task's title).
NEXT_STEP = {
    InitiativeStatus.PROPOSED: gettext_lazy("Tiếp nhận sáng kiến cấp dưới đề nghị: giao tổ hỗ trợ hoặc trình Hội đồng"),
    InitiativeStatus.WITH_SUPPORT_TEAM: gettext_lazy("Trình Hội đồng sáng kiến khi tổ hỗ trợ hoàn thiện xong"),
    InitiativeStatus.AT_COUNCIL: gettext_lazy("Đưa vào phiên họp Hội đồng sáng kiến"),
    InitiativeStatus.COUNCIL_PASSED: gettext_lazy("Ban hành quyết định công nhận"),
}


def _manages(request):
    role = getattr(request.user, "acting_role", None)
    return role if role is not None and request.user.has_perm("initiatives.manage_unit", role.unit) else None


def panel_context(request) -> dict | None:
    role = getattr(request.user, "acting_role", None)
    if role is None:
        return None
    context = {"unit": role.unit, "total": queries.counters(role.unit)}
    if _manages(request):
        context["from_below_count"] = queries.proposed_from_below(role.unit).count()
    return context


def level_tasks(request, today) -> list:
    """'Cấp dưới đề nghị': each initiative proposed to the acting level from below, with the
    level's next step, until its decision (one query)."""
    role = _manages(request)
    if role is None:
        return []
    return [
        HomeTask(
            title=f"{NEXT_STEP[i.status]}: {i.title}",
            url=reverse("initiatives:detail", args=[i.pk]),
            note=f"{i.unit.name} · {i.get_status_display()}",
            source=_("Cấp dưới đề nghị"),
        )
        for i in queries.proposed_from_below(role.unit)[:LEVEL_TASKS_SHOWN]
    ]


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
