from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DocumentsConfig(AppConfig):
    name = "thidua.documents"
    label = "documents"
    verbose_name = _("Văn bản")

    def ready(self) -> None:
        from thidua.core.models import register_verbs
        from thidua.core.navigation import NavItem, register

        register_verbs({"take_number": _("Lấy số văn bản")})
        from thidua.core import succession
        from thidua.documents.services import count_papers, freeze_letterheads

        succession.register_freeze(freeze_letterheads, count_papers)  # issued papers keep their letterhead
        register(NavItem(_("Sổ văn bản"), "documents:register", perm="documents.view_register", order=60))
        from thidua.documents.pages import register_pages

        register_pages()  # the letterhead page: menu entry, section on the unit's page, audit verb
        from thidua.core.demo import DemoStage, register_stage
        from thidua.documents.legal import load_demo_legal

        # Before any paper of the demo is issued: the laws and rules they cite by date.
        register_stage(DemoStage("Văn bản pháp lý làm căn cứ", load_demo_legal, order=5))
        from thidua.documents.demo import load_demo_letterheads

        # Who signs each unit's papers, before the first paper is issued: a stage of its own, so a
        # test that loads one app's stage (initiatives, awards) can load the signers with it.
        register_stage(DemoStage("Thông tin cơ quan ban hành mẫu", load_demo_letterheads, order=10))
