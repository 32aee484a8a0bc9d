"""Report forms (biểu mẫu báo cáo) with their indicators, the periods they are due for, and each
unit's submission with every version it sent.

A form is issued by a federation: one-off, attached to a campaign with its due date ("báo cáo
kết quả … chậm nhất ngày 18/9/2023", seed 000), or periodic (quarter, half-year, year) with a
due rule ("trước ngày 15 tháng cuối quý", seed 004). Publishing it opens the current period and
writes one `Submission` row per unit that must report, so the status board is a plain scan of
those rows — on time, late, missing, returned — and reminders have a row to hang on.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from thidua.org.models import EmulationCluster, Sector, Unit
from thidua.org.scoping import UnitScopedQuerySet, reach_unit
from thidua.reports import due


class Period(models.TextChoices):
    ONCE = due.ONCE, _("Một lần (theo kế hoạch)")
    QUARTER = due.QUARTER, _("Hằng quý")
    HALF = due.HALF, _("6 tháng")
    YEAR = due.YEAR, _("Hằng năm")


class DueRuleKind(models.TextChoices):
    LAST_MONTH_DAY = due.LAST_MONTH_DAY, _("Một ngày của tháng cuối kỳ")
    AFTER_END = due.AFTER_END, _("Số ngày sau khi kết thúc kỳ")


class Targets(models.TextChoices):
    ALL_GRASSROOTS = "all_grassroots", _("Tất cả công đoàn cơ sở trực thuộc")
    SECTOR = "sector", _("Công đoàn cơ sở của một khối")
    CLUSTER = "cluster", _("Các đơn vị của một cụm, khối thi đua")


class FormStatus(models.TextChoices):
    """Moved only by reports.services.FORM_WORKFLOW (a "closed" state no code reached was dropped)."""

    DRAFT = "draft", _("Đang soạn")
    PUBLISHED = "published", _("Đã gửi các đơn vị")


class ReportFormQuerySet(UnitScopedQuerySet):
    """Forms issued in the user's scope and, beyond the shared rule, published forms that units
    of the scope report on (a district sees the city's form its CĐCS fill in)."""

    unit_field = "issuer"

    def visible_to(self, user) -> "ReportFormQuerySet":
        if not user.is_authenticated:
            return self.none()
        if user.is_superuser:
            return self.all()
        unit = reach_unit(user)
        if unit is None:
            return self.none()  # a member's or council member's role (docs/reach.md)
        # EXISTS per form, not IN over the scope's submissions: a district's reports of every
        # period (2,000+ rows) were read for each status board opened (issue 18, boards).
        reported = models.Exists(
            Submission.objects.within(unit).filter(period__form=models.OuterRef("pk"))
        ) & ~models.Q(status=FormStatus.DRAFT)
        return self.within(unit) | self.filter(reported)


class ReportForm(models.Model):
    issuer = models.ForeignKey(Unit, verbose_name=_("đơn vị ban hành"), on_delete=models.PROTECT, related_name="+")
    title = models.CharField(_("tên báo cáo"), max_length=300)
    description = models.TextField(_("hướng dẫn"), blank=True)
    period = models.CharField(_("kỳ báo cáo"), max_length=10, choices=Period.choices, default=Period.QUARTER)
    campaign = models.ForeignKey(
        "campaigns.Campaign",
        verbose_name=_("kế hoạch, phong trào"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="report_forms",
    )
    due_on = models.DateField(_("hạn nộp (hết ngày)"), null=True, blank=True, help_text=_("Cho báo cáo một lần."))
    due_rule = models.CharField(
        _("cách tính hạn nộp"), max_length=20, choices=DueRuleKind.choices, default=DueRuleKind.LAST_MONTH_DAY
    )
    due_day = models.PositiveSmallIntegerField(
        _("ngày"), default=15, help_text=_("Ngày của tháng cuối kỳ, hoặc số ngày sau khi kết thúc kỳ.")
    )
    due_before = models.BooleanField(
        _("nộp trước ngày đó"), default=True, help_text=_("“Trước ngày 15”: hạn chót là hết ngày 14.")
    )
    shift_weekend = models.BooleanField(_("hạn rơi vào thứ Bảy, Chủ nhật thì lùi sang thứ Hai"), default=False)
    targets = models.CharField(
        _("đơn vị phải báo cáo"), max_length=20, choices=Targets.choices, default=Targets.ALL_GRASSROOTS
    )
    target_sector = models.CharField(_("khối"), max_length=20, choices=Sector.choices, blank=True)
    target_cluster = models.ForeignKey(
        EmulationCluster, verbose_name=_("cụm, khối thi đua"), null=True, blank=True, on_delete=models.SET_NULL
    )
    remind_before_days = models.PositiveSmallIntegerField(_("nhắc trước hạn (ngày)"), default=3)
    remind_after_days = models.PositiveSmallIntegerField(_("nhắc sau hạn (ngày)"), default=2)
    status = models.CharField(_("trạng thái"), max_length=20, choices=FormStatus.choices, default=FormStatus.DRAFT)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    published_at = models.DateTimeField(null=True, blank=True)

    objects = ReportFormQuerySet.as_manager()

    class Meta:
        verbose_name = _("biểu mẫu báo cáo")
        verbose_name_plural = _("biểu mẫu báo cáo")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.title

    @property
    def rule(self) -> due.DueRule:
        return due.DueRule(self.due_rule, self.due_day, self.due_before, self.shift_weekend)

    def rule_text(self) -> str:
        if self.period == Period.ONCE:
            return f"chậm nhất ngày {self.due_on:%d/%m/%Y}" if self.due_on else ""
        return due.describe(self.rule, self.period)


class IndicatorKind(models.TextChoices):
    NUMBER = "number", _("Số nguyên")
    PERCENT = "percent", _("Tỷ lệ (%)")
    YES_NO = "yes_no", _("Có / Không")
    TEXT = "text", _("Văn bản")
    FILE = "file", _("Tệp đính kèm")


class Aggregation(models.TextChoices):
    SUM = "sum", _("Cộng tổng")
    AVERAGE = "average", _("Trung bình")
    SHARE_YES = "share_yes", _("Tỷ lệ đơn vị trả lời “Có”")
    NONE = "none", _("Không tổng hợp")


class Source(models.TextChoices):
    """Figures thidua already holds: the form offers them filled in, the unit confirms them."""

    NONE = "", _("Đơn vị tự nhập")
    MEMBERS = "members", _("Số đoàn viên của đơn vị")
    MEMBERS_REACHED = "members_reached", _("Số đoàn viên được phổ biến kế hoạch")
    WORKS_COMPLETED = "works_completed", _("Số công trình, phần việc đã hoàn thành")
    MODELS = "models", _("Số mô hình đã đăng ký")


NUMERIC_KINDS = frozenset({IndicatorKind.NUMBER, IndicatorKind.PERCENT})


class Indicator(models.Model):
    form = models.ForeignKey(ReportForm, on_delete=models.CASCADE, related_name="indicators")
    label = models.CharField(_("chỉ tiêu"), max_length=300)
    kind = models.CharField(_("kiểu"), max_length=10, choices=IndicatorKind.choices, default=IndicatorKind.NUMBER)
    aggregation = models.CharField(_("tổng hợp"), max_length=10, choices=Aggregation.choices, default=Aggregation.SUM)
    required = models.BooleanField(_("bắt buộc"), default=True)
    source = models.CharField(_("tự điền từ"), max_length=20, choices=Source.choices, blank=True, default="")
    not_above = models.ForeignKey(
        "self",
        verbose_name=_("không lớn hơn chỉ tiêu"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Vd. “số đoàn viên được phổ biến” không lớn hơn “tổng số đoàn viên”."),
    )
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("chỉ tiêu báo cáo")
        verbose_name_plural = _("chỉ tiêu báo cáo")
        ordering = ["order", "id"]

    def __str__(self) -> str:
        return self.label

    @property
    def field_name(self) -> str:
        return f"i{self.pk}"

    @property
    def is_numeric(self) -> bool:
        return self.kind in NUMERIC_KINDS


class ReportPeriodQuerySet(models.QuerySet):
    def visible_to(self, user) -> "ReportPeriodQuerySet":
        return self.filter(form__in=ReportForm.objects.visible_to(user))


class ReportPeriod(models.Model):
    form = models.ForeignKey(ReportForm, on_delete=models.CASCADE, related_name="periods")
    label = models.CharField(_("kỳ"), max_length=100)
    starts_on = models.DateField(_("từ ngày"))
    ends_on = models.DateField(_("đến ngày"))
    due_on = models.DateField(_("hạn nộp (hết ngày)"))
    opened_at = models.DateTimeField(auto_now_add=True)

    objects = ReportPeriodQuerySet.as_manager()

    class Meta:
        verbose_name = _("kỳ báo cáo")
        verbose_name_plural = _("kỳ báo cáo")
        ordering = ["-starts_on", "-id"]
        constraints = [models.UniqueConstraint(fields=["form", "starts_on"], name="reports_period_once")]
        indexes = [models.Index(fields=["due_on"], name="reports_period_due_idx")]

    def __str__(self) -> str:
        return f"{self.form} — {self.label}"


class SubmissionStatus(models.TextChoices):
    PENDING = "pending", _("Chưa nộp")
    DRAFT = "draft", _("Đang soạn")
    SUBMITTED = "submitted", _("Đã nộp")
    RETURNED = "returned", _("Bị trả lại")
    ACCEPTED = "accepted", _("Đã tiếp nhận")


SENT = (SubmissionStatus.SUBMITTED, SubmissionStatus.ACCEPTED)


class SubmissionQuerySet(UnitScopedQuerySet):
    """A CĐCS sees its own submissions; a federation those of its subtree."""


class Submission(models.Model):
    """What one unit owes for one period, and where it stands. The current answers are the
    `Answer` rows; each submit freezes them into a `SubmissionVersion`."""

    period = models.ForeignKey(ReportPeriod, on_delete=models.CASCADE, related_name="submissions")
    unit = models.ForeignKey(Unit, verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="+")
    status = models.CharField(
        _("tình trạng"), max_length=20, choices=SubmissionStatus.choices, default=SubmissionStatus.PENDING
    )
    submitted_at = models.DateTimeField(_("nộp lúc"), null=True, blank=True)
    # Lateness is decided by the first sending: a report sent on time, returned for correction
    # and sent again after the due day stays on time (the office asked for the fix). The
    # versions keep each sending's own moment.
    first_submitted_at = models.DateTimeField(_("nộp lần đầu lúc"), null=True, blank=True)
    is_late = models.BooleanField(_("nộp muộn"), default=False)
    version = models.PositiveSmallIntegerField(_("lần nộp"), default=0)
    return_reason = models.TextField(_("lý do trả lại"), blank=True)
    reviewed_at = models.DateTimeField(null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = SubmissionQuerySet.as_manager()

    class Meta:
        verbose_name = _("báo cáo của đơn vị")
        verbose_name_plural = _("báo cáo của đơn vị")
        constraints = [models.UniqueConstraint(fields=["period", "unit"], name="reports_submission_once")]
        indexes = [models.Index(fields=["period", "status"], name="reports_submission_status_idx")]

    def __str__(self) -> str:
        return f"{self.period} · {self.unit}"

    @property
    def is_sent(self) -> bool:
        return self.status in SENT

    @property
    def is_resent(self) -> bool:
        """Sent again after a return."""
        return self.version > 1


class Answer(models.Model):
    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="answers")
    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="answers")
    number = models.DecimalField(max_digits=16, decimal_places=2, null=True, blank=True)
    flag = models.BooleanField(null=True, blank=True)
    text = models.TextField(blank=True)
    attachment = models.ForeignKey(
        "core.Attachment", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # What thidua's own data said when the form was filled in: kept beside the confirmed value.
    auto_value = models.DecimalField(max_digits=16, decimal_places=2, null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["submission", "indicator"], name="reports_answer_once")]

    def __str__(self) -> str:
        return f"{self.indicator}: {self.display()}"

    def display(self) -> str:
        if self.indicator.kind == IndicatorKind.YES_NO:
            return "" if self.flag is None else str(_("Có") if self.flag else _("Không"))
        if self.indicator.kind == IndicatorKind.FILE:
            return self.attachment.original_name if self.attachment_id else ""
        if self.number is not None:
            return number_text(self.number)
        return self.text


def number_text(value) -> str:
    """ "1.250" or "87,5": Vietnamese groups thousands with dots and writes decimals with a comma."""
    if value is None:
        return ""
    if value == int(value):
        return f"{int(value):,}".replace(",", ".")
    return f"{float(value):,.1f}".replace(",", " ").replace(".", ",").replace(" ", ".")


class SubmissionVersion(models.Model):
    """One sent version, frozen: a returned report sent again keeps the earlier ones."""

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveSmallIntegerField()
    submitted_at = models.DateTimeField()
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    is_late = models.BooleanField(default=False)
    # [{"indicator": id, "label": …, "value": display text, "number": …, "flag": …, "attachment": id}]
    answers = models.JSONField(default=list)

    class Meta:
        ordering = ["-number"]
        constraints = [models.UniqueConstraint(fields=["submission", "number"], name="reports_version_once")]

    def __str__(self) -> str:
        return f"{self.submission} #{self.number}"


class ReminderKind(models.TextChoices):
    BEFORE = "before", _("Nhắc trước hạn")
    AFTER = "after", _("Nhắc quá hạn")
    # Sent by an officer from the status board ("Nhắc các đơn vị chưa nộp"), on the day pressed.
    BY_OFFICER = "by_officer", _("Cán bộ nhắc")


class Reminder(models.Model):
    """A reminder sent for one submission: the row is both the in-app notice and the proof it
    went out. (submission, kind, scheduled day) is unique, so a second run of the command, or a
    run after a crash, cannot send it again."""

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="reminders")
    kind = models.CharField(max_length=10, choices=ReminderKind.choices)
    on_date = models.DateField()
    created_at = models.DateTimeField(auto_now_add=True)
    recipients = models.TextField(blank=True)
    # Who pressed "Nhắc các đơn vị chưa nộp"; empty for the automatic reminders of the schedule.
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [models.UniqueConstraint(fields=["submission", "kind", "on_date"], name="reports_reminder_once")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} · {self.submission}"


class ReviewKind(models.TextChoices):
    INTERIM = "interim", _("Sơ kết")
    FINAL = "final", _("Tổng kết")


class ReviewStatus(models.TextChoices):
    """Moved only by reports.services.REVIEW_WORKFLOW."""

    DRAFT = "draft", _("Dự thảo")
    ISSUED = "issued", _("Đã ban hành")


class CampaignReviewQuerySet(UnitScopedQuerySet):
    """A review belongs to the unit that issues it."""

    unit_field = "issuer"


class CampaignReview(models.Model):
    """The report of a campaign's interim or final review (báo cáo sơ kết, tổng kết): drafted
    with the figures thidua holds, edited by the officer, issued with a register number."""

    campaign = models.ForeignKey("campaigns.Campaign", on_delete=models.PROTECT, related_name="reviews")
    issuer = models.ForeignKey(Unit, verbose_name=_("đơn vị ban hành"), on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(_("loại"), max_length=10, choices=ReviewKind.choices, default=ReviewKind.FINAL)
    status = models.CharField(_("trạng thái"), max_length=10, choices=ReviewStatus.choices, default=ReviewStatus.DRAFT)
    # The stretch of the campaign the review covers ("sơ kết 6 tháng đầu năm"): its figures are
    # counted between these days when they are given, else over the whole campaign.
    covers_from = models.DateField(_("số liệu từ ngày"), null=True, blank=True)
    covers_to = models.DateField(_("đến ngày"), null=True, blank=True)
    title = models.TextField(_("trích yếu"))
    body = models.TextField(_("nội dung"), help_text=_("Dòng bắt đầu bằng “- ” là một gạch đầu dòng."))
    place = models.CharField(_("địa danh"), max_length=100, blank=True)
    issued_on = models.DateField(_("ngày ban hành"), null=True, blank=True)
    recipients = models.TextField(_("nơi nhận"), blank=True, help_text=_("Mỗi dòng một nơi nhận."))
    signer_title = models.CharField(_("chức danh người ký"), max_length=200, blank=True)
    signer_name = models.CharField(_("người ký"), max_length=200, blank=True)
    register_entry = models.OneToOneField(
        "documents.RegisterEntry", null=True, blank=True, on_delete=models.PROTECT, related_name="campaign_review"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = CampaignReviewQuerySet.as_manager()

    class Meta:
        verbose_name = _("báo cáo sơ kết, tổng kết")
        verbose_name_plural = _("báo cáo sơ kết, tổng kết")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.title[:120]

    @property
    def is_draft(self) -> bool:
        return self.status == ReviewStatus.DRAFT


class RollupTally(models.Model):
    """What the sent reports of one unit's whole subtree (the unit included) say for one
    period, kept exact by reports.tallies on every submit and return, so the roll-up of a
    province or of the country reads one row per child instead of every report below it.

    One row per (period, unit, indicator, shard); `indicator_pk` 0 holds the number of reports
    sent (in `count`); for an indicator, `count` is the reports with a number for it, `total`
    their sum, `yes`/`flagged` the yes-answers and the yes-or-no answers. A unit's figure is the
    sum of its shards: a report adds to shard `tallies.shard_of(unit_id)` of its reporting unit,
    so reports sent at the same moment rarely wait on the same ancestor row (reports.tallies).
    `unit_path` and `depth` are copies of the unit's, moved by core.tree when units move or merge."""

    period = models.ForeignKey(ReportPeriod, on_delete=models.CASCADE, related_name="+")
    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="+")
    unit_path = models.CharField(max_length=255)
    depth = models.PositiveSmallIntegerField()
    indicator_pk = models.IntegerField(default=0)
    count = models.IntegerField(default=0)
    total = models.DecimalField(max_digits=20, decimal_places=2, default=0)
    yes = models.IntegerField(default=0)
    flagged = models.IntegerField(default=0)
    shard = models.PositiveSmallIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["period", "unit", "indicator_pk", "shard"], name="reports_tally_shard_key"),
        ]
        indexes = [
            # The children of a unit for a period: one range of this index.
            models.Index(fields=["period", "depth", "unit_path"], name="reports_tally_children_idx"),
            models.Index(fields=["unit_path"], name="reports_tally_path_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.period_id} {self.unit_path} #{self.indicator_pk}/{self.shard}: {self.count}"
