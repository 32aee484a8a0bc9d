"""The initiatives panel of the home page and the duplicate warning on a council's agenda
item (core.home, core.sections: registered in AppConfig.ready)."""

from thidua.initiatives import queries
from thidua.initiatives.models import Initiative


def panel_context(request) -> dict | None:
    role = getattr(request.user, "acting_role", None)
    if role is None:
        return None
    return {"unit": role.unit, "total": queries.counters(role.unit)}


def agenda_item_section(request, obj) -> dict | None:
    """Initiatives like the one on the agenda, in the council member's scope."""
    role = getattr(request.user, "acting_role", None)
    if role is None or not isinstance(obj, Initiative):
        return None
    found = queries.similar(obj.title, role.unit, exclude_pk=obj.pk)
    return {"similar": found} if found else None
