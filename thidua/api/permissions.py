"""Who may call the API at all, and which tokens may write."""

from django.utils.translation import gettext_lazy as _
from rest_framework import permissions

from thidua.api.models import ApiToken


class TokenAccess(permissions.BasePermission):
    """A signed-in caller (a token, or the documentation page's session); a write needs a
    read-write token."""

    message = _("Khóa API này chỉ được đọc: hãy tạo khóa “Đọc và ghi” để gửi dữ liệu.")

    def has_permission(self, request, view) -> bool:
        if not (request.user and request.user.is_authenticated):
            return False
        if request.method in permissions.SAFE_METHODS:
            return True
        return isinstance(request.auth, ApiToken) and request.auth.can_write
