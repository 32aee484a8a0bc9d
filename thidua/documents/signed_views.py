"""Pages of a paper's signed original (issue 21): the upload (the issuing unit's officers), the
signed file's own download (the register's readers), and `signed_pdf` — the hook each paper's
PDF download calls so that, once a valid signed original is attached, the paper downloads as
signed; `?ban-in=1` still gives the unsigned print. Each paper's page shows the verdict with
`documents/_signed_original.html` (included with `entry` and the paper's PDF URL)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from thidua.core.access import get_for_user
from thidua.core.forms import form_error
from thidua.documents import printing, services, signing_keys
from thidua.documents.forms import SignedOriginalForm
from thidua.documents.models import RegisterEntry, SignedOriginal, Verdict
from thidua.documents.queries import valid_signed_original

PRINT_PARAM = "ban-in"  # ?ban-in=1: the unsigned print of a paper that has a signed original


def _file_name(entry: RegisterEntry) -> str:
    """ "05-qd-ldld-2026-da-ky-so.pdf": the symbol, in ASCII."""
    ascii_symbol = slugify(entry.symbol.replace("Đ", "D").replace("đ", "d").replace("/", "-"))
    return f"{ascii_symbol}-{entry.year}-da-ky-so.pdf"


def signed_file_response(signed: SignedOriginal) -> FileResponse:
    return FileResponse(
        signed.file.open("rb"), as_attachment=True, filename=_file_name(signed.entry), content_type="application/pdf"
    )


def signed_pdf(request, entry: RegisterEntry | None) -> FileResponse | None:
    """For a paper's PDF download, after its own scoped fetch: the valid signed original of
    `entry`, or None (no entry, none attached, not valid, or the print asked for)."""
    if entry is None or request.GET.get(PRINT_PARAM):
        return None
    signed = valid_signed_original(entry)
    return signed_file_response(signed) if signed is not None else None


def _next_url(request) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return target
    return ""


@login_required
def signed_original(request, pk: int):
    """The paper's signed original: verdict, signers, and for the issuing unit's officers the
    upload. GET: the register's readers of the unit's subtree. POST: documents.attach_signed
    (the issuing unit itself); anyone else, a unit above included, 404. A refused file is shown
    next to the field, with status 400, and nothing changes."""
    perm = "documents.attach_signed" if request.method == "POST" else "documents.view_entry"
    entry = get_for_user(request.user, RegisterEntry, pk, perm=perm, related=("unit",))
    form = SignedOriginalForm(request.POST or None, request.FILES or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            upload = form.cleaned_data["file"]
            try:
                services.attach_signed_original(request.user, entry, upload.read(), name=upload.name or "")
            except ValidationError as error:
                form_error(form, error)
            else:
                messages.success(
                    request, _("Đã kiểm tra và lưu bản ký số của văn bản %(symbol)s.") % {"symbol": entry.symbol}
                )
                return redirect(_next_url(request) or request.path)
        status = 400
    signed = SignedOriginal.objects.filter(entry=entry).first()
    context = {
        "entry": entry,
        "signed": signed,
        "form": form,
        "next": _next_url(request),
        # Opened without ?next= (from a bookmark, the register…): back to the paper's own page,
        # or the register when its kind has none (documents.printing.page_of).
        "paper_url": printing.page_of(entry),
        "can_sign": request.user.has_perm("documents.attach_signed", entry),
    }
    if context["can_sign"]:
        context["server_gaps"] = signing_keys.server_gaps(storing_certificates=False)
    return render(request, "documents/signed_original.html", context, status=status)


@login_required
@require_POST
def signed_original_publish(request, pk: int):
    """The issuing unit's officers make the valid signed original public (or not)."""
    entry = get_for_user(request.user, RegisterEntry, pk, perm="documents.attach_signed")
    public = request.POST.get("public") == "1"
    try:
        services.publish_signed_original(request.user, entry, public)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("Đã công khai bản ký số: ai cũng tải được từ bảng vinh danh.")
            if public
            else _("Đã thôi công khai bản ký số."),
        )
    return redirect(_next_url(request) or reverse("documents:signed_original", args=[entry.pk]))


@login_required
@require_POST
def signed_original_recheck(request, pk: int):
    """The issuing unit's officers verify the stored file again (certificate validity today,
    today's trust store)."""
    entry = get_for_user(request.user, RegisterEntry, pk, perm="documents.attach_signed")
    try:
        signed = services.recheck_signed_original(request.user, entry)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        if signed.is_valid:
            messages.success(request, _("Đã kiểm tra lại: chữ ký số vẫn hợp lệ."))
        else:
            messages.error(request, _("Kiểm tra lại: %(verdict)s.") % {"verdict": signed.get_verdict_display()})
    return redirect(_next_url(request) or reverse("documents:signed_original", args=[entry.pk]))


def public_signed_file(request, pk: int):
    """A signed original its issuing unit made public (no login): 404 for any other."""
    signed = (
        SignedOriginal.objects.filter(entry_id=pk, verdict=Verdict.VALID, public=True).select_related("entry").first()
    )
    if signed is None:
        raise Http404
    return signed_file_response(signed)


@login_required
def signed_original_file(request, pk: int):
    """The signed PDF itself, for the register's readers of the unit's subtree."""
    entry = get_for_user(request.user, RegisterEntry, pk, perm="documents.view_entry")
    signed = valid_signed_original(entry)
    if signed is None:
        raise Http404
    return signed_file_response(signed)
