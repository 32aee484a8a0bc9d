"""The document register (sổ đăng ký văn bản đi) of each issuing unit, the unit's letterhead
data, and the Word templates an issuer may upload.

Every document thidua issues (plans, decisions, cover letters, recognitions, reviews) takes its
number here through `documents.services.take_number`, so one register per unit stays
gap-free and without duplicates (Nghị định 30/2020, Điều 15: numbers run per year).
"""

import datetime

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from thidua.documents.rendering import title_lines
from thidua.documents.rules import REGISTER_READER_ROLES
from thidua.org.scoping import UnitScopedQuerySet


class DocType(models.TextChoices):
    """Kinds of document and their abbreviation in the symbol (Nghị định 30/2020, Phụ lục III).

    The value is the abbreviation as printed ("QĐ" with its Đ): it is what the register shows
    and what a symbol is built from. Công văn has no abbreviation of its own: its symbol is
    "125/LĐLĐ-VP" (issuer, then the drafting office), see `RegisterEntry.build_symbol`.
    """

    PLAN = "KH", _("Kế hoạch")
    DECISION = "QĐ", _("Quyết định")
    SUBMISSION = "TTr", _("Tờ trình")
    REPORT = "BC", _("Báo cáo")
    MINUTES = "BB", _("Biên bản")
    NOTICE = "TB", _("Thông báo")
    GUIDANCE = "HD", _("Hướng dẫn")
    PROGRAMME = "CTr", _("Chương trình")
    RESOLUTION = "NQ", _("Nghị quyết")
    OFFICIAL_LETTER = "CV", _("Công văn")


# The type name printed above the summary, upper case (Phụ lục I, mục 6). Công văn prints none:
# its summary ("V/v …") goes under the number instead.
TYPE_NAMES: dict[str, str] = {
    DocType.PLAN: "KẾ HOẠCH",
    DocType.DECISION: "QUYẾT ĐỊNH",
    DocType.SUBMISSION: "TỜ TRÌNH",
    DocType.REPORT: "BÁO CÁO",
    DocType.MINUTES: "BIÊN BẢN",
    DocType.NOTICE: "THÔNG BÁO",
    DocType.GUIDANCE: "HƯỚNG DẪN",
    DocType.PROGRAMME: "CHƯƠNG TRÌNH",
    DocType.RESOLUTION: "NGHỊ QUYẾT",
    DocType.OFFICIAL_LETTER: "",
}


class IssuerProfile(models.Model):
    """What a unit prints at the top and bottom of its documents. Units without a saved
    profile get one derived from their names (`documents.services.profile_for`)."""

    unit = models.OneToOneField(
        "org.Unit", verbose_name=_("đơn vị"), on_delete=models.CASCADE, related_name="issuer_profile"
    )
    superior_line = models.CharField(
        _("tên cơ quan chủ quản"), max_length=200, blank=True, help_text=_("Ví dụ: LĐLĐ THÀNH PHỐ HÀ NỘI")
    )
    body_line = models.CharField(_("tên cơ quan ban hành"), max_length=200, help_text=_("Ví dụ: LĐLĐ QUẬN LONG BIÊN"))
    symbol_suffix = models.CharField(
        _("chữ viết tắt tên cơ quan"), max_length=30, help_text=_("Phần sau loại văn bản trong ký hiệu, ví dụ: LĐLĐ")
    )
    office_symbol = models.CharField(
        _("đơn vị soạn thảo công văn"), max_length=30, default="VP", help_text=_("Ví dụ: VP trong “125/LĐLĐ-VP”")
    )
    place = models.CharField(_("địa danh"), max_length=100, help_text=_("Dùng ở dòng ngày tháng, ví dụ: Long Biên"))
    signer_authority = models.CharField(
        _("thẩm quyền ký"), max_length=100, blank=True, help_text=_("Ví dụ: TM. BAN THƯỜNG VỤ")
    )
    signer_title = models.CharField(_("chức vụ người ký"), max_length=100, blank=True, help_text=_("Ví dụ: CHỦ TỊCH"))
    signer_name = models.CharField(_("họ tên người ký"), max_length=100, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("thông tin cơ quan ban hành")
        verbose_name_plural = _("thông tin cơ quan ban hành")

    def __str__(self) -> str:
        return self.body_line

    @property
    def signer_lines(self) -> list[str]:
        """ "TM. BAN THƯỜNG VỤ" / "KT. CHỦ TỊCH" / "PHÓ CHỦ TỊCH": each field may hold several
        lines (typed on separate lines or joined by " / "), as Nghị định 30/2020 (Phụ lục I,
        mục 9) writes the TM., KT., Q., TL. and TUQ. forms."""
        return title_lines(self.signer_authority, self.signer_title)


class RegisterCounter(models.Model):
    """The last number given per unit, year and kind: the row `take_number` locks."""

    unit = models.ForeignKey("org.Unit", on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField()
    doc_type = models.CharField(max_length=8, choices=DocType.choices)
    last_number = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["unit", "year", "doc_type"], name="documents_counter_once"),
        ]

    def __str__(self) -> str:
        return f"{self.unit_id}/{self.year}/{self.doc_type}: {self.last_number}"


class RegisterEntryQuerySet(UnitScopedQuerySet):
    def visible_to(self, user) -> "RegisterEntryQuerySet":
        if not user.is_authenticated:
            return self.none()
        if user.is_superuser:
            return self.all()
        role = getattr(user, "acting_role", None)
        if role is None or role.kind not in REGISTER_READER_ROLES:
            return self.none()
        return self.within(role.unit)

    def for_table(self) -> "RegisterEntryQuerySet":
        # Columns of the register page; the generic target is not shown, so it is not fetched.
        return self.select_related("unit", "issued_by").order_by("-year", "unit__path", "doc_type", "-number")


class RegisterEntry(models.Model):
    unit = models.ForeignKey(
        "org.Unit", verbose_name=_("cơ quan ban hành"), on_delete=models.PROTECT, related_name="register_entries"
    )
    year = models.PositiveSmallIntegerField(_("năm"))
    doc_type = models.CharField(_("loại văn bản"), max_length=8, choices=DocType.choices)
    number = models.PositiveIntegerField(_("số"))
    symbol = models.CharField(_("số, ký hiệu"), max_length=80)
    issued_on = models.DateField(_("ngày ban hành"))
    title = models.CharField(_("trích yếu"), max_length=1000)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người lấy số"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    target_type = models.ForeignKey(ContentType, null=True, blank=True, on_delete=models.PROTECT)
    target_id = models.BigIntegerField(null=True, blank=True)
    target = GenericForeignKey("target_type", "target_id")
    # The letterhead lines as printed when the number was taken (documents.services.PROFILE_FIELDS):
    # an issued paper keeps the issuer and superior names it was issued under, even after its
    # unit is renamed, moved, dissolved or merged (2025 reform). Null: taken before snapshots
    # existed and not frozen yet (core.succession freezes them before the tree changes).
    letterhead = models.JSONField(_("tiêu đề văn bản khi ban hành"), null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = RegisterEntryQuerySet.as_manager()

    class Meta:
        verbose_name = _("văn bản đã cấp số")
        verbose_name_plural = _("sổ văn bản")
        ordering = ["-year", "doc_type", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["unit", "year", "doc_type", "number"], name="documents_entry_number_once"),
        ]
        indexes = [models.Index(fields=["target_type", "target_id"], name="documents_entry_target_idx")]

    def __str__(self) -> str:
        return self.symbol

    @property
    def number_line(self) -> str:
        return f"Số: {self.symbol}"

    @staticmethod
    def build_symbol(number: int, doc_type: str, suffix: str, office: str = "") -> str:
        """ "32/KH-LĐLĐ"; a công văn reads "125/LĐLĐ-VP". Numbers below 10 take a leading zero
        ("05/KH-LĐLĐ"), as registers number from 01 (Nghị định 30/2020, Điều 15)."""
        shown = f"{number:02d}"
        if doc_type == DocType.OFFICIAL_LETTER:
            return f"{shown}/{suffix}-{office}" if office else f"{shown}/{suffix}"
        return f"{shown}/{doc_type}-{suffix}"


class DocumentTemplate(models.Model):
    """A Word template (.docx with docxtpl tags) an issuer uploads to replace the shipped one,
    for one kind of document or, with no kind, for all of them."""

    unit = models.ForeignKey(
        "org.Unit", verbose_name=_("đơn vị"), on_delete=models.CASCADE, related_name="document_templates"
    )
    doc_type = models.CharField(_("loại văn bản"), max_length=8, choices=DocType.choices, blank=True)
    file = models.FileField(_("tệp mẫu (.docx)"), upload_to="document_templates/%Y/")
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("mẫu văn bản Word")
        verbose_name_plural = _("mẫu văn bản Word")
        constraints = [models.UniqueConstraint(fields=["unit", "doc_type"], name="documents_template_once")]

    def __str__(self) -> str:
        return f"{self.unit} · {self.get_doc_type_display() or _('mọi loại')}"


class LegalRole(models.TextChoices):
    """What a cited document is for: a paper asks for the documents of a role in force on its
    date (`documents.legal.in_force`), never for a number written in the code."""

    LAW = "law", _("Luật Thi đua, khen thưởng")
    DECREE = "decree", _("Nghị định hướng dẫn Luật Thi đua, khen thưởng")
    UNION_RULES = "union_rules", _("Quy chế khen thưởng của tổ chức Công đoàn")
    INITIATIVES = "initiatives", _("Điều lệ Sáng kiến")
    OTHER = "other", _("Văn bản khác")


class LegalDocumentQuerySet(models.QuerySet):
    def in_force(self, on, role: str | None = None) -> "LegalDocumentQuerySet":
        """Documents signed by `on` and in force that day (both bounds included): a paper
        dated `on` may cite them. A law signed in 2022 and in force from 2024 is not cited
        in 2023."""
        rows = self.filter(signed_on__lte=on, in_force_from__lte=on).filter(
            models.Q(in_force_until__isnull=True) | models.Q(in_force_until__gte=on)
        )
        if role is not None:
            rows = rows.filter(role=role)
        return rows.order_by("role", "signed_on", "number")


class LegalDocument(models.Model):
    """A document thidua's papers cite in their "Căn cứ …" lines, with the days it is in force
    (docs/domain.md "Legal base": the 2003 law as amended in 2013 until 31/12/2023, Luật 06/2022/QH15
    from 01/01/2024; the Confederation's 1689/QĐ-TLĐ until 999/QĐ-TLĐ of 29/05/2024). Data: an
    administrator adds the next law, decree or union rules in the admin; the initial rows come
    from migration 0003."""

    role = models.CharField(_("vai trò"), max_length=20, choices=LegalRole.choices)
    doc_type = models.CharField(_("loại văn bản"), max_length=40, help_text=_("Ví dụ: Luật, Nghị định, Quyết định"))
    number = models.CharField(_("số, ký hiệu"), max_length=60, unique=True, help_text=_("Ví dụ: 999/QĐ-TLĐ"))
    title = models.CharField(
        _("trích yếu"),
        max_length=300,
        help_text=_(
            "Với luật: tên luật sau chữ “Luật”, ví dụ “Thi đua, khen thưởng”; với văn bản khác: nội dung sau "
            "cơ quan ban hành, ví dụ “ban hành Quy chế khen thưởng của tổ chức Công đoàn”."
        ),
    )
    issuer = models.CharField(_("cơ quan ban hành"), max_length=200)
    signed_on = models.DateField(_("ngày ký, thông qua"))
    in_force_from = models.DateField(_("có hiệu lực từ ngày"))
    in_force_until = models.DateField(
        _("hết hiệu lực sau ngày"),
        null=True,
        blank=True,
        help_text=_("Ngày cuối cùng còn hiệu lực; để trống nếu còn hiệu lực."),
    )

    objects = LegalDocumentQuerySet.as_manager()

    class Meta:
        verbose_name = _("văn bản pháp lý làm căn cứ")
        verbose_name_plural = _("văn bản pháp lý làm căn cứ")
        ordering = ["role", "signed_on"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(in_force_from__gte=models.F("signed_on")),
                name="documents_legal_in_force_after_signed",
            ),
            models.CheckConstraint(
                condition=models.Q(in_force_until__isnull=True)
                | models.Q(in_force_until__gte=models.F("in_force_from")),
                name="documents_legal_until_after_from",
            ),
        ]

    def __str__(self) -> str:
        return self.citation

    @property
    def is_law(self) -> bool:
        return self.doc_type.strip().lower() == "luật"

    @property
    def citation(self) -> str:
        """As a paper cites it after "Căn cứ": "Luật Thi đua, khen thưởng số 06/2022/QH15 ngày
        15/06/2022"; "Quyết định số 999/QĐ-TLĐ ngày 29/05/2024 của Đoàn Chủ tịch Tổng Liên đoàn
        Lao động Việt Nam ban hành Quy chế khen thưởng của tổ chức Công đoàn"."""
        day = f"{self.signed_on:%d/%m/%Y}"
        if self.is_law:
            return f"Luật {self.title} số {self.number} ngày {day}"
        return f"{self.doc_type} số {self.number} ngày {day} của {self.issuer} {self.title}".strip()

    def clean(self) -> None:
        errors = {}
        if self.signed_on and self.in_force_from and self.in_force_from < self.signed_on:
            errors["in_force_from"] = _("Ngày có hiệu lực không thể trước ngày ký.")
        if self.in_force_from and self.in_force_until and self.in_force_until < self.in_force_from:
            errors["in_force_until"] = _("Ngày hết hiệu lực không thể trước ngày có hiệu lực.")
        if errors:
            raise ValidationError(errors)


class Verdict(models.TextChoices):
    """What thidua found checking a signed original (documents.signing.check_pdf). Only a
    VALID file is kept as the paper's original of record; the others are refusals (upload)
    or what a later re-check found (a certificate expired since, a root withdrawn)."""

    VALID = "valid", _("Chữ ký số hợp lệ")
    TAMPERED = "tampered", _("Tệp đã bị sửa sau khi ký")
    UPDATED = "updated", _("Có cập nhật gia tăng sau khi ký")
    OTHER = "other", _("Bản ký số của văn bản khác")
    EXPIRED = "expired", _("Chứng thư số hết hạn")
    UNTRUSTED = "untrusted", _("Chứng thư số không được tin cậy")
    UNSIGNED = "unsigned", _("Chưa ký số")
    TOO_BIG = "too_big", _("Tệp quá lớn")
    UNREADABLE = "unreadable", _("Không đọc được tệp")
    NO_TRUST_STORE = "no_trust_store", _("Chưa cấu hình kho chứng thư gốc")


class SignedOriginal(models.Model):
    """The digitally signed PDF of an issued paper (issue 21), uploaded by its issuing unit and
    verified by thidua: once VALID it is the original of record, served by the paper's PDF
    download (the unsigned print stays available as "Bản in (chưa ký số)"). Hung on the
    register entry, which every numbered paper has (plan, award and recognition decisions,
    review, minutes). A new valid upload replaces the previous one (audited); a refused one
    changes nothing."""

    entry = models.OneToOneField(
        RegisterEntry, verbose_name=_("văn bản"), on_delete=models.CASCADE, related_name="signed_original"
    )
    file = models.FileField(_("bản ký số (PDF)"), upload_to="signed/%Y/")
    sha256 = models.CharField(max_length=64)
    size = models.PositiveIntegerField(_("dung lượng (byte)"))
    verdict = models.CharField(_("kết quả kiểm tra"), max_length=20, choices=Verdict.choices)
    # [{"name", "organisation", "issuer", "signed_at" (ISO 8601)}], in signing order.
    signers = models.JSONField(_("người ký"), default=list)
    checked_at = models.DateTimeField(_("kiểm tra lúc"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(_("tải lên lúc"), auto_now_add=True)
    # The issuing unit lets anyone download it (the public honour roll links it); off by default.
    public = models.BooleanField(_("công khai"), default=False)

    class Meta:
        verbose_name = _("bản ký số")
        verbose_name_plural = _("bản ký số")

    def __str__(self) -> str:
        return f"{self.entry.symbol} · {self.get_verdict_display()}"

    @property
    def is_valid(self) -> bool:
        return self.verdict == Verdict.VALID

    @property
    def signer_rows(self) -> list[dict]:
        """The signers with their signing time as a datetime (for the template's date filter)."""
        rows = []
        for signer in self.signers:
            at = signer.get("signed_at") or ""
            try:
                when = datetime.datetime.fromisoformat(at) if at else None
            except ValueError:
                when = None
            rows.append({**signer, "when": when})
        return rows


class SigningCertificate(models.Model):
    """A unit's PKCS#12 certificate for signing in thidua (issue 21, item 3; optional per unit):
    kept encrypted at rest (Fernet, THIDUA_SIGNING_KEY, documents.signing_keys), stored, replaced
    and used only by the unit's standing committee. Only the certificate's subject, issuer and
    validity are ever shown — never the key."""

    unit = models.OneToOneField(
        "org.Unit", verbose_name=_("đơn vị"), on_delete=models.CASCADE, related_name="signing_certificate"
    )
    sealed = models.BinaryField(_("chứng thư đã mã hóa"), editable=False)
    subject = models.CharField(_("người được cấp"), max_length=300)
    organisation = models.CharField(_("cơ quan"), max_length=300, blank=True)
    issuer = models.CharField(_("tổ chức cấp"), max_length=300)
    serial = models.CharField(_("số hiệu"), max_length=80)
    not_before = models.DateTimeField(_("hiệu lực từ"))
    not_after = models.DateTimeField(_("hiệu lực đến"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(_("tải lên lúc"), auto_now=True)

    class Meta:
        verbose_name = _("chứng thư ký số của đơn vị")
        verbose_name_plural = _("chứng thư ký số của đơn vị")

    def __str__(self) -> str:
        return f"{self.subject} ({self.issuer})"
