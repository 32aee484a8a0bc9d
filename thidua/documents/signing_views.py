"""Signing in thidua (issue 21, item 3): the unit's signing certificate page (its standing
committee stores, replaces or removes the PKCS#12), and the "Ký số trên thidua" action on an
issued paper. Anyone else — another role, a unit above, a sibling unit, a guessed id — gets 404."""

import rules
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from thidua.core import confirm
from thidua.core.access import get_for_user
from thidua.core.forms import form_error
from thidua.documents import services, signing_keys
from thidua.documents.forms import SigningCertificateForm
from thidua.documents.models import RegisterEntry, SigningCertificate
from thidua.documents.signed_views import _next_url
from thidua.org.models import Unit


def _committee_only(request, model, pk: int, perm: str, related: tuple[str, ...] = ()):
    """The object as the user reaches it, for the unit's standing committee only: no superuser
    shortcut either (services._committee_only); anyone else reads it as a guessed id."""
    obj = get_for_user(request.user, model, pk, perm=perm, related=related)
    if not rules.has_perm(perm, request.user, obj):
        raise Http404
    return obj


@login_required
def signing_certificate(request, pk: int):
    """GET: the stored certificate's subject, issuer and validity (never the key) and the upload
    form. POST: store or replace it; a refusal is shown next to its field with status 400 and
    nothing changes."""
    unit = _committee_only(request, Unit, pk, "documents.manage_signing_certificate")
    form = SigningCertificateForm(request.POST or None, request.FILES or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            upload = form.cleaned_data["file"]
            try:
                services.store_signing_certificate(
                    request.user, unit, upload.read(), form.cleaned_data["passphrase"] or ""
                )
            except ValidationError as error:
                form_error(form, error)
            else:
                messages.success(request, _("Đã kiểm tra và lưu chứng thư số của đơn vị (đã mã hóa)."))
                return redirect(request.path)
        status = 400
    certificate = SigningCertificate.objects.filter(unit=unit).defer("sealed").first()
    context = {
        "unit": unit,
        "certificate": certificate,
        "form": form,
        "server_gaps": signing_keys.server_gaps(storing_certificates=True),
    }
    return render(request, "documents/signing_certificate.html", context, status=status)


@login_required
@require_POST
def signing_certificate_remove(request, pk: int):
    unit = _committee_only(request, Unit, pk, "documents.manage_signing_certificate")
    if not confirm.confirmed(request):
        return confirm.confirmation_page(
            request,
            title=_("Xóa chứng thư số của %(unit)s khỏi thidua?") % {"unit": unit.name},
            question=_("Sau khi xóa, đơn vị không ký số được trên thidua cho đến khi tải lên chứng thư khác."),
            button=_("Xóa chứng thư"),
            cancel=reverse("documents:signing_certificate", args=[unit.pk]),
        )
    services.remove_signing_certificate(request.user, unit)
    messages.success(request, _("Đã xóa chứng thư số của đơn vị khỏi thidua."))
    return redirect(reverse("documents:signing_certificate", args=[unit.pk]))


@login_required
@require_POST
def sign_in_thidua(request, pk: int):
    """Sign the issued paper with the unit's stored certificate; back to the paper's page."""
    entry = _committee_only(request, RegisterEntry, pk, "documents.sign_in_thidua", related=("unit",))
    try:
        services.sign_in_thidua(request.user, entry)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Đã ký số văn bản %(symbol)s trên thidua.") % {"symbol": entry.symbol})
    return redirect(_next_url(request) or reverse("documents:signed_original", args=[entry.pk]))
