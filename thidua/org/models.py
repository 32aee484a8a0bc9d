"""The union tree, its members, their yearly ratings, and who acts for which unit.

The tree is a materialised path: each unit's `path` is its parent's path plus a fixed-width
step (4 base-36 characters), so "everything under X" is one index range scan
(`path >= X.path and path < X.path + "~"`), on SQLite and PostgreSQL alike. Subtree figures are
SQL sums over that range of the per-unit counters `member_count` and `direct_worker_count`,
which org.services keeps exact on every change.
"""

from django.conf import settings
from django.db import models
from django.db.models import Exists, OuterRef, Value
from django.db.models.functions import Concat
from django.utils.translation import gettext_lazy as _

from thidua.core.db import PATH_END, PATH_STEP
from thidua.core.text import search_terms
from thidua.org.search import SEARCH_CAP, SearchKeyField, first_match_ids, member_search_key, province_path


class UnitKind(models.Model):
    """A level of the union tree, as data: the 2025 reform added kinds and ended others."""

    code = models.SlugField(_("mã"), max_length=40, unique=True)
    name = models.CharField(_("tên loại"), max_length=200)
    short_name = models.CharField(_("tên viết tắt"), max_length=60, blank=True)
    level = models.PositiveSmallIntegerField(
        _("cấp"), help_text=_("0 = Tổng Liên đoàn; số lớn hơn là cấp thấp hơn. Đơn vị con phải ở cấp thấp hơn cha.")
    )
    is_grassroots = models.BooleanField(_("là công đoàn cơ sở"), default=False)
    is_group = models.BooleanField(_("là tổ công đoàn"), default=False)
    is_active = models.BooleanField(_("còn sử dụng"), default=True)

    class Meta:
        verbose_name = _("loại đơn vị")
        verbose_name_plural = _("loại đơn vị")
        ordering = ["level", "name"]

    def __str__(self) -> str:
        return self.name

    @property
    def is_federation(self) -> bool:
        return not (self.is_grassroots or self.is_group)


class Sector(models.TextChoices):
    ENTERPRISE = "enterprise", _("Doanh nghiệp")
    PUBLIC_SERVICE = "public_service", _("Hành chính, sự nghiệp")
    SCHOOL = "school", _("Trường học")


class Ownership(models.TextChoices):
    STATE = "state", _("Nhà nước")
    NON_STATE = "non_state", _("Ngoài nhà nước")
    FDI = "fdi", _("Có vốn đầu tư nước ngoài (FDI)")


class UnitStatus(models.TextChoices):
    ACTIVE = "active", _("Đang hoạt động")
    MERGED = "merged", _("Đã sáp nhập")
    # Ended with its work handed to a successor (2025: district federations): org.services.dissolve_unit.
    DISSOLVED = "dissolved", _("Đã giải thể")
    INACTIVE = "inactive", _("Ngừng hoạt động")


class UnitQuerySet(models.QuerySet):
    def within(self, unit: "Unit") -> "UnitQuerySet":
        """The unit and its whole subtree."""
        return self.filter(path__gte=unit.path, path__lt=unit.path + PATH_END)

    def visible_to(self, user) -> "UnitQuerySet":
        if not user.is_authenticated:
            return self.none()
        if user.is_superuser:
            return self.all()
        role = getattr(user, "acting_role", None)
        if role is None:
            return self.none()
        return self.within(role.unit)

    def active(self) -> "UnitQuerySet":
        return self.filter(status=UnitStatus.ACTIVE)

    def grassroots(self) -> "UnitQuerySet":
        return self.filter(kind__is_grassroots=True)


class EmulationCluster(models.Model):
    """Cụm, khối thi đua: units that emulate together and sign covenants (HD 1723/HD-TLĐ)."""

    name = models.CharField(_("tên cụm, khối"), max_length=200)
    organiser = models.ForeignKey(
        "Unit", verbose_name=_("đơn vị tổ chức"), on_delete=models.CASCADE, related_name="organised_clusters"
    )
    description = models.TextField(_("mô tả"), blank=True)

    class Meta:
        verbose_name = _("cụm, khối thi đua")
        verbose_name_plural = _("cụm, khối thi đua")
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["organiser", "name"], name="org_cluster_unique_name")]

    def __str__(self) -> str:
        return self.name


class Unit(models.Model):
    name = models.CharField(_("tên đơn vị"), max_length=300)
    code = models.CharField(
        _("mã đơn vị"), max_length=40, unique=True, help_text=_("Mã dùng khi nhập đoàn viên từ Excel.")
    )
    kind = models.ForeignKey(UnitKind, verbose_name=_("loại đơn vị"), on_delete=models.PROTECT, related_name="units")
    parent = models.ForeignKey(
        "self",
        verbose_name=_("đơn vị cấp trên"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    path = models.CharField(max_length=255, unique=True, editable=False)
    depth = models.PositiveSmallIntegerField(editable=False)
    sector = models.CharField(_("khối"), max_length=20, choices=Sector.choices, blank=True)
    ownership = models.CharField(_("loại hình sở hữu"), max_length=20, choices=Ownership.choices, blank=True)
    clusters = models.ManyToManyField(
        EmulationCluster, verbose_name=_("cụm, khối thi đua"), blank=True, related_name="units"
    )
    email = models.EmailField(_("email liên hệ"), blank=True)
    phone = models.CharField(_("điện thoại"), max_length=40, blank=True)
    address = models.CharField(_("địa chỉ"), max_length=300, blank=True)
    status = models.CharField(_("trạng thái"), max_length=20, choices=UnitStatus.choices, default=UnitStatus.ACTIVE)
    # The successor: the unit it merged into, or that took over its work when it was dissolved.
    merged_into = models.ForeignKey(
        "self",
        verbose_name=_("đơn vị tiếp nhận"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="merged_units",
    )
    # Own members only (not the subtree's); services keep them exact, subtree sums are SQL.
    member_count = models.PositiveIntegerField(_("số đoàn viên"), default=0, editable=False)
    direct_worker_count = models.PositiveIntegerField(_("số CNLĐ trực tiếp"), default=0, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = UnitQuerySet.as_manager()

    class Meta:
        verbose_name = _("đơn vị")
        verbose_name_plural = _("đơn vị")
        ordering = ["path"]
        indexes = [models.Index(fields=["parent", "name"], name="org_unit_parent_name_idx")]

    def __str__(self) -> str:
        return self.name

    @property
    def is_active(self) -> bool:
        return self.status == UnitStatus.ACTIVE

    def ancestor_paths(self) -> list[str]:
        """Paths of the ancestors, root first — read off the path, no query."""

        return [self.path[:i] for i in range(PATH_STEP, len(self.path), PATH_STEP)]

    def is_within(self, other: "Unit") -> bool:
        return self.path.startswith(other.path)


class Gender(models.TextChoices):
    MALE = "male", _("Nam")
    FEMALE = "female", _("Nữ")


class OfficerType(models.TextChoices):
    NONE = "none", _("Không")
    FULL_TIME = "full_time", _("Chuyên trách")
    PART_TIME = "part_time", _("Không chuyên trách")


class MemberQuerySet(models.QuerySet):
    """Members, narrowed by scope and search.

    ``within()`` remembers the unit it narrowed to (``_scope``), because the cheapest way to
    search depends on the scope's size (BENCHMARKS.md, member search): a district's few hundred
    units are listed and their members read off the ``(unit, search_key)`` index; a province or
    the whole country is too big to list, so each match's unit is checked by its key instead.
    """

    _scope: Unit | None = None
    # A district and below holds at most a few thousand units and ~100,000 members: small
    # enough to enumerate its units and to scan its members' keys without the full-text index.
    SMALL_SCOPE_DEPTH = 2

    def _clone(self):
        clone = super()._clone()
        clone._scope = self._scope
        return clone

    def within(self, unit: Unit) -> "MemberQuerySet":
        units = Unit.objects.filter(path__gte=unit.path, path__lt=unit.path + PATH_END)
        if unit.depth >= self.SMALL_SCOPE_DEPTH:
            narrowed = self.filter(unit__in=units.values("pk"))
        else:
            narrowed = self.filter(Exists(units.filter(pk=OuterRef("unit_id"))))
        if self._scope is None or unit.depth > self._scope.depth:
            narrowed._scope = unit
        return narrowed

    @property
    def _scope_is_small(self) -> bool:
        return self._scope is not None and self._scope.depth >= self.SMALL_SCOPE_DEPTH

    def visible_to(self, user) -> "MemberQuerySet":
        from thidua.org.rules import MEMBER_READER_ROLES  # noqa: PLC0415 — org.rules imports this module

        if not user.is_authenticated:
            return self.none()
        if user.is_superuser:
            return self.all()
        role = getattr(user, "acting_role", None)
        if role is None:
            return self.none()
        if role.kind in MEMBER_READER_ROLES:
            return self.within(role.unit)
        return self.filter(user=user)

    def search(self, query: str) -> "MemberQuerySet":
        """Accent-insensitive: "nguyen van an" finds "Nguyễn Văn An" (org.search).

        Tried in order, each the cheapest answer to its kind of query (BENCHMARKS.md):
        a card number is one row of its unique index, fetched before any scope is applied;
        a name typed from its start is one range of the folded key, already in the list's
        order; words out of order ("le hung") are looked for word by word in a small scope's
        keys, or else through the full-text index, stopping at the first ``SEARCH_CAP + 1``
        members inside the scope — all the capped list can show anyway."""
        terms = search_terms(query)
        if not terms:
            return self
        prefix = " ".join(terms)
        if len(terms) == 1 and any(ch.isdigit() for ch in prefix):
            card = query.strip().upper()
            ids = list(
                Member.objects.filter(card_number__gte=card, card_number__lt=card + PATH_END).values_list(
                    "pk", flat=True
                )[: SEARCH_CAP + 1]
            )
            if ids:
                return self.filter(pk__in=ids)
        by_name = self.filter(search_key__gte=prefix, search_key__lt=prefix + PATH_END)
        if by_name.exists():
            return by_name
        if self._scope_is_small:
            return self._with_words(terms)
        return self.filter(pk__in=first_match_ids(query, self._scope.path if self._scope is not None else None))

    def _with_words(self, terms: list[str]) -> "MemberQuerySet":
        """Every word as a whole word of the key, the last as a word's start: a LIKE per word
        over the scope's rows (a district's members in milliseconds; no index needed)."""
        spaced = self.alias(_key_words=Concat(Value(" "), "search_key", Value(" "), output_field=models.CharField()))
        for term in terms[:-1]:
            spaced = spaced.filter(_key_words__contains=f" {term} ")
        return spaced.filter(_key_words__contains=f" {terms[-1]}")


class Member(models.Model):
    full_name = models.CharField(_("họ và tên"), max_length=200)
    gender = models.CharField(_("giới tính"), max_length=10, choices=Gender.choices)
    birth_year = models.PositiveSmallIntegerField(_("năm sinh"), null=True, blank=True)
    unit = models.ForeignKey(Unit, verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="members")
    position = models.CharField(_("chức vụ, công việc"), max_length=200, blank=True)
    is_direct_worker = models.BooleanField(_("công nhân lao động trực tiếp"), default=False)
    officer_type = models.CharField(
        _("cán bộ công đoàn"), max_length=20, choices=OfficerType.choices, default=OfficerType.NONE
    )
    joined_on = models.DateField(_("ngày vào công đoàn"), null=True, blank=True)
    card_number = models.CharField(_("số thẻ đoàn viên"), max_length=30, unique=True, null=True, blank=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("tài khoản"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="member",
    )
    # Folded name + card number, indexed for full-text search (FTS5 on SQLite, GIN on PostgreSQL).
    search_key = SearchKeyField(max_length=300, editable=False, default="")
    # The first two steps of the unit's path (its province): indexed with the key, so a
    # province-wide search is one more term of the full-text engine (org.search). A copy of the
    # tree's path, kept by core.tree when units move (org.apps) and by every write of `unit`.
    province_path = models.CharField(max_length=8, editable=False, default="")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = MemberQuerySet.as_manager()

    class Meta:
        verbose_name = _("đoàn viên")
        verbose_name_plural = _("đoàn viên")
        ordering = ["full_name", "id"]
        indexes = [
            # A unit's members in list order; and a name typed from its start, nationally.
            models.Index(fields=["unit", "search_key"], name="org_member_unit_search_key"),
            models.Index(fields=["search_key", "unit"], name="org_member_search_key_unit"),
        ]

    def __str__(self) -> str:
        return self.full_name

    def save(self, *args, **kwargs):
        self.search_key = member_search_key(self.full_name, self.card_number)
        self.province_path = province_path(self.unit.path)
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "search_key", "province_path"}
        super().save(*args, **kwargs)


class RatingSubject(models.TextChoices):
    UNIT = "unit", _("Công đoàn cơ sở")
    MEMBER = "member", _("Đoàn viên")


class RatingLevel(models.Model):
    """One grade of a year's scale. The scale changes over the years (docs/domain.md: "vững mạnh /
    khá / trung bình / yếu" in the seeds' years, "Hoàn thành xuất sắc nhiệm vụ …" later), so it
    is data per year; `rank` 1 is the best, and criteria read "khá trở lên" as rank ≤ 2."""

    year = models.PositiveSmallIntegerField(_("năm"))
    subject = models.CharField(_("đối tượng"), max_length=10, choices=RatingSubject.choices)
    code = models.SlugField(_("mã"), max_length=40)
    name = models.CharField(_("mức xếp loại"), max_length=120)
    rank = models.PositiveSmallIntegerField(_("thứ bậc"), help_text=_("1 là mức cao nhất."))

    class Meta:
        verbose_name = _("mức xếp loại")
        verbose_name_plural = _("mức xếp loại")
        ordering = ["-year", "subject", "rank"]
        constraints = [
            models.UniqueConstraint(fields=["year", "subject", "code"], name="org_rating_level_code"),
            models.UniqueConstraint(fields=["year", "subject", "rank"], name="org_rating_level_rank"),
        ]

    def __str__(self) -> str:
        return self.name


class UnitRating(models.Model):
    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="ratings")
    year = models.PositiveSmallIntegerField(_("năm"))
    level = models.ForeignKey(RatingLevel, verbose_name=_("xếp loại"), on_delete=models.PROTECT)

    class Meta:
        verbose_name = _("xếp loại công đoàn cơ sở")
        verbose_name_plural = _("xếp loại công đoàn cơ sở")
        constraints = [models.UniqueConstraint(fields=["unit", "year"], name="org_unit_rating_once_a_year")]

    def __str__(self) -> str:
        return f"{self.year}: {self.level.name}"


class MemberRating(models.Model):
    member = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="ratings")
    year = models.PositiveSmallIntegerField(_("năm"))
    level = models.ForeignKey(RatingLevel, verbose_name=_("xếp loại"), on_delete=models.PROTECT)

    class Meta:
        verbose_name = _("xếp loại đoàn viên")
        verbose_name_plural = _("xếp loại đoàn viên")
        constraints = [models.UniqueConstraint(fields=["member", "year"], name="org_member_rating_once_a_year")]
        indexes = [models.Index(fields=["year", "level"], name="org_member_rating_year_idx")]

    def __str__(self) -> str:
        return f"{self.year}: {self.level.name}"


class RoleKind(models.TextChoices):
    STANDING_COMMITTEE = "standing_committee", _("Ban Thường vụ / Chủ tịch")
    EMULATION_OFFICER = "emulation_officer", _("Cán bộ Thi đua – Khen thưởng")
    COUNCIL_MEMBER = "council_member", _("Thành viên Hội đồng")
    VIEWER = "viewer", _("Theo dõi (cấp trên)")
    GRASSROOTS_CHAIR = "grassroots_chair", _("Chủ tịch công đoàn cơ sở")
    GRASSROOTS_OFFICER = "grassroots_officer", _("Cán bộ công đoàn cơ sở")
    MEMBER = "member", _("Đoàn viên")


# Roles that are a person's, not a unit's (docs/reach.md): a member reads their own items and
# what their unit has published; a council member what the councils they sit on take up. Neither
# reads the unit's business (its submissions, boards, ratings, other people's dossiers).
PERSONAL_ROLES = frozenset({RoleKind.MEMBER, RoleKind.COUNCIL_MEMBER})


def acts_for_unit(role) -> bool:
    """The role reads its unit's subtree: not a personal role (docs/reach.md)."""
    return role is not None and role.kind not in PERSONAL_ROLES


class RoleQuerySet(models.QuerySet):
    def visible_to(self, user) -> "RoleQuerySet":
        units = Unit.objects.visible_to(user)
        return self.filter(unit__in=units)


class Role(models.Model):
    """A user acting for a unit. The role's reach is the unit's subtree (org.rules)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="roles")
    unit = models.ForeignKey(Unit, verbose_name=_("đơn vị"), on_delete=models.CASCADE, related_name="roles")
    kind = models.CharField(_("vai trò"), max_length=30, choices=RoleKind.choices)

    objects = RoleQuerySet.as_manager()

    class Meta:
        verbose_name = _("vai trò")
        verbose_name_plural = _("vai trò")
        ordering = ["unit__path", "kind"]
        constraints = [
            models.UniqueConstraint(fields=["user", "unit", "kind"], name="org_role_once"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} · {self.unit.name}"


class ImportKind(models.TextChoices):
    UNITS = "units", _("Đơn vị")
    MEMBERS = "members", _("Đoàn viên")


class ImportStatus(models.TextChoices):
    QUEUED = "queued", _("Đang chờ")
    RUNNING = "running", _("Đang nhập")
    DONE = "done", _("Hoàn thành")
    FAILED = "failed", _("Không nhập được")


class ImportJobQuerySet(models.QuerySet):
    def visible_to(self, user) -> "ImportJobQuerySet":
        # An uploaded file holds personal data of the uploader's choosing: only its uploader
        # (and a superuser) sees the job, not everyone above them in the tree.
        if not user.is_authenticated:
            return self.none()
        if user.is_superuser:
            return self.all()
        return self.filter(actor=user)


class ImportJob(models.Model):
    """One upload of a spreadsheet of units or members, run in the background (org.imports).

    While it runs, its progress lives in the cache (the import's transaction holds SQLite's
    only write lock, so the row cannot be updated mid-way); the row gets its status before and
    after that transaction. A worker claims the job for a lease (`heartbeat_at`, kept alive by
    the progress beats in the cache): a job whose worker died mid-import is claimed again once
    the lease has run out (org.imports.run_job, resume_stale_jobs)."""

    kind = models.CharField(_("loại dữ liệu"), max_length=10, choices=ImportKind.choices)
    file = models.FileField(_("tệp"), upload_to="imports/%Y/%m/", blank=True)
    file_name = models.CharField(_("tên tệp"), max_length=255)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("người nhập"), on_delete=models.CASCADE, related_name="import_jobs"
    )
    # The role the upload was made in: the background task acts in it, with its scope.
    role = models.ForeignKey(Role, verbose_name=_("vai trò"), null=True, blank=True, on_delete=models.SET_NULL)
    scope_path = models.CharField(max_length=255, blank=True)
    status = models.CharField(_("trạng thái"), max_length=10, choices=ImportStatus.choices, default=ImportStatus.QUEUED)
    total_rows = models.PositiveIntegerField(_("số dòng"), default=0)
    processed_rows = models.PositiveIntegerField(_("số dòng đã xử lý"), default=0)
    created_count = models.PositiveIntegerField(_("số bản ghi đã tạo"), default=0)
    errors = models.JSONField(_("lỗi"), default=list, blank=True)
    created_at = models.DateTimeField(_("thời điểm tải lên"), auto_now_add=True)
    started_at = models.DateTimeField(_("bắt đầu"), null=True, blank=True)
    finished_at = models.DateTimeField(_("kết thúc"), null=True, blank=True)
    heartbeat_at = models.DateTimeField(_("lần cuối ghi nhận đang chạy"), null=True, blank=True)

    objects = ImportJobQuerySet.as_manager()

    class Meta:
        verbose_name = _("lượt nhập dữ liệu")
        verbose_name_plural = _("lượt nhập dữ liệu")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.file_name}"

    @property
    def is_finished(self) -> bool:
        return self.status in (ImportStatus.DONE, ImportStatus.FAILED)
