"""The audit trail: every state change, with who, when, from, to and why."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class AuditEntryQuerySet(models.QuerySet):
    def for_object(self, obj) -> "AuditEntryQuerySet":
        return self.filter(target_type=ContentType.objects.get_for_model(obj), target_id=obj.pk)

    def within_path(self, path: str) -> "AuditEntryQuerySet":
        # Entries carry the tree path of the unit they concern, so reading them is scoped like
        # everything else (see org.models.Unit.path).
        return self.filter(scope_path__gte=path, scope_path__lt=path + "~")


class AuditEntry(models.Model):
    created_at = models.DateTimeField(_("thời điểm"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("người thực hiện"), null=True, blank=True, on_delete=models.SET_NULL
    )
    actor_label = models.CharField(_("vai trò"), max_length=300, blank=True)
    verb = models.CharField(_("hành động"), max_length=60, db_index=True)
    target_type = models.ForeignKey(ContentType, on_delete=models.PROTECT)
    target_id = models.BigIntegerField()
    target_repr = models.CharField(_("đối tượng"), max_length=300)
    scope_path = models.CharField(max_length=255, blank=True, db_index=True)
    from_state = models.CharField(_("từ"), max_length=300, blank=True)
    to_state = models.CharField(_("đến"), max_length=300, blank=True)
    reason = models.TextField(_("lý do"), blank=True)
    changes = models.JSONField(_("thay đổi"), default=dict, blank=True)

    objects = AuditEntryQuerySet.as_manager()

    class Meta:
        verbose_name = _("nhật ký thay đổi")
        verbose_name_plural = _("nhật ký thay đổi")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["target_type", "target_id"], name="core_audit_target_idx")]

    def __str__(self) -> str:
        return f"{self.created_at:%d/%m/%Y %H:%M} {self.verb_label} {self.target_repr}"

    @property
    def verb_label(self) -> str:
        return str(VERB_LABELS.get(self.verb, self.verb))


# What each verb reads as in the history; apps add theirs with `register_verbs` in AppConfig.ready.
VERB_LABELS: dict[str, str] = {}


def register_verbs(labels: dict[str, str]) -> None:
    VERB_LABELS.update(labels)


class AttachmentQuerySet(models.QuerySet):
    def for_object(self, obj) -> "AttachmentQuerySet":
        return self.filter(owner_type=ContentType.objects.get_for_model(obj), owner_id=obj.pk)

    def within_path(self, path: str) -> "AttachmentQuerySet":
        return self.filter(scope_path__gte=path, scope_path__lt=path + "~")


class AttachmentKind(models.TextChoices):
    IMAGE = "image", _("Ảnh")
    DOCUMENT = "document", _("Tài liệu")


class Attachment(models.Model):
    """A file uploaded as part of something else (a work's photo, a dossier's scan). Stored
    only after core.attachments validated it; read only through the owner's scope."""

    owner_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+")
    owner_id = models.BigIntegerField()
    # The tree path of the unit the owner belongs to, so galleries of a subtree are one range.
    scope_path = models.CharField(max_length=255, blank=True, db_index=True)
    kind = models.CharField(_("loại"), max_length=10, choices=AttachmentKind.choices)
    file = models.FileField(_("tệp"), upload_to="attachments/%Y/%m/", max_length=300)
    thumbnail = models.FileField(_("ảnh thu nhỏ"), upload_to="attachments/thumbs/%Y/%m/", max_length=300, blank=True)
    original_name = models.CharField(_("tên tệp"), max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField(_("dung lượng"))
    width = models.PositiveIntegerField(null=True, blank=True)
    height = models.PositiveIntegerField(null=True, blank=True)
    caption = models.CharField(_("chú thích"), max_length=300, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(_("thời điểm tải lên"), auto_now_add=True)

    objects = AttachmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("tệp đính kèm")
        verbose_name_plural = _("tệp đính kèm")
        ordering = ["-uploaded_at", "-id"]
        indexes = [models.Index(fields=["owner_type", "owner_id"], name="core_attachment_owner_idx")]

    def __str__(self) -> str:
        return self.original_name

    @property
    def is_image(self) -> bool:
        return self.kind == AttachmentKind.IMAGE


class Effect(models.Model):
    """A side effect outside the database (an email sent) that must happen once: the row is
    written in the same transaction as the effect (core.once), so a task run twice — a worker
    killed before it acknowledged the task, a message delivered again — finds it and skips."""

    kind = models.CharField(max_length=60)
    object_id = models.BigIntegerField()
    done_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["kind", "object_id"], name="core_effect_once")]

    def __str__(self) -> str:
        return f"{self.kind} #{self.object_id}"
