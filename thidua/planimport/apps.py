from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlanImportConfig(AppConfig):
    """No models: installed only for its ``import_plan`` management command."""

    name = "thidua.planimport"
    label = "planimport"
    verbose_name = _("Đọc kế hoạch từ văn bản")
