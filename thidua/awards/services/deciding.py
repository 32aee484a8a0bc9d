"""Deciding: the numbered decision awarding what the council recommended (cap and one form
again, legal basis, signer, register number), and awards given elsewhere entered on the record."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from thidua.awards import notices
from thidua.awards.documents import _campaign_name as campaign_name
from thidua.awards.documents import _lower_first as lower_first
from thidua.awards.documents import require_basis as require_legal_basis
from thidua.awards.models import (
    Award,
    AwardKind,
    Decision,
    Nomination,
)
from thidua.awards.queries import (
    campaign_year,
    is_small_collective,
)
from thidua.awards.services.common import S, _check, _user
from thidua.awards.services.nominating import _awarded_in_campaign
from thidua.awards.services.review import _within_cap
from thidua.awards.workflow import DECISION_WORKFLOW, NOMINATION_WORKFLOW
from thidua.campaigns.models import Campaign
from thidua.core import audit
from thidua.documents.models import DocType
from thidua.documents.services import profile_for, require_signable, take_number
from thidua.org.models import Member, Unit


def _award_for(nomination: Nomination, *, decision: Decision | None, year: int, order: int) -> Award:
    common = {
        "award_kind": nomination.award_kind,
        "year": year,
        "decision": decision,
        "campaign": nomination.campaign,
        "nomination": nomination,
        "achievement": nomination.achievement,
        "order": order,
    }
    if nomination.is_collective:
        collective = nomination.subject_unit
        assert collective is not None  # is_collective: the subject is a unit
        parent = collective.parent
        return Award(
            **common,
            unit=collective,
            name=collective.name,
            position=parent.name if parent is not None and collective.kind.is_group else "",
            is_small_collective=is_small_collective(collective),
        )
    member = nomination.subject_member
    assert member is not None  # not collective: the subject is a member
    return Award(
        **common,
        unit=member.unit,
        member=member,
        name=member.full_name,
        position=", ".join(p for p in (member.position, member.unit.name) if p),
        is_direct_worker=member.is_direct_worker,
    )


def default_title(campaign: Campaign | None) -> str:
    if campaign is None:
        return _("Quyết định khen thưởng")
    # As the certificate says it: "phong trào thi đua “…”", or the plan's title without its verb,
    # lower case after "trong" unless an abbreviation starts it ("đợt thi đua cao điểm…").
    what = lower_first(campaign_name(campaign))
    return _("Về việc khen thưởng các tập thể, cá nhân có thành tích xuất sắc trong %(what)s") % {"what": what[:300]}


@transaction.atomic
def issue_decision(
    actor,
    *,
    unit: Unit,
    campaign: Campaign | None,
    nominations,
    issued_on: datetime.date,
    title: str = "",
) -> Decision:
    """One numbered Quyết định of `unit` awarding the nominations its council recommended:
    the register number, an Award on each awardee's record (name, position and achievement as
    printed), every nomination AWARDED — all or nothing."""
    if issued_on is None:
        raise ValidationError({"issued_on": _("Hãy nhập ngày ban hành.")})
    ids = sorted({n.pk if isinstance(n, Nomination) else int(n) for n in nominations})
    if not ids:
        raise ValidationError({"nominations": _("Hãy chọn các đề nghị được khen thưởng.")})
    locked = list(
        Nomination.objects.select_for_update(of=("self",))
        .select_related(
            "unit",
            "level",
            "level__kind",
            "award_kind",
            "campaign",
            "subject_unit",
            "subject_unit__kind",
            "subject_unit__parent",
            "subject_member",
            "subject_member__unit",
        )
        .filter(pk__in=ids)
        .order_by("award_kind__order", "unit__path", "pk")
    )
    if len(locked) != len(ids) or any(n.level_id != unit.pk for n in locked):
        raise ValidationError({"nominations": _("Có đề nghị không do đơn vị này xét.")})
    if campaign is not None and any(n.campaign_id != campaign.pk for n in locked):
        raise ValidationError({"nominations": _("Có đề nghị không thuộc kế hoạch này.")})
    waiting = [n.subject_name for n in locked if n.status != S.RECOMMENDED]
    if waiting:
        raise ValidationError(
            {"nominations": _("Chưa được Hội đồng đề nghị khen thưởng: %(names)s.") % {"names": "; ".join(waiting)}}
        )
    for nomination in locked:
        _check(actor, "awards.decide", nomination)
    for nomination in locked:
        if _awarded_in_campaign(
            nomination.campaign,
            nomination.award_kind,
            member=nomination.subject_member,
            unit=nomination.subject_unit,
        ).exists():
            raise ValidationError(
                {
                    "nominations": _("%(name)s đã được khen thưởng “%(kind)s” trong kế hoạch này.")
                    % {"name": nomination.subject_name, "kind": nomination.award_kind.name}
                }
            )
    _within_cap(locked, "nominations")
    require_legal_basis(issued_on, campaign, locked)  # the law and rules it cites, by its date
    # Letterhead and signer from the unit's letterhead: refused before a number is taken.
    require_signable(profile_for(unit))
    title = (title or "").strip() or default_title(campaign)
    entry = take_number(actor, unit, DocType.DECISION, issued_on=issued_on, title=title)
    decision = Decision.objects.create(  # a draft until DECISION_WORKFLOW issues it below
        unit=unit,
        campaign=campaign,
        title=title,
        issued_on=issued_on,
        register_entry=entry,
        created_by=_user(actor),
    )
    entry.target = decision
    entry.save(update_fields=["target_type", "target_id"])
    awards = []
    for order, nomination in enumerate(locked, start=1):
        year = campaign_year(nomination.campaign)
        awards.append(_award_for(nomination, decision=decision, year=year, order=order))
        NOMINATION_WORKFLOW.move(
            nomination, "award_nomination", actor=actor, scope_path=nomination.unit.path, reason=entry.symbol
        )
    Award.objects.bulk_create(awards)
    DECISION_WORKFLOW.move(
        decision,
        "issue_award_decision",
        actor=actor,
        scope_path=unit.path,
        reason=entry.symbol,
        changes={"awards": len(awards)},
    )
    notices.decided(decision)
    return decision


@transaction.atomic
def record_award(
    actor,
    *,
    award_kind: AwardKind,
    year: int,
    member: Member | None = None,
    unit: Unit | None = None,
    source: str,
) -> Award:
    """An award from an earlier paper decision, entered so that later criteria ("Lao động tiên
    tiến 3 năm liên tục") can read it."""
    if (member is None) == (unit is None):
        raise ValidationError({"member": _("Hãy chọn một tập thể hoặc một cá nhân.")})
    if not (source or "").strip():
        raise ValidationError({"source": _("Hãy ghi số, ngày của quyết định khen thưởng.")})
    if not year or year < 1945 or year > timezone.localdate().year:
        raise ValidationError({"year": _("Năm khen thưởng không hợp lệ.")})
    holder = member.unit if member is not None else unit
    assert holder is not None  # exactly one of member, unit (checked above)
    _check(actor, "awards.record_award", holder)
    if Award.objects.filter(award_kind=award_kind, year=year, member=member, unit=holder).exists():
        raise ValidationError({"year": _("Khen thưởng này đã có trong hồ sơ.")})
    award = Award.objects.create(
        award_kind=award_kind,
        year=year,
        unit=holder,
        member=member,
        name=member.full_name if member is not None else holder.name,
        position=", ".join(p for p in (member.position, member.unit.name) if p) if member is not None else "",
        is_direct_worker=bool(member and member.is_direct_worker),
        is_small_collective=member is None and is_small_collective(holder),
        source=source.strip(),
    )
    audit.record(actor, "record_award", award, scope_path=holder.path, to_state=str(award))
    return award
