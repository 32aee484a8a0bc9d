from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CampaignsConfig(AppConfig):
    name = "thidua.campaigns"
    label = "campaigns"
    verbose_name = _("Phong trào thi đua")

    def ready(self) -> None:
        from thidua.campaigns.home import panel_context
        from thidua.core.home import HomePanel
        from thidua.core.home import register as register_panel
        from thidua.core.models import register_verbs
        from thidua.core.navigation import EMULATION, NavItem, register

        register(NavItem(_("Kế hoạch"), "campaigns:list", order=40, group=EMULATION))
        register(NavItem(_("Lịch"), "campaigns:calendar", order=45, group=EMULATION, needs_unit=True))
        register_panel(HomePanel("campaigns", "campaigns/_home_panel.html", panel_context, order=10))
        from thidua.campaigns.home import tasks
        from thidua.core.home import register_tasks

        register_tasks("campaigns", tasks)
        register_verbs(
            {
                "create_campaign": _("Soạn kế hoạch"),
                "update_campaign": _("Sửa kế hoạch"),
                "set_targets": _("Chọn nơi triển khai"),
                "save_reward": _("Sửa phần khen thưởng"),
                "issue": _("Ban hành"),
                "close": _("Kết thúc"),
                "acknowledge": _("Xác nhận đã nhận kế hoạch"),
                "launch": _("Phát động"),
                "forward": _("Triển khai tiếp"),
                "start_own_plan": _("Soạn kế hoạch của đơn vị"),
                "import_plan": _("Nhập kế hoạch từ văn bản"),
                **{
                    f"save_{p}": _("Sửa nội dung kế hoạch")
                    for p in ("reference", "section", "activity", "deadline", "responsibility")
                },
                **{
                    f"delete_{p}": _("Xóa nội dung kế hoạch")
                    for p in ("reference", "section", "activity", "deadline", "responsibility")
                },
            }
        )
        from thidua.campaigns.demo import load_demo_campaigns
        from thidua.core.demo import DemoStage, register_stage

        register_stage(DemoStage("Kế hoạch thi đua mẫu", load_demo_campaigns, order=50))
        from thidua.campaigns import succession as campaigns_succession
        from thidua.core import succession

        for step in campaigns_succession.STEPS:  # open plans go on under a dissolved unit's successor
            succession.register(step)
        from thidua.campaigns import plan_document
        from thidua.documents import printing

        # The print that signing in thidua signs (issue 21), as the download renders it.
        printing.register_document("campaigns.campaign", plan_document.build)
        printing.register_page("campaigns.campaign", "campaigns:detail")
