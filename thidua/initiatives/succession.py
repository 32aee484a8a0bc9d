"""What a dissolved or merged unit's initiative work becomes (core.succession).

Initiatives waiting at its level and not yet before its council — registered, with a support
team, or proposed to it by a CĐCS below — are taken up by the successor's support team and
council. Those on a council session stay with that session. Recognised initiatives, golden-book
entries and the counters stay with their CĐCS, whose paths move (initiatives.services.rewrite_paths).
"""

from django.utils.translation import gettext_lazy as _

from thidua.core import succession
from thidua.initiatives.models import Initiative, InitiativeStatus

WAITING = (InitiativeStatus.SUBMITTED, InitiativeStatus.WITH_SUPPORT_TEAM, InitiativeStatus.PROPOSED)


def count_initiatives(unit) -> int:
    return Initiative.objects.filter(level=unit, status__in=WAITING).count()


def hand_over_initiatives(actor, unit, successor) -> int:
    ids = list(Initiative.objects.filter(level=unit, status__in=WAITING).order_by("pk").values_list("pk", flat=True))
    Initiative.objects.filter(pk__in=ids).update(level=successor)
    succession.record_bulk(actor, "initiatives", ids, unit, successor)
    return len(ids)


STEP = succession.Step(
    "initiatives", _("Sáng kiến đang chờ xét ở cấp này"), count_initiatives, hand_over_initiatives, 35
)
