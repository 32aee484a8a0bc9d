"""Nominating: a nomination of a collective or a member (deadline, one achievement one form, quota,
15 % cap), its achievement, attested criteria and dossier files."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from thidua.awards.eligibility import cap_allows
from thidua.awards.models import (
    FORM_CATEGORIES,
    Award,
    AwardKind,
    CampaignAward,
    CheckResult,
    Criterion,
    CriterionCheck,
    DossierFile,
    DossierRequirement,
    Nomination,
    Quota,
)
from thidua.awards.queries import (
    campaign_year,
    due_date,
    handling_level,
    is_form,
    living,
    quota_left,
    requirements_for,
    subject_kind,
)
from thidua.awards.services.common import _check, _date, _locked, _user, on_behalf
from thidua.campaigns.models import Campaign
from thidua.core import attachments, audit
from thidua.org.models import Member, Unit


def _deadline_guard(campaign: Campaign, award_kind: AwardKind, field: str = "award_kind") -> None:
    due = due_date(campaign, award_kind)
    if due is not None and timezone.localdate() > due:
        raise ValidationError({field: _("Đã quá hạn gửi hồ sơ đề nghị khen thưởng (%(due)s).") % {"due": _date(due)}})


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
