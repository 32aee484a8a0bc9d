"""Making and revoking personal API tokens: one transaction each, audited."""

import datetime
import secrets

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from thidua.api.models import SECRET_PREFIX, ApiToken, digest
from thidua.core import access, audit
from thidua.org.models import Role

# The longest a token may live: a system's credentials are renewed at least yearly.
MAX_DAYS = 366


def _validate(name: str, expires_on, today: datetime.date) -> None:
    errors: dict[str, str] = {}
    if not name.strip():
        errors["name"] = _("Hãy đặt tên cho khóa (vd. hệ thống quản lý văn bản).")
    elif len(name.strip()) > 100:
        errors["name"] = _("Tên khóa dài quá 100 ký tự.")
    if expires_on is None:
        errors["expires_on"] = _("Hãy chọn ngày hết hạn.")
    elif expires_on < today:
        errors["expires_on"] = _("Ngày hết hạn phải từ hôm nay trở đi.")
    elif expires_on > today + datetime.timedelta(days=MAX_DAYS):
        errors["expires_on"] = _("Khóa dùng được tối đa %(n)s ngày: hãy chọn ngày sớm hơn.") % {"n": MAX_DAYS}
    if errors:
        raise ValidationError(errors)


def create_token(
    actor, *, role: Role, name: str, can_write: bool, expires_on: datetime.date | None
) -> tuple[ApiToken, str]:
    """A new token for `role` (one of the actor's own roles). Returns the row and the secret,
    which is never stored and cannot be shown again."""
    actor = access.named(actor)
    if role.user_id != actor.pk:
        raise PermissionDenied
    _validate(name, expires_on, timezone.localdate())
    assert expires_on is not None  # _validate refused a missing day
    prefix = secrets.token_hex(4)
    secret = f"{SECRET_PREFIX}{prefix}{secrets.token_urlsafe(32)}"
    with transaction.atomic():
        token = ApiToken.objects.create(
            user=actor,
            role=role,
            name=name.strip(),
            prefix=prefix,
            digest=digest(secret),
            can_write=can_write,
            expires_on=expires_on,
        )
        audit.record(
            actor,
            "create_api_token",
            token,
            scope_path=role.unit.path,
            changes={"name": token.name, "write": can_write, "expires_on": expires_on.isoformat(), "role": str(role)},
        )
    return token, secret


@transaction.atomic
def revoke_token(actor, token: ApiToken) -> ApiToken:
    """The owner ends the token now; a revoked token is refused from the next request."""
    actor = access.named(actor)
    token = ApiToken.objects.select_for_update().select_related("role__unit").get(pk=token.pk)
    if token.user_id != actor.pk:
        raise PermissionDenied
    if token.revoked_at is not None:
        return token
    token.revoked_at = timezone.now()
    token.save(update_fields=["revoked_at"])
    audit.record(actor, "revoke_api_token", token, scope_path=token.role.unit.path, changes={"name": token.name})
    return token
