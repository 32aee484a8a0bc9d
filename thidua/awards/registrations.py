"""What the awards app adds to the rest of thidua (menu, home panels, council subjects, audit
verbs, demo stage). One function per part of the app; `AwardsConfig.ready` calls them all."""


def register_all() -> None:
    for part in (register_nominations, register_documents, register_figures, register_intake):
        part()


def register_nominations() -> None:
    """Menu, council subject, audit verbs and demo stage of the nomination flow."""
    from thidua.awards import council_subject
    from thidua.awards.models import Nomination
    from thidua.awards.workflow import AUDIT_VERBS, NOMINATION_WORKFLOW
    from thidua.core.models import register_verbs
    from thidua.councils import subjects

    subjects.register(
        subjects.SubjectType(
            model=Nomination,
            interested_members=council_subject.interested_members,
            candidates=council_subject.candidates,
            url=council_subject.url,
            pass_rule=council_subject.pass_rule,
            workflow=NOMINATION_WORKFLOW,
            moves=("nomination_council_pass", "nomination_council_reject"),
            related=("unit", "level", "level__kind", "award_kind", "campaign", "subject_member", "subject_unit"),
        )
    )
    register_verbs(AUDIT_VERBS)
    from django.utils.translation import gettext_lazy as _

    from thidua.core.navigation import AWARDS, NavItem, register
    from thidua.core.sections import Section
    from thidua.core.sections import register as register_section

    register(NavItem(_("Đề nghị khen thưởng"), "awards:my_nominations", "awards.use_nominations", 70, group=AWARDS))
    register(NavItem(_("Xét khen thưởng"), "awards:queue", "awards.view_queue", 71, group=AWARDS, needs_unit=True))
    register(NavItem(_("Quyết định khen thưởng"), "awards:decisions", "awards.use_review", 72, group=AWARDS))
    from thidua.awards import sections

    register_section(
        Section("campaign_detail", "awards", "awards/nominations/_campaign_section.html", sections.campaign_section, 60)
    )
    register_section(
        Section("member_detail", "awards", "awards/nominations/_record_section.html", sections.member_section, 50)
    )
    register_section(
        Section("unit_detail", "awards", "awards/nominations/_record_section.html", sections.unit_section, 50)
    )
    register_section(
        Section(
            "council_agenda_item", "awards", "awards/nominations/_agenda_item.html", sections.agenda_item_section, 50
        )
    )
    from thidua.awards.demo import load_demo_awards
    from thidua.core.demo import DemoStage, register_stage

    # After the initiatives (70): the awards' criteria read recognised initiatives.
    register_stage(DemoStage("Khen thưởng mẫu", load_demo_awards, order=80))


def register_documents() -> None:
    """Decisions, certificates and the honour roll: the honour roll's menu entry, for every
    signed-in user (the page itself is public)."""
    from django.utils.translation import gettext_lazy as _

    from thidua.core.navigation import AWARDS, NavItem, register

    register(NavItem(_("Bảng vinh danh"), "awards:honour_index", order=79, group=AWARDS))


def register_figures() -> None:
    """Awards figures for the dashboard and the campaign review: the home page's "Khen
    thưởng" panel, and the awards lines of a sơ kết / tổng kết draft (reports asks its
    registered providers, so it never imports this app)."""
    from thidua.awards.figures import review_lines
    from thidua.awards.home import panel_context
    from thidua.core.home import HomePanel
    from thidua.core.home import register as register_panel
    from thidua.reports.review_document import register_lines

    register_panel(HomePanel("awards", "awards/_home_panel.html", panel_context, order=40))
    from thidua.awards.home import own_tasks, unit_tasks
    from thidua.core.home import register_tasks

    register_tasks("awards", own_tasks)
    register_tasks("awards_unit", unit_tasks)
    register_lines(review_lines)


def register_intake() -> None:
    """Excel intake of nomination lists: a menu entry for those who nominate (a CĐCS's chair
    or officer)."""
    from django.utils.translation import gettext_lazy as _

    from thidua.core.navigation import AWARDS, NavItem, register

    register(
        NavItem(
            _("Nhập danh sách đề nghị"),
            "awards:intake",
            perm="awards.use_nominations",
            order=74,
            group=AWARDS,
            needs_unit=True,
        )
    )
