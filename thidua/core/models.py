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
