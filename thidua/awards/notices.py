"""Telling a unit about its nominations: when the level handling one returns it (with the
reason), and when a decision awards its people.

Through core.notices, as reports' reminders: the notice on the unit's home page is read from the
records themselves — the returned nomination with its reason, the issued decision with its
awards — by the same text functions as the email; `notify` starts the email task only after the
transaction that made the event commits, and the task `deliver`s once (core.once). The return's
email is keyed by its audit entry (a nomination may be returned twice), the decision's by the
decision.
"""

import datetime
from collections import defaultdict

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from thidua.awards.models import Award, Decision, Nomination, NominationStatus
from thidua.core.db import PATH_END
from thidua.core.models import AuditEntry
from thidua.core.notices import Notice, deliver, notify
from thidua.org.models import RoleKind
from thidua.org.queries import officer_emails

RETURN_EFFECT = "awards.return_email"
DECISION_EFFECT = "awards.decision_email"
RECENT_DAYS = 90  # decisions shown on the home page this long after they are issued
# Roles that act for a person, not a unit: their home tells them their own outcome only.
PERSONAL_ROLES = (RoleKind.MEMBER, RoleKind.COUNCIL_MEMBER)
SHOWN = 5


# --- what the notices say --------------------------------------------------------------------------


def return_text(nomination: Nomination, reason: str) -> str:
    return _("%(level)s trả lại hồ sơ đề nghị “%(kind)s” của %(name)s để bổ sung: %(reason)s") % {
        "level": nomination.level.name,
        "kind": nomination.award_kind.name,
        "name": nomination.subject_name,
        "reason": reason,
    }


def decision_text(decision: Decision, count: int) -> str:
    return _("Quyết định số %(number)s ngày %(day)s của %(issuer)s khen thưởng %(n)s tập thể, cá nhân của đơn vị.") % {
        "number": decision.number,
        "day": f"{decision.issued_on:%d/%m/%Y}" if decision.issued_on else "",
        "issuer": decision.unit.name,
        "n": count,
    }


def own_award_text(award: Award) -> str:
    decision = award.decision
    return _("Bạn được khen thưởng “%(kind)s” theo Quyết định số %(number)s ngày %(day)s của %(issuer)s.") % {
        "kind": award.award_kind.name,
        "number": decision.number,
        "day": f"{decision.issued_on:%d/%m/%Y}" if decision.issued_on else "",
        "issuer": decision.unit.name,
    }


def not_recommended_text(nomination: Nomination) -> str:
    return _("Hội đồng Thi đua – Khen thưởng của %(level)s không đề nghị khen thưởng “%(kind)s” cho bạn.") % {
        "level": nomination.level.name,
        "kind": nomination.award_kind.name,
    }


def for_person(user) -> list[str]:
    """A member's notices: the outcome of their own nominations of the last RECENT_DAYS — the
    award with its decision, or the council's refusal. Not the unit's returned dossiers nor its
    decisions: those are the CĐCS's own work, told to its officers. Two queries."""
    since = timezone.localdate() - datetime.timedelta(days=RECENT_DAYS)
    awards = (
        Award.objects.filter(member__user=user, decision__issued_on__gte=since, decision__register_entry__isnull=False)
        .select_related("award_kind", "decision", "decision__unit", "decision__register_entry")
        .order_by("-decision__issued_on", "-pk")[:SHOWN]
    )
    refused = (
        Nomination.objects.filter(
            subject_member__user=user,
            status=NominationStatus.NOT_RECOMMENDED,
            updated_at__date__gte=since,
        )
        .select_related("level", "award_kind")
        .order_by("-updated_at", "-pk")[:SHOWN]
    )
    return [own_award_text(a) for a in awards] + [not_recommended_text(n) for n in refused]


def for_unit(unit, user) -> list[str]:
    """The notices of the unit's home page: its nominations waiting for a fix, with the reason,
    then the decisions of the last RECENT_DAYS awarding its people. For the unit's officers; a
    member acting as a member reads `for_person` instead. A few queries."""
    role = getattr(user, "acting_role", None)
    if role is not None and role.kind in PERSONAL_ROLES:
        return for_person(user)
    returned = (
        Nomination.objects.visible_to(user)
        .filter(unit=unit, status=NominationStatus.RETURNED)
        .select_related("level", "award_kind", "subject_member", "subject_unit")
        .order_by("-updated_at", "-pk")[:SHOWN]
    )
    path = unit.path
    mine = Q(awards__unit__path__gte=path, awards__unit__path__lt=path + PATH_END)
    since = timezone.localdate() - datetime.timedelta(days=RECENT_DAYS)
    decisions = (
        Decision.objects.filter(mine, issued_on__gte=since, register_entry__isnull=False)
        .annotate(n=Count("awards", filter=mine))
        .select_related("unit", "register_entry")
        .order_by("-issued_on", "-pk")[:SHOWN]
    )
    return [return_text(n, n.return_reason) for n in returned] + [decision_text(d, d.n) for d in decisions]


# --- events: queued after the commit ---------------------------------------------------------------


def returned(nomination: Nomination) -> None:
    """Called in return_nomination's transaction, after the move wrote its audit entry."""
    entry = AuditEntry.objects.for_object(nomination).filter(verb="return_nomination").order_by("-pk").first()
    if entry is not None:
        _queue("return", entry.pk)


def decided(decision: Decision) -> None:
    """Called in issue_decision's transaction."""
    _queue("decision", decision.pk)


def _queue(kind: str, object_id: int) -> None:
    from thidua.awards.tasks import send_notice_email  # noqa: PLC0415 — tasks imports this module

    notify(send_notice_email, kind, object_id)


# --- the emails ----------------------------------------------------------------------------------


def _return_mails(entry_id: int) -> list[Notice]:
    entry = AuditEntry.objects.filter(pk=entry_id, verb="return_nomination").first()
    nomination = (
        Nomination.objects.select_related("unit", "unit__kind", "level", "award_kind", "subject_member", "subject_unit")
        .filter(pk=entry.target_id)
        .first()
        if entry is not None
        else None
    )
    if nomination is None:
        return []
    return [
        Notice(
            addressee=nomination.unit.name,
            subject=_("[thidua] Hồ sơ đề nghị khen thưởng bị trả lại: %(name)s") % {"name": nomination.subject_name},
            text=return_text(nomination, entry.reason),
            action=_("Đăng nhập thidua, vào mục Khen thưởng › Đề nghị khen thưởng để bổ sung hồ sơ và gửi lại."),
            recipients=officer_emails(nomination.unit),
        )
    ]


def _decision_mails(decision_id: int) -> list[Notice]:
    decision = Decision.objects.select_related("unit", "register_entry").filter(pk=decision_id).first()
    if decision is None:
        return []
    by_unit = defaultdict(list)
    awards = Award.objects.filter(decision=decision, nomination__isnull=False).select_related(
        "award_kind", "nomination__unit", "nomination__unit__kind"
    )
    for award in awards.order_by("order", "pk"):
        by_unit[award.nomination.unit].append(award)
    return [
        Notice(
            addressee=unit.name,
            subject=_("[thidua] Quyết định khen thưởng số %(number)s") % {"number": decision.number},
            text=decision_text(decision, len(rows)),
            details="\n".join(f"- {a.name}: {a.award_kind.name}" for a in rows),
            action=_("Đăng nhập thidua, vào mục Khen thưởng để tải quyết định và giấy khen."),
            recipients=officer_emails(unit),
        )
        for unit, rows in sorted(by_unit.items(), key=lambda pair: pair[0].path)
    ]


def send_email(kind: str, object_id: int) -> None:
    """The event's emails, once (core.notices.deliver): a second run of the task sends nothing."""
    if kind == "return":
        deliver(RETURN_EFFECT, object_id, lambda: _return_mails(object_id))
    else:
        deliver(DECISION_EFFECT, object_id, lambda: _decision_mails(object_id))
