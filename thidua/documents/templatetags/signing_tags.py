"""{% can_sign_in_thidua request.user entry as flag %}: whether the "Ký số trên thidua" button
is offered on an issued paper (issue 21, item 3)."""

import rules
from django import template
from django.urls import reverse

from thidua.documents import printing
from thidua.documents.models import SigningCertificate

register = template.Library()


def _committee_on_printable(user, entry) -> bool:
    """The paper's unit's standing committee, on a paper whose kind thidua can print."""
    return entry is not None and rules.has_perm("documents.sign_in_thidua", user, entry) and printing.can_print(entry)


@register.simple_tag
def can_sign_in_thidua(user, entry) -> bool:
    """The unit's standing committee, its paper kind printable, its unit holding a certificate
    (one query, asked only of the standing committee)."""
    if not _committee_on_printable(user, entry):
        return False
    return SigningCertificate.objects.filter(unit_id=entry.unit_id).exists()


@register.simple_tag
def signing_certificate_to_store(user, entry) -> str:
    """For the unit's standing committee on a printable paper whose unit holds no certificate
    yet: the certificate page's address, so the paper's box can say where "Ký số trên thidua"
    comes from. Empty for anyone else (one query, asked only of the standing committee)."""
    if not _committee_on_printable(user, entry):
        return ""
    if SigningCertificate.objects.filter(unit_id=entry.unit_id).exists():
        return ""
    return reverse("documents:signing_certificate", args=[entry.unit_id])
