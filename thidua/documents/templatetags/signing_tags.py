"""{% can_sign_in_thidua request.user entry as flag %}: whether the "Ký số trên thidua" button
is offered on an issued paper (issue 21, item 3)."""

import rules
from django import template
from django.urls import reverse

from thidua.documents import printing
from thidua.documents.models import SigningCertificate

register = template.Library()


@register.simple_tag
def can_sign_in_thidua(user, entry) -> bool:
    """The unit's standing committee, its paper kind printable, its unit holding a certificate
    (one query, asked only of the standing committee)."""
    if entry is None or not rules.has_perm("documents.sign_in_thidua", user, entry) or not printing.can_print(entry):
        return False
    return SigningCertificate.objects.filter(unit_id=entry.unit_id).exists()


@register.simple_tag
def signing_certificate_to_store(user, entry) -> str:
    """For the unit's standing committee on a printable paper whose unit holds no certificate
    yet: the certificate page's address, so the paper's box can say where "Ký số trên thidua"
    comes from. Empty for anyone else (one query, asked only of the standing committee)."""
    if entry is None or not rules.has_perm("documents.sign_in_thidua", user, entry) or not printing.can_print(entry):
        return ""
    if SigningCertificate.objects.filter(unit_id=entry.unit_id).exists():
        return ""
    return reverse("documents:signing_certificate", args=[entry.unit_id])
