"""Importing a higher level's plan: upload or paste → review what was read beside the sentences
it came from → create the draft campaign of the acting unit (plan_import.create_draft).

Nothing is stored before the officer presses "Tạo bản nháp": the extract travels in the review
page as signed JSON (plan_import.seal), and every value is validated again on submit."""

import os
from dataclasses import dataclass
from functools import wraps
from urllib.parse import parse_qsl

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import TooManyFieldsSent, ValidationError
from django.http import Http404, QueryDict
from django.shortcuts import redirect, render
from django.utils.datastructures import MultiValueDict
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_POST

from thidua.campaigns import plan_import
from thidua.campaigns.forms import (
    DeadlineFormSet,
    HigherPlanForm,
    ImportDraftForm,
    ImportRewardForm,
    PeriodicFormSet,
    PlanUploadForm,
    ReferenceFormSet,
    ResponsibilityFormSet,
    SectionFormSet,
)
from thidua.core.access import require
from thidua.planimport import PlanExtract, PlanImportError, parse, read_text

# Which parts of the extract each field was read from: the first key with a value, in
# `evidence` (a scalar's source line) or in the extract itself, is shown beside the field.
DRAFT_EVIDENCE = {
    "kind": ("period_start", "period_end", "end_condition"),
    "title": ("title",),
    "movement_name": ("movement_names", "movement_name"),
    "place": ("place", "date"),
    "starts_on": ("period_start", "period"),
    "ends_on": ("period_end", "period"),
    "end_condition": ("end_condition", "period_end"),
    "signer_title": ("signer_title",),
    "signer_name": ("signer_name",),
    "recipients": ("recipients",),
}
HIGHER_EVIDENCE = {
    "doc_kind": ("doc_type",),
    "number": ("number", "symbol"),
    "issued_on": ("date",),
    "issuer": ("issuer", "issuer_parent"),
    "title": ("title",),
}
REWARD_EVIDENCE = {
    "targets": ("reward_targets",),
    "collective_criteria": ("collective_criteria",),
    "individual_criteria": ("individual_criteria",),
    "quota_rule": ("quota",),
    "dossier": ("dossier",),
    "procedure": ("procedure",),
    "award_forms": ("award_forms",),
    "nomination_due_on": ("nomination_due", "nomination_due_text"),
    "nomination_due_text": ("nomination_due_text", "nomination_due"),
}
# Fields that need not be found when their partner was: a window ends on a date or on a
# condition; nominations are due on a date or "có thông báo sau".
PARTNERS = {
    "ends_on": "end_condition",
    "end_condition": "ends_on",
    "nomination_due_on": "nomination_due_text",
    "nomination_due_text": "nomination_due_on",
}
# Guessed, not read: nothing to quote.
GUESSED = {"kind", "procedure"}


# A plan of 300 headings is 1,500 fields on the review page (five a heading), over the 1,000 that
# Django lets any request carry (DATA_UPLOAD_MAX_NUMBER_FIELDS). The review page alone may send up
# to this many; the upload refuses a plan whose page would hold more, so what it shows it accepts.
REVIEW_MAX_FIELDS = 10_000


def _accepts_review_fields(view):
    """`view` reads a form-encoded POST of up to REVIEW_MAX_FIELDS fields. The body is parsed
    here, before the CSRF check (which reads the POST, and would refuse it under Django's limit),
    and the check is then made as the middleware would; the body's size cap
    (DATA_UPLOAD_MAX_MEMORY_SIZE) still holds."""
    protected = csrf_protect(view)

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if (
            request.method == "POST"
            and request.content_type == "application/x-www-form-urlencoded"
            and not hasattr(request, "_post")
        ):
            try:
                pairs = parse_qsl(
                    request.body.decode("utf-8", "replace"), keep_blank_values=True, max_num_fields=REVIEW_MAX_FIELDS
                )
            except ValueError as error:
                raise TooManyFieldsSent(f"More than {REVIEW_MAX_FIELDS} fields on the plan review page.") from error
            post = QueryDict(mutable=True)
            for key, value in pairs:
                post.appendlist(key, value)
            post._mutable = False
            request._post, request._files = post, MultiValueDict()
        return protected(request, *args, **kwargs)

    return csrf_exempt(wrapper)


def _field_count(forms: "ReviewForms") -> int:
    """The fields the review page of `forms` sends (its management forms, the state, the token)."""
    count = 2
    for form in forms.all():
        if hasattr(form, "management_form"):
            count += len(form.management_form.fields) + sum(len(row.fields) for row in form.forms)
        else:
            count += len(form.fields)
    return count


@dataclass
class ReviewForms:
    draft: ImportDraftForm
    higher: HigherPlanForm
    references: ReferenceFormSet
    deadlines: DeadlineFormSet
    periodic: PeriodicFormSet
    sections: SectionFormSet
    reward: ImportRewardForm
    responsibilities: ResponsibilityFormSet

    def all(self):
        return [
            self.draft,
            self.higher,
            self.references,
            self.deadlines,
            self.periodic,
            self.sections,
            self.reward,
            self.responsibilities,
        ]

    def is_valid(self) -> bool:
        return all([form.is_valid() for form in self.all()])  # every form validated, for its messages


def _acting_unit(request):
    role = request.user.acting_role
    if role is None:
        raise Http404
    require(request.user, "campaigns.add_campaign", role.unit)
    return role.unit


def _review_forms(extract: PlanExtract, data=None) -> ReviewForms:
    values = plan_import.draft_values(extract)
    sections = [
        {k: row[k] for k in ("heading", "part", "target_sector", "mode")} | {"index": i}
        for i, row in enumerate(values["sections"])
    ]
    return ReviewForms(
        draft=ImportDraftForm(data, initial=values["campaign"], prefix="plan"),
        higher=HigherPlanForm(data, initial=values["higher_plan"], prefix="higher"),
        references=ReferenceFormSet(data, initial=values["references"], prefix="ref"),
        deadlines=DeadlineFormSet(data, initial=values["deadlines"], prefix="deadline"),
        periodic=PeriodicFormSet(data, initial=values["periodic"], prefix="periodic"),
        sections=SectionFormSet(data, initial=sections, prefix="section"),
        reward=ImportRewardForm(data, initial=values["reward"], prefix="reward"),
        responsibilities=ResponsibilityFormSet(data, initial=values["responsibilities"], prefix="resp"),
    )


def _value(extract: PlanExtract, key: str):
    return getattr(extract, key, None)


def _source(extract: PlanExtract, keys: tuple[str, ...]) -> str:
    for key in keys:
        if extract.evidence.get(key):
            return extract.evidence[key]
    return ""


def _found(extract: PlanExtract, keys: tuple[str, ...]) -> bool:
    return any(_value(extract, k) not in (None, "", []) for k in keys)


def _field_rows(form, extract: PlanExtract, table: dict[str, tuple[str, ...]]) -> list[dict]:
    """Each field with the line it was read from, or a note that the document did not say."""
    found = {name: _found(extract, keys) for name, keys in table.items()}
    rows = []
    for field in form:
        keys = table.get(field.name, ())
        partner = PARTNERS.get(field.name)
        rows.append(
            {
                "field": field,
                "source": _source(extract, keys),
                "guessed": field.name in GUESSED,
                "missing": field.name not in GUESSED and not found.get(field.name) and not found.get(partner, False),
            }
        )
    return rows


def _list_rows(formset, items: list) -> list[dict]:
    return [
        {"form": form, "source": getattr(items[i], "source", "") if i < len(items) else ""}
        for i, form in enumerate(formset.forms)
    ]


def _section_rows(formset, extract: PlanExtract) -> list[dict]:
    top = min((s.level for s in extract.sections), default=1)
    rows = []
    for i, form in enumerate(formset.forms):
        section = extract.sections[i] if i < len(extract.sections) else None
        rows.append(
            {
                "form": form,
                "numbering": section.numbering if section else "",
                # Headings under headings step in (px), as far as a phone's width allows.
                "indent": min((section.level if section else top) - top, 3) * 20,
                "body": section.body if section else "",
            }
        )
    return rows


def _render_review(request, extract: PlanExtract, file_name: str, state: str, forms: ReviewForms):
    context = {
        "file_name": file_name,
        "state": state,
        "warnings": extract.warnings,
        "forms": forms,
        "draft_rows": _field_rows(forms.draft, extract, DRAFT_EVIDENCE),
        "higher_rows": _field_rows(forms.higher, extract, HIGHER_EVIDENCE),
        "reward_rows": _field_rows(forms.reward, extract, REWARD_EVIDENCE),
        "reference_rows": _list_rows(forms.references, extract.implements),
        "deadline_rows": _list_rows(forms.deadlines, extract.deadlines),
        "periodic_rows": _list_rows(forms.periodic, extract.periodic),
        "section_rows": _section_rows(forms.sections, extract),
        "responsibility_rows": _list_rows(forms.responsibilities, extract.responsibilities),
        "contacts": [*extract.emails, *extract.contacts],
        "existing": plan_import.already_in_thidua(request.user, extract),
    }
    return render(request, "campaigns/plan_import_review.html", context)


@login_required
def upload(request):
    """Step 1: a file or pasted text; on success, step 2 (the review page) straight away."""
    unit = _acting_unit(request)
    # Bound on every POST: a POST with neither file nor text must say so, not show an empty form.
    form = PlanUploadForm(request.POST, request.FILES) if request.method == "POST" else PlanUploadForm()
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data.get("file")
        field = "file" if upload else "text"
        file_name = os.path.basename(upload.name)[:200] if upload else ""
        try:
            text = read_text(file_name, upload.read()) if upload else form.cleaned_data["text"]
            extract = parse(text)
        except PlanImportError as error:
            form.add_error(field, str(error))
        else:
            forms = _review_forms(extract)
            if _field_count(forms) > REVIEW_MAX_FIELDS:
                form.add_error(
                    field,
                    _(
                        "Văn bản có quá nhiều mục, hạn và dòng (%(count)s ô) để xem lại trên một trang: "
                        "tối đa %(limit)s ô. Hãy tách văn bản thành nhiều phần."
                    )
                    % {
                        "count": f"{_field_count(forms):,}".replace(",", "."),
                        "limit": f"{REVIEW_MAX_FIELDS:,}".replace(",", "."),
                    },
                )
            else:
                state = plan_import.seal(extract, file_name=file_name, user_id=request.user.pk, unit_id=unit.pk)
                return _render_review(request, extract, file_name, state, forms)
    return render(request, "campaigns/plan_import_upload.html", {"form": form, "unit": unit})


def _kept(formset) -> list:
    """The rows the officer did not mark "Bỏ dòng này" (a valid formset has cleaned every row)."""
    return [f for f in formset.forms if not f.cleaned_data.get("DELETE")]


def _plain(form) -> dict:
    return {k: v for k, v in form.cleaned_data.items() if k != "DELETE"}


def _place_errors(forms: ReviewForms, kept: dict[str, list], error: ValidationError) -> None:
    """create_draft names each bad value "<list>.<row>.<field>": put it on that row's field."""
    singles = {"higher_plan": forms.higher, "reward": forms.reward}
    for key, messages_ in error.message_dict.items():
        head, _dot, rest = key.partition(".")
        if not rest:
            target, field = forms.draft, key
        elif head in singles:
            target, field = singles[head], rest
        else:
            index, _dot, field = rest.partition(".")
            rows = kept.get(head, [])
            target = rows[int(index)] if index.isdigit() and int(index) < len(rows) else forms.draft
        target.add_error(field if field in target.fields else None, messages_)


@login_required
@require_POST
@_accepts_review_fields
def create(request):
    """Step 3: validate the reviewed values again and create the draft, all or nothing."""
    unit = _acting_unit(request)
    state = request.POST.get("state", "")
    try:
        extract, file_name = plan_import.unseal(state, user_id=request.user.pk, unit_id=unit.pk)
    except plan_import.ImportStateInvalid:
        stale = _("Trang xem lại không còn hợp lệ (đã hết hạn hoặc bị sửa đổi). Hãy tải văn bản lên lại.")
        context = {"form": PlanUploadForm(), "unit": unit, "error": stale}
        return render(request, "campaigns/plan_import_upload.html", context, status=400)

    forms = _review_forms(extract, data=request.POST)
    if forms.is_valid():
        proposed = plan_import.draft_values(extract)["sections"]
        sections, section_forms = [], []
        for form in forms.sections.forms:
            index = form.cleaned_data["index"]
            if index >= len(proposed):
                form.add_error("heading", _("Mục này không có trong văn bản đã tải lên."))
                continue
            sections.append({**proposed[index], **{k: form.cleaned_data[k] for k in ("heading", "part", "mode")}})
            sections[-1]["target_sector"] = form.cleaned_data["target_sector"]
            section_forms.append(form)
        kept = {
            "references": _kept(forms.references),
            "deadlines": _kept(forms.deadlines),
            "periodic": _kept(forms.periodic),
            "sections": section_forms,
            "responsibilities": _kept(forms.responsibilities),
        }
        if len(section_forms) == len(forms.sections.forms):
            try:
                campaign = plan_import.create_draft(
                    request.user,
                    issuer=unit,
                    file_name=file_name,
                    campaign=forms.draft.cleaned_data,
                    higher_plan=forms.higher.cleaned_data,
                    references=[_plain(f) for f in kept["references"]],
                    deadlines=[_plain(f) for f in kept["deadlines"]],
                    periodic=[_plain(f) for f in kept["periodic"]],
                    sections=sections,
                    reward=forms.reward.cleaned_data,
                    responsibilities=[_plain(f) for f in kept["responsibilities"]],
                )
            except ValidationError as error:
                _place_errors(forms, kept, error)
            else:
                messages.success(
                    request,
                    _("Đã tạo bản nháp từ văn bản. Hãy soát từng phần, chọn nơi triển khai, người ký rồi ban hành."),
                )
                return redirect("campaigns:detail", pk=campaign.pk)
    messages.error(request, _("Chưa tạo được bản nháp: hãy sửa các ô có thông báo lỗi bên dưới."))
    return _render_review(request, extract, file_name, state, forms)
