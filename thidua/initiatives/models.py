"""Initiatives (seed 003; docs/flows.md flow 4): a member or a group registers an idea, a support
team at the CĐCS helps complete the dossier, the council of the level scores and votes, a
numbered decision recognises it and it enters that level's golden book; a recognised
initiative may be proposed to the next level's council, where the same flow runs again.

What an initiative must be comes from Nghị định 13/2012/NĐ-CP Điều 3 (new within the unit,
applied or trialled there with real benefit) and Thông tư 18/2013/TT-BKHCN (each author's
share, the date of first application).

`unit` is where the authors belong (its tree path scopes the initiative); `level` is the unit
whose council handles it now: the CĐCS first, then the federation it was proposed to.
"""

from django.conf import settings
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _

from thidua.campaigns.models import Campaign
from thidua.core.db import PATH_END
from thidua.councils.models import council_reach
from thidua.org.models import Member, RoleKind, Unit, acts_for_unit
from thidua.org.scoping import UnitScopedQuerySet


class Programme(models.Model):
    """A programme initiatives count towards ("01 triệu sáng kiến", Hướng dẫn 46/HD-TLĐ;
    "Đổi mới, sáng tạo, hiệu quả"): a catalogue users extend."""

    name = models.CharField(_("tên chương trình"), max_length=300, unique=True)
    starts_on = models.DateField(_("từ ngày"), null=True, blank=True)
    ends_on = models.DateField(_("đến ngày"), null=True, blank=True)
    is_active = models.BooleanField(_("đang áp dụng"), default=True)

    class Meta:
        verbose_name = _("chương trình")
        verbose_name_plural = _("chương trình")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class InitiativeKind(models.TextChoices):
    IDEA = "idea", _("Ý tưởng")
    INITIATIVE = "initiative", _("Sáng kiến")
    TOPIC = "topic", _("Đề tài")


class InitiativeStatus(models.TextChoices):
    DRAFT = "draft", _("Đang soạn")
    SUBMITTED = "submitted", _("Đã đăng ký")
    WITH_SUPPORT_TEAM = "with_support_team", _("Tổ hỗ trợ đang hoàn thiện")
    AT_COUNCIL = "at_council", _("Chờ Hội đồng xét")
    COUNCIL_PASSED = "council_passed", _("Hội đồng đề nghị công nhận")
    RECOGNISED = "recognised", _("Đã công nhận")
    NOT_RECOGNISED = "not_recognised", _("Không được công nhận")
    PROPOSED = "proposed", _("Đề nghị cấp trên xét")


class SupportTeamQuerySet(UnitScopedQuerySet):
    pass


class SupportTeam(models.Model):
    """Tổ hỗ trợ sáng kiến, Tổ ươm mầm ý tưởng of a CĐCS (seed 003, IV.2)."""

    unit = models.ForeignKey(Unit, verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="support_teams")
    name = models.CharField(_("tên tổ"), max_length=200)
    members = models.ManyToManyField(Member, verbose_name=_("thành viên"), related_name="support_teams")

    objects = SupportTeamQuerySet.as_manager()

    class Meta:
        verbose_name = _("tổ hỗ trợ sáng kiến")
        verbose_name_plural = _("tổ hỗ trợ sáng kiến")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class InitiativeQuerySet(UnitScopedQuerySet):
    def within(self, unit: Unit):
        # The initiative's own copy of its unit's path (core.tree keeps it): no join, and the
        # (unit_path, search_key) index answers the duplicate search from the index alone.
        return self.filter(unit_path__gte=unit.path, unit_path__lt=unit.path + PATH_END)

    def visible_to(self, user):
        """The scope's initiatives, and those on the agenda of a council the user sits on: a
        district council's members read the dossier they vote on, wherever they belong. A
        member's role reads, of its unit, only its own initiatives and the recognised ones — the
        golden book publishes them — and a council member's only what its councils take up
        (docs/reach.md): never a colleague's draft or dossier."""
        if not user.is_authenticated:
            return self.none()
        if user.is_superuser:
            return self.all()

        reviewed = council_reach(user, Initiative)
        role = getattr(user, "acting_role", None)
        if role is None:
            return self.filter(reviewed)
        path = role.unit.path
        in_scope = Q(unit_path__gte=path, unit_path__lt=path + PATH_END)
        if acts_for_unit(role):
            return self.filter(in_scope | reviewed)
        own = Q(pk__in=Author.objects.filter(member__user=user).values("initiative_id"))
        # The support team the CĐCS gave it to works on the draft (flow 4): its members read it.
        own |= Q(support_team__members__user=user)
        if role.kind == RoleKind.COUNCIL_MEMBER:
            return self.filter(own | reviewed).distinct()
        published = Exists(Recognition.objects.filter(initiative=OuterRef("pk")))
        return self.filter(own | (in_scope & published) | reviewed).distinct()

    def for_table(self):
        return self.select_related("unit", "level", "programme").order_by("-created_at", "-id")


class Initiative(models.Model):
    unit = models.ForeignKey(Unit, verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="initiatives")
    level = models.ForeignKey(
        Unit, verbose_name=_("cấp đang xét"), on_delete=models.PROTECT, related_name="initiatives_at_level"
    )
    kind = models.CharField(_("loại"), max_length=20, choices=InitiativeKind.choices, default=InitiativeKind.INITIATIVE)
    title = models.CharField(_("tên sáng kiến"), max_length=500)
    problem = models.TextField(_("thực trạng, vấn đề cần giải quyết"), blank=True)
    solution = models.TextField(_("nội dung giải pháp"), blank=True)
    novelty = models.TextField(_("tính mới"), blank=True)
    application = models.TextField(_("nơi đã áp dụng"), blank=True)
    applied_since = models.DateField(_("áp dụng lần đầu từ ngày"), null=True, blank=True)
    benefit_amount = models.DecimalField(
        _("lợi ích (đồng/năm)"), max_digits=15, decimal_places=0, null=True, blank=True
    )
    benefit_text = models.TextField(_("hiệu quả, lợi ích"), blank=True)
    programme = models.ForeignKey(
        Programme, verbose_name=_("chương trình"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    campaign = models.ForeignKey(
        Campaign,
        verbose_name=_("phong trào thi đua"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    support_team = models.ForeignKey(
        SupportTeam, verbose_name=_("tổ hỗ trợ"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    status = models.CharField(
        _("trạng thái"), max_length=20, choices=InitiativeStatus.choices, default=InitiativeStatus.DRAFT
    )
    submitted_on = models.DateField(_("ngày đăng ký"), null=True, blank=True)
    recognised_on = models.DateField(_("ngày được công nhận lần đầu"), null=True, blank=True)
    # Folded title (core.text.fold) for the duplicate warning: "Số hóa" and "so hoa" meet.
    search_key = models.CharField(max_length=500, editable=False, default="")
    # A copy of unit.path, rewritten by core.tree when units move: scoping without a join.
    unit_path = models.CharField(max_length=255, editable=False, default="")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = InitiativeQuerySet.as_manager()

    class Meta:
        verbose_name = _("sáng kiến")
        verbose_name_plural = _("sáng kiến")
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["unit", "status"], name="initiatives_unit_status_idx"),
            models.Index(fields=["level", "status"], name="initiatives_level_status_idx"),
            models.Index(fields=["unit_path", "search_key"], name="initiatives_path_key_idx"),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def benefit_text_amount(self) -> str:
        """ "150.000.000": Vietnamese groups thousands with dots."""
        return f"{int(self.benefit_amount):,}".replace(",", ".") if self.benefit_amount is not None else ""


class Author(models.Model):
    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="authors")
    member = models.ForeignKey(Member, verbose_name=_("tác giả"), on_delete=models.PROTECT, related_name="+")
    share = models.DecimalField(_("tỷ lệ đóng góp (%)"), max_digits=5, decimal_places=2)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("tác giả")
        verbose_name_plural = _("tác giả")
        ordering = ["initiative", "order", "id"]
        constraints = [models.UniqueConstraint(fields=["initiative", "member"], name="initiatives_author_once")]

    def __str__(self) -> str:
        return f"{self.member.full_name} ({self.share_text}%)"

    @property
    def share_text(self) -> str:
        """ "60", "33,33": without trailing zeros, with the Vietnamese decimal comma."""
        return f"{self.share.normalize():f}".replace(".", ",")


class Comment(models.Model):
    """The support team's notes while helping complete the dossier."""

    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    text = models.TextField(_("góp ý"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return self.text[:60]


class GoldenBook(models.Model):
    """Sổ vàng sáng kiến of one level (seed 003, IV.2): the counter its entries are numbered
    from, locked while a decision enters its initiatives, so numbers have no gaps or doubles."""

    unit = models.OneToOneField(Unit, on_delete=models.CASCADE, related_name="golden_book")
    last_number = models.PositiveIntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.unit_id}: {self.last_number}"


class RecognitionDecisionQuerySet(UnitScopedQuerySet):
    def visible_to(self, user):
        """The scope's decisions, and every decision that recognised an initiative the user
        reads: published with the golden book (docs/reach.md) — a member reads the paper that
        recognised their unit's initiative, a CĐCS the district's paper recognising its own."""
        if not user.is_authenticated or user.is_superuser:
            return super().visible_to(user)
        readable = Initiative.objects.visible_to(user)
        recognising = Recognition.objects.filter(initiative__in=readable).values("decision_id")
        return super().visible_to(user) | self.filter(pk__in=recognising)


class RecognitionDecision(models.Model):
    """Quyết định công nhận sáng kiến: numbered from the unit's register."""

    unit = models.ForeignKey(Unit, verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="+")
    register_entry = models.OneToOneField(
        "documents.RegisterEntry", verbose_name=_("số, ký hiệu"), on_delete=models.PROTECT, related_name="+"
    )
    issued_on = models.DateField(_("ngày ban hành"))
    signer_name = models.CharField(_("người ký"), max_length=100, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = RecognitionDecisionQuerySet.as_manager()

    class Meta:
        verbose_name = _("quyết định công nhận sáng kiến")
        verbose_name_plural = _("quyết định công nhận sáng kiến")
        ordering = ["-issued_on", "-id"]

    def __str__(self) -> str:
        return self.register_entry.symbol


class RecognitionQuerySet(UnitScopedQuerySet):
    def for_book(self):
        return self.select_related("initiative", "initiative__unit", "decision__register_entry").order_by(
            "entry_number"
        )


class Recognition(models.Model):
    """An initiative recognised at a level — and its line in that level's golden book."""

    initiative = models.ForeignKey(Initiative, on_delete=models.PROTECT, related_name="recognitions")
    unit = models.ForeignKey(Unit, verbose_name=_("cấp công nhận"), on_delete=models.PROTECT, related_name="+")
    decision = models.ForeignKey(RecognitionDecision, on_delete=models.PROTECT, related_name="recognitions")
    entry_number = models.PositiveIntegerField(_("số vào sổ vàng"))
    recognised_on = models.DateField(_("ngày công nhận"))
    authors_text = models.CharField(_("tác giả"), max_length=1000)

    objects = RecognitionQuerySet.as_manager()

    class Meta:
        verbose_name = _("sáng kiến được công nhận")
        verbose_name_plural = _("sổ vàng sáng kiến")
        ordering = ["unit", "entry_number"]
        constraints = [
            models.UniqueConstraint(fields=["unit", "initiative"], name="initiatives_recognised_once_per_level"),
            models.UniqueConstraint(fields=["unit", "entry_number"], name="initiatives_golden_number_once"),
        ]

    def __str__(self) -> str:
        return f"{self.entry_number}. {self.initiative.title}"


_TALLY_PATH = ["unit_path", "year", "quarter", "programme_id", "campaign_id"]
_TALLY_YEAR = ["year", "unit_path", "quarter", "programme_id", "campaign_id"]
_TALLY_SUMS = ["registered", "recognised", "applied", "benefit"]


class Tally(models.Model):
    """Counters of one unit's own initiatives per programme, campaign and quarter, kept exact
    by initiatives.services (like org's member counts): a subtree's figures are SQL sums of
    these rows over the unit path range (initiatives.queries), never a walk of the tree.

    `registered` counts by the quarter of submission; `recognised`, `applied` (recognised and
    applied, Hướng dẫn 46/HD-TLĐ counted those) and `benefit` by the quarter of the first
    recognition. 0 stands for "no programme / no campaign", so the key is unique without NULLs.
    """

    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="+")
    # A copy of the unit's path, kept by core.tree when units move: a subtree's sum is a range
    # scan of this table's own index, without a join to org_unit.
    unit_path = models.CharField(max_length=255, default="")
    programme_id = models.IntegerField(default=0)
    campaign_id = models.IntegerField(default=0)
    year = models.PositiveSmallIntegerField()
    quarter = models.PositiveSmallIntegerField()
    registered = models.PositiveIntegerField(default=0)
    recognised = models.PositiveIntegerField(default=0)
    applied = models.PositiveIntegerField(default=0)
    benefit = models.DecimalField(max_digits=20, decimal_places=0, default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "programme_id", "campaign_id", "year", "quarter"], name="initiatives_tally_key"
            )
        ]
        # Covering, for a subtree (path first) and for a year across the country (year first).
        indexes = [
            models.Index(fields=[*_TALLY_PATH, *_TALLY_SUMS], name="initiatives_tally_path_idx"),
            models.Index(fields=[*_TALLY_YEAR, *_TALLY_SUMS], name="initiatives_tally_year_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.unit_id} {self.year}Q{self.quarter}: {self.registered}"


class UnitTally(models.Model):
    """The same counters of one unit's own initiatives, all programmes and periods together:
    what the home panel and unfiltered tables sum. One row per unit instead of one per unit,
    programme, campaign and quarter keeps the root's sum within a few hundred thousand rows
    (bench/bench_initiatives.py); services move it with `Tally`, in the same transaction."""

    unit = models.OneToOneField(Unit, on_delete=models.CASCADE, related_name="+")
    unit_path = models.CharField(max_length=255, default="")  # as Tally.unit_path
    registered = models.PositiveIntegerField(default=0)
    recognised = models.PositiveIntegerField(default=0)
    applied = models.PositiveIntegerField(default=0)
    benefit = models.DecimalField(max_digits=20, decimal_places=0, default=0)

    class Meta:
        # Covering: the root's sum reads this index alone.
        indexes = [
            models.Index(
                fields=["unit_path", "registered", "recognised", "applied", "benefit"],
                name="initiatives_unittally_path_idx",
            )
        ]

    def __str__(self) -> str:
        return f"{self.unit_id}: {self.registered}"
