"""What a dissolved or merged unit's award work becomes (core.succession).

The quotas it was allotted for campaigns still open go to the successor (added to the successor's
own for the same campaign and kind); nominations waiting at its level — sent, returned for
fixing, accepted, or recommended by its council and waiting for the decision — are handled by the
successor from now on; its draft decisions too. Nominations on a council session's agenda stay
with that session (its council votes them), as do issued decisions, whose papers keep their
letterhead.
"""

from django.db.models import F
from django.utils.translation import gettext_lazy as _

from thidua.awards.models import Decision, DecisionStatus, Nomination, NominationStatus, Quota
from thidua.campaigns.models import CampaignStatus
from thidua.core import succession

WAITING = (
    NominationStatus.SUBMITTED,
    NominationStatus.RETURNED,
    NominationStatus.ACCEPTED,
    NominationStatus.RECOMMENDED,
)


def _quotas(unit):
    return Quota.objects.filter(unit=unit).exclude(campaign__status=CampaignStatus.CLOSED)


def count_awards(unit) -> int:
    return (
        _quotas(unit).count()
        + Nomination.objects.filter(level=unit, status__in=WAITING).count()
        + Decision.objects.filter(unit=unit, status=DecisionStatus.DRAFT).count()
    )


def hand_over_awards(actor, unit, successor) -> int:
    quota_ids = []
    for quota in _quotas(unit):
        quota_ids.append(quota.pk)
        own = Quota.objects.filter(campaign_id=quota.campaign_id, unit=successor, award_kind_id=quota.award_kind_id)
        if own.update(count=F("count") + quota.count):
            quota.delete()
        else:
            Quota.objects.filter(pk=quota.pk).update(unit=successor)
    nominations = list(
        Nomination.objects.filter(level=unit, status__in=WAITING).order_by("pk").values_list("pk", flat=True)
    )
    Nomination.objects.filter(pk__in=nominations).update(level=successor)
    decisions = list(
        Decision.objects.filter(unit=unit, status=DecisionStatus.DRAFT).order_by("pk").values_list("pk", flat=True)
    )
    Decision.objects.filter(pk__in=decisions).update(unit=successor)
    succession.record_bulk(actor, "quotas", quota_ids, unit, successor)
    succession.record_bulk(actor, "nominations", nominations, unit, successor)
    succession.record_bulk(actor, "decisions", decisions, unit, successor)
    return len(quota_ids) + len(nominations) + len(decisions)


STEP = succession.Step(
    "awards",
    _("Chỉ tiêu, hồ sơ đề nghị khen thưởng đang chờ xét, dự thảo quyết định"),
    count_awards,
    hand_over_awards,
    40,
)
