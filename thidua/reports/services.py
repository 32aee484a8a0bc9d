"""Writing reports: forms and their indicators, opening periods, filling in and sending a
unit's report, accepting it or sending it back.

The state machines of a submission (`SUBMISSION_WORKFLOW`), a form (`FORM_WORKFLOW`) and a
campaign review (`REVIEW_WORKFLOW`) are declared here and moved only through core.workflow,
which checks the permission and writes the audit trail. Answers are validated all together
before anything is written, so a refused report leaves nothing half-saved.
"""

import datetime
import re
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from thidua.core import access, attachments, audit, workflow
from thidua.core.workflow import Transition, Workflow
from thidua.documents.models import DocType
from thidua.documents.services import profile_for, signature_gaps, take_number
from thidua.org.models import Unit, UnitStatus
from thidua.reports import due, review_document, sources, tallies
from thidua.reports.models import (
    Aggregation,
    Answer,
    CampaignReview,
    FormStatus,
    Indicator,
    IndicatorKind,
    Period,
    ReportForm,
    ReportPeriod,
    ReviewStatus,
    Source,
    Submission,
    SubmissionStatus,
    SubmissionVersion,
    Targets,
)

S = SubmissionStatus
SUBMISSION_WORKFLOW = Workflow(
    state_field="status",
    transitions=[
        Transition("save_report_draft", (S.PENDING,), S.DRAFT, "reports.fill", gettext_lazy("Lưu nháp")),
        Transition(
            "submit_report", (S.PENDING, S.DRAFT, S.RETURNED), S.SUBMITTED, "reports.fill", gettext_lazy("Nộp báo cáo")
        ),
        Transition("return_report", (S.SUBMITTED,), S.RETURNED, "reports.review", gettext_lazy("Trả lại")),
        Transition("accept_report", (S.SUBMITTED,), S.ACCEPTED, "reports.review", gettext_lazy("Tiếp nhận")),
    ],
)

# A report form is drafted, then sent to the units that must report (its first period opened).
FORM_WORKFLOW = Workflow(
    state_field="status",
    transitions=[
        Transition(
            "publish_report_form",
            (FormStatus.DRAFT,),
            FormStatus.PUBLISHED,
            "reports.change_form",
            gettext_lazy("Gửi biểu mẫu báo cáo"),
        ),
    ],
)
# A campaign's interim or final review is drafted, then numbered and frozen.
REVIEW_WORKFLOW = Workflow(
    state_field="status",
    transitions=[
        Transition(
            "issue_review",
            (ReviewStatus.DRAFT,),
            ReviewStatus.ISSUED,
            "reports.issue_review",
            gettext_lazy("Ban hành báo cáo sơ kết, tổng kết"),
        ),
    ],
)

EDITABLE = (S.PENDING, S.DRAFT, S.RETURNED)

FORM_FIELDS = (
    "title",
    "description",
    "period",
    "campaign",
    "due_on",
    "due_rule",
    "due_day",
    "due_before",
    "shift_weekend",
    "targets",
    "target_sector",
    "target_cluster",
    "remind_before_days",
    "remind_after_days",
)
INDICATOR_FIELDS = ("label", "kind", "aggregation", "required", "source", "not_above", "order")


_check = access.check  # None raises MissingActor; commands and the demo pass system_actor()


_user = access.person  # the user row to store (None for the system actor)


# --- forms -----------------------------------------------------------------------------------


def _validate_form(values: dict) -> None:
    errors = {}
    if not (values.get("title") or "").strip():
        errors["title"] = _("Hãy nhập tên báo cáo.")
    if values.get("period") == Period.ONCE and not values.get("due_on"):
        errors["due_on"] = _("Báo cáo một lần cần có hạn nộp.")
    if values.get("period") != Period.ONCE:
        day = values.get("due_day") or 0
        if values.get("due_rule") == due.LAST_MONTH_DAY and not 1 <= day <= 31:
            errors["due_day"] = _("Ngày của tháng phải từ 1 đến 31.")
        if values.get("due_rule") == due.AFTER_END and not 0 <= day <= 90:
            errors["due_day"] = _("Số ngày sau khi kết thúc kỳ phải từ 0 đến 90.")
    if values.get("targets") == Targets.SECTOR and not values.get("target_sector"):
        errors["target_sector"] = _("Hãy chọn khối.")
    if values.get("targets") == Targets.CLUSTER and not values.get("target_cluster"):
        errors["target_cluster"] = _("Hãy chọn cụm, khối thi đua.")
    campaign, due_on = values.get("campaign"), values.get("due_on")
    starts = campaign.starts_on if campaign is not None else None
    if values.get("period") == Period.ONCE and due_on and starts and due_on < starts:
        errors["due_on"] = _("Hạn nộp không thể trước ngày bắt đầu thi đua.")
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def create_form(actor, *, issuer: Unit, **values) -> ReportForm:
    _check(actor, "reports.add_form", issuer)
    values = {k: v for k, v in values.items() if k in FORM_FIELDS}
    _validate_form(values)
    form = ReportForm.objects.create(issuer=issuer, created_by=_user(actor), **values)
    audit.record(actor, "create_report_form", form, scope_path=issuer.path, to_state=form.title)
    return form


@transaction.atomic
def update_form(actor, form: ReportForm, **values) -> ReportForm:
    _check(actor, "reports.change_form", form)
    values = {k: v for k, v in values.items() if k in FORM_FIELDS}
    if form.status != FormStatus.DRAFT:
        # Units already report on it: only the wording and the reminders may change.
        values = {
            k: v for k, v in values.items() if k in ("title", "description", "remind_before_days", "remind_after_days")
        }
    current = {name: getattr(form, name) for name in FORM_FIELDS}
    _validate_form({**current, **values})
    for name, value in values.items():
        setattr(form, name, value)
    form.save()
    audit.record(actor, "update_report_form", form, scope_path=form.issuer.path)
    return form


@transaction.atomic
def save_indicator(actor, form: ReportForm, pk: int | None = None, **values) -> Indicator:
    _check(actor, "reports.change_form", form)
    if form.status != FormStatus.DRAFT:
        raise ValidationError(_("Biểu mẫu đã gửi các đơn vị: không thể đổi chỉ tiêu."))
    values = {k: v for k, v in values.items() if k in INDICATOR_FIELDS}
    errors = {}
    if not (values.get("label") or "").strip():
        errors["label"] = _("Hãy nhập tên chỉ tiêu.")
    kind, aggregation = values.get("kind"), values.get("aggregation")
    if aggregation in (Aggregation.SUM, Aggregation.AVERAGE) and kind not in (
        IndicatorKind.NUMBER,
        IndicatorKind.PERCENT,
    ):
        errors["aggregation"] = _("Chỉ cộng tổng hay tính trung bình được chỉ tiêu là số.")
    if aggregation == Aggregation.SHARE_YES and kind != IndicatorKind.YES_NO:
        errors["aggregation"] = _("Tỷ lệ “Có” chỉ dùng cho chỉ tiêu Có / Không.")
    if values.get("source") and kind != IndicatorKind.NUMBER:
        errors["source"] = _("Chỉ chỉ tiêu số nguyên mới tự điền được từ dữ liệu.")
    if values.get("source") in (Source.MEMBERS_REACHED, Source.WORKS_COMPLETED, Source.MODELS) and not form.campaign_id:
        errors["source"] = _("Số liệu này lấy theo một kế hoạch: hãy gắn biểu mẫu với kế hoạch trước.")
    not_above = values.get("not_above")
    if not_above is not None and (not_above.form_id != form.pk or not not_above.is_numeric):
        errors["not_above"] = _("Hãy chọn một chỉ tiêu số của cùng biểu mẫu.")
    if errors:
        raise ValidationError(errors)
    if pk is None:
        values.setdefault("order", form.indicators.count() + 1)
        indicator = Indicator.objects.create(form=form, **values)
    else:
        indicator = form.indicators.get(pk=pk)
        for name, value in values.items():
            setattr(indicator, name, value)
        indicator.save()
    audit.record(actor, "save_indicator", form, scope_path=form.issuer.path, to_state=indicator.label)
    return indicator


@transaction.atomic
def delete_indicator(actor, form: ReportForm, pk: int) -> None:
    _check(actor, "reports.change_form", form)
    if form.status != FormStatus.DRAFT:
        raise ValidationError(_("Biểu mẫu đã gửi các đơn vị: không thể đổi chỉ tiêu."))
    indicator = form.indicators.get(pk=pk)
    indicator.delete()
    audit.record(actor, "delete_indicator", form, scope_path=form.issuer.path, from_state=indicator.label)


def resolve_targets(form: ReportForm):
    """The units that must report: CĐCS of the issuer's subtree (of a bloc), or a cluster's units."""
    units = Unit.objects.within(form.issuer).filter(status=UnitStatus.ACTIVE).exclude(pk=form.issuer_id)
    if form.targets == Targets.CLUSTER:
        return units.filter(clusters=form.target_cluster_id, kind__is_group=False)
    units = units.filter(kind__is_grassroots=True)
    if form.targets == Targets.SECTOR:
        units = units.filter(sector=form.target_sector)
    return units


def period_for(form: ReportForm, day: datetime.date) -> tuple[datetime.date, datetime.date, datetime.date, str]:
    """(start, end, due, label) of the form's period containing `day` (the one-off form's only one)."""
    if form.period == Period.ONCE:
        assert form.due_on is not None  # a one-off form has its due day (save_form refuses one without)
        campaign = form.campaign
        start = (campaign.starts_on if campaign and campaign.starts_on else None) or form.due_on
        end = (campaign.ends_on if campaign and campaign.ends_on else None) or form.due_on
        return start, end, form.due_on, _("Báo cáo một lần")
    start, end = due.period_bounds(form.period, day)
    return start, end, due.due_date(form.rule, end), due.period_label(form.period, start)


def open_period(form: ReportForm, day: datetime.date) -> tuple[ReportPeriod, bool]:
    """The period containing `day`, with one pending submission per unit that must report —
    created once: a second call finds it."""
    start, end, due_on, label = period_for(form, day)
    period, created = ReportPeriod.objects.get_or_create(
        form=form, starts_on=start, defaults={"ends_on": end, "due_on": due_on, "label": label}
    )
    if created:
        Submission.objects.bulk_create(
            [Submission(period=period, unit_id=pk) for pk in resolve_targets(form).values_list("pk", flat=True)],
            batch_size=2000,
        )
    return period, created


@transaction.atomic
def publish_form(actor, form: ReportForm, *, today: datetime.date | None = None) -> ReportPeriod:
    """Send the form to the units that must report, opening the current period."""
    form = ReportForm.objects.select_for_update(of=("self",)).select_related("campaign", "issuer").get(pk=form.pk)
    _check(actor, "reports.change_form", form)
    if not FORM_WORKFLOW.can(form, actor, "publish_report_form"):
        raise ValidationError(_("Biểu mẫu đã được gửi."))
    errors = []
    if not form.indicators.exists():
        errors.append(_("Biểu mẫu chưa có chỉ tiêu nào."))
    if not resolve_targets(form).exists():
        errors.append(_("Không có đơn vị nào phải báo cáo theo lựa chọn này."))
    if errors:
        raise ValidationError(errors)
    period, _created = open_period(form, today or timezone.localdate())
    FORM_WORKFLOW.move(
        form,
        "publish_report_form",
        actor=actor,
        scope_path=form.issuer.path,
        extra_fields={"published_at": timezone.now()},
        changes={"period": period.label, "units": period.submissions.count()},
    )
    return period


def open_current_periods(today: datetime.date) -> int:
    """Open today's period of every published periodic form (the daily command runs this)."""
    opened = 0
    forms = ReportForm.objects.filter(status=FormStatus.PUBLISHED).exclude(period=Period.ONCE)
    for form in forms.select_related("issuer"):
        with transaction.atomic():
            opened += open_period(form, today)[1]
    return opened


# --- answers ---------------------------------------------------------------------------------

_WHOLE = re.compile(r"^\d{1,3}(\.\d{3})+$|^\d+$")


def _parse(indicator: Indicator, raw, members: int) -> tuple[dict, str | None]:
    """The stored fields of one answer, or the message saying why the value is refused."""
    kind = indicator.kind
    if kind == IndicatorKind.YES_NO:
        if raw in (None, ""):
            return {"flag": None}, None
        if raw in (True, "yes", "1", "on", "true"):
            return {"flag": True}, None
        if raw in (False, "no", "0", "false"):
            return {"flag": False}, None
        return {}, _("Hãy chọn Có hoặc Không.")
    if kind == IndicatorKind.TEXT:
        return {"text": (raw or "").strip()}, None
    text = str(raw if raw is not None else "").strip().replace(" ", "")
    if not text:
        return {"number": None}, None
    if kind == IndicatorKind.NUMBER:
        if not _WHOLE.match(text):
            return {}, _("Hãy nhập một số nguyên, chỉ gồm chữ số (vd. 125).")
        value = Decimal(text.replace(".", ""))
        if indicator.source == Source.MEMBERS_REACHED and value > members:
            return {}, _("Không thể lớn hơn số đoàn viên của đơn vị (%(n)s).") % {"n": members}
        return {"number": value}, None
    try:
        value = Decimal(text.replace(",", "."))
    except InvalidOperation:
        return {}, _("Hãy nhập một tỷ lệ bằng số, từ 0 đến 100 (vd. 87,5).")
    if not value.is_finite() or not Decimal(0) <= value <= Decimal(100):
        return {}, _("Tỷ lệ phải từ 0 đến 100 %.")
    return {"number": value.quantize(Decimal("0.01"))}, None


def _is_blank(indicator: Indicator, fields: dict, answer: Answer | None) -> bool:
    if indicator.kind == IndicatorKind.FILE:
        return answer is None or answer.attachment_id is None
    if indicator.kind == IndicatorKind.YES_NO:
        return fields.get("flag") is None
    if indicator.kind == IndicatorKind.TEXT:
        return not fields.get("text")
    return fields.get("number") is None


def _validate_answers(
    submission: Submission, indicators, values: dict, files: dict, existing: dict, submit: bool, autos: dict
):
    # The unit's member count caps "members reached": read only for a form that asks for it.
    capped = any(i.source == Source.MEMBERS_REACHED for i in indicators)
    members = sources.members_of(submission.unit) if capped else 0
    parsed: dict[int, dict] = {}
    errors: dict[str, str | list[str]] = {}
    for indicator in indicators:
        name = indicator.field_name
        if indicator.kind == IndicatorKind.FILE:
            upload = files.get(name)
            if upload is not None:
                try:
                    attachments.check(upload, images_only=False)
                except ValidationError as error:
                    errors[name] = error.messages
            parsed[indicator.pk] = {}
        else:
            raw = values.get(name)
            if (raw is None or str(raw).strip() == "") and indicator.pk in autos:
                # Left blank: the figure thidua holds stands, as the page offered it.
                raw = str(int(autos[indicator.pk]))
            fields, message = _parse(indicator, raw, members)
            if message:
                errors[name] = message
            parsed[indicator.pk] = fields
    for indicator in indicators:
        name = indicator.field_name
        if name in errors:
            continue
        fields = parsed[indicator.pk]
        blank = _is_blank(indicator, fields, existing.get(indicator.pk)) and not (
            indicator.kind == IndicatorKind.FILE and files.get(name) is not None
        )
        if submit and indicator.required and blank:
            errors[name] = _("Chỉ tiêu bắt buộc: hãy trả lời trước khi nộp.")
        ceiling = indicator.not_above
        if ceiling is not None and fields.get("number") is not None:
            limit = parsed.get(ceiling.pk, {}).get("number")
            if limit is not None and fields["number"] > limit:
                errors[name] = _("Không thể lớn hơn “%(other)s” (%(n)s).") % {
                    "other": ceiling.label,
                    "n": f"{limit.normalize():f}",
                }
    if errors:
        raise ValidationError(errors)
    return parsed


_INDICATORS: dict[tuple, list[Indicator]] = {}  # published forms' indicators (they cannot change)


def indicators_of(form: ReportForm) -> list[Indicator]:
    """The form's indicators in their order, with `not_above`. Once the form is published they
    cannot change (save_indicator and delete_indicator refuse), so they are read once per
    process and form; the key has the publishing moment, so a form id a test database reuses
    after a rollback never finds another form's indicators. A draft form's are read each time."""
    if form.status == FormStatus.DRAFT or form.published_at is None:
        return list(form.indicators.select_related("not_above"))
    key = (form.pk, form.published_at)
    indicators = _INDICATORS.get(key)
    if indicators is None:
        if len(_INDICATORS) > 500:  # periods of many forms in one process: keep it bounded
            _INDICATORS.clear()
        indicators = _INDICATORS[key] = list(form.indicators.select_related("not_above"))
    return indicators


def _answers(actor, submission: Submission, indicators, parsed: dict, files: dict, existing: dict, autos: dict):
    """The Answer rows to write, built in memory from the validated values (files stored here)."""
    rows = []
    for indicator in indicators:
        answer = existing.get(indicator.pk)
        answer = Answer(
            submission=submission,
            indicator=indicator,
            number=answer.number if answer else None,
            flag=answer.flag if answer else None,
            text=answer.text if answer else "",
            attachment=answer.attachment if answer else None,
            auto_value=answer.auto_value if answer else None,
        )
        for name, value in parsed[indicator.pk].items():
            setattr(answer, name, value)
        upload = files.get(indicator.field_name)
        if upload is not None:
            answer.attachment = attachments.attach(
                actor, submission, upload, scope_path=submission.unit.path, images_only=False
            )
        if indicator.pk in autos:
            answer.auto_value = autos[indicator.pk]
        rows.append(answer)
    return rows


def _store(rows: list[Answer], new: bool) -> None:
    """One statement for all the answers: INSERT for a report never saved, else an upsert on
    (submission, indicator)."""
    if new:
        Answer.objects.bulk_create(rows)
    else:
        Answer.objects.bulk_create(
            rows,
            update_conflicts=True,
            unique_fields=["submission", "indicator"],
            update_fields=["number", "flag", "text", "attachment", "auto_value"],
        )


def _snapshot(rows: list[Answer]) -> list[dict]:
    """The version's frozen copy of the answers, from the rows just written (indicators' order)."""
    return [
        {
            "indicator": a.indicator_id,
            "label": a.indicator.label,
            "value": a.display(),
            "number": str(a.number) if a.number is not None else None,
            "flag": a.flag,
            "attachment": a.attachment_id,
        }
        for a in rows
    ]


def _read_for_filling(pk: int) -> Submission:
    return Submission.objects.select_related("unit", "period", "period__form").get(pk=pk)


def _loaded(submission: Submission) -> bool:
    return (
        Submission.unit.is_cached(submission)
        and Submission.period.is_cached(submission)
        and ReportPeriod.form.is_cached(submission.period)
    )


def save_report(
    actor, submission: Submission, *, values: dict, files: dict | None = None, submit: bool = False, at=None
) -> Submission:
    """Save the unit's answers as a draft, or send them (`submit`). `values` maps each
    indicator's field name (`i<id>`) to what was typed; `files` to an uploaded file. Sending
    after the due day is allowed and marked late; every send is kept as a version. Returns the
    report as saved.

    What it costs (issue 18, BENCHMARKS.md "Cost of one submission"): reading and validating
    happen before the transaction — the report with its unit, period and form as the caller
    read it (the page's scoped fetch; re-read when not loaded), the form's indicators (cached
    once published), the answers already saved (none for a report never saved), the figures
    thidua fills in (only for a form that has some). The transaction holds only the writes:
    the report's row, moved only if it still holds the state and version read (one conditional
    UPDATE, its lock — a report changed meanwhile is read again and decided again, so a stale
    object is never written over), the answers in one statement, the version, the audit entry,
    and last the roll-up's tallies in one upsert, so the ancestors' shared rows stay locked only
    until the commit right after."""
    if not _loaded(submission):
        submission = _read_for_filling(submission.pk)
    try:
        return _save(actor, submission, values, files or {}, submit, at)
    except Stale:
        pass
    # Sent, returned or saved by someone else since it was read: decide on the row as it is.
    try:
        return _save(actor, _read_for_filling(submission.pk), values, files or {}, submit, at)
    except Stale:
        raise ValidationError(_("Báo cáo vừa được thay đổi ở nơi khác: hãy tải lại trang rồi thử lại.")) from None


class Stale(Exception):
    """The report changed after it was read (save_report reads it again)."""


def _save(actor, submission: Submission, values: dict, files: dict, submit: bool, at) -> Submission:
    _check(actor, "reports.fill", submission)
    if submission.status not in EDITABLE:
        # Perhaps the caller's copy is old: refuse only on what the database holds.
        fresh = Submission.objects.filter(pk=submission.pk).values_list("status", "version").get()
        if fresh != (submission.status, submission.version):
            raise Stale
        raise ValidationError(_("Báo cáo đã nộp: chỉ sửa được khi cấp trên trả lại."))
    indicators = indicators_of(submission.period.form)
    new = submission.status == S.PENDING  # a report never saved has no answers yet
    existing = {} if new else {a.indicator_id: a for a in submission.answers.select_related("attachment")}
    autos = sources.auto_values(submission, indicators)
    parsed = _validate_answers(submission, indicators, values, files, existing, submit, autos)
    scope = submission.unit.path
    guard = {"version": submission.version}
    if not submit:
        with transaction.atomic():
            if submission.status == S.PENDING:
                _move(submission, "save_report_draft", actor=actor, scope_path=scope, expect=guard)
            elif not Submission.objects.select_for_update().filter(pk=submission.pk, status=submission.status, **guard):
                raise Stale
            _store(_answers(actor, submission, indicators, parsed, files, existing, autos), new)
        return submission
    moment = at or timezone.now()
    version_late = due.is_late(submission.period.due_on, moment)
    number = submission.version + 1
    # Lateness is decided by the first sending: sending again what the office returned for
    # correction does not make the unit late.
    first = submission.first_submitted_at or moment
    late = submission.is_late if submission.first_submitted_at else version_late
    with transaction.atomic():
        _move(
            submission,
            "submit_report",
            actor=actor,
            scope_path=scope,
            extra_fields={"submitted_at": moment, "first_submitted_at": first, "is_late": late, "version": number},
            changes={"version": number, "late": late},
            expect=guard,
        )
        rows = _answers(actor, submission, indicators, parsed, files, existing, autos)
        _store(rows, new)
        SubmissionVersion.objects.create(
            submission=submission,
            number=number,
            submitted_at=moment,
            submitted_by=_user(actor),
            is_late=version_late,
            answers=_snapshot(rows),
        )
        tallies.count(submission, 1, answers=[(a.indicator_id, a.number, a.flag) for a in rows], path=scope)
    return submission


def _move(submission: Submission, action: str, **kwargs) -> None:
    try:
        SUBMISSION_WORKFLOW.move(submission, action, **kwargs)
    except workflow.Stale:
        raise Stale from None


@transaction.atomic
def return_report(actor, submission: Submission, *, reason: str) -> Submission:
    submission = Submission.objects.select_for_update().select_related("unit").get(pk=submission.pk)
    if not reason.strip():
        raise ValidationError({"reason": _("Hãy ghi lý do trả lại để đơn vị biết cần sửa gì.")})
    SUBMISSION_WORKFLOW.move(
        submission,
        "return_report",
        actor=actor,
        reason=reason.strip(),
        scope_path=submission.unit.path,
        extra_fields={"return_reason": reason.strip(), "reviewed_at": timezone.now(), "reviewed_by": _user(actor)},
    )
    tallies.count(submission, -1)  # out of the roll-up until it is sent again
    return submission


@transaction.atomic
def accept_report(actor, submission: Submission) -> Submission:
    submission = Submission.objects.select_for_update().select_related("unit").get(pk=submission.pk)
    SUBMISSION_WORKFLOW.move(
        submission,
        "accept_report",
        actor=actor,
        scope_path=submission.unit.path,
        extra_fields={"reviewed_at": timezone.now(), "reviewed_by": _user(actor)},
    )
    return submission


# --- campaign reviews (sơ kết, tổng kết) ------------------------------------------------------

REVIEW_FIELDS = ("title", "body", "place", "issued_on", "recipients", "signer_title", "signer_name")


@transaction.atomic
def draft_review(
    actor,
    campaign,
    *,
    issuer: Unit,
    kind: str,
    covers_from: datetime.date | None = None,
    covers_to: datetime.date | None = None,
) -> CampaignReview:
    """A draft review of the campaign by `issuer`, its figures filled in from what thidua holds:
    between `covers_from` and `covers_to` when given (a sơ kết of the first six months), else
    over the whole campaign."""

    _check(actor, "reports.change_review", issuer)
    if covers_from and covers_to and covers_from > covers_to:
        raise ValidationError({"covers_to": _("Ngày kết thúc phải sau ngày bắt đầu.")})
    if bool(covers_from) != bool(covers_to):
        raise ValidationError({"covers_to": _("Hãy nhập cả hai ngày, hoặc để trống cả hai để tính cả kế hoạch.")})
    review = CampaignReview.objects.create(
        campaign=campaign,
        issuer=issuer,
        kind=kind,
        covers_from=covers_from,
        covers_to=covers_to,
        title=review_document.draft_title(campaign, kind),
        body=review_document.draft_body(campaign, issuer, start=covers_from, end=covers_to),
        place=campaign.place if campaign.issuer_id == issuer.pk else "",
        signer_title=campaign.signer_title if campaign.issuer_id == issuer.pk else "",
        signer_name=campaign.signer_name if campaign.issuer_id == issuer.pk else "",
        recipients="\n".join(review_document.default_recipients(issuer)),
        created_by=_user(actor),
    )
    audit.record(actor, "draft_review", review, scope_path=issuer.path, to_state=review.get_kind_display())
    return review


@transaction.atomic
def refresh_review_figures(actor, review: CampaignReview) -> CampaignReview:
    """'Cập nhật số liệu': the draft's figures (parts I and II) drafted again from what thidua
    holds today — a decision, a report sent since — keeping the officer's assessment (parts III
    and IV) as written. An issued review is frozen: its figures are those it was signed with."""

    review = CampaignReview.objects.select_for_update().select_related("campaign", "issuer").get(pk=review.pk)
    _check(actor, "reports.change_review", review)
    if not review.is_draft:
        raise ValidationError(_("Báo cáo đã ban hành: số liệu giữ như khi ban hành."))
    fresh = review_document.draft_body(review.campaign, review.issuer, start=review.covers_from, end=review.covers_to)
    body = review_document.with_fresh_figures(review.body, fresh)
    changed = body != review.body
    review.body = body
    review.save(update_fields=["body", "updated_at"])
    audit.record(
        actor,
        "refresh_review",
        review,
        scope_path=review.issuer.path,
        to_state=_("Số liệu đến ngày %(day)s") % {"day": f"{timezone.localdate():%d/%m/%Y}"},
        changes={"changed": changed},
    )
    return review


@transaction.atomic
def update_review(actor, review: CampaignReview, **values) -> CampaignReview:
    _check(actor, "reports.change_review", review)
    if not review.is_draft:
        raise ValidationError(_("Báo cáo đã ban hành: không sửa được nữa."))
    values = {k: v for k, v in values.items() if k in REVIEW_FIELDS}
    errors = {}
    if not (values.get("title") or "").strip():
        errors["title"] = _("Hãy nhập trích yếu.")
    if not (values.get("body") or "").strip():
        errors["body"] = _("Hãy nhập nội dung báo cáo.")
    if errors:
        raise ValidationError(errors)
    for name, value in values.items():
        setattr(review, name, value)
    review.save()
    audit.record(actor, "update_review", review, scope_path=review.issuer.path)
    return review


@transaction.atomic
def save_review(actor, review: CampaignReview, *, issue: bool = False, **values) -> CampaignReview:
    """The review page's one action: the officer's edits saved and, with `issue`, the review
    numbered and frozen — in one transaction, so a refused issue (no signer, a tổng kết dated
    before the campaign ends) saves nothing: no half-saved draft, no "Sửa" in its history.
    Works on a fresh copy: the caller's `review` keeps what was stored."""
    fresh = CampaignReview.objects.select_for_update().select_related("campaign", "issuer").get(pk=review.pk)
    fresh = update_review(actor, fresh, **values)
    return issue_review(actor, fresh) if issue else fresh


@transaction.atomic
def issue_review(actor, review: CampaignReview) -> CampaignReview:
    """Number the report from the issuer's register (BC) and freeze it. A refused issuing uses
    no number."""
    review = CampaignReview.objects.select_for_update().select_related("issuer").get(pk=review.pk)
    _check(actor, "reports.issue_review", review)
    if not REVIEW_WORKFLOW.can(review, actor, "issue_review"):
        raise ValidationError(_("Báo cáo đã ban hành."))
    errors = {}
    if not review.issued_on:
        errors["issued_on"] = _("Hãy nhập ngày ban hành.")
    # The letterhead, the place and the signature block it would print (documents' one check).
    errors |= signature_gaps(
        profile_for(review.issuer),
        signer_title=review.signer_title,
        signer_name=review.signer_name,
        place=review.place,
    )
    if errors:
        raise ValidationError(errors)

    review_document.require_basis(review)  # never dated before the plan it reports on
    assert review.issued_on is not None  # refused above without it
    entry = take_number(
        actor, review.issuer, DocType.REPORT, issued_on=review.issued_on, title=review.title, target=review
    )
    REVIEW_WORKFLOW.move(
        review,
        "issue_review",
        actor=actor,
        scope_path=review.issuer.path,
        extra_fields={"register_entry": entry, "updated_at": timezone.now()},
        changes={"number": str(entry)},
    )
    return review
