"""Where the letterhead page is reached from (called by DocumentsConfig.ready): the menu of
those who issue papers, a section on their own unit's page, and the audit verb it records."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _


def unit_letterhead_section(request, unit):
    """On the unit's page, for those who may edit its letterhead: a link to it. No query (the
    unit page's count is fixed): the letterhead itself is shown on its own page."""
    if not request.user.has_perm("documents.change_issuer_profile", unit):
        return None
    return {"letterhead_url": reverse("documents:issuer_profile", args=[unit.pk])}


def unit_signing_certificate_section(request, unit):
    """On the unit's page, for its standing committee: the signing certificate page (issue 21,
    item 3). No query."""
    import rules

    if not rules.has_perm("documents.manage_signing_certificate", request.user, unit):
        return None
    return {"signing_certificate_url": reverse("documents:signing_certificate", args=[unit.pk])}


def register_pages() -> None:
    import rules

    from thidua.core.models import register_verbs
    from thidua.core.navigation import ORGANISATION, NavItem, register
    from thidua.core.sections import Section
    from thidua.core.sections import register as register_section
    from thidua.documents.rules import number_taker

    # Without an object: whether the menu offers the page (it opens the acting unit's own).
    if not rules.perm_exists("documents.edit_own_issuer_profile"):
        rules.add_perm("documents.edit_own_issuer_profile", number_taker)
    register_verbs(
        {
            "update_issuer_profile": _("Sửa thông tin cơ quan ban hành"),
            "attach_signed_original": _("Lưu bản ký số của văn bản"),
            "publish_signed_original": _("Công khai bản ký số"),
            "recheck_signed_original": _("Kiểm tra lại bản ký số"),
            "unpublish_signed_original": _("Thôi công khai bản ký số"),
            "store_signing_certificate": _("Lưu chứng thư ký số của đơn vị"),
            "remove_signing_certificate": _("Xóa chứng thư ký số của đơn vị"),
            "sign_in_thidua": _("Ký số văn bản trên thidua"),
        }
    )
    register(
        NavItem(
            _("Thông tin cơ quan ban hành"),
            "documents:my_issuer_profile",
            perm="documents.edit_own_issuer_profile",
            order=35,
            group=ORGANISATION,
        )
    )
    register_section(
        Section("unit_detail", "letterhead", "documents/_unit_letterhead.html", unit_letterhead_section, order=50)
    )
    register_section(
        Section(
            "unit_detail",
            "signing_certificate",
            "documents/_unit_signing_certificate.html",
            unit_signing_certificate_section,
            order=50,  # with the letterhead (issuing papers), not under the awards' record (also 50, registered later)
        )
    )
