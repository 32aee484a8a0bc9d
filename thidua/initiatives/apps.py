from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InitiativesConfig(AppConfig):
    name = "thidua.initiatives"
    label = "initiatives"
    verbose_name = _("Sáng kiến")

    def ready(self) -> None:
        from thidua.core.home import HomePanel
        from thidua.core.home import register as register_panel
        from thidua.core.models import register_verbs
        from thidua.core.navigation import INITIATIVES, NavItem, register
        from thidua.core.sections import Section
        from thidua.core.sections import register as register_section
        from thidua.initiatives.home import agenda_item_section, panel_context

        register(NavItem(_("Danh sách sáng kiến"), "initiatives:list", order=65, group=INITIATIVES))
        register(
            NavItem(
                _("Sổ vàng"),
                "initiatives:golden_book",
                perm="initiatives.view_golden_book",
                order=66,
                group=INITIATIVES,
                needs_unit=True,
            )
        )
        from thidua.core import tree
        from thidua.initiatives.services import rewrite_paths

        tree.register(rewrite_paths)
        register_panel(HomePanel("initiatives", "initiatives/_home_panel.html", panel_context, order=30))
        from thidua.core.home import register_tasks
        from thidua.initiatives.home import level_tasks, own_tasks

        register_tasks("initiatives", own_tasks)
        register_tasks("initiatives_from_below", level_tasks)
        register_section(Section("council_agenda_item", "similar", "initiatives/_similar.html", agenda_item_section))
        from thidua.councils import subjects
        from thidua.initiatives import council_subject
        from thidua.initiatives.models import Initiative
        from thidua.initiatives.services import INITIATIVE_WORKFLOW

        subjects.register(
            subjects.SubjectType(
                model=Initiative,
                interested_members=council_subject.interested_members,
                candidates=council_subject.candidates,
                url=council_subject.url,
                workflow=INITIATIVE_WORKFLOW,
                moves=("council_pass", "council_reject"),
                related=("unit", "level"),
            )
        )
        register_verbs(
            {
                "register_initiative": _("Đăng ký sáng kiến"),
                "update_initiative": _("Sửa hồ sơ sáng kiến"),
                "submit": _("Gửi đăng ký"),
                "create_support_team": _("Thành lập tổ hỗ trợ sáng kiến"),
                "assign_support_team": _("Giao tổ hỗ trợ"),
                "comment_initiative": _("Góp ý hồ sơ"),
                "return_to_authors": _("Trả lại tác giả để bổ sung"),
                "send_to_council": _("Trình Hội đồng sáng kiến"),
                "council_pass": _("Hội đồng thông qua"),
                "council_reject": _("Hội đồng không thông qua"),
                "recognise": _("Công nhận sáng kiến"),
                "issue_recognition": _("Ban hành quyết định công nhận sáng kiến"),
                "propose": _("Đề nghị cấp trên xét"),
            }
        )
        from thidua.core.demo import DemoStage, register_stage
        from thidua.initiatives.demo import load_demo_initiatives

        register_stage(DemoStage("Sáng kiến mẫu", load_demo_initiatives, order=70))
        from thidua.core import succession
        from thidua.initiatives import succession as initiatives_succession

        succession.register(initiatives_succession.STEP)  # a dissolved unit's open work goes to its successor
        from thidua.documents import printing
        from thidua.initiatives import documents as initiative_documents

        # The print that signing in thidua signs (issue 21), as the download renders it.
        printing.register_document("initiatives.recognitiondecision", initiative_documents.decision_document)
