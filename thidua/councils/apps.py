from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CouncilsConfig(AppConfig):
    name = "thidua.councils"
    label = "councils"
    verbose_name = _("Hội đồng")

    def ready(self) -> None:
        from thidua.core.demo import DemoStage, register_stage
        from thidua.core.home import register_tasks
        from thidua.core.models import register_verbs
        from thidua.core.navigation import INITIATIVES, NavItem, register
        from thidua.councils.demo import load_demo_councils
        from thidua.councils.home import tasks

        # Initiative councils first; the awards flow will file its councils here too.
        register(NavItem(_("Hội đồng"), "councils:list", order=68, group=INITIATIVES))
        register_tasks("councils", tasks)
        # After initiatives (70) and awards (80) have built Long Biên's councils.
        register_stage(DemoStage("Hội đồng mẫu", load_demo_councils, order=90))

        register_verbs(
            {
                "create_council": _("Thành lập hội đồng"),
                "set_pass_rule": _("Đặt tỷ lệ thông qua"),
                "add_council_member": _("Thêm thành viên hội đồng"),
                "open_session": _("Mở phiên họp"),
                "set_attendance": _("Điểm danh"),
                "add_to_agenda": _("Đưa vào phiên họp"),
                "cast_ballot": _("Chấm điểm, biểu quyết"),
                "record_written_ballot": _("Thư ký nhập ý kiến bằng văn bản"),
                "record_paper_ballot": _("Thư ký nhập phiếu thay thành viên"),
                "cast_written_ballot": _("Gửi ý kiến bằng văn bản"),
                "set_quorum": _("Đặt số thành viên có mặt tối thiểu"),
                "adjourn_session": _("Hoãn phiên họp"),
                "decide_item": _("Kết quả biểu quyết"),
                "close_session": _("Kết thúc phiên họp"),
            }
        )
        from thidua.councils import minutes
        from thidua.documents import printing

        # The print that signing in thidua signs (issue 21), as the download renders it.
        printing.register_document("councils.session", minutes.build)
        printing.register_page("councils.session", "councils:session")
