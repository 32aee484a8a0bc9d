"""The Django admin is for superusers only: it does not go through the tree scope, so a
staff flag alone must never open it."""

from django.utils.translation import gettext_lazy as _


def restrict_admin_to_superusers(site) -> None:
    site.has_permission = lambda request: request.user.is_active and request.user.is_superuser
    site.site_header = _("Quản trị thidua")
    site.site_title = _("Quản trị thidua")
    site.index_title = _("Danh mục")
