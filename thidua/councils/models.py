"""Councils that review, score and vote: one mechanism for the initiative councils (Hội đồng
sáng kiến, Thông tư 18/2013/TT-BKHCN Điều 8) and the award councils (Hội đồng Thi đua – Khen
thưởng) the awards flow reuses.

A council belongs to a unit and has members with roles. A session has an agenda whose items
point at any object (an initiative, later a nomination) through a generic relation; the app
that owns the object registers it in `councils.subjects`, so this app never imports it. Each
member present scores the council's criteria and votes; an interested member (an author) is
recused. The pass rule is data per council: at least `pass_numerator / pass_denominator` of
the members who may vote agree (default 2/3, TT 18/2013 Đ8; award councils set their own, e.g.
90 % for the highest titles under the older decree).

A council decides in one of two ways (`Procedure`), chosen when the session is opened:
- in a meeting (họp hội đồng): only the votes of the members present count — each on their own
  login, or entered by the secretariat from the paper ballot / show of hands — and nothing
  passes unless a quorum is present: at least `quorum_numerator / quorum_denominator` of the
  members (default 2/3). No statute fixes the quorum: TT 18/2013 Đ8 and the award law leave
  the working rules to each council's quy chế hoạt động, and the usual quy chế of a Hội đồng
  sáng kiến or Hội đồng Thi đua – Khen thưởng says "họp khi có ít nhất 2/3 số thành viên";
  since TT 18/2013 Đ8 needs 2/3 of the whole council agreeing, a meeting of fewer could not
  pass an initiative anyway. Each council sets its own figure.
- by written consultation (lấy ý kiến bằng văn bản): no meeting, no quorum; each member's
  written opinion is entered (or sent on their own login), and the same pass rule applies to
  the whole council. The minutes say which way the council decided.
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Case, Exists, OuterRef, Q, When
from django.utils.translation import gettext_lazy as _

from thidua.core.db import PATH_END
from thidua.org.models import Member, RoleKind, Unit
from thidua.org.scoping import UnitScopedQuerySet

# Roles that read every council of their unit and below (they run or oversee them). A council
# member's role or a plain member's reaches only the councils they sit on: the seat gives the
# reach, not the level (a district's council member does not read the CĐCS councils below).
OVERSEEING_ROLES = frozenset(
    {
        RoleKind.STANDING_COMMITTEE,
        RoleKind.EMULATION_OFFICER,
        RoleKind.VIEWER,
        RoleKind.GRASSROOTS_CHAIR,
        RoleKind.GRASSROOTS_OFFICER,
    }
)


class CouncilScopedQuerySet(UnitScopedQuerySet):
    """Rows of a council: visible in its unit's scope to the roles that oversee it, and to the
    council's own members wherever they belong (a district council sits members of the CĐCS
    below it)."""

    council_field = "council"

    def visible_to(self, user):
        if not user.is_authenticated:
            return self.none()
        if user.is_superuser:
            return self.all()
        seat = Exists(CouncilMember.objects.filter(council=OuterRef(self.council_field), member__user=user))
        role = getattr(user, "acting_role", None)
        if role is None or role.kind not in OVERSEEING_ROLES:
            return self.filter(seat)
        path = f"{self.unit_field}__path"
        scope = Q(**{f"{path}__gte": role.unit.path, f"{path}__lt": role.unit.path + PATH_END})
        return self.filter(scope | seat)


class CouncilKind(models.TextChoices):
    INITIATIVE = "initiative", _("Hội đồng sáng kiến")
    AWARD = "award", _("Hội đồng Thi đua – Khen thưởng")


class CouncilQuerySet(CouncilScopedQuerySet):
    council_field = "pk"


class Council(models.Model):
    unit = models.ForeignKey(Unit, verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="councils")
    kind = models.CharField(_("loại hội đồng"), max_length=20, choices=CouncilKind.choices)
    name = models.CharField(_("tên hội đồng"), max_length=300)
    pass_numerator = models.PositiveSmallIntegerField(_("tỷ lệ thông qua: tử số"), default=2)
    pass_denominator = models.PositiveSmallIntegerField(
        _("tỷ lệ thông qua: mẫu số"),
        default=3,
        help_text=_(
            "Thông qua khi số thành viên đồng ý đạt ít nhất tỷ lệ này (mặc định 2/3, Thông tư 18/2013/TT-BKHCN)."
        ),
    )
    # The meeting quorum (see the module docstring): a meeting decides only with at least
    # quorum_numerator/quorum_denominator of the members present.
    quorum_numerator = models.PositiveSmallIntegerField(_("số thành viên có mặt tối thiểu: tử số"), default=2)
    quorum_denominator = models.PositiveSmallIntegerField(
        _("số thành viên có mặt tối thiểu: mẫu số"),
        default=3,
        help_text=_(
            "Phiên họp chỉ biểu quyết khi có mặt ít nhất tỷ lệ này số thành viên hội đồng "
            "(mặc định 2/3, theo quy chế hoạt động của hội đồng)."
        ),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = CouncilQuerySet.as_manager()

    class Meta:
        verbose_name = _("hội đồng")
        verbose_name_plural = _("hội đồng")
        ordering = ["unit__path", "kind"]
        constraints = [models.UniqueConstraint(fields=["unit", "kind"], name="councils_one_per_unit_kind")]

    def __str__(self) -> str:
        return self.name

    @property
    def pass_rule_text(self) -> str:
        return f"{self.pass_numerator}/{self.pass_denominator}"

    @property
    def quorum_text(self) -> str:
        return f"{self.quorum_numerator}/{self.quorum_denominator}"

    def quorum_for(self, seats: int) -> int:
        """The fewest members present that make a quorum out of `seats` (integers, as passes)."""
        return -(-self.quorum_numerator * seats // self.quorum_denominator) if seats else 0


class CouncilRole(models.TextChoices):
    CHAIR = "chair", _("Chủ tịch Hội đồng")
    VICE_CHAIR = "vice_chair", _("Phó Chủ tịch Hội đồng")
    SECRETARY = "secretary", _("Thư ký")
    MEMBER = "member", _("Ủy viên")
    UNION_REPRESENTATIVE = "union_rep", _("Đại diện công đoàn")


def role_rank(prefix: str = "") -> Case:
    """The order a council lists its members in: chair, vice-chair, secretary, members."""
    order = [
        CouncilRole.CHAIR,
        CouncilRole.VICE_CHAIR,
        CouncilRole.SECRETARY,
        CouncilRole.MEMBER,
        CouncilRole.UNION_REPRESENTATIVE,
    ]
    return Case(*[When(**{f"{prefix}role": r}, then=n) for n, r in enumerate(order)], default=len(order))


class CouncilMemberQuerySet(UnitScopedQuerySet):
    unit_field = "council__unit"

    def in_role_order(self):
        return self.order_by(role_rank(), "id")


class CouncilMember(models.Model):
    council = models.ForeignKey(Council, on_delete=models.CASCADE, related_name="members")
    member = models.ForeignKey(Member, verbose_name=_("thành viên"), on_delete=models.PROTECT, related_name="+")
    role = models.CharField(_("vai trò"), max_length=20, choices=CouncilRole.choices, default=CouncilRole.MEMBER)

    objects = CouncilMemberQuerySet.as_manager()

    class Meta:
        verbose_name = _("thành viên hội đồng")
        verbose_name_plural = _("thành viên hội đồng")
        ordering = ["council", "role", "id"]
        constraints = [models.UniqueConstraint(fields=["council", "member"], name="councils_member_once")]

    def __str__(self) -> str:
        return f"{self.member.full_name} ({self.get_role_display()})"


class Criterion(models.Model):
    """What members score (novelty, applicability, benefit…): data per council."""

    council = models.ForeignKey(Council, on_delete=models.CASCADE, related_name="criteria")
    name = models.CharField(_("tiêu chí"), max_length=200)
    max_score = models.PositiveSmallIntegerField(_("điểm tối đa"))
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("tiêu chí chấm điểm")
        verbose_name_plural = _("tiêu chí chấm điểm")
        ordering = ["council", "order", "id"]

    def __str__(self) -> str:
        return self.name


class SessionStatus(models.TextChoices):
    OPEN = "open", _("Đang họp")
    CLOSED = "closed", _("Đã kết thúc")
    # A meeting that did not reach its quorum: nothing decided, the items wait for the next.
    ADJOURNED = "adjourned", _("Hoãn, không đủ số thành viên")


class Procedure(models.TextChoices):
    MEETING = "meeting", _("Họp hội đồng")
    WRITTEN = "written", _("Lấy ý kiến bằng văn bản")


class SessionQuerySet(CouncilScopedQuerySet):
    unit_field = "council__unit"


class Session(models.Model):
    council = models.ForeignKey(Council, on_delete=models.PROTECT, related_name="sessions")
    held_on = models.DateField(_("ngày họp"))
    place = models.CharField(_("địa điểm"), max_length=300, blank=True)
    status = models.CharField(_("trạng thái"), max_length=10, choices=SessionStatus.choices, default=SessionStatus.OPEN)
    procedure = models.CharField(_("hình thức"), max_length=10, choices=Procedure.choices, default=Procedure.MEETING)
    # Who signs the minutes: the member presiding (the chair, or the vice-chair or a member
    # when she is absent) and the member taking the minutes.
    presiding = models.ForeignKey(
        "CouncilMember",
        verbose_name=_("chủ trì"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    recorder = models.ForeignKey(
        "CouncilMember",
        verbose_name=_("thư ký phiên họp"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    closed_at = models.DateTimeField(_("thời điểm kết thúc"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = SessionQuerySet.as_manager()

    class Meta:
        verbose_name = _("phiên họp")
        verbose_name_plural = _("phiên họp")
        ordering = ["-held_on", "-id"]

    def __str__(self) -> str:
        return f"{self.council.name} — {self.held_on:%d/%m/%Y}"

    @property
    def unit(self) -> Unit:
        return self.council.unit

    @property
    def is_open(self) -> bool:
        return self.status == SessionStatus.OPEN

    @property
    def is_meeting(self) -> bool:
        return self.procedure == Procedure.MEETING


class Attendance(models.Model):
    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="attendance")
    council_member = models.ForeignKey(CouncilMember, on_delete=models.CASCADE, related_name="+")
    present = models.BooleanField(_("có mặt"), default=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["session", "council_member"], name="councils_attend_once")]

    def __str__(self) -> str:
        return f"{self.council_member_id}: {self.present}"


class Outcome(models.TextChoices):
    PENDING = "pending", _("Chưa biểu quyết")
    PASSED = "passed", _("Thông qua")
    FAILED = "failed", _("Không thông qua")


class AgendaItemQuerySet(CouncilScopedQuerySet):
    unit_field = "session__council__unit"
    council_field = "session__council"


class AgendaItem(models.Model):
    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="items")
    subject_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+")
    subject_id = models.BigIntegerField()
    subject = GenericForeignKey("subject_type", "subject_id")
    title = models.CharField(_("nội dung xét"), max_length=500)
    order = models.PositiveSmallIntegerField(default=0)
    outcome = models.CharField(_("kết quả"), max_length=10, choices=Outcome.choices, default=Outcome.PENDING)
    # Written when the session closes, so minutes and pages read the result without recounting.
    eligible_count = models.PositiveSmallIntegerField(_("số thành viên được biểu quyết"), default=0)
    agree_count = models.PositiveSmallIntegerField(_("số phiếu đồng ý"), default=0)
    disagree_count = models.PositiveSmallIntegerField(_("số phiếu không đồng ý"), default=0)
    average_score = models.DecimalField(_("điểm trung bình"), max_digits=6, decimal_places=2, null=True, blank=True)

    objects = AgendaItemQuerySet.as_manager()

    class Meta:
        verbose_name = _("nội dung phiên họp")
        verbose_name_plural = _("nội dung phiên họp")
        ordering = ["session", "order", "id"]
        constraints = [
            models.UniqueConstraint(fields=["session", "subject_type", "subject_id"], name="councils_item_once")
        ]
        indexes = [models.Index(fields=["subject_type", "subject_id"], name="councils_item_subject_idx")]

    def __str__(self) -> str:
        return self.title

    @property
    def unit(self) -> Unit:
        return self.session.council.unit


def council_reach(user, model) -> Exists:
    """True for a row of `model` on the agenda of a session of a council `user` sits on: a
    council's members read what they decide, wherever they belong (a district council sits
    members of the CĐCS below it; docs/reach.md). The one such reading of every subject:
    initiatives' and nominations' `visible_to` filter with it."""
    return Exists(
        AgendaItem.objects.filter(
            subject_type__app_label=model._meta.app_label,
            subject_type__model=model._meta.model_name,
            subject_id=OuterRef("pk"),
            session__council__members__member__user=user,
        )
    )


class Recusal(models.Model):
    """A member who may not score or vote on an item (an author of the initiative, TT 18/2013
    Đ8), recorded when the item is put on the agenda."""

    item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="recusals")
    council_member = models.ForeignKey(CouncilMember, on_delete=models.CASCADE, related_name="+")
    reason = models.CharField(_("lý do"), max_length=300)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["item", "council_member"], name="councils_recuse_once")]

    def __str__(self) -> str:
        return self.reason


class Ballot(models.Model):
    """One member's vote on one item, with their scores. At most one per member and item."""

    item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="ballots")
    council_member = models.ForeignKey(CouncilMember, on_delete=models.PROTECT, related_name="+")
    agree = models.BooleanField(_("đồng ý"))
    is_written = models.BooleanField(_("phiếu gửi bằng văn bản"), default=False)
    cast_at = models.DateTimeField(auto_now_add=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("phiếu biểu quyết")
        verbose_name_plural = _("phiếu biểu quyết")
        constraints = [models.UniqueConstraint(fields=["item", "council_member"], name="councils_ballot_once")]

    def __str__(self) -> str:
        return f"{self.council_member_id}: {self.agree}"


class Score(models.Model):
    ballot = models.ForeignKey(Ballot, on_delete=models.CASCADE, related_name="scores")
    criterion = models.ForeignKey(Criterion, on_delete=models.PROTECT, related_name="+")
    value = models.PositiveSmallIntegerField(_("điểm"))

    class Meta:
        constraints = [models.UniqueConstraint(fields=["ballot", "criterion"], name="councils_score_once")]

    def __str__(self) -> str:
        return f"{self.criterion_id}: {self.value}"
