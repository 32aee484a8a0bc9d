from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "thidua.reports"
    label = "reports"
    verbose_name = _("Báo cáo")

    def ready(self) -> None:
        from thidua.core import tree
        from thidua.core.models import register_verbs
        from thidua.reports.tallies import rewrite_paths

        tree.register(rewrite_paths)  # the roll-up's totals follow units that move or merge
        from thidua.core.navigation import NavItem, register

        register(NavItem(_("Báo cáo"), "reports:list", perm="reports.use_reports", order=60, needs_unit=True))
        from thidua.core.home import HomePanel
        from thidua.core.home import register as register_panel
        from thidua.reports.home import panel_context

        register_panel(HomePanel("reports", "reports/_home_panel.html", panel_context, order=20))
        from thidua.core.home import register_tasks
        from thidua.reports.home import tasks

        register_tasks("reports", tasks)
        from thidua.core.sections import Section
        from thidua.core.sections import register as register_section
        from thidua.reports.sections import campaign_section

        register_section(Section("campaign_detail", "reports", "reports/_campaign_section.html", campaign_section))
        register_verbs(
            {
                "create_report_form": _("Soạn biểu mẫu báo cáo"),
                "update_report_form": _("Sửa biểu mẫu báo cáo"),
                "save_indicator": _("Sửa chỉ tiêu báo cáo"),
                "delete_indicator": _("Xóa chỉ tiêu báo cáo"),
                "publish_report_form": _("Gửi biểu mẫu báo cáo"),
                "save_report_draft": _("Lưu nháp báo cáo"),
                "submit_report": _("Nộp báo cáo"),
                "return_report": _("Trả lại báo cáo"),
                "accept_report": _("Tiếp nhận báo cáo"),
                "draft_review": _("Soạn báo cáo sơ kết, tổng kết"),
                "update_review": _("Sửa báo cáo sơ kết, tổng kết"),
                "issue_review": _("Ban hành báo cáo sơ kết, tổng kết"),
                "refresh_review": _("Cập nhật số liệu báo cáo sơ kết, tổng kết"),
                "remind_late_units": _("Nhắc các đơn vị chưa nộp báo cáo"),
            }
        )
        from thidua.core.demo import DemoStage, register_stage
        from thidua.reports.demo import load_demo_reports, load_demo_review

        register_stage(DemoStage("Báo cáo mẫu", load_demo_reports, order=70))
        # After every other stage (awards is 80): the draft review reads the whole demo's figures.
        register_stage(DemoStage("Báo cáo tổng kết mẫu", load_demo_review, order=95))
        from thidua.core import succession
        from thidua.reports import succession as reports_succession

        succession.register(reports_succession.STEP)  # a dissolved unit's open work goes to its successor
        from thidua.documents import printing
        from thidua.reports import review_document

        # The print that signing in thidua signs (issue 21), as the download renders it.
        printing.register_document("reports.campaignreview", review_document.build)
        printing.register_page("reports.campaignreview", "reports:review")
