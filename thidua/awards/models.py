"""Awards (khen thưởng; docs/flows.md flow 6; the KHEN THƯỞNG parts of seeds 000, 002 and 003).

After a campaign's window the federation allocates quotas; each CĐCS nominates collectives
(itself, its groups) and individuals (its members) with a dossier; criteria are checked from
the data where it allows, attested otherwise; the federation's office checks the dossier and
may return it; the award council votes (councils app); the standing committee issues a
numbered decision and certificates; what is beyond the federation's authority is forwarded
to the level above, where the same review continues.

Award kinds, criteria and every figure in them are data (docs/domain.md: the law and the union's
rules change — Luật 06/2022/QH15, Nghị định 152/2025/NĐ-CP, 999/QĐ-TLĐ of 2024).

Where things belong in the tree:
- `Nomination.unit` is the unit that proposes (its path scopes the nomination for the units
  above it); `Nomination.level` is the unit handling it now — the federation first, then the
  level it was forwarded to (like `initiatives.Initiative.level`).
- `Award.unit` is the unit whose subtree sees the award on its record: the awarded unit itself
  for a collective, the member's unit for an individual.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from thidua.campaigns.models import Campaign, Procedure
from thidua.core.db import PATH_END
from thidua.councils.models import CouncilKind, CouncilMember, council_reach
from thidua.org.models import PERSONAL_ROLES, Member, RoleKind, Unit
from thidua.org.scoping import UnitScopedQuerySet


class SubjectKind(models.TextChoices):
    COLLECTIVE = "collective", _("Tập thể")
    INDIVIDUAL = "individual", _("Cá nhân")
    BOTH = "both", _("Tập thể và cá nhân")


class AwardCategory(models.TextChoices):
    STATE_TITLE = "state_title", _("Danh hiệu thi đua (Luật Thi đua, khen thưởng)")
    UNION_TITLE = "union_title", _("Danh hiệu của tổ chức Công đoàn")
    FORM = "form", _("Hình thức khen thưởng (Giấy khen, Bằng khen)")
    PRAISE = "praise", _("Biểu dương")


class AwardKind(models.Model):
    """A title or form of commendation, with the level that issues it ("Giấy khen của LĐLĐ
    quận", "Bằng khen của LĐLĐ thành phố", "Lao động tiên tiến"…). Loaded by the demo from
    `awards.catalogue`, editable by an administrator."""

    code = models.SlugField(_("mã"), max_length=60, unique=True)
    name = models.CharField(_("tên danh hiệu, hình thức"), max_length=300)
    category = models.CharField(_("loại"), max_length=20, choices=AwardCategory.choices)
    subject = models.CharField(_("khen cho"), max_length=12, choices=SubjectKind.choices)
    # The level of the union tree that decides it (org.UnitKind.level: 0 Tổng Liên đoàn, 1 province
    # or central sector union, 2 upper-grassroots union, 3 CĐCS): a nomination for a kind above
    # the handling level's authority is forwarded upwards until it reaches this level.
    issuer_level = models.PositiveSmallIntegerField(
        _("cấp quyết định"),
        null=True,
        blank=True,
        help_text=_(
            "0 = Tổng Liên đoàn, 1 = LĐLĐ tỉnh/TP, 2 = LĐLĐ quận/huyện, 3 = công đoàn cơ sở. Để trống: cấp ban hành kế hoạch."
        ),
    )
    legal_basis = models.CharField(_("căn cứ"), max_length=300, blank=True)
    # Secret-ballot threshold of the award council for this kind, as a fraction of all its
    # members (docs/domain.md: ≥ 90 % for the highest titles under the older decree). Empty: the
    # council's own pass rule.
    pass_numerator = models.PositiveSmallIntegerField(_("tỷ lệ phiếu: tử số"), null=True, blank=True)
    pass_denominator = models.PositiveSmallIntegerField(_("tỷ lệ phiếu: mẫu số"), null=True, blank=True)
    # "Chiến sĩ thi đua cơ sở: at most 15 % of those with Lao động tiên tiến" (docs/domain.md).
    cap_of = models.ForeignKey(
        "self",
        verbose_name=_("giới hạn theo số được"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    cap_percent = models.DecimalField(_("không quá (%)"), max_digits=5, decimal_places=2, null=True, blank=True)
    once_in_life = models.BooleanField(_("chỉ trao một lần"), default=False)
    is_active = models.BooleanField(_("còn sử dụng"), default=True)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("danh hiệu, hình thức khen thưởng")
        verbose_name_plural = _("danh hiệu, hình thức khen thưởng")
        ordering = ["order", "name"]

    def __str__(self) -> str:
        return self.name

    @property
    def for_collectives(self) -> bool:
        return self.subject in (SubjectKind.COLLECTIVE, SubjectKind.BOTH)

    @property
    def for_individuals(self) -> bool:
        return self.subject in (SubjectKind.INDIVIDUAL, SubjectKind.BOTH)


class CriterionKind(models.TextChoices):
    """What a criterion reads. Each kind is evaluated by `awards.eligibility`."""

    MEMBER_RATING = "member_rating", _("Đoàn viên được xếp loại từ mức … trở lên")
    UNIT_RATING = "unit_rating", _("Công đoàn cơ sở được xếp loại từ mức … trở lên")
    INITIATIVE = "initiative", _("Có sáng kiến được công nhận")
    AWARD_STREAK = "award_streak", _("Đạt danh hiệu … liên tục N năm")
    MEMBER_SHARE = "member_share", _("Tỷ lệ đoàn viên đạt danh hiệu … (%)")
    WORK_REPORTED = "work_reported", _("Có công trình, phần việc hoàn thành và báo cáo")
    REPORTS_ON_TIME = "reports_on_time", _("Gửi báo cáo đúng hạn")
    REGISTERED = "registered", _("Đã đăng ký thi đua")
    ATTESTED = "attested", _("Xác nhận kèm minh chứng")


class Criterion(models.Model):
    """A criterion an award kind requires: checked from data, or attested with evidence.

    A criterion belongs to an award kind (the standing rule) or to a campaign and an award kind
    (what a plan adds: seed 002's "có ít nhất 01 công trình, phần việc"). Parameters are data:
    `threshold` is a percentage (MEMBER_SHARE, REPORTS_ON_TIME) or a count (INITIATIVE,
    WORK_REPORTED); `years` a number of consecutive years (AWARD_STREAK); `rating_rank` the
    lowest rating accepted (1 = highest level of the year's scale, so "khá trở lên" is 2);
    `related_kind` the title counted (AWARD_STREAK, MEMBER_SHARE); `strict` turns ≥ into >
    ("trên 50 %", Tập thể lao động tiên tiến)."""

    award_kind = models.ForeignKey(
        AwardKind, verbose_name=_("danh hiệu, hình thức"), on_delete=models.CASCADE, related_name="criteria"
    )
    campaign = models.ForeignKey(
        Campaign,
        verbose_name=_("áp dụng riêng cho kế hoạch"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="award_criteria",
    )
    kind = models.CharField(_("loại tiêu chuẩn"), max_length=20, choices=CriterionKind.choices)
    label = models.CharField(_("tiêu chuẩn"), max_length=500)
    threshold = models.DecimalField(_("ngưỡng"), max_digits=12, decimal_places=2, null=True, blank=True)
    strict = models.BooleanField(_("phải vượt ngưỡng (lớn hơn, không bằng)"), default=False)
    years = models.PositiveSmallIntegerField(_("số năm liên tục"), null=True, blank=True)
    rating_rank = models.PositiveSmallIntegerField(_("xếp loại thấp nhất được chấp nhận"), null=True, blank=True)
    related_kind = models.ForeignKey(
        AwardKind,
        verbose_name=_("danh hiệu được tính"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    source = models.CharField(_("nguồn"), max_length=300, blank=True, help_text=_("Điều luật, văn bản hoặc kế hoạch."))
    is_required = models.BooleanField(_("bắt buộc"), default=True)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("tiêu chuẩn khen thưởng")
        verbose_name_plural = _("tiêu chuẩn khen thưởng")
        ordering = ["award_kind", "order", "id"]

    def __str__(self) -> str:
        return self.label


class CampaignAward(models.Model):
    """An award kind a campaign offers ("hình thức khen thưởng" of the plan), with the date
    its nominations are due (default: the plan's `RewardPlan.nomination_due_on`)."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="award_offers")
    award_kind = models.ForeignKey(AwardKind, verbose_name=_("danh hiệu, hình thức"), on_delete=models.PROTECT)
    due_on = models.DateField(_("hạn gửi hồ sơ"), null=True, blank=True)
    note = models.CharField(_("ghi chú"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("hình thức khen thưởng của kế hoạch")
        verbose_name_plural = _("hình thức khen thưởng của kế hoạch")
        constraints = [models.UniqueConstraint(fields=["campaign", "award_kind"], name="awards_offer_once")]

    def __str__(self) -> str:
        return f"{self.campaign} — {self.award_kind}"


class QuotaQuerySet(UnitScopedQuerySet):
    pass


class Quota(models.Model):
    """How many nominations of a kind a unit may send for a campaign ("số lượng … phân bổ sau
    đợt thi đua", seed 002)."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="award_quotas")
    unit = models.ForeignKey(Unit, verbose_name=_("đơn vị"), on_delete=models.CASCADE, related_name="award_quotas")
    award_kind = models.ForeignKey(AwardKind, verbose_name=_("danh hiệu, hình thức"), on_delete=models.PROTECT)
    count = models.PositiveSmallIntegerField(_("số lượng"))
    allocated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    allocated_at = models.DateTimeField(auto_now=True)

    objects = QuotaQuerySet.as_manager()

    class Meta:
        verbose_name = _("chỉ tiêu khen thưởng")
        verbose_name_plural = _("chỉ tiêu khen thưởng")
        constraints = [models.UniqueConstraint(fields=["campaign", "unit", "award_kind"], name="awards_quota_once")]

    def __str__(self) -> str:
        return f"{self.unit}: {self.count} {self.award_kind}"


class DossierRequirement(models.Model):
    """A document a nomination's dossier must carry (docs/domain.md, "Dossiers and councils").
    Rows without a campaign are the defaults per procedure; a campaign may list its own.
    `generated` documents (tờ trình and its list) are produced by thidua from the data."""

    campaign = models.ForeignKey(
        Campaign, null=True, blank=True, on_delete=models.CASCADE, related_name="dossier_requirements"
    )
    procedure = models.CharField(_("thủ tục"), max_length=20, choices=Procedure.choices)
    code = models.SlugField(_("mã"), max_length=40)
    name = models.CharField(_("tài liệu"), max_length=300)
    subject = models.CharField(_("áp dụng cho"), max_length=12, choices=SubjectKind.choices, blank=True)
    generated = models.BooleanField(_("thidua tự lập"), default=False)
    is_required = models.BooleanField(_("bắt buộc"), default=True)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("thành phần hồ sơ")
        verbose_name_plural = _("thành phần hồ sơ")
        ordering = ["order", "id"]
        constraints = [
            models.UniqueConstraint(fields=["campaign", "procedure", "code"], name="awards_requirement_once"),
        ]

    def __str__(self) -> str:
        return self.name


class NominationStatus(models.TextChoices):
    DRAFT = "draft", _("Đang soạn")
    SUBMITTED = "submitted", _("Đã gửi")
    RETURNED = "returned", _("Trả lại để bổ sung")
    ACCEPTED = "accepted", _("Hồ sơ hợp lệ")
    AT_COUNCIL = "at_council", _("Đang trình Hội đồng")
    RECOMMENDED = "recommended", _("Hội đồng đề nghị khen thưởng")
    NOT_RECOMMENDED = "not_recommended", _("Hội đồng không đề nghị")
    FORWARDED = "forwarded", _("Đã đề nghị cấp trên")
    AWARDED = "awarded", _("Đã khen thưởng")
    WITHDRAWN = "withdrawn", _("Đã rút")


# "One achievement, one form of award" (Luật 06/2022, Điều 5): a subject may have one living
# nomination for a FORM of commendation (Giấy khen, Bằng khen, biểu dương) per campaign, while
# emulation TITLES are separate — the same member may be Lao động tiên tiến and Chiến sĩ thi đua
# cơ sở in the same year, and the latter requires the former. So the limits are: one living
# form per subject and campaign, and one living nomination per subject, campaign and kind.
# Refused or withdrawn ones do not count.
LIVE_STATUSES = [s for s in NominationStatus.values if s not in ("not_recommended", "withdrawn")]
FORM_CATEGORIES = (AwardCategory.FORM, AwardCategory.PRAISE)


class NominationQuerySet(UnitScopedQuerySet):
    """Visible in the proposing unit's subtree, to the level handling it (a forwarded
    nomination appears in the city federation's queue), and to the members of a council that
    has it on a session's agenda (a district's award council sits members of CĐCS below it).

    A plain member (RoleKind.MEMBER) is not an officer: they see their own nominations (as the
    nominee) and those of the collectives they belong to (their group and its CĐCS), never
    another person's — nor, through it, that person's dossier files (core's attachment view
    reads the owner through here). A council member's role (RoleKind.COUNCIL_MEMBER) reads the
    same plus what their council has on its agenda, not the whole queue of its level. The one choke point: rules' `awards.view_nomination` asks
    this queryset."""

    def visible_to(self, user):
        if not user.is_authenticated:
            return self.none()
        if user.is_superuser:
            return self.all()

        seat = council_reach(user, Nomination)
        role = getattr(user, "acting_role", None)
        if role is None:
            return self.filter(seat)
        if role.kind in (RoleKind.MEMBER, RoleKind.COUNCIL_MEMBER):
            # A council member's role gives no reach of its own: they read what their council
            # has on its agenda (the seat), like any member, and nothing else of the subtree.
            return self.filter(self._own_for_member(user) | seat)
        path = role.unit.path
        handled = Q(level__path__gte=path, level__path__lt=path + PATH_END)
        own = Q(unit__path__gte=path, unit__path__lt=path + PATH_END)
        return self.filter(own | handled | seat)

    @staticmethod
    def _own_for_member(user) -> Q:
        """The user's own nominations and those of their collectives: the unit of each of their
        member records and, for a group, the CĐCS above it."""
        units = set()
        for unit_id, parent_id, is_group in Member.objects.filter(user=user).values_list(
            "unit_id", "unit__parent_id", "unit__kind__is_group"
        ):
            units.add(unit_id)
            if is_group and parent_id:
                units.add(parent_id)
        return Q(subject_member__user=user) | Q(subject_unit_id__in=units)


class Nomination(models.Model):
    campaign = models.ForeignKey(
        Campaign, verbose_name=_("kế hoạch"), on_delete=models.PROTECT, related_name="nominations"
    )
    award_kind = models.ForeignKey(AwardKind, verbose_name=_("danh hiệu, hình thức"), on_delete=models.PROTECT)
    unit = models.ForeignKey(
        Unit, verbose_name=_("đơn vị đề nghị"), on_delete=models.PROTECT, related_name="nominations"
    )
    level = models.ForeignKey(
        Unit, verbose_name=_("cấp đang xét"), on_delete=models.PROTECT, related_name="nominations_to_review"
    )
    subject_unit = models.ForeignKey(
        Unit, verbose_name=_("tập thể"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    subject_member = models.ForeignKey(
        Member, verbose_name=_("cá nhân"), null=True, blank=True, on_delete=models.PROTECT, related_name="nominations"
    )
    achievement = models.TextField(_("tóm tắt thành tích"))
    # The kind's category, copied when nominating (AwardKind.category in FORM_CATEGORIES), so the
    # database can hold "one living form per subject and campaign" (a partial unique index).
    is_form = models.BooleanField(_("là hình thức khen thưởng"), default=False, editable=False)
    status = models.CharField(
        _("trạng thái"), max_length=20, choices=NominationStatus.choices, default=NominationStatus.DRAFT
    )
    return_reason = models.TextField(_("lý do trả lại"), blank=True)
    submitted_at = models.DateTimeField(_("thời điểm gửi"), null=True, blank=True)
    forwarded_at = models.DateTimeField(_("thời điểm đề nghị cấp trên"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = NominationQuerySet.as_manager()

    class Meta:
        verbose_name = _("đề nghị khen thưởng")
        verbose_name_plural = _("đề nghị khen thưởng")
        ordering = ["unit__path", "award_kind__order", "id"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(subject_unit__isnull=False) & Q(subject_member__isnull=True))
                | (Q(subject_unit__isnull=True) & Q(subject_member__isnull=False)),
                name="awards_nomination_one_subject",
            ),
            models.UniqueConstraint(
                fields=["campaign", "subject_member"],
                condition=Q(subject_member__isnull=False, is_form=True, status__in=LIVE_STATUSES),
                name="awards_member_one_form_per_campaign",
            ),
            models.UniqueConstraint(
                fields=["campaign", "subject_unit"],
                condition=Q(subject_unit__isnull=False, is_form=True, status__in=LIVE_STATUSES),
                name="awards_unit_one_form_per_campaign",
            ),
            models.UniqueConstraint(
                fields=["campaign", "subject_member", "award_kind"],
                condition=Q(subject_member__isnull=False, status__in=LIVE_STATUSES),
                name="awards_member_kind_once_per_campaign",
            ),
            models.UniqueConstraint(
                fields=["campaign", "subject_unit", "award_kind"],
                condition=Q(subject_unit__isnull=False, status__in=LIVE_STATUSES),
                name="awards_unit_kind_once_per_campaign",
            ),
        ]
        indexes = [models.Index(fields=["campaign", "level", "status"], name="awards_nomination_queue_idx")]

    def __str__(self) -> str:
        return f"{self.award_kind}: {self.subject_name}"

    def save(self, *args, **kwargs):
        if self._state.adding and self.award_kind_id is not None:
            self.is_form = self.award_kind.category in FORM_CATEGORIES
        super().save(*args, **kwargs)

    @property
    def subject_name(self) -> str:
        return self.subject_member.full_name if self.subject_member_id else self.subject_unit.name

    @property
    def is_collective(self) -> bool:
        return self.subject_unit_id is not None


class CheckResult(models.TextChoices):
    MET = "met", _("Đạt")
    NOT_MET = "not_met", _("Chưa đạt")
    ATTESTED = "attested", _("Đơn vị xác nhận")
    MISSING = "missing", _("Chưa có dữ liệu")


class CriterionCheck(models.Model):
    """A criterion's result for a nomination as it stood when the unit sent it (the live
    result is recomputed by `awards.eligibility`; this row is what the council saw)."""

    nomination = models.ForeignKey(Nomination, on_delete=models.CASCADE, related_name="checks")
    criterion = models.ForeignKey(Criterion, on_delete=models.PROTECT, related_name="+")
    result = models.CharField(_("kết quả"), max_length=10, choices=CheckResult.choices)
    detail = models.CharField(_("căn cứ dữ liệu"), max_length=500, blank=True)
    attestation = models.TextField(_("nội dung xác nhận"), blank=True)
    evidence = models.ForeignKey(
        "core.Attachment",
        verbose_name=_("minh chứng"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    checked_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("kết quả đối chiếu tiêu chuẩn")
        verbose_name_plural = _("kết quả đối chiếu tiêu chuẩn")
        constraints = [models.UniqueConstraint(fields=["nomination", "criterion"], name="awards_check_once")]

    def __str__(self) -> str:
        return f"{self.criterion}: {self.get_result_display()}"


class DossierFile(models.Model):
    """A file of a nomination's dossier (báo cáo thành tích, trích biên bản họp…), stored as a
    `core.Attachment` checked by content."""

    nomination = models.ForeignKey(Nomination, on_delete=models.CASCADE, related_name="dossier_files")
    requirement = models.ForeignKey(DossierRequirement, on_delete=models.PROTECT, related_name="+")
    attachment = models.ForeignKey("core.Attachment", on_delete=models.PROTECT, related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("tệp hồ sơ")
        verbose_name_plural = _("tệp hồ sơ")
        ordering = ["requirement__order", "id"]

    def __str__(self) -> str:
        return f"{self.requirement}: {self.attachment}"


class DecisionStatus(models.TextChoices):
    DRAFT = "draft", _("Dự thảo")
    ISSUED = "issued", _("Đã ban hành")


class DecisionQuerySet(UnitScopedQuerySet):
    def readable_by(self, user):
        """Decisions `user` may download: those of their unit's subtree (the issuer and the
        unions above it, drafts included), and issued ones that award someone of their subtree —
        a CĐCS gets the decision naming its people ("Nơi nhận: như Điều 3"), and so do its
        members; a council member reads the issued decisions of the unit whose award council
        they sit on (docs/reach.md). Certificates: `Award.objects.readable_by`. Wider than
        `visible_to`, which keeps the decision's page and print file on the issuer's side."""
        if not user.is_authenticated:
            return self.none()
        if user.is_superuser:
            return self.all()
        role = getattr(user, "acting_role", None)
        if role is None:
            return self.none()
        awards_below = Award.objects.within(role.unit).filter(decision=models.OuterRef("pk"))
        naming_below = self.filter(models.Exists(awards_below), status=DecisionStatus.ISSUED)
        if role.kind == RoleKind.MEMBER:
            # Commendation is public (Luật TĐKT 2022 Đ5): a member reads an issued decision
            # that awards someone of their unit, as it is posted there (docs/reach.md).
            return naming_below
        if role.kind == RoleKind.COUNCIL_MEMBER:
            # What their award council took up: the issued decisions of its unit.

            seated = CouncilMember.objects.filter(
                council__unit=models.OuterRef("unit"), council__kind=CouncilKind.AWARD, member__user=user
            )
            return self.filter(models.Exists(seated), status=DecisionStatus.ISSUED)
        return self.within(role.unit) | naming_below


class Decision(models.Model):
    """Quyết định khen thưởng: issued by the standing committee of `unit` with a register
    number (documents.take_number), listing its awards."""

    unit = models.ForeignKey(
        Unit, verbose_name=_("cấp quyết định"), on_delete=models.PROTECT, related_name="award_decisions"
    )
    campaign = models.ForeignKey(
        Campaign,
        verbose_name=_("kế hoạch"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="award_decisions",
    )
    title = models.TextField(_("trích yếu"))
    status = models.CharField(
        _("trạng thái"), max_length=10, choices=DecisionStatus.choices, default=DecisionStatus.DRAFT
    )
    issued_on = models.DateField(_("ngày ban hành"), null=True, blank=True)
    register_entry = models.OneToOneField(
        "documents.RegisterEntry",
        verbose_name=_("số văn bản"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="award_decision",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = DecisionQuerySet.as_manager()

    class Meta:
        verbose_name = _("quyết định khen thưởng")
        verbose_name_plural = _("quyết định khen thưởng")
        ordering = ["-issued_on", "-id"]

    def __str__(self) -> str:
        return str(self.register_entry) if self.register_entry_id else str(_("Dự thảo quyết định"))

    @property
    def number(self) -> str:
        return str(self.register_entry) if self.register_entry_id else ""


class AwardQuerySet(UnitScopedQuerySet):
    def readable_by(self, user):
        """Awards whose certificate `user` may download: those on the record of their unit's
        subtree (for the unions' officers), and their own (a member, whatever role they act in)."""
        if not user.is_authenticated:
            return self.none()
        if user.is_superuser:
            return self.all()
        own = self.filter(member__user=user)
        role = getattr(user, "acting_role", None)
        if role is None or role.kind in PERSONAL_ROLES:
            return own
        return own | self.within(role.unit)


class Award(models.Model):
    """An award on someone's record: from an issued decision here, or entered from an earlier
    paper decision (`decision` empty, `source` says which) so that later criteria — "Lao động
    tiên tiến 3 năm liên tục" — can read it."""

    award_kind = models.ForeignKey(AwardKind, verbose_name=_("danh hiệu, hình thức"), on_delete=models.PROTECT)
    year = models.PositiveSmallIntegerField(_("năm"))
    decision = models.ForeignKey(
        Decision, verbose_name=_("quyết định"), null=True, blank=True, on_delete=models.PROTECT, related_name="awards"
    )
    campaign = models.ForeignKey(
        Campaign, verbose_name=_("kế hoạch"), null=True, blank=True, on_delete=models.PROTECT, related_name="awards"
    )
    nomination = models.OneToOneField(Nomination, null=True, blank=True, on_delete=models.PROTECT, related_name="award")
    unit = models.ForeignKey(Unit, verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="awards")
    member = models.ForeignKey(
        Member, verbose_name=_("cá nhân"), null=True, blank=True, on_delete=models.PROTECT, related_name="awards"
    )
    # As printed on the decision and the certificate, kept as issued even if the record is
    # renamed later; also the honour roll's figures (small collectives, direct workers).
    name = models.CharField(_("tên tập thể, cá nhân"), max_length=300)
    position = models.CharField(_("chức vụ, đơn vị"), max_length=300, blank=True)
    achievement = models.TextField(_("thành tích"), blank=True)
    is_direct_worker = models.BooleanField(_("công nhân lao động trực tiếp"), default=False)
    is_small_collective = models.BooleanField(_("tập thể nhỏ"), default=False)
    source = models.CharField(_("nguồn (quyết định giấy)"), max_length=300, blank=True)
    order = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = AwardQuerySet.as_manager()

    class Meta:
        verbose_name = _("khen thưởng")
        verbose_name_plural = _("khen thưởng")
        ordering = ["-year", "order", "id"]
        indexes = [
            models.Index(fields=["member", "award_kind", "year"], name="awards_member_kind_year_idx"),
            models.Index(fields=["unit", "award_kind", "year"], name="awards_unit_kind_year_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.name} — {self.award_kind} ({self.year})"

    @property
    def is_collective(self) -> bool:
        return self.member_id is None
