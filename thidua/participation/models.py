"""What units and members do during a campaign (docs/flows.md flow 3): register (đăng ký thi đua),
sign covenants in their cluster (giao ước), register models ("Dân vận khéo"), register works
(công trình, phần việc) and send their evidence (tin bài, hình ảnh) by the deadline.

Everything belongs to one unit, so it is scoped by that unit's tree path like the rest of
thidua. Late items are kept and flagged, never refused: the federation decides what to do with
them. "Late" is decided once, when the item arrives, by the local date in Asia/Ho_Chi_Minh.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from thidua.campaigns.models import Campaign
from thidua.core.db import PATH_END
from thidua.org.models import EmulationCluster, Member, Unit
from thidua.org.rules import MEMBER_READER_ROLES
from thidua.org.scoping import UnitScopedQuerySet


class Part(models.TextChoices):
    REGISTRATION = "registration", _("Đăng ký thi đua")
    WORK = "work", _("Công trình, phần việc")
    MODEL = "model", _("Mô hình “Dân vận khéo”")
    COVENANT = "covenant", _("Ký kết giao ước thi đua")


class DueDate(models.Model):
    """The day by which units send one part for a campaign ("chậm nhất trước ngày 15/9/2023"),
    the whole of that day in Asia/Ho_Chi_Minh. Without one, the emulation window's end counts."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="participation_due_dates")
    part = models.CharField(_("phần việc"), max_length=20, choices=Part.choices)
    due_on = models.DateField(_("hạn chót (hết ngày)"))

    class Meta:
        verbose_name = _("thời hạn tham gia")
        verbose_name_plural = _("thời hạn tham gia")
        constraints = [models.UniqueConstraint(fields=["campaign", "part"], name="participation_due_once")]

    def __str__(self) -> str:
        return f"{self.get_part_display()} — {self.due_on:%d/%m/%Y}"


# --- works (công trình, phần việc; seed 000) -------------------------------------------------


class WorkStatus(models.TextChoices):
    REGISTERED = "registered", _("Đã đăng ký")
    COMPLETED = "completed", _("Đã hoàn thành")
    INAUGURATED = "inaugurated", _("Đã khánh thành")


class WorkQuerySet(UnitScopedQuerySet):
    pass


class Work(models.Model):
    campaign = models.ForeignKey(Campaign, on_delete=models.PROTECT, related_name="works")
    unit = models.ForeignKey(Unit, verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="works")
    name = models.CharField(_("tên công trình, phần việc"), max_length=300)
    value = models.DecimalField(
        _("giá trị (đồng)"), max_digits=15, decimal_places=0, null=True, blank=True, help_text=_("Có thể bỏ trống.")
    )
    planned_on = models.DateField(_("dự kiến hoàn thành"), null=True, blank=True)
    description = models.TextField(_("mô tả"), blank=True)
    status = models.CharField(_("tình trạng"), max_length=20, choices=WorkStatus.choices, default=WorkStatus.REGISTERED)
    completed_on = models.DateField(_("ngày hoàn thành"), null=True, blank=True)
    inaugurated_on = models.DateField(_("ngày khánh thành"), null=True, blank=True)
    # Kept by participation.services, so a province's overview sums columns instead of joining
    # every article and photo of 5,000 CĐCS.
    article_count = models.PositiveIntegerField(default=0, editable=False)
    photo_count = models.PositiveIntegerField(default=0, editable=False)
    late_count = models.PositiveIntegerField(default=0, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("ngày đăng ký"), auto_now_add=True)

    objects = WorkQuerySet.as_manager()

    class Meta:
        verbose_name = _("công trình, phần việc")
        verbose_name_plural = _("công trình, phần việc")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["campaign", "unit"], name="participation_work_unit_idx")]

    def __str__(self) -> str:
        return self.name

    @property
    def value_text(self) -> str:
        """ "150.000.000": Vietnamese groups thousands with dots (Django's vi format does not group)."""
        return f"{int(self.value):,}".replace(",", ".") if self.value is not None else ""


class EvidenceKind(models.TextChoices):
    ARTICLE = "article", _("Tin bài")
    PHOTO = "photo", _("Hình ảnh")


class EvidenceQuerySet(UnitScopedQuerySet):
    unit_field = "work__unit"


class Evidence(models.Model):
    """A news article (a link) or a photo (a validated attachment) sent for a work."""

    work = models.ForeignKey(Work, on_delete=models.CASCADE, related_name="evidence")
    kind = models.CharField(_("loại"), max_length=10, choices=EvidenceKind.choices)
    url = models.URLField(_("đường dẫn bài viết"), max_length=500, blank=True)
    title = models.CharField(_("tiêu đề"), max_length=300, blank=True)
    attachment = models.OneToOneField(
        "core.Attachment", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    submitted_at = models.DateTimeField(_("thời điểm gửi"))
    is_late = models.BooleanField(_("gửi muộn"), default=False)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = EvidenceQuerySet.as_manager()

    class Meta:
        verbose_name = _("tin bài, hình ảnh")
        verbose_name_plural = _("tin bài, hình ảnh")
        ordering = ["submitted_at", "id"]

    def __str__(self) -> str:
        return self.title or self.url or str(self.get_kind_display())


# --- registrations (đăng ký thi đua) ---------------------------------------------------------


class RegistrationQuerySet(UnitScopedQuerySet):
    pass


class Registration(models.Model):
    """A CĐCS's pledge for a campaign, with its targets (chỉ tiêu)."""

    campaign = models.ForeignKey(Campaign, on_delete=models.PROTECT, related_name="registrations")
    unit = models.ForeignKey(Unit, verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="registrations")
    targets = models.TextField(_("nội dung, chỉ tiêu đăng ký"), help_text=_("Mỗi dòng một chỉ tiêu."))
    registered_at = models.DateTimeField(_("thời điểm đăng ký"))
    is_late = models.BooleanField(_("đăng ký muộn"), default=False)
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        verbose_name = _("đăng ký thi đua")
        verbose_name_plural = _("đăng ký thi đua")
        constraints = [models.UniqueConstraint(fields=["campaign", "unit"], name="participation_register_once")]

    def __str__(self) -> str:
        return f"{self.unit} · {self.campaign}"

    def target_lines(self) -> list[str]:
        return [line.strip() for line in self.targets.splitlines() if line.strip()]


class EmulationTitle(models.Model):
    """A title a member may aim for (Lao động tiên tiến, Chiến sĩ thi đua cơ sở…): data, since
    the law and the union's rules change (docs/domain.md)."""

    code = models.SlugField(_("mã"), max_length=40, unique=True)
    name = models.CharField(_("danh hiệu"), max_length=200)
    is_active = models.BooleanField(_("còn sử dụng"), default=True)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("danh hiệu thi đua")
        verbose_name_plural = _("danh hiệu thi đua")
        ordering = ["order", "name"]

    def __str__(self) -> str:
        return self.name


class TitleRegistrationQuerySet(UnitScopedQuerySet):
    unit_field = "member__unit"

    def visible_to(self, user):
        role = getattr(user, "acting_role", None)
        # A plain member sees only their own registrations.
        if (
            user.is_authenticated
            and not user.is_superuser
            and role is not None
            and role.kind not in MEMBER_READER_ROLES
        ):
            return self.filter(member__user=user)
        return super().visible_to(user)


class TitleRegistration(models.Model):
    """A member's registration, at the start of a year, for a title they aim at."""

    year = models.PositiveSmallIntegerField(_("năm"))
    member = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="title_registrations")
    title = models.ForeignKey(EmulationTitle, verbose_name=_("danh hiệu"), on_delete=models.PROTECT)
    registered_at = models.DateTimeField(_("thời điểm đăng ký"), auto_now_add=True)
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    by_unit = models.BooleanField(_("do công đoàn cơ sở đăng ký"), default=False)

    objects = TitleRegistrationQuerySet.as_manager()

    class Meta:
        verbose_name = _("đăng ký danh hiệu")
        verbose_name_plural = _("đăng ký danh hiệu")
        constraints = [
            models.UniqueConstraint(fields=["year", "member", "title"], name="participation_title_once"),
        ]
        indexes = [models.Index(fields=["year", "member"], name="participation_title_year_idx")]

    def __str__(self) -> str:
        return f"{self.year}: {self.member} — {self.title}"


# --- models ("Dân vận khéo", seed 004) ------------------------------------------------------


class ModelProjectQuerySet(UnitScopedQuerySet):
    pass


class ModelProject(models.Model):
    campaign = models.ForeignKey(Campaign, on_delete=models.PROTECT, related_name="model_projects")
    unit = models.ForeignKey(Unit, verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="model_projects")
    name = models.CharField(_("tên mô hình"), max_length=300)
    field = models.CharField(_("lĩnh vực"), max_length=200)
    description = models.TextField(_("mô tả, cách làm"), blank=True)
    results = models.TextField(_("kết quả đạt được"), blank=True)
    registered_at = models.DateTimeField(_("thời điểm đăng ký"))
    is_late = models.BooleanField(_("đăng ký muộn"), default=False)
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = ModelProjectQuerySet.as_manager()

    class Meta:
        verbose_name = _("mô hình “Dân vận khéo”")
        verbose_name_plural = _("mô hình “Dân vận khéo”")
        ordering = ["registered_at", "id"]

    def __str__(self) -> str:
        return self.name


# --- covenants (giao ước thi đua, seed 003) -------------------------------------------------


class CovenantQuerySet(models.QuerySet):
    def visible_to(self, user):
        """The covenants of clusters organised in the user's subtree, or holding a unit of it."""
        if not user.is_authenticated:
            return self.none()
        if user.is_superuser:
            return self.all()
        role = getattr(user, "acting_role", None)
        if role is None:
            return self.none()
        lo, hi = role.unit.path, role.unit.path + PATH_END
        parties = CovenantParty.objects.filter(unit__path__gte=lo, unit__path__lt=hi).values("covenant_id")
        return self.filter(
            models.Q(cluster__organiser__path__gte=lo, cluster__organiser__path__lt=hi) | models.Q(pk__in=parties)
        )


class Covenant(models.Model):
    cluster = models.ForeignKey(
        EmulationCluster, verbose_name=_("cụm, khối thi đua"), on_delete=models.PROTECT, related_name="covenants"
    )
    campaign = models.ForeignKey(
        Campaign,
        verbose_name=_("phong trào"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="covenants",
    )
    year = models.PositiveSmallIntegerField(_("năm"))
    title = models.CharField(_("tên giao ước"), max_length=300)
    content = models.TextField(_("nội dung giao ước"))
    targets = models.TextField(_("chỉ tiêu"), blank=True, help_text=_("Mỗi dòng một chỉ tiêu."))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = CovenantQuerySet.as_manager()

    class Meta:
        verbose_name = _("giao ước thi đua")
        verbose_name_plural = _("giao ước thi đua")
        ordering = ["-year", "title"]

    def __str__(self) -> str:
        return self.title

    def target_lines(self) -> list[str]:
        return [line.strip() for line in self.targets.splitlines() if line.strip()]


class PartyStatus(models.TextChoices):
    PENDING = "pending", _("Chưa ký")
    SIGNED = "signed", _("Đã ký")


class CovenantPartyQuerySet(UnitScopedQuerySet):
    pass


class CovenantParty(models.Model):
    """A unit of the cluster that is to sign the covenant, and its signature (who, when)."""

    covenant = models.ForeignKey(Covenant, on_delete=models.CASCADE, related_name="parties")
    unit = models.ForeignKey(Unit, verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="covenants")
    status = models.CharField(max_length=10, choices=PartyStatus.choices, default=PartyStatus.PENDING)
    signer_name = models.CharField(_("người ký"), max_length=200, blank=True)
    signer_title = models.CharField(_("chức vụ"), max_length=200, blank=True)
    signed_at = models.DateTimeField(_("thời điểm ký"), null=True, blank=True)
    signed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = CovenantPartyQuerySet.as_manager()

    class Meta:
        verbose_name = _("đơn vị ký giao ước")
        verbose_name_plural = _("đơn vị ký giao ước")
        ordering = ["unit__path"]
        constraints = [models.UniqueConstraint(fields=["covenant", "unit"], name="participation_party_once")]

    def __str__(self) -> str:
        return f"{self.unit} · {self.covenant}"


class InspectionKind(models.TextChoices):
    SELF_HALF = "self_half", _("Tự kiểm tra 6 tháng")
    SELF_YEAR = "self_year", _("Tự kiểm tra năm")
    UPPER_SAMPLE = "upper_sample", _("Cấp trên kiểm tra")


class Inspection(models.Model):
    """ "Định kỳ 6 tháng, một năm mỗi cấp công đoàn tổ chức tự kiểm tra" — and the upper level's
    sample inspections, each with its findings."""

    party = models.ForeignKey(CovenantParty, on_delete=models.CASCADE, related_name="inspections")
    kind = models.CharField(_("hình thức"), max_length=20, choices=InspectionKind.choices)
    inspected_on = models.DateField(_("ngày kiểm tra"))
    findings = models.TextField(_("kết quả, nhận xét"))
    inspector = models.ForeignKey(Unit, verbose_name=_("đơn vị kiểm tra"), on_delete=models.PROTECT, related_name="+")
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("kiểm tra thực hiện giao ước")
        verbose_name_plural = _("kiểm tra thực hiện giao ước")
        ordering = ["inspected_on", "id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.inspected_on:%d/%m/%Y}"
