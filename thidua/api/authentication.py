"""`Authorization: Bearer <token>`: the token's owner, acting in the token's role.

The user comes back with `acting_role` set to the token's role, as ActingRoleMiddleware sets it
for a page, so every scoped queryset and permission rule reads the request exactly as it reads
that role's pages. A revoked or expired token, or one whose owner is no longer active, is refused
(401) with the same message, so a guessed token tells nothing."""

import datetime

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework import authentication, exceptions
from rest_framework.throttling import SimpleRateThrottle

from thidua.api.models import SECRET_PREFIX, ApiToken, digest

# last_used_at is written at most this often per token (not on every request).
TOUCH_EVERY = datetime.timedelta(minutes=1)


class BearerTokenAuthentication(authentication.BaseAuthentication):
    keyword = "Bearer"

    def authenticate(self, request):
        header = authentication.get_authorization_header(request).split()
        if not header or header[0].lower() != self.keyword.lower().encode():
            return None
        if len(header) != 2:
            raise exceptions.AuthenticationFailed(_("Tiêu đề Authorization phải là: Bearer <khóa API>."))
        try:
            secret = header[1].decode()
        except UnicodeError:
            raise exceptions.AuthenticationFailed(_("Khóa API không hợp lệ, đã hết hạn hoặc đã bị thu hồi.")) from None
        return self.authenticate_credentials(secret)

    def authenticate_credentials(self, secret: str):
        refused = exceptions.AuthenticationFailed(_("Khóa API không hợp lệ, đã hết hạn hoặc đã bị thu hồi."))
        if not secret.startswith(SECRET_PREFIX):
            raise refused
        try:
            token = (
                ApiToken.objects.usable()
                .select_related("user", "role", "role__unit", "role__unit__kind")
                .get(digest=digest(secret))
            )
        except ApiToken.DoesNotExist:
            raise refused from None
        user = token.user
        if not user.is_active:
            raise refused
        user.acting_role = token.role
        user.available_roles = [token.role]
        user.api_token = token
        now = timezone.now()
        if token.last_used_at is None or now - token.last_used_at > TOUCH_EVERY:
            ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
            token.last_used_at = now
        return user, token

    def authenticate_header(self, request) -> str:
        return f'{self.keyword} realm="api"'


class TokenRateThrottle(SimpleRateThrottle):
    """Requests per token (settings.THIDUA_API_RATE, e.g. "600/minute"); session requests of the
    documentation page per user."""

    scope = "api"

    def get_rate(self):
        return settings.THIDUA_API_RATE

    def get_cache_key(self, request, view):
        token = request.auth if isinstance(request.auth, ApiToken) else None
        if token is not None:
            ident = f"token-{token.digest[:16]}"
        elif request.user and request.user.is_authenticated:
            ident = f"user-{request.user.pk}"
        else:
            ident = self.get_ident(request)
        return self.cache_format % {"scope": self.scope, "ident": ident}


class BearerScheme(OpenApiAuthenticationExtension):
    target_class = "thidua.api.authentication.BearerTokenAuthentication"
    name = "bearerAuth"

    def get_security_definition(self, auto_schema):
        return {
            "type": "http",
            "scheme": "bearer",
            "description": "Khóa API cá nhân, tạo ở trang “Khóa API” (/tai-khoan/khoa-api/).",
        }
