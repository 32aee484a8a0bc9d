"""Personal API tokens (issue 20): what another system presents as `Authorization: Bearer …`.

A token is a person's, for one of their roles: the API acts in that role exactly as the pages
do (the same `visible_to`/`within` scope, the same permissions), so a CĐCS chair's token reads
its CĐCS and nothing else. Only a SHA-256 digest of the secret is kept: the secret is shown
once, when it is made, and cannot be read back. A token is read-only unless made read-write,
ends on its expiry day, and can be revoked by its owner at any time."""

import hashlib

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from thidua.org.models import Role

# The visible start of every secret: "thd_" then the lookup prefix, then the rest.
SECRET_PREFIX = "thd_"  # noqa: S105 — a visible marker, not a secret


def digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


class ApiTokenQuerySet(models.QuerySet):
    def usable(self, today=None) -> "ApiTokenQuerySet":
        today = today or timezone.localdate()
        return self.filter(revoked_at__isnull=True, expires_on__gte=today)


class ApiToken(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens")
    role = models.ForeignKey(Role, verbose_name=_("vai trò"), on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(_("tên khóa"), max_length=100)
    # The first characters of the secret after "thd_": shown in the list so the owner knows which
    # token a system holds; not enough to use it.
    prefix = models.CharField(max_length=8, db_index=True)
    digest = models.CharField(max_length=64, unique=True)
    can_write = models.BooleanField(_("được ghi dữ liệu"), default=False)
    expires_on = models.DateField(_("hết hạn sau ngày"))
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("dùng lần cuối"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("thu hồi lúc"), null=True, blank=True)

    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        verbose_name = _("khóa API")
        verbose_name_plural = _("khóa API")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.name} ({SECRET_PREFIX}{self.prefix}…)"

    @property
    def is_expired(self) -> bool:
        return self.expires_on < timezone.localdate()

    @property
    def is_usable(self) -> bool:
        return self.revoked_at is None and not self.is_expired

    @property
    def access_label(self) -> str:
        return str(_("Đọc và ghi") if self.can_write else _("Chỉ đọc"))
