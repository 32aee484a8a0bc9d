"""Sending and reviewing: the CĐCS's batch (deadline, complete dossier, cap again, criteria
confirmed), the office's return, acceptance, the award council, forwarding beyond the level's
authority, withdrawal. The council's result comes back through `councils.subjects`."""

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from thidua.awards import notices
from thidua.awards.eligibility import cap_allows, evaluate_nomination, verdict
from thidua.awards.models import (
    CheckResult,
    CriterionCheck,
    Nomination,
)
from thidua.awards.queries import campaign_year, missing_requirements
from thidua.awards.services.common import S, _check, _locked, on_behalf
from thidua.awards.services.nominating import _deadline_guard
from thidua.awards.workflow import NOMINATION_WORKFLOW
from thidua.campaigns.models import Campaign
from thidua.councils.models import Council, CouncilKind
from thidua.org.models import Unit


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
    for outcome in evaluate_nomination(nomination):
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
