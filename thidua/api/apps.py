from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    name = "thidua.api"
    label = "api"
    verbose_name = _("Giao diện lập trình (API)")

    def ready(self) -> None:
        from thidua.core.models import register_verbs

        register_verbs(
            {
                "create_api_token": _("Tạo khóa API"),
                "revoke_api_token": _("Thu hồi khóa API"),
            }
        )
