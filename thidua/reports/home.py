"""The reports panel of the home page, per role: for a reporting unit, what it must send and
what is overdue, with the reminders it received; for a federation, the latest periods of its
subtree — share sent, on-time rate and a bar per period, drawn as inline SVG."""

import datetime

from django.db.models import Count
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from thidua.core.home import CLOSED, OPEN, RETURNED, HomeTask
from thidua.reports import charts, queries
from thidua.reports.models import FormStatus, Reminder, ReportForm, ReportPeriod, Submission, SubmissionStatus
from thidua.reports.reminders import UNSENT, notice_text
from thidua.reports.rules import REPORTER_ROLES
from thidua.reports.views.board import STATE_LABELS

PERIODS_SHOWN = 4
NONE_OWN = {"returned": [], "overdue": [], "due": [], "notices": []}


def _own(unit, today: datetime.date) -> dict:
    pending = list(
        Submission.objects.filter(unit=unit, status__in=UNSENT, period__form__status=FormStatus.PUBLISHED)
        .select_related("period", "period__form")
        .order_by("period__due_on")[:8]
    )
    notices = [
        notice_text(r)
        for r in Reminder.objects.filter(submission__unit=unit)
        .select_related("submission__period__form")
        .order_by("-created_at", "-id")[:3]
    ]
    returned = [s for s in pending if s.status == SubmissionStatus.RETURNED]
    unsent = [s for s in pending if s.status != SubmissionStatus.RETURNED]
    return {
        # Sent back with a reason: to fix and resend, not "overdue, unsent".
        "returned": returned,
        "overdue": [s for s in unsent if s.period.due_on < today],
        "due": [s for s in unsent if s.period.due_on >= today],
        "notices": notices,
    }


def _federation(user, unit, today: datetime.date) -> dict:
    periods = list(
        ReportPeriod.objects.filter(form__in=ReportForm.objects.visible_to(user).filter(status=FormStatus.PUBLISHED))
        .filter(due_on__gte=today - datetime.timedelta(days=120))
        .select_related("form")
        .order_by("-due_on", "-id")[:PERIODS_SHOWN]
    )
    rows, whole = [], queries.Board()
    for period in periods:
        total, _children = queries.board_by_child(period, unit, today)
        if total.total:
            rows.append((period, total))
            whole.add(total)
    bars = [
        (
            f"{p.label} · {p.form.title}",
            [(k, getattr(b, k), str(STATE_LABELS[k])) for k in queries.STATES],
        )
        for p, b in rows
    ]
    return {
        "periods": rows,
        "whole": whole,
        "chart": charts.stacked_bars(bars, title=_("Tình hình nộp các kỳ báo cáo gần nhất"), width=380) if bars else "",
        "sent_gauge": charts.gauge(whole.sent_pct, label=_("Đã nộp"), colour="#0d6efd"),
        "on_time_gauge": charts.gauge(whole.on_time_pct, label=_("Đúng hạn")),
    }


def panel_context(request) -> dict | None:
    role = getattr(request.user, "acting_role", None)
    if role is None:
        return None
    today = timezone.localdate()
    # The unit's reports — due, overdue, sent back with the reason, its reminders — are the work
    # of those who fill them in (its chair, its officers): a member reads none of them (issue 14).
    own = _own(role.unit, today) if role.kind in REPORTER_ROLES else NONE_OWN
    context = {"today": today, "unit": role.unit, "own": own}
    if role.unit.kind.is_federation and request.user.has_perm("reports.view_board"):
        context["federation"] = _federation(request.user, role.unit, today)
    own = context["own"]
    if not (
        own["returned"]
        or own["overdue"]
        or own["due"]
        or own["notices"]
        or context.get("federation", {}).get("periods")
    ):
        return None
    return context


def tasks(request, today: datetime.date) -> list[HomeTask]:
    """The unit's reports still to send, one task each (one query): a report sent back says so,
    with the reason and a link to fix it, instead of counting as overdue and unsent."""
    role = getattr(request.user, "acting_role", None)
    if role is None or role.kind not in REPORTER_ROLES:
        return []
    out = _follow_up(role.unit, today) if role.unit.kind.is_federation else []
    unsent = (
        Submission.objects.filter(unit=role.unit, status__in=UNSENT, period__form__status=FormStatus.PUBLISHED)
        .select_related("period", "period__form")
        .order_by("period__due_on", "id")
    )
    for submission in unsent:
        period = submission.period
        returned = submission.status == SubmissionStatus.RETURNED
        archived = _archived(period.due_on, period.opened_at, today)
        out.append(
            HomeTask(
                title=(
                    _("Sửa và nộp lại báo cáo: %(form)s — %(period)s")
                    if returned
                    else _("Nộp báo cáo: %(form)s — %(period)s")
                )
                % {"form": period.form.title, "period": period.label},
                url=reverse("reports:submission", args=[submission.pk]),
                due_on=period.due_on,
                # A report long past its deadline (a 2023 campaign's) is folded with the archive.
                state=CLOSED if archived else RETURNED if returned else OPEN,
                note=_("Bị trả lại: %(reason)s") % {"reason": submission.return_reason} if returned else "",
                source=_("Báo cáo"),
            )
        )
    return out


# A period this long past its deadline, and opened as long ago, is archive: its leftovers are
# folded on the home page, not listed first. One opened lately stays whatever its dates (an
# office entering last year's report today still waits for it).
FOLLOW_UP_DAYS = 120


def _archived(due_on: datetime.date, opened_at, today: datetime.date) -> bool:
    opened = timezone.localtime(opened_at).date() if opened_at else due_on
    return (today - due_on).days > FOLLOW_UP_DAYS and (today - opened).days > FOLLOW_UP_DAYS


def _follow_up(unit, today: datetime.date) -> list[HomeTask]:
    """For a federation, per period of the forms it issued: the units still to send (to chase,
    dated by the period's deadline) and the reports sent and waiting for its review — one
    grouped query whatever the number of units."""
    rows = (
        Submission.objects.filter(period__form__issuer=unit, period__form__status=FormStatus.PUBLISHED)
        .filter(status__in=(*UNSENT, SubmissionStatus.SUBMITTED))
        .values("period_id", "period__label", "period__due_on", "period__opened_at", "period__form__title", "status")
        .annotate(n=Count("id"))
        .order_by("period__due_on", "period_id")
    )
    periods: dict[int, dict] = {}
    for row in rows:
        entry = periods.setdefault(row["period_id"], {**row, "unsent": 0, "sent": 0})
        entry["sent" if row["status"] == SubmissionStatus.SUBMITTED else "unsent"] += row["n"]
    out = []
    for pk, p in periods.items():
        due = p["period__due_on"]
        names = {"form": p["period__form__title"], "period": p["period__label"]}
        state = CLOSED if _archived(due, p["period__opened_at"], today) else OPEN
        url = reverse("reports:board", args=[pk])
        if p["unsent"]:
            text = (
                _("Đôn đốc %(n)s đơn vị chưa nộp: %(form)s — %(period)s")
                if due < today
                else _("Theo dõi %(n)s đơn vị chưa nộp: %(form)s — %(period)s")
            )
            out.append(HomeTask(text % {"n": p["unsent"], **names}, url, due_on=due, state=state, source=_("Báo cáo")))
        if p["sent"]:
            out.append(
                HomeTask(
                    _("Xem xét %(n)s báo cáo đã nộp: %(form)s — %(period)s") % {"n": p["sent"], **names},
                    url,
                    state=state,
                    source=_("Báo cáo"),
                )
            )
    return out
