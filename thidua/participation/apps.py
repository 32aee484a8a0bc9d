from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ParticipationConfig(AppConfig):
    name = "thidua.participation"
    label = "participation"
    verbose_name = _("Tham gia thi đua")

    def ready(self) -> None:
        from thidua.core.models import register_verbs
        from thidua.core.navigation import EMULATION, NavItem, register
        from thidua.core.sections import Section
        from thidua.core.sections import register as register_section
        from thidua.participation.sections import campaign_section, covenant_section, member_section

        register(NavItem(_("Giao ước"), "participation:covenants", order=50, group=EMULATION))
        register(
            NavItem(
                _("Đăng ký danh hiệu"),
                "participation:titles",
                order=55,
                group=EMULATION,
                needs_unit=True,
                perm="participation.view_titles",
            )
        )
        from thidua.core.home import register_tasks
        from thidua.participation.home import own_tasks

        register_tasks("participation", own_tasks)
        register_section(
            Section("campaign_detail", "participation", "participation/_campaign_section.html", campaign_section)
        )
        register_section(
            Section("campaign_detail", "covenants", "participation/_covenant_section.html", covenant_section, order=110)
        )
        register_section(
            Section("member_detail", "participation", "participation/_member_section.html", member_section)
        )
        register_verbs(
            {
                "set_participation_due": _("Đặt thời hạn tham gia"),
                "register_work": _("Đăng ký công trình, phần việc"),
                "complete_work": _("Hoàn thành công trình"),
                "inaugurate_work": _("Khánh thành công trình"),
                "add_evidence": _("Gửi tin bài, hình ảnh"),
                "register_unit": _("Đăng ký thi đua"),
                "update_registration": _("Sửa đăng ký thi đua"),
                "register_titles": _("Đăng ký danh hiệu"),
                "withdraw_title": _("Rút đăng ký danh hiệu"),
                "import_titles": _("Nhập danh sách đăng ký danh hiệu"),
                "register_model": _("Đăng ký mô hình"),
                "model_results": _("Ghi kết quả mô hình"),
                "create_covenant": _("Soạn giao ước thi đua"),
                "tie_covenant": _("Gắn giao ước với kế hoạch"),
                "sign_covenant": _("Ký giao ước"),
                "inspect_covenant": _("Kiểm tra thực hiện giao ước"),
            }
        )
        from thidua.core.demo import DemoStage, register_stage
        from thidua.participation.demo import load_demo_participation

        register_stage(DemoStage("Tham gia thi đua mẫu", load_demo_participation, order=60))
