"""What every write of the awards flow shares: the permission check, the user row to store, the
audit trail's "on behalf of", the locked nomination."""

import datetime

from django.utils.translation import gettext as _

from thidua.awards.models import (
    Nomination,
    NominationStatus,
)
from thidua.core import access
from thidua.org.models import Unit

S = NominationStatus


_check = access.check  # None raises MissingActor; commands and the demo pass system_actor()


_user = access.person  # the user row to store (None for the system actor)


def on_behalf(actor, unit: Unit) -> str:
    """ "LĐLĐ quận Long Biên lập thay cho CĐCS …": said in the audit trail when a federation's
    office acts for a CĐCS of its subtree; empty when the unit acts for itself."""
    role = getattr(actor, "acting_role", None) if actor is not None else None
    if role is None or role.unit_id == unit.pk:
        return ""
    return _("%(office)s lập thay cho %(unit)s") % {"office": role.unit.name, "unit": unit.name}


def _date(day: datetime.date) -> str:
    return f"{day:%d/%m/%Y}"


def _locked(nomination: Nomination) -> Nomination:
    return (
        Nomination.objects.select_for_update(of=("self",))
        .select_related("unit", "level", "level__kind", "award_kind", "campaign", "subject_member", "subject_unit")
        .get(pk=nomination.pk)
    )
