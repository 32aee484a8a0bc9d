"""Uploading a spreadsheet of units or members, and following its import.

The rules are in org.imports; these views only take the upload, queue the job and show it."""

import os

from django import forms
from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from thidua.core.access import get_for_user, require
from thidua.core.background import enqueue
from thidua.org import imports, tasks
from thidua.org.exports import XLSX, xlsx_response
from thidua.org.forms import BootstrapMixin
from thidua.org.models import ImportJob, ImportKind, Unit, UnitStatus

PERMS = {ImportKind.MEMBERS: "org.import_members", ImportKind.UNITS: "org.import_units"}
EXTENSIONS = (".xlsx", ".csv")


class ImportUploadForm(BootstrapMixin, forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Tệp dữ liệu (.xlsx hoặc .csv)"),
        error_messages={
            "required": gettext_lazy("Hãy chọn tệp cần nhập."),
            "empty": gettext_lazy("Tệp không có dòng dữ liệu nào."),
            "invalid": gettext_lazy("Không nhận được tệp; hãy chọn lại tệp cần nhập."),
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].widget.attrs["accept"] = ",".join(EXTENSIONS)

    def clean_file(self):
        upload = self.cleaned_data["file"]
        name = os.path.basename(upload.name)
        if not name.lower().endswith(EXTENSIONS):
            raise forms.ValidationError(
                _('Chỉ nhận tệp .xlsx hoặc .csv; tệp "%(name)s" không phải. Hãy lưu lại bằng Excel dưới dạng .xlsx.')
                % {"name": name}
            )
        limit = settings.THIDUA_IMPORT_MAX_BYTES
        if upload.size > limit:
            raise forms.ValidationError(
                _("Tệp quá lớn (%(size)s); giới hạn là %(limit)s. Hãy chia thành nhiều tệp nhỏ hơn.")
                % {"size": filesizeformat(upload.size), "limit": filesizeformat(limit)}
            )
        return upload


def _upload(request, kind: str):
    user = request.user
    require(user, PERMS[kind])
    # Bound on every POST: a POST without a file must say so, not show an empty form.
    form = ImportUploadForm(request.POST, request.FILES) if request.method == "POST" else ImportUploadForm()
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        role = getattr(user, "acting_role", None)
        job = ImportJob.objects.create(
            kind=kind,
            file=upload,
            file_name=os.path.basename(upload.name)[:255],
            actor=user,
            role=role,
            scope_path=role.unit.path if role is not None else "",
        )
        enqueue(tasks.run_import, job.pk)
        return redirect("org:import_job", pk=job.pk)
    context = {
        "form": form,
        "kind": kind,
        "kind_label": ImportKind(kind).label,
        "columns": imports.columns_for(kind),
        "jobs": ImportJob.objects.visible_to(user).filter(kind=kind, actor=user)[:10],
        "can_members": user.has_perm(PERMS[ImportKind.MEMBERS]),
        "can_units": user.has_perm(PERMS[ImportKind.UNITS]),
    }
    return render(request, "org/import_form.html", context)


@login_required
def import_members(request):
    return _upload(request, ImportKind.MEMBERS)


@login_required
def import_units(request):
    return _upload(request, ImportKind.UNITS)


@login_required
def import_template(request, kind: str):
    if kind not in ImportKind.values:
        raise Http404
    require(request.user, PERMS[kind])
    # The example row uses one of the user's own codes, so it imports as it stands.
    scoped = Unit.objects.visible_to(request.user).filter(status=UnitStatus.ACTIVE).order_by("path")
    if kind == ImportKind.MEMBERS:
        unit = scoped.filter(Q(kind__is_grassroots=True) | Q(kind__is_group=True)).first()
        examples = {"unit_code": unit.code} if unit else {}
    else:
        unit = scoped.filter(kind__is_grassroots=False, kind__is_group=False).first()
        examples = {"parent_code": unit.code} if unit else {}
    content = imports.template_xlsx(kind, examples=examples)
    name = "mau-nhap-doan-vien.xlsx" if kind == ImportKind.MEMBERS else "mau-nhap-don-vi.xlsx"
    response = HttpResponse(content, content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@login_required
def import_job(request, pk: int):
    job = get_for_user(request.user, ImportJob, pk)
    context = {
        "job": job,
        "progress": None if job.is_finished else imports.job_progress(job),
        "errors": job.errors[:500],
        "more_errors": max(len(job.errors) - 500, 0),
        "retry_url": "org:import_members" if job.kind == ImportKind.MEMBERS else "org:import_units",
    }
    template = "org/import_job.html#status" if request.htmx else "org/import_job.html"
    return render(request, template, context)


@login_required
def import_job_errors(request, pk: int):
    job = get_for_user(request.user, ImportJob, pk)
    rows = ([e.get("row") or "", e.get("column", ""), e.get("message", "")] for e in job.errors)
    return xlsx_response(
        f"loi-nhap-du-lieu-{job.pk}.xlsx",
        [_("Dòng"), _("Cột"), _("Lỗi")],
        rows,
        [8, 24, 90],
        sheet=_("Lỗi nhập dữ liệu"),
    )
