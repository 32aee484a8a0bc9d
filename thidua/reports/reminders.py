"""Reminders of reports due and overdue: N days before the due day and N days after it
(each form says how many), by email and as a notice on the unit's home page.

A reminder is never sent twice. Each one is a `Reminder` row, unique per (submission, kind,
scheduled day), written in its own transaction together with the queuing of its email; the email
leaves only after that transaction commits. A second run finds the row and skips it; a run that
crashed midway committed the reminders it had finished (their emails queued) and none of the
others, which the next run sends. The scheduled day — not the day the command runs — is in the
key, so a run that missed a day catches up without sending a reminder again.

Its email goes through core.notices, as awards' notices: `notify` starts the task after the
commit, and the task `deliver`s once (core.once) — it claims the email in the database in the
same transaction, so a task delivered again — its worker killed before it acknowledged it —
finds the claim and skips. An email lost between a reminder's commit and its queuing (a worker killed
right then) is queued again by the next run, which looks for reminders of the window whose
email was never claimed.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone
from django.utils.translation import gettext as _

from thidua.core import access, audit, once
from thidua.core.db import PATH_END
from thidua.core.notices import Notice, deliver, notify
from thidua.org.queries import officer_emails
from thidua.reports.models import FormStatus, Reminder, ReminderKind, ReportPeriod, Submission, SubmissionStatus
from thidua.reports.queries import is_overdue
from thidua.reports.services import open_current_periods

UNSENT = (SubmissionStatus.PENDING, SubmissionStatus.DRAFT, SubmissionStatus.RETURNED)
# Periods whose due day is further back than this are not chased any more.
LOOKBACK_DAYS = 60
EMAIL_EFFECT = "reports.reminder_email"


def _due_now(today: datetime.date):
    """(period, kind, scheduled day) of every reminder whose day has come."""
    window = ReportPeriod.objects.filter(
        form__status=FormStatus.PUBLISHED,
        due_on__gte=today - datetime.timedelta(days=LOOKBACK_DAYS),
        due_on__lte=today + datetime.timedelta(days=31),
    ).select_related("form")
    for period in window:
        before, after = period.form.remind_before_days, period.form.remind_after_days
        if before:
            day = period.due_on - datetime.timedelta(days=before)
            if day <= today <= period.due_on:
                yield period, ReminderKind.BEFORE, day
        if after:
            day = period.due_on + datetime.timedelta(days=after)
            if day <= today:
                yield period, ReminderKind.AFTER, day


def recipients_of(submission: Submission) -> list[str]:
    return officer_emails(submission.unit)


def _remind(submission: Submission, kind: str, day: datetime.date) -> Reminder | None:
    """One reminder, all or nothing: the row, then its email queued for after the commit."""
    try:
        with transaction.atomic():
            reminder = Reminder.objects.create(
                submission=submission, kind=kind, on_date=day, recipients="\n".join(recipients_of(submission))
            )
            _queue_email(reminder.pk)
    except IntegrityError:  # already sent by an earlier run
        return None
    return reminder


def _queue_email(reminder_id: int) -> None:
    """After the commit: to the worker when there is a broker; otherwise sent here — not in a
    thread (core.background's default), which the command's process would end before it finishes."""
    from thidua.reports.tasks import send_reminder_email  # noqa: PLC0415 — tasks imports this module

    notify(send_reminder_email, reminder_id, in_process=True)


def send_reminders(today: datetime.date) -> int:
    """Open today's periods, then send every reminder whose day has come and that was not sent."""
    started = timezone.now()
    open_current_periods(today)
    _queue_lost_emails(before=started, today=today)
    sent = 0
    for period, kind, day in _due_now(today):
        done = Reminder.objects.filter(submission=OuterRef("pk"), kind=kind, on_date=day)
        pending = (
            Submission.objects.filter(period=period, status__in=UNSENT)
            .exclude(Exists(done))
            .select_related("unit", "unit__kind", "period", "period__form")
            .order_by("unit__path")
        )
        for submission in pending.iterator(chunk_size=500):
            sent += _remind(submission, kind, day) is not None
    return sent


def _queue_lost_emails(*, before, today: datetime.date) -> None:
    """Queue again the emails of earlier reminders that were never sent (their task lost).
    Reminders older than the claims themselves (core's migration 0004) were sent without one:
    they are left alone, or an upgrade would send them all again."""
    since = once.ledger_started()
    if since is None:
        return
    lost = (
        Reminder.objects.filter(created_at__lt=before, created_at__gte=since)
        .filter(on_date__gte=today - datetime.timedelta(days=LOOKBACK_DAYS))
        .exclude(Exists(once.done(EMAIL_EFFECT).filter(object_id=OuterRef("pk"))))
        .values_list("pk", flat=True)
    )
    for reminder_id in lost.iterator():
        _queue_email(reminder_id)


def remind_late_units(actor, period: ReportPeriod, within, today: datetime.date) -> int:
    """ "Nhắc các đơn vị chưa nộp": a reminder now to every unit of `within`'s subtree whose
    report for `period` is past its due day and not in (not sent, or returned), from the status
    board. The same reminders as the schedule's — a `Reminder` row each (kind BY_OFFICER, the
    officer who pressed it), its email queued after the commit (core.background) and sent once
    (core.once, send_email) — so a second press the same day reminds no unit twice (the row is
    unique per submission, kind and day). Audited on the period. Returns the units reminded."""

    from thidua.reports.tasks import send_reminder_email  # noqa: PLC0415 — tasks imports this module

    access.check(actor, "reports.remind", within)
    if not is_overdue(period, today):
        raise ValidationError(_("Chưa quá hạn nộp: các đơn vị còn thời gian, hệ thống tự nhắc trước hạn."))
    done = Reminder.objects.filter(submission=OuterRef("pk"), kind=ReminderKind.BY_OFFICER, on_date=today)
    late = (
        Submission.objects.filter(period=period, status__in=UNSENT)
        .within(within)
        .exclude(Exists(done))
        .select_related("unit", "unit__kind")
        .order_by("unit__path")
    )
    sent_by = access.person(actor)
    with transaction.atomic():
        reminders = [
            Reminder.objects.create(
                submission=submission,
                kind=ReminderKind.BY_OFFICER,
                on_date=today,
                recipients="\n".join(recipients_of(submission)),
                sent_by=sent_by,
            )
            for submission in late
        ]
        for reminder in reminders:
            notify(send_reminder_email, reminder.pk)
        if reminders:
            audit.record(
                actor,
                "remind_late_units",
                period,
                scope_path=within.path,
                to_state=within.name,
                changes={"units": len(reminders)},
            )
    return len(reminders)


def reminded_today(period: ReportPeriod, within, today: datetime.date) -> int:
    """How many of `within`'s units still not in for `period` an officer reminded today (what a
    second press of the button would skip). One query."""
    return (
        Reminder.objects.filter(
            kind=ReminderKind.BY_OFFICER,
            on_date=today,
            submission__period=period,
            submission__status__in=UNSENT,
            submission__unit__path__gte=within.path,
            submission__unit__path__lt=within.path + PATH_END,
        )
        .values("submission")
        .distinct()
        .count()
    )


def sent_for(period: ReportPeriod, within, limit: int = 50):
    """The reminders of `period` sent to units of `within`'s subtree, newest first (at most
    `limit`), with the unit and who sent it (empty: the schedule). One query."""
    return (
        Reminder.objects.filter(
            submission__period=period,
            submission__unit__path__gte=within.path,
            submission__unit__path__lt=within.path + PATH_END,
        )
        .select_related("submission__unit", "sent_by")
        .order_by("-created_at", "-pk")[:limit]
    )


def notice_text(reminder: Reminder) -> str:
    period = reminder.submission.period
    values = {"form": period.form.title, "period": period.label, "due": f"{period.due_on:%d/%m/%Y}"}
    if reminder.kind == ReminderKind.BEFORE:
        return _("Sắp đến hạn nộp “%(form)s” — %(period)s: hạn chót hết ngày %(due)s.") % values
    return _("Đã quá hạn nộp “%(form)s” — %(period)s (hạn %(due)s): đơn vị chưa nộp, hãy nộp ngay.") % values


def _reminder_mails(reminder_id: int) -> list[Notice]:
    reminder = (
        Reminder.objects.select_related("submission__unit", "submission__period__form").filter(pk=reminder_id).first()
    )
    if reminder is None:
        return []
    return [
        Notice(
            addressee=reminder.submission.unit.name,
            subject=_("[thidua] Nhắc nộp báo cáo: %(form)s") % {"form": reminder.submission.period.form.title},
            text=notice_text(reminder),
            action=_("Đăng nhập thidua, vào mục Báo cáo để điền và nộp."),
            recipients=[line for line in reminder.recipients.splitlines() if line],
        )
    ]


def send_email(reminder_id: int) -> None:
    """The reminder's email, once (core.notices.deliver): a second run of this task (the same
    message delivered again) finds the claim of the first and sends nothing."""
    deliver(EMAIL_EFFECT, reminder_id, lambda: _reminder_mails(reminder_id))
