from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "thidua.core"
    label = "core"
    verbose_name = _("Hệ thống")

    def ready(self):
        from thidua.core.models import register_verbs

        register_verbs({"unlock_login": _("Mở khóa đăng nhập")})
