"""A member's login locked by wrong passwords (core.login_guard, django-axes), unlocked by an
officer of their own unit or above — not only an administrator in the admin (issue 16 item 2):
the CĐCS chair or the district's emulation officer is whom a member calls.

Who may: whoever may change the member's record (org.change_member: a member editor whose scope
holds the member's unit), and only when every unit the account acts for is inside the officer's
scope too, so no one unlocks an account that acts above or beside them. Administrators'
accounts are unlocked in the admin only."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from thidua.core import access, audit, login_guard
from thidua.org.models import Member, Unit


def may_unlock(actor, member: Member) -> bool:
    user = member.user
    if user is None or not access.named(actor).has_perm("org.change_member", member):
        return False
    if access.is_system(actor) or actor.is_superuser:
        return True
    if user.is_superuser or user.is_staff:
        return False
    return not user.roles.exclude(unit__in=Unit.objects.visible_to(actor)).exists()


@transaction.atomic
def unlock_login(actor, member: Member) -> int:
    """Clear the wrong-password count of the member's account (and so the lock); audited.
    Returns how many counted attempts were cleared."""
    if member.user is None:
        raise ValidationError(_("Đoàn viên này chưa có tài khoản đăng nhập."))
    if not may_unlock(actor, member):
        raise PermissionDenied
    username = member.user.get_username()
    cleared = login_guard.unlock(username)
    audit.record(actor, "unlock_login", member, scope_path=member.unit.path, reason=username)
    return cleared
