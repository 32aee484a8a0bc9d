"""Campaigns (phong trào, đợt thi đua) and their plan documents (kế hoạch), deployed down the tree.

A campaign is drafted by a federation (or a CĐCS, for its own implementing plan), edited part by
part, then issued: issuing takes a number from the unit's document register and creates one
`Deployment` per target unit. Each target acknowledges, launches among its members and may issue
its own implementing plan linked to the parent. The plan's parts mirror the seeds: basis
references, sections (purposes, content per bloc, organisation…), the federation's activities,
the window, deadlines, the reward part, recipients and the signer.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from thidua.core.db import PATH_END
from thidua.documents.rendering import title_lines
from thidua.org.models import PERSONAL_ROLES, EmulationCluster, Sector, Unit
from thidua.org.scoping import UnitScopedQuerySet


class CampaignKind(models.TextChoices):
    MOVEMENT = "movement", _("Phong trào thi đua thường xuyên, dài hạn")
    PEAK = "peak", _("Đợt thi đua cao điểm, chuyên đề")
    SPECIAL = "special", _("Phong trào thi đua đặc biệt")
    ANNUAL_THEME = "annual_theme", _("Chủ đề công tác năm")


class CampaignStatus(models.TextChoices):
    DRAFT = "draft", _("Dự thảo")
    ISSUED = "issued", _("Đã ban hành")
    CLOSED = "closed", _("Đã kết thúc")


class TargetMode(models.TextChoices):
    ALL_GRASSROOTS = "all_grassroots", _("Tất cả công đoàn cơ sở trực thuộc")
    SECTOR = "sector", _("Công đoàn cơ sở của một khối")
    CLUSTER = "cluster", _("Các đơn vị của một cụm, khối thi đua")
    PICKED = "picked", _("Các đơn vị được chọn")
    NEXT_LEVEL = "next_level", _("Công đoàn cấp dưới trực tiếp (triển khai tiếp xuống cơ sở)")
    # A CĐCS's own plan reaches people, not units with accounts: its groups (tổ công đoàn), all
    # its members, or nobody below (the executive committee carries it out itself).
    GROUPS = "groups", _("Các tổ công đoàn của đơn vị")
    MEMBERS = "members", _("Toàn thể đoàn viên của đơn vị")
    NONE = "none", _("Không triển khai xuống cấp dưới (Ban Chấp hành tự tổ chức thực hiện)")


# Who a plan reaches depends on its issuer's level (services.set_targets checks it).
FEDERATION_TARGET_MODES = (
    TargetMode.ALL_GRASSROOTS,
    TargetMode.SECTOR,
    TargetMode.CLUSTER,
    TargetMode.PICKED,
    TargetMode.NEXT_LEVEL,
)
GRASSROOTS_TARGET_MODES = (TargetMode.GROUPS, TargetMode.MEMBERS, TargetMode.NONE)


class Procedure(models.TextChoices):
    STANDARD = "standard", _("Thủ tục thông thường")
    SIMPLIFIED = "simplified", _("Thủ tục đơn giản")


class CampaignQuerySet(models.QuerySet):
    def family_of(self, campaign: "Campaign") -> "CampaignQuerySet":
        """The campaign and every plan implementing it, at any depth."""
        return self.filter(lineage__gte=campaign.lineage, lineage__lt=campaign.lineage + PATH_END)

    def visible_to(self, user) -> "CampaignQuerySet":
        """Campaigns a user may read: those issued by a unit in their scope, those deployed to a
        unit in their scope, public ones once issued — drafts only within the issuer's scope, and
        only to roles that act for a unit."""
        if not user.is_authenticated:
            return self.none()
        if user.is_superuser:
            return self.all()
        role = getattr(user, "acting_role", None)
        if role is None:
            return self.none()
        unit = role.unit
        in_scope = models.Q(issuer__path__gte=unit.path, issuer__path__lt=unit.path + PATH_END)
        # Deployed to the acting unit, one of its descendants or one of its ancestors' (a
        # federation sees what was deployed to the units below it).
        deployed = models.Q(
            pk__in=Deployment.objects.filter(unit__path__gte=unit.path, unit__path__lt=unit.path + PATH_END).values(
                "campaign_id"
            )
        )
        public = models.Q(is_public=True)
        issued = ~models.Q(status=CampaignStatus.DRAFT)
        if role.kind in PERSONAL_ROLES:
            # A member's or council member's role reads plans once issued (published to them),
            # never the unit's drafts (docs/reach.md).
            return self.filter(issued & (in_scope | deployed | public))
        return self.filter(in_scope | (issued & (deployed | public)))


class Campaign(models.Model):
    issuer = models.ForeignKey(
        Unit, verbose_name=_("đơn vị ban hành"), on_delete=models.PROTECT, related_name="campaigns"
    )
    kind = models.CharField(_("loại"), max_length=20, choices=CampaignKind.choices, default=CampaignKind.MOVEMENT)
    status = models.CharField(
        _("trạng thái"), max_length=20, choices=CampaignStatus.choices, default=CampaignStatus.DRAFT
    )
    title = models.TextField(
        _("trích yếu"), help_text=_("Dòng dưới chữ KẾ HOẠCH, vd. “Phát động đợt thi đua cao điểm …”.")
    )
    movement_name = models.CharField(_("tên phong trào"), max_length=300, blank=True)
    issuing_body = models.CharField(_("cơ quan ban hành"), max_length=200, default="Ban Thường vụ")
    place = models.CharField(_("địa danh"), max_length=100, blank=True)
    plan_date = models.DateField(_("ngày ban hành"), null=True, blank=True)
    intro = models.TextField(
        _("căn cứ, mở đầu"), blank=True, help_text=_("Đoạn “Thực hiện kế hoạch số … ” ở đầu kế hoạch.")
    )
    closing = models.TextField(_("đoạn kết"), blank=True)
    starts_on = models.DateField(_("thi đua từ ngày"), null=True, blank=True)
    ends_on = models.DateField(_("đến hết ngày"), null=True, blank=True)
    end_condition = models.CharField(
        _("hoặc kết thúc khi"),
        max_length=300,
        blank=True,
        help_text=_("Cho phong trào không có ngày kết thúc, vd. “đến khi tình hình dịch bệnh được kiểm soát”."),
    )
    implements = models.ForeignKey(
        "self",
        verbose_name=_("thực hiện kế hoạch cấp trên"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="implementations",
    )
    is_public = models.BooleanField(_("công khai cho mọi đơn vị"), default=False)
    target_mode = models.CharField(_("triển khai đến"), max_length=20, choices=TargetMode.choices, blank=True)
    target_sector = models.CharField(_("khối"), max_length=20, choices=Sector.choices, blank=True)
    target_cluster = models.ForeignKey(
        EmulationCluster, verbose_name=_("cụm, khối thi đua"), null=True, blank=True, on_delete=models.SET_NULL
    )
    target_units = models.ManyToManyField(Unit, verbose_name=_("đơn vị được chọn"), blank=True, related_name="+")
    # Every paper is filed in its issuer's archive (Nghị định 30/2020, Phụ lục I: "Lưu: VT, …"):
    # a new plan starts with that line, and issuing refuses an emptied Nơi nhận.
    recipients = models.TextField(_("nơi nhận"), blank=True, default="Lưu: VT.", help_text=_("Mỗi dòng một nơi nhận."))
    signer_title = models.CharField(
        _("chức danh người ký"),
        max_length=200,
        blank=True,
        help_text=_("Mỗi dòng một chức danh, vd. “TM. BAN THƯỜNG VỤ / CHỦ TỊCH”."),
    )
    signer_name = models.CharField(_("người ký"), max_length=200, blank=True)
    # "<root id>/<child id>/…/<own id>/": a campaign and every plan implementing it, at any
    # depth, share the prefix — coverage of a city's campaign counts its districts' plans too.
    lineage = models.CharField(max_length=255, editable=False, db_index=True, default="")
    register_entry = models.OneToOneField(
        "documents.RegisterEntry",
        verbose_name=_("số văn bản"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="campaign",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    issued_at = models.DateTimeField(null=True, blank=True)

    objects = CampaignQuerySet.as_manager()

    class Meta:
        verbose_name = _("phong trào, kế hoạch thi đua")
        verbose_name_plural = _("phong trào, kế hoạch thi đua")
        ordering = ["-plan_date", "-id"]

    def __str__(self) -> str:
        return self.movement_name or self.title[:120]

    @property
    def number(self) -> str:
        return str(self.register_entry) if self.register_entry_id else ""

    @property
    def is_draft(self) -> bool:
        return self.status == CampaignStatus.DRAFT

    def recipient_lines(self) -> list[str]:
        return [line.strip() for line in self.recipients.splitlines() if line.strip()]

    def signer_lines(self) -> list[str]:
        return title_lines(self.signer_title)


class DocumentReference(models.Model):
    """A higher-level document the plan implements ("Thực hiện kế hoạch số 107-KH/QU ngày …")."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="references")
    relation = models.CharField(_("quan hệ"), max_length=60, default="Thực hiện")
    doc_kind = models.CharField(_("loại văn bản"), max_length=60, blank=True)
    number = models.CharField(_("số, ký hiệu"), max_length=60, blank=True)
    issued_on = models.DateField(_("ngày"), null=True, blank=True)
    issuer = models.CharField(_("cơ quan ban hành"), max_length=200, blank=True)
    title = models.TextField(_("trích yếu"), blank=True)
    linked_campaign = models.ForeignKey(
        Campaign,
        verbose_name=_("kế hoạch trong hệ thống"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="referenced_by",
    )
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("văn bản căn cứ")
        verbose_name_plural = _("văn bản căn cứ")
        ordering = ["order", "id"]

    def __str__(self) -> str:
        parts = [self.relation, self.doc_kind, f"số {self.number}" if self.number else ""]
        if self.issued_on:
            parts.append(f"ngày {self.issued_on:%d/%m/%Y}")
        if self.issuer:
            parts.append(f"của {self.issuer}")
        return " ".join(p for p in parts if p)


class SectionPart(models.TextChoices):
    PURPOSE = "purpose", _("Mục đích, yêu cầu")
    SUBJECTS = "subjects", _("Đối tượng")
    CONTENT = "content", _("Nội dung thi đua")
    WINDOW = "window", _("Thời gian thi đua")
    MEASURES = "measures", _("Giải pháp, biện pháp")
    REWARD = "reward", _("Khen thưởng")
    # Left empty, the printed plan lists the covenants tied to the campaign (participation).
    COVENANT = "covenant", _("Giao ước thi đua")
    ORGANISATION = "organisation", _("Tổ chức thực hiện")
    OTHER = "other", _("Phần khác")


class PlanSection(models.Model):
    """A numbered part of the plan as the officer writes it (heading + text). Lines starting
    "- " are bullets; the renderer keeps the text as written."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="sections")
    part = models.CharField(_("phần"), max_length=20, choices=SectionPart.choices, default=SectionPart.OTHER)
    heading = models.CharField(_("tiêu đề"), max_length=300)
    body = models.TextField(_("nội dung"), blank=True)
    target_sector = models.CharField(
        _("dành cho khối"),
        max_length=20,
        choices=Sector.choices,
        blank=True,
        help_text=_("Nội dung riêng cho một khối (doanh nghiệp; hành chính, sự nghiệp; trường học)."),
    )
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("mục của kế hoạch")
        verbose_name_plural = _("mục của kế hoạch")
        ordering = ["order", "id"]

    def __str__(self) -> str:
        return self.heading


class Activity(models.Model):
    """The issuer's own activities (contest, seminar, training, dialogue, gifts, inauguration,
    review meeting — seed 000, "3. Liên đoàn Lao động Quận"). A part of the plan's text, edited
    only while the plan is a draft: it has no state of its own (a "done / cancelled" status that
    only a draft could set, and the print ignored, was dropped — issue 19 item 4)."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="activities")
    name = models.CharField(_("hoạt động"), max_length=300)
    planned_on = models.DateField(_("ngày"), null=True, blank=True)
    owner = models.CharField(_("đơn vị, người phụ trách"), max_length=200, blank=True)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("hoạt động")
        verbose_name_plural = _("hoạt động")
        ordering = ["order", "planned_on", "id"]

    def __str__(self) -> str:
        return self.name


class DeadlineQuerySet(models.QuerySet):
    def for_unit(self, unit: Unit) -> "DeadlineQuerySet":
        """Deadlines of the issued campaigns a unit takes part in: deployed to it, or its own."""
        return (
            self.filter(campaign__status=CampaignStatus.ISSUED)
            .filter(models.Q(campaign__deployments__unit=unit) | models.Q(campaign__issuer=unit))
            .distinct()
            .select_related("campaign", "campaign__issuer", "campaign__register_entry")
        )


class Deadline(models.Model):
    """ "Chậm nhất ngày 18/9/2023": the whole of that day in Asia/Ho_Chi_Minh."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="deadlines")
    what = models.CharField(_("việc phải làm"), max_length=300)
    who = models.CharField(_("đơn vị thực hiện"), max_length=200, default="Công đoàn cơ sở")
    due_on = models.DateField(_("hạn chót (hết ngày)"))
    how = models.CharField(_("hình thức gửi"), max_length=300, blank=True)
    order = models.PositiveSmallIntegerField(default=0)

    objects = DeadlineQuerySet.as_manager()

    class Meta:
        verbose_name = _("thời hạn")
        verbose_name_plural = _("thời hạn")
        ordering = ["due_on", "order", "id"]

    def __str__(self) -> str:
        return f"{self.what} — {self.due_on:%d/%m/%Y}"

    def state(self, today) -> str:
        """ "Chậm nhất ngày 18/9/2023" is the whole of that day: overdue only from the next day.
        `today` is the local date in Asia/Ho_Chi_Minh (timezone.localdate())."""
        if today > self.due_on:
            return "overdue"
        if (self.due_on - today).days <= settings.THIDUA_DUE_SOON_DAYS:
            return "due_soon"
        return "upcoming"


class RewardPlan(models.Model):
    """The KHEN THƯỞNG part: who, criteria, quota, dossier, procedure, forms, deadline.
    Lists are one item per line; the awards flow reads them later."""

    campaign = models.OneToOneField(Campaign, on_delete=models.CASCADE, related_name="reward")
    targets = models.TextField(_("đối tượng"), blank=True)
    general_criteria = models.TextField(_("tiêu chuẩn chung"), blank=True)
    collective_criteria = models.TextField(_("tiêu chuẩn tập thể"), blank=True)
    individual_criteria = models.TextField(_("tiêu chuẩn cá nhân"), blank=True)
    quota_rule = models.TextField(_("số lượng"), blank=True)
    dossier = models.TextField(_("hồ sơ gồm"), blank=True)
    procedure = models.CharField(_("thủ tục"), max_length=20, choices=Procedure.choices, default=Procedure.STANDARD)
    award_forms = models.TextField(_("hình thức khen thưởng"), blank=True)
    nomination_due_on = models.DateField(_("hạn gửi hồ sơ"), null=True, blank=True)
    nomination_due_text = models.CharField(_("hoặc ghi chú thời hạn"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("phần khen thưởng")
        verbose_name_plural = _("phần khen thưởng")

    def __str__(self) -> str:
        return f"Khen thưởng — {self.campaign}"


class Responsibility(models.Model):
    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="responsibilities")
    level = models.CharField(_("cấp, đơn vị"), max_length=200)
    body = models.TextField(_("nhiệm vụ"))
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("trách nhiệm")
        verbose_name_plural = _("trách nhiệm")
        ordering = ["order", "id"]

    def __str__(self) -> str:
        return self.level


class CalendarToken(models.Model):
    """The secret address of a person's iCalendar feed (calendar apps cannot log in)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_tokens")
    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="+")
    token = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "unit"], name="campaigns_calendar_once")]

    def __str__(self) -> str:
        return f"{self.user} · {self.unit}"


class DeploymentStatus(models.TextChoices):
    DEPLOYED = "deployed", _("Đã nhận kế hoạch")
    ACKNOWLEDGED = "acknowledged", _("Đã xác nhận")
    LAUNCHED = "launched", _("Đã phát động")


class DeploymentQuerySet(UnitScopedQuerySet):
    """A deployment belongs to the unit it was sent to."""


class Deployment(models.Model):
    """A campaign deployed to one unit: "triển khai đến 100% CĐCS"."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="deployments")
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="deployments")
    via = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="cascaded",
        help_text="The upper-level deployment this one cascades from (next-level targets).",
    )
    status = models.CharField(max_length=20, choices=DeploymentStatus.choices, default=DeploymentStatus.DEPLOYED)
    deployed_at = models.DateTimeField(auto_now_add=True)
    acknowledged_at = models.DateTimeField(null=True, blank=True)
    acknowledged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    launched_on = models.DateField(_("ngày phát động"), null=True, blank=True)
    members_reached = models.PositiveIntegerField(_("số đoàn viên được phổ biến"), null=True, blank=True)
    members_at_launch = models.PositiveIntegerField(null=True, blank=True, editable=False)
    own_plan = models.OneToOneField(
        Campaign,
        verbose_name=_("kế hoạch của đơn vị"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="deployment_answered",
    )

    objects = DeploymentQuerySet.as_manager()

    class Meta:
        verbose_name = _("triển khai")
        verbose_name_plural = _("triển khai")
        constraints = [models.UniqueConstraint(fields=["campaign", "unit"], name="campaigns_deploy_once")]
        indexes = [models.Index(fields=["unit", "status"], name="campaigns_deploy_unit_idx")]

    def __str__(self) -> str:
        return f"{self.campaign} → {self.unit}"
