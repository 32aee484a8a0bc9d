"""Failed logins are counted and refused after a limit (django-axes, configured in settings:
AXES_*, THIDUA_LOGIN_*): per account and per address, so guessing one officer's password and
trying one password on every account are both stopped. A locked login gets the login page
again with a Vietnamese message saying for how long; an officer of the member's unit unlocks
it earlier from the member's page (org.logins), an administrator in the admin ("Access
attempts": delete the account's or the address's rows).

An address has its own, higher limit (THIDUA_LOGIN_ADDRESS_FAILURE_LIMIT): a school or a
company's office reaches the internet through one address, and ten mistyped passwords among
its hundred staff must not lock all of them out; one account still locks at its ten."""

from axes.backends import AxesStandaloneBackend
from axes.handlers.database import AxesDatabaseHandler
from axes.models import AccessAttempt
from axes.utils import reset
from django.conf import settings
from django.contrib.auth.forms import AuthenticationForm
from django.db.models import Sum
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _


class LoginGuardBackend(AxesStandaloneBackend):
    """Axes' check before any password is compared. A login without a request (the test
    client's login(), a shell) has no address to count against and is not guarded; every
    login through a page passes its request."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)


class LoginGuardHandler(AxesDatabaseHandler):
    """Axes' database handler with a limit per address of its own. Axes compares one count
    with one limit (AXES_FAILURE_LIMIT): the address's count is scaled so that it reaches that
    limit only at THIDUA_LOGIN_ADDRESS_FAILURE_LIMIT failures."""

    def get_failures(self, request, credentials=None) -> int:
        # One queryset per AXES_LOCKOUT_PARAMETERS entry, in its order: account, address.
        by_account, by_address = (
            attempts.aggregate(n=Sum("failures_since_start"))["n"] or 0
            for attempts in self.get_user_attempts(request, credentials)
        )
        limit = settings.AXES_FAILURE_LIMIT
        address_limit = max(settings.THIDUA_LOGIN_ADDRESS_FAILURE_LIMIT, limit)
        return max(by_account, by_address * limit // address_limit)


def client_address(request) -> str | None:
    """The browser's address: REMOTE_ADDR, or behind THIDUA_PROXY_COUNT proxies the entry they
    appended to X-Forwarded-For (the ones before it are whatever the browser sent)."""
    count = settings.THIDUA_PROXY_COUNT
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
    if count and len(forwarded) >= count:
        return forwarded[-count]
    return request.META.get("REMOTE_ADDR")


def failures(username: str) -> int:
    """Wrong passwords counted against the account within the lockout window, as axes counts."""
    since = timezone.now() - settings.AXES_COOLOFF_TIME
    attempts = AccessAttempt.objects.filter(username=username, attempt_time__gte=since)
    return attempts.aggregate(n=Sum("failures_since_start"))["n"] or 0


def unlock(username: str) -> int:
    """Forget the account's counted attempts (from every address), which lifts its lock; the
    addresses' counts for other accounts stay. The caller checks who may (org.logins)."""
    return reset(username=username)


def locked_out(request, original_response=None, credentials=None):
    """The login page again, with why and for how long (429: too many attempts)."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    message = _(
        "Đăng nhập sai quá %(limit)s lần nên tài khoản hoặc máy này tạm bị khóa. Hãy thử lại sau "
        "%(minutes)s phút, hoặc nhờ cán bộ công đoàn của đơn vị hay quản trị hệ thống mở khóa."
    ) % {"limit": settings.AXES_FAILURE_LIMIT, "minutes": minutes}
    form = AuthenticationForm(request, data=None, initial={"username": (credentials or {}).get("username", "")})
    return render(request, "registration/login.html", {"form": form, "locked_message": message}, status=429)
