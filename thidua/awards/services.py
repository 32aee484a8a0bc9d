"""Writing the awards flow: what a campaign offers and its quotas, nominations with their
dossiers, the review, the council's result, forwarding upward, the numbered decision and the
record. Each function takes the acting user and plain values, runs in one transaction and
writes the audit trail; refusals are ValidationErrors in Vietnamese, keyed to the field they
are about, raised before anything is written. Files are checked by content and stored in the
transaction (core.attachments). The nomination's states move only through
`workflow.NOMINATION_WORKFLOW`.
"""

import datetime
from collections.abc import Iterable

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from thidua.awards import notices
from thidua.awards.documents import require_basis as require_legal_basis
from thidua.awards.eligibility import cap_allows, evaluate_nomination, verdict
from thidua.awards.models import (
    FORM_CATEGORIES,
    LIVE_STATUSES,
    Award,
    AwardKind,
    CampaignAward,
    CheckResult,
    Criterion,
    CriterionCheck,
    Decision,
    DossierFile,
    DossierRequirement,
    Nomination,
    NominationStatus,
    Quota,
    SubjectKind,
)
from thidua.awards.queries import campaign_year
from thidua.awards.workflow import DECISION_WORKFLOW, NOMINATION_WORKFLOW
from thidua.campaigns.models import Campaign, Deployment, Procedure
from thidua.core import access, attachments, audit
from thidua.councils.models import Council, CouncilKind
from thidua.documents.models import DocType
from thidua.documents.services import profile_for, require_signable, take_number
from thidua.org.models import Member, Unit

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


# --- what a campaign says ----------------------------------------------------------------------


def procedure_of(campaign: Campaign) -> str:
    reward = getattr(campaign, "reward", None)
    return reward.procedure if reward is not None else Procedure.STANDARD


def due_date(campaign: Campaign, award_kind: AwardKind | None = None) -> datetime.date | None:
    """The date nominations are due: the offer's own, else the plan's `nomination_due_on`."""
    if award_kind is not None:
        offer = CampaignAward.objects.filter(campaign=campaign, award_kind=award_kind).first()
        if offer is not None and offer.due_on:
            return offer.due_on
    reward = getattr(campaign, "reward", None)
    return reward.nomination_due_on if reward is not None else None


def handling_level(campaign: Campaign, unit: Unit) -> Unit:
    """The unit that reviews `unit`'s nominations first: the campaign's issuer when it is the
    unit or above it (a CĐCS's own campaign is handled by the CĐCS), else the nearest
    federation above the unit."""
    issuer = campaign.issuer
    if unit.is_within(issuer):
        return issuer
    parent = unit.parent
    while parent is not None and not parent.kind.is_federation:
        parent = parent.parent
    if parent is None:
        raise ValidationError(_("Đơn vị này không có cấp trên để gửi đề nghị khen thưởng."))
    return parent


def requirements_for(campaign: Campaign, subject: str | None = None) -> list[DossierRequirement]:
    """The dossier's checklist: the campaign's own list if it has one, else the defaults of
    its procedure; narrowed to what applies to a collective or an individual."""
    found = DossierRequirement.objects.filter(campaign=campaign)
    if not found.exists():
        found = DossierRequirement.objects.filter(campaign__isnull=True, procedure=procedure_of(campaign))
    rows = list(found.order_by("order", "id"))
    if subject is None:
        return rows
    return [r for r in rows if r.subject in ("", SubjectKind.BOTH, subject)]


def subject_kind(nomination: Nomination) -> str:
    return SubjectKind.COLLECTIVE if nomination.is_collective else SubjectKind.INDIVIDUAL


def missing_requirements(nomination: Nomination) -> list[DossierRequirement]:
    """Required documents the unit uploads (not the generated tờ trình and list) still missing."""
    have = set(DossierFile.objects.filter(nomination=nomination).values_list("requirement_id", flat=True))
    return [
        r
        for r in requirements_for(nomination.campaign, subject_kind(nomination))
        if r.is_required and not r.generated and r.pk not in have
    ]


def living(queryset=None):
    return (queryset if queryset is not None else Nomination.objects.all()).filter(status__in=LIVE_STATUSES)


def quota_left(campaign: Campaign, unit: Unit, award_kind: AwardKind) -> int | None:
    """How many more nominations of the kind `unit` may make; None = no limit (the campaign
    set no quotas for the kind)."""
    quota = Quota.objects.filter(campaign=campaign, unit=unit, award_kind=award_kind).first()
    if quota is None:
        if Quota.objects.filter(campaign=campaign, award_kind=award_kind).exists():
            return 0
        return None
    used = living().filter(campaign=campaign, unit=unit, award_kind=award_kind).count()
    return max(quota.count - used, 0)


# --- setting up a campaign's awards ------------------------------------------------------------


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


def quota_units(campaign: Campaign):
    """The units a campaign's quotas go to: the CĐCS below its issuer that it was deployed to
    (every CĐCS below the issuer when it has no deployments)."""

    issuer = campaign.issuer
    units = Unit.objects.within(issuer).exclude(pk=issuer.pk).filter(kind__is_grassroots=True).active()
    deployed = Deployment.objects.filter(campaign=campaign).values("unit_id")
    if Deployment.objects.filter(campaign=campaign, unit__kind__is_grassroots=True).exists():
        units = units.filter(pk__in=deployed)
    return units.select_related("kind").order_by("path")


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


# --- nominating --------------------------------------------------------------------------------


def _deadline_guard(campaign: Campaign, award_kind: AwardKind, field: str = "award_kind") -> None:
    due = due_date(campaign, award_kind)
    if due is not None and timezone.localdate() > due:
        raise ValidationError({field: _("Đã quá hạn gửi hồ sơ đề nghị khen thưởng (%(due)s).") % {"due": _date(due)}})


def is_form(award_kind: AwardKind) -> bool:
    """A form of commendation (Giấy khen, Bằng khen, biểu dương), not an emulation title."""
    return award_kind.category in FORM_CATEGORIES


def _awarded_in_campaign(campaign: Campaign, award_kind: AwardKind, *, member=None, unit=None):
    """Awards of the campaign that rule out awarding `award_kind` to the subject: the same
    kind, or any form when `award_kind` is a form (titles go together: Luật 06/2022, Điều 5)."""
    awards = Award.objects.filter(campaign=campaign)
    awards = awards.filter(member=member) if member is not None else awards.filter(unit=unit, member__isnull=True)
    same = Q(award_kind=award_kind)
    if is_form(award_kind):
        same |= Q(award_kind__category__in=FORM_CATEGORIES)
    return awards.filter(same).select_related("award_kind")


def _one_form_guard(campaign: Campaign, award_kind: AwardKind, *, subject_member=None, subject_unit=None) -> None:
    """One achievement, one form: a subject gets one living nomination per kind and campaign,
    and one form of commendation per campaign; titles (Lao động tiên tiến, Chiến sĩ thi đua
    cơ sở…) may go alongside each other and alongside a form."""
    field = "subject_member" if subject_member is not None else "subject_unit"
    subject = {field: subject_member if subject_member is not None else subject_unit}
    name = subject_member.full_name if subject_member is not None else subject_unit.name
    mine = living().filter(campaign=campaign, **subject).select_related("award_kind")
    if mine.filter(award_kind=award_kind).exists():
        raise ValidationError(
            {
                field: _("%(name)s đã được đề nghị “%(kind)s” trong kế hoạch này.")
                % {"name": name, "kind": award_kind.name}
            }
        )
    if is_form(award_kind):
        other = mine.filter(is_form=True).first()
        if other is not None:
            raise ValidationError(
                {
                    field: _(
                        "%(name)s đã được đề nghị “%(kind)s” trong kế hoạch này: mỗi thành tích chỉ đề nghị một hình "
                        "thức khen thưởng (danh hiệu thi đua thì được đề nghị kèm)."
                    )
                    % {"name": name, "kind": other.award_kind.name}
                }
            )
    awarded = _awarded_in_campaign(campaign, award_kind, member=subject_member, unit=subject_unit).first()
    if awarded is not None:
        raise ValidationError(
            {
                field: _("%(name)s đã được khen thưởng “%(kind)s” trong kế hoạch này.")
                % {"name": name, "kind": awarded.award_kind.name}
            }
        )


def nominate(
    actor,
    *,
    campaign: Campaign,
    award_kind: AwardKind,
    unit: Unit,
    achievement: str,
    subject_member: Member | None = None,
    subject_unit: Unit | None = None,
) -> Nomination:
    """A new nomination (draft) of `unit` for `campaign`: one of its collectives (itself, its
    groups) or one of its members, for a kind the campaign offers, within its quota, by the
    deadline, and once per subject and campaign.

    What the request alone decides (who, the subject, the kind offered, the deadline, the level
    that will handle it) is read before the transaction; the transaction locks the unit's row and
    holds only what two officers of the CĐCS could race on — one form per subject, the quota, the
    cap — and the writes (issue 18)."""
    _check(actor, "awards.nominate", unit)
    if (subject_member is None) == (subject_unit is None):
        raise ValidationError({"subject": _("Hãy chọn một tập thể hoặc một cá nhân được đề nghị.")})
    if award_kind is None or not CampaignAward.objects.filter(campaign=campaign, award_kind=award_kind).exists():
        raise ValidationError({"award_kind": _("Kế hoạch này không có hình thức khen thưởng đã chọn.")})
    if not (achievement or "").strip():
        raise ValidationError({"achievement": _("Hãy tóm tắt thành tích.")})
    if subject_member is not None:
        if not subject_member.unit.is_within(unit):
            raise ValidationError(
                {
                    "subject_member": _("%(name)s không phải đoàn viên của %(unit)s.")
                    % {"name": subject_member.full_name, "unit": unit.name}
                }
            )
        if not award_kind.for_individuals:
            raise ValidationError({"award_kind": _("“%(kind)s” chỉ dành cho tập thể.") % {"kind": award_kind.name}})
    else:
        assert subject_unit is not None  # exactly one subject (checked above)
        if not (subject_unit.pk == unit.pk or (subject_unit.parent_id == unit.pk and subject_unit.kind.is_group)):
            raise ValidationError(
                {
                    "subject_unit": _("%(name)s không phải là %(unit)s hay một tổ công đoàn của đơn vị.")
                    % {"name": subject_unit.name, "unit": unit.name}
                }
            )
        if not award_kind.for_collectives:
            raise ValidationError({"award_kind": _("“%(kind)s” chỉ dành cho cá nhân.") % {"kind": award_kind.name}})
    _deadline_guard(campaign, award_kind)
    level = handling_level(campaign, unit)
    with transaction.atomic():
        # Lock the unit's row so two officers of the same CĐCS cannot both take the last place.
        Unit.objects.select_for_update().filter(pk=unit.pk).first()
        return _nominate_locked(actor, campaign, award_kind, unit, level, achievement, subject_member, subject_unit)


def _nominate_locked(
    actor,
    campaign: Campaign,
    award_kind: AwardKind,
    unit: Unit,
    level: Unit,
    achievement: str,
    subject_member: Member | None,
    subject_unit: Unit | None,
) -> Nomination:
    """nominate's part under the unit's lock: the guards two officers could race on, the writes."""
    _one_form_guard(campaign, award_kind, subject_member=subject_member, subject_unit=subject_unit)
    left = quota_left(campaign, unit, award_kind)
    if left is not None and left <= 0:
        quota = Quota.objects.filter(campaign=campaign, unit=unit, award_kind=award_kind).first()
        if quota is None:
            message = _("%(unit)s không được phân bổ chỉ tiêu “%(kind)s” trong kế hoạch này.")
        else:
            message = _("%(unit)s đã dùng hết chỉ tiêu “%(kind)s” (%(n)s) của kế hoạch này.")
        raise ValidationError(
            {"award_kind": message % {"unit": unit.name, "kind": award_kind.name, "n": quota.count if quota else 0}}
        )
    if award_kind.cap_of_id is not None:
        allowed, why = cap_allows(award_kind, unit, campaign_year(campaign), campaign=campaign)
        if not allowed:
            raise ValidationError({"award_kind": why})
    subject: dict[str, Member | Unit | None] = (
        {"subject_member": subject_member} if subject_member is not None else {"subject_unit": subject_unit}
    )
    nomination = Nomination.objects.create(
        campaign=campaign,
        award_kind=award_kind,
        unit=unit,
        level=level,
        achievement=achievement.strip(),
        created_by=_user(actor),
        **subject,
    )
    audit.record(
        actor,
        "create_nomination",
        nomination,
        scope_path=unit.path,
        to_state=nomination.get_status_display(),
        reason=on_behalf(actor, unit),
    )
    return nomination


def _locked(nomination: Nomination) -> Nomination:
    return (
        Nomination.objects.select_for_update(of=("self",))
        .select_related("unit", "level", "level__kind", "award_kind", "campaign", "subject_member", "subject_unit")
        .get(pk=nomination.pk)
    )


@transaction.atomic
def update_nomination(actor, nomination: Nomination, *, achievement: str) -> Nomination:
    nomination = _locked(nomination)
    _check(actor, "awards.change_nomination", nomination)
    if not (achievement or "").strip():
        raise ValidationError({"achievement": _("Hãy tóm tắt thành tích.")})
    before = nomination.achievement
    nomination.achievement = achievement.strip()
    nomination.save(update_fields=["achievement", "updated_at"])
    audit.record(
        actor,
        "update_nomination",
        nomination,
        scope_path=nomination.unit.path,
        changes={"achievement": [before[:200], nomination.achievement[:200]]},
    )
    return nomination


@transaction.atomic
def attest(actor, nomination: Nomination, *, criterion: Criterion, text: str, evidence=None) -> CriterionCheck:
    """The unit attests a criterion (ATTESTED kind, or one the data cannot show) with a text
    and, optionally, a file as evidence."""
    nomination = _locked(nomination)
    _check(actor, "awards.change_nomination", nomination)
    if criterion.award_kind_id != nomination.award_kind_id or criterion.campaign_id not in (
        None,
        nomination.campaign_id,
    ):
        raise ValidationError({"criterion": _("Tiêu chuẩn này không thuộc hình thức khen thưởng được đề nghị.")})
    if not (text or "").strip() and evidence is None:
        raise ValidationError({"text": _("Hãy ghi nội dung xác nhận hoặc gửi kèm minh chứng.")})
    check, _created = CriterionCheck.objects.get_or_create(
        nomination=nomination, criterion=criterion, defaults={"result": CheckResult.ATTESTED}
    )
    check.attestation = (text or "").strip()
    if evidence is not None:
        check.evidence = attachments.attach(
            actor, nomination, evidence, scope_path=nomination.unit.path, images_only=False, caption=criterion.label
        )
    check.result = CheckResult.ATTESTED
    check.save()
    audit.record(actor, "attest_criterion", nomination, scope_path=nomination.unit.path, reason=criterion.label[:300])
    return check


def add_dossier_file(actor, nomination: Nomination, *, requirement: DossierRequirement, upload) -> DossierFile:
    """One file into the dossier. Checked (who, which document, the file) and written to storage
    before the transaction; the transaction locks the nomination, checks again as it stands and
    writes the rows only (issue 18: no file write under the row lock)."""
    _check(actor, "awards.change_nomination", nomination)
    if requirement.generated or requirement not in requirements_for(nomination.campaign, subject_kind(nomination)):
        raise ValidationError({"file": _("Thành phần hồ sơ này không thuộc hồ sơ của đề nghị.")})
    if upload is None:
        raise ValidationError({"file": _("Hãy chọn tệp.")})
    with attachments.staged(actor, upload, images_only=False) as file, transaction.atomic():
        nomination = _locked(nomination)
        _check(actor, "awards.change_nomination", nomination)  # sent or withdrawn meanwhile: refused
        attachment = attachments.attach(
            actor, nomination, upload, scope_path=nomination.unit.path, caption=requirement.name, staged=file
        )
        row = DossierFile.objects.create(nomination=nomination, requirement=requirement, attachment=attachment)
        audit.record(actor, "add_dossier_file", nomination, scope_path=nomination.unit.path, reason=requirement.name)
    return row


@transaction.atomic
def remove_dossier_file(actor, dossier_file: DossierFile) -> None:
    nomination = _locked(dossier_file.nomination)
    _check(actor, "awards.change_nomination", nomination)
    name = dossier_file.requirement.name
    attachment = dossier_file.attachment
    dossier_file.delete()
    attachment.delete()
    audit.record(actor, "remove_dossier_file", nomination, scope_path=nomination.unit.path, reason=name)


def _evaluate(nomination: Nomination) -> list:
    return list(evaluate_nomination(nomination))


def _within_cap(nominations: Iterable[Nomination], field: str) -> None:
    """The cap of a title on others (Chiến sĩ thi đua cơ sở ≤ 15 % of Lao động tiên tiến,
    docs/domain.md, Luật 06/2022 Đ23; the figure is the kind's `cap_percent`) checked again when the
    nominations are sent and when they are decided, not only when made: meanwhile a Lao động
    tiên tiến of the base may have been withdrawn or not recommended. Per proposing unit, kind
    and campaign, the nominations already counted (extra=0) must fit; else refused with the
    figures."""
    seen = set()
    problems = []
    for nomination in nominations:
        kind = nomination.award_kind
        key = (nomination.unit_id, kind.pk, nomination.campaign_id)
        if kind.cap_of_id is None or key in seen:
            continue
        seen.add(key)
        year = campaign_year(nomination.campaign)
        allowed, why = cap_allows(kind, nomination.unit, year, extra=0, campaign=nomination.campaign)
        if not allowed:
            problems.append(_("%(unit)s: %(why)s") % {"unit": nomination.unit.name, "why": why})
    if problems:
        raise ValidationError({field: problems})


def store_checks(nomination: Nomination) -> list[CriterionCheck]:
    """What the council will see: each criterion's result as the dossier stood when sent (the
    unit's attestation and evidence are kept)."""
    stored = []
    for outcome in _evaluate(nomination):
        check, _created = CriterionCheck.objects.update_or_create(
            nomination=nomination,
            criterion=outcome.criterion,
            defaults={"result": outcome.result, "detail": (outcome.detail or "")[:500]},
        )
        stored.append(check)
    return stored


def _complete_or_refuse(nominations: Iterable[Nomination]) -> None:
    problems = []
    for nomination in nominations:
        missing = missing_requirements(nomination)
        if missing:
            problems.append(
                _("%(name)s (%(kind)s) còn thiếu: %(docs)s.")
                % {
                    "name": nomination.subject_name,
                    "kind": nomination.award_kind.name,
                    "docs": ", ".join(r.name for r in missing),
                }
            )
    if problems:
        raise ValidationError({"dossier": problems})


class CriteriaNotConfirmed(ValidationError):
    """Some nominations of the batch fail their criteria (verdict "Chưa đạt") and the sender has
    not confirmed sending them, each by name, with a reason. `failing` lists (nomination, the
    labels of the criteria not met) for the page that asks."""

    def __init__(self, failing: list[tuple[Nomination, list[str]]], message: str):
        self.failing = failing
        super().__init__({"criteria": [message]})


def _unmet(checks: list[CriterionCheck]) -> list[str]:
    return [c.criterion.label for c in checks if c.result == CheckResult.NOT_MET]


def _checked_and_confirmed(nominations: list[Nomination], confirmed: Iterable[int], reason: str) -> dict[int, str]:
    """Store each nomination's criteria as sent; those that fail ("Chưa đạt") must be among
    `confirmed` and `reason` given, else CriteriaNotConfirmed. Returns, per failing one, the
    words the audit entry of its sending adds."""
    failing = []
    for nomination in nominations:
        checks = store_checks(nomination)
        if checks and verdict(checks) == CheckResult.NOT_MET:
            failing.append((nomination, _unmet(checks)))
    if not failing:
        return {}
    reason = (reason or "").strip()
    names = "; ".join(n.subject_name for n, _labels in failing)
    if not {n.pk for n, _labels in failing} <= set(confirmed):
        raise CriteriaNotConfirmed(
            failing,
            _("Chưa đạt tiêu chuẩn: %(names)s. Hãy xác nhận vẫn gửi từng đề nghị và ghi lý do.") % {"names": names},
        )
    if not reason:
        raise CriteriaNotConfirmed(failing, _("Hãy ghi lý do vẫn gửi các đề nghị chưa đạt tiêu chuẩn."))
    return {
        n.pk: _("gửi dù chưa đạt tiêu chuẩn (%(criteria)s), người gửi xác nhận: %(reason)s")
        % {"criteria": "; ".join(labels), "reason": reason}
        for n, labels in failing
    }


@transaction.atomic
def submit_batch(
    actor, *, campaign: Campaign, unit: Unit, confirmed: Iterable[int] = (), reason: str = ""
) -> list[Nomination]:
    """Send every draft nomination of `unit` for `campaign` to the level above, all or none:
    each must be within its deadline and have its dossier complete.

    A nomination whose criteria are not met ("Chưa đạt", from the data) may still be sent — the
    level above judges, and the data may be behind the facts — but only when the sender names it
    (`confirmed`, its id) and says why (`reason`), which the audit trail keeps with the sending.
    Otherwise CriteriaNotConfirmed lists them, and nothing is sent."""
    _check(actor, "awards.submit", unit)
    drafts = list(
        Nomination.objects.select_for_update(of=("self",))
        .select_related("unit", "level", "award_kind", "campaign", "subject_member", "subject_unit")
        .filter(campaign=campaign, unit=unit, status=S.DRAFT)
        .order_by("pk")
    )
    if not drafts:
        raise ValidationError({"dossier": _("Chưa có đề nghị nào đang soạn để gửi.")})
    for nomination in drafts:
        _deadline_guard(campaign, nomination.award_kind, field="dossier")
    _complete_or_refuse(drafts)
    _within_cap(drafts, "dossier")  # before asking to confirm criteria: the cap is no choice
    sent_anyway = _checked_and_confirmed(drafts, confirmed, reason)
    now = timezone.now()
    for nomination in drafts:
        confirmation = sent_anyway.get(nomination.pk, "")
        NOMINATION_WORKFLOW.move(
            nomination,
            "submit_nomination",
            actor=actor,
            scope_path=unit.path,
            reason="; ".join(r for r in (nomination.level.name, on_behalf(actor, unit), confirmation) if r),
            extra_fields={"submitted_at": now},
        )
    return drafts


@transaction.atomic
def resubmit(actor, nomination: Nomination, *, confirmed: Iterable[int] = (), reason: str = "") -> Nomination:
    """A returned nomination, fixed, goes back to the level that returned it. No deadline: the
    office asked for the fix. Failing its criteria, it goes only confirmed with a reason, as in
    `submit_batch`."""
    nomination = _locked(nomination)
    _check(actor, "awards.submit", nomination)
    _complete_or_refuse([nomination])
    _within_cap([nomination], "dossier")
    confirmation = _checked_and_confirmed([nomination], confirmed, reason).get(nomination.pk, "")
    NOMINATION_WORKFLOW.move(
        nomination,
        "resubmit_nomination",
        actor=actor,
        scope_path=nomination.unit.path,
        reason=confirmation,
        extra_fields={"submitted_at": timezone.now(), "return_reason": ""},
    )
    return nomination


@transaction.atomic
def return_nomination(actor, nomination: Nomination, *, reason: str) -> Nomination:
    if not (reason or "").strip():
        raise ValidationError({"reason": _("Hãy ghi lý do trả lại và nội dung cần bổ sung.")})
    nomination = _locked(nomination)
    NOMINATION_WORKFLOW.move(
        nomination,
        "return_nomination",
        actor=actor,
        scope_path=nomination.unit.path,
        reason=reason.strip(),
        extra_fields={"return_reason": reason.strip()},
    )
    notices.returned(nomination)
    return nomination


@transaction.atomic
def accept(actor, nomination: Nomination) -> Nomination:
    nomination = _locked(nomination)
    NOMINATION_WORKFLOW.move(nomination, "accept_nomination", actor=actor, scope_path=nomination.unit.path)
    return nomination


@transaction.atomic
def send_to_council(actor, nomination: Nomination) -> Nomination:
    """To the award council of the level handling it; the council's officer then puts it on a
    session's agenda (councils app), whose result moves it when the session closes
    (`councils.subjects.record_council_result`)."""

    nomination = _locked(nomination)
    if not Council.objects.filter(unit=nomination.level, kind=CouncilKind.AWARD).exists():
        raise ValidationError(
            _("%(unit)s chưa có Hội đồng Thi đua – Khen thưởng: hãy thành lập hội đồng trước.")
            % {"unit": nomination.level.name}
        )
    NOMINATION_WORKFLOW.move(nomination, "nomination_to_council", actor=actor, scope_path=nomination.unit.path)
    return nomination


@transaction.atomic
def forward(actor, nomination: Nomination) -> Nomination:
    """Beyond this level's authority: propose it to the federation above, with its dossier."""
    nomination = _locked(nomination)
    parent = nomination.level.parent
    if parent is None:
        raise ValidationError(_("Đơn vị này không có cấp trên để đề nghị."))
    NOMINATION_WORKFLOW.move(
        nomination,
        "forward_nomination",
        actor=actor,
        scope_path=nomination.unit.path,
        reason=parent.name,
        extra_fields={"level": parent, "forwarded_at": timezone.now()},
    )
    return nomination


@transaction.atomic
def withdraw(actor, nomination: Nomination) -> Nomination:
    nomination = _locked(nomination)
    NOMINATION_WORKFLOW.move(nomination, "withdraw_nomination", actor=actor, scope_path=nomination.unit.path)
    return nomination


# --- deciding ----------------------------------------------------------------------------------


def is_small_collective(unit: Unit) -> bool:
    return unit.member_count <= getattr(settings, "THIDUA_SMALL_COLLECTIVE_MAX", 30)


def _award_for(nomination: Nomination, *, decision: Decision | None, year: int, order: int) -> Award:
    if nomination.is_collective:
        collective = nomination.subject_unit
        assert collective is not None  # is_collective: the subject is a unit
        parent = collective.parent
        return Award(
            award_kind=nomination.award_kind,
            year=year,
            decision=decision,
            campaign=nomination.campaign,
            nomination=nomination,
            unit=collective,
            name=collective.name,
            position=parent.name if parent is not None and collective.kind.is_group else "",
            achievement=nomination.achievement,
            is_small_collective=is_small_collective(collective),
            order=order,
        )
    member = nomination.subject_member
    assert member is not None  # not collective: the subject is a member
    return Award(
        award_kind=nomination.award_kind,
        year=year,
        decision=decision,
        campaign=nomination.campaign,
        nomination=nomination,
        unit=member.unit,
        member=member,
        name=member.full_name,
        position=", ".join(p for p in (member.position, member.unit.name) if p),
        achievement=nomination.achievement,
        is_direct_worker=member.is_direct_worker,
        order=order,
    )


def default_title(campaign: Campaign | None) -> str:
    if campaign is None:
        return _("Quyết định khen thưởng")
    what = campaign.movement_name or campaign.title
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
