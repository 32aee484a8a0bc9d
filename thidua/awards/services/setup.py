"""Setting up a campaign's awards: the kinds it offers with their due dates, each CĐCS's quotas."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from thidua.awards.models import (
    AwardKind,
    CampaignAward,
    Nomination,
    Quota,
)
from thidua.awards.queries import (
    living,
)
from thidua.awards.services.common import _check, _date, _user
from thidua.campaigns.models import Campaign
from thidua.core import audit
from thidua.org.models import Unit


@transaction.atomic
def offer_awards(actor, campaign: Campaign, offers: dict[AwardKind, datetime.date | None]) -> list[CampaignAward]:
    """The kinds of award the campaign offers, each with its due date (empty: the plan's).
    A kind that already has nominations cannot be taken off."""
    _check(actor, "awards.allocate_quota", campaign)
    errors: dict[str, list[str]] = {}
    start = campaign.starts_on
    for kind, due_on in offers.items():
        if due_on is not None and start is not None and due_on < start:
            errors.setdefault(f"due_{kind.pk}", []).append(
                _("Hạn gửi hồ sơ %(due)s trước ngày bắt đầu thi đua (%(start)s).")
                % {"due": _date(due_on), "start": _date(start)}
            )
    dropped = CampaignAward.objects.filter(campaign=campaign).exclude(award_kind__in=list(offers))
    for offer in dropped.select_related("award_kind"):
        if Nomination.objects.filter(campaign=campaign, award_kind=offer.award_kind_id).exists():
            errors.setdefault(f"kind_{offer.award_kind_id}", []).append(
                _("“%(kind)s” đã có đề nghị khen thưởng: không bỏ được.") % {"kind": offer.award_kind.name}
            )
    if errors:
        raise ValidationError(errors)
    Quota.objects.filter(campaign=campaign, award_kind__in=dropped.values("award_kind")).delete()
    dropped.delete()
    rows = []
    for kind, due_on in offers.items():
        row, _created = CampaignAward.objects.update_or_create(
            campaign=campaign, award_kind=kind, defaults={"due_on": due_on}
        )
        rows.append(row)
    audit.record(
        actor,
        "offer_awards",
        campaign,
        scope_path=campaign.issuer.path,
        to_state="; ".join(k.name for k in offers),
    )
    return rows


@transaction.atomic
def allocate_quotas(actor, campaign: Campaign, counts: dict[tuple[int, int], int | None]) -> int:
    """Set the quota of each (unit id, award kind id) cell; None clears a cell. Units must be
    below the campaign's issuer, kinds offered by the campaign; a count below the nominations a
    unit already made is refused. All cells or none. Returns the number of cells changed."""
    _check(actor, "awards.allocate_quota", campaign)
    units = {u.pk: u for u in Unit.objects.within(campaign.issuer).exclude(pk=campaign.issuer_id)}
    offered = {o.award_kind_id: o.award_kind for o in campaign.award_offers.select_related("award_kind")}
    used: dict[tuple[int, int], int] = {}
    for unit_id, kind_id in living().filter(campaign=campaign).values_list("unit_id", "award_kind_id"):
        used[(unit_id, kind_id)] = used.get((unit_id, kind_id), 0) + 1
    errors: dict[str, list[str]] = {}
    for (unit_id, kind_id), count in counts.items():
        key = f"q_{unit_id}_{kind_id}"
        if unit_id not in units:
            raise ValidationError({key: _("Đơn vị không thuộc phạm vi của kế hoạch.")})
        if kind_id not in offered:
            raise ValidationError({key: _("Kế hoạch không có hình thức khen thưởng này.")})
        if count is not None and count < 0:
            errors.setdefault(key, []).append(_("Số lượng không được âm."))
        elif (count or 0) < used.get((unit_id, kind_id), 0):
            errors.setdefault(key, []).append(
                _("Đơn vị đã đề nghị %(n)s: chỉ tiêu không được ít hơn.") % {"n": used[(unit_id, kind_id)]}
            )
    if errors:
        raise ValidationError(errors)
    existing = {(q.unit_id, q.award_kind_id): q for q in Quota.objects.filter(campaign=campaign)}
    changed = 0
    for (unit_id, kind_id), count in counts.items():
        quota = existing.get((unit_id, kind_id))
        if count is None:
            if quota is not None:
                quota.delete()
                changed += 1
        elif quota is None:
            Quota.objects.create(
                campaign=campaign, unit_id=unit_id, award_kind_id=kind_id, count=count, allocated_by=_user(actor)
            )
            changed += 1
        elif quota.count != count:
            quota.count, quota.allocated_by = count, _user(actor)
            quota.save(update_fields=["count", "allocated_by", "allocated_at"])
            changed += 1
    if changed:
        audit.record(
            actor,
            "allocate_quota",
            campaign,
            scope_path=campaign.issuer.path,
            changes={f"{u}:{k}": c for (u, k), c in counts.items()},
        )
    return changed
