import os

from django import forms
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from thidua.campaigns.models import (
    FEDERATION_TARGET_MODES,
    GRASSROOTS_TARGET_MODES,
    Activity,
    Campaign,
    Deadline,
    DocumentReference,
    PlanSection,
    Responsibility,
    RewardPlan,
    SectionPart,
    TargetMode,
)
from thidua.campaigns.plan_import import SectionMode
from thidua.campaigns.services import target_clusters, target_modes_for
from thidua.org.forms import BootstrapMixin
from thidua.org.models import EmulationCluster, Sector, Unit

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class CampaignForm(BootstrapMixin, forms.ModelForm):
    class Meta:
        model = Campaign
        fields = [
            "kind",
            "title",
            "movement_name",
            "issuing_body",
            "place",
            "plan_date",
            "starts_on",
            "ends_on",
            "end_condition",
            "intro",
            "closing",
            "recipients",
            "signer_title",
            "signer_name",
            "is_public",
        ]
        widgets = {
            "plan_date": DATE,
            "starts_on": DATE,
            "ends_on": DATE,
            "title": forms.Textarea(attrs={"rows": 2}),
            "intro": forms.Textarea(attrs={"rows": 5}),
            "closing": forms.Textarea(attrs={"rows": 3}),
            "recipients": forms.Textarea(attrs={"rows": 5}),
            # Several lines ("TM. BAN THƯỜNG VỤ" / "KT. CHỦ TỊCH" / "PHÓ CHỦ TỊCH"), as its hint says.
            "signer_title": forms.Textarea(attrs={"rows": 3}),
        }

    def clean(self):
        data = super().clean()
        if data.get("starts_on") and data.get("ends_on") and data["ends_on"] < data["starts_on"]:
            self.add_error("ends_on", _("Ngày kết thúc phải sau ngày bắt đầu."))
        return data


# The models' `order` fields carry no verbose name (a migration in five tables for a label): the
# form names them, so the page does not say "Order".
ORDER_LABEL = {"order": _("Thứ tự")}


class ReferenceForm(BootstrapMixin, forms.ModelForm):
    class Meta:
        model = DocumentReference
        fields = ["relation", "doc_kind", "number", "issued_on", "issuer", "title", "order"]
        labels = ORDER_LABEL
        widgets = {"issued_on": DATE, "title": forms.Textarea(attrs={"rows": 2})}


class SectionForm(BootstrapMixin, forms.ModelForm):
    class Meta:
        model = PlanSection
        fields = ["heading", "part", "target_sector", "body", "order"]
        labels = ORDER_LABEL
        widgets = {"body": forms.Textarea(attrs={"rows": 10})}


class ActivityForm(BootstrapMixin, forms.ModelForm):
    class Meta:
        model = Activity
        fields = ["name", "planned_on", "owner", "order"]
        labels = ORDER_LABEL
        widgets = {"planned_on": DATE}


class DeadlineForm(BootstrapMixin, forms.ModelForm):
    class Meta:
        model = Deadline
        fields = ["what", "who", "due_on", "how", "order"]
        labels = ORDER_LABEL
        widgets = {"due_on": DATE}


class ResponsibilityForm(BootstrapMixin, forms.ModelForm):
    class Meta:
        model = Responsibility
        fields = ["level", "body", "order"]
        labels = ORDER_LABEL
        widgets = {"body": forms.Textarea(attrs={"rows": 6})}


PART_FORMS = {
    "reference": ReferenceForm,
    "section": SectionForm,
    "activity": ActivityForm,
    "deadline": DeadlineForm,
    "responsibility": ResponsibilityForm,
}


class RewardForm(BootstrapMixin, forms.ModelForm):
    class Meta:
        model = RewardPlan
        fields = [
            "targets",
            "general_criteria",
            "collective_criteria",
            "individual_criteria",
            "quota_rule",
            "dossier",
            "procedure",
            "award_forms",
            "nomination_due_on",
            "nomination_due_text",
        ]
        widgets = {
            "nomination_due_on": DATE,
            **{
                f: forms.Textarea(attrs={"rows": 3})
                for f in (
                    "targets",
                    "general_criteria",
                    "collective_criteria",
                    "individual_criteria",
                    "quota_rule",
                    "dossier",
                    "award_forms",
                )
            },
        }


class TargetsForm(BootstrapMixin, forms.Form):
    mode = forms.ChoiceField(label=_("Triển khai đến"), choices=TargetMode.choices, widget=forms.RadioSelect)
    sector = forms.ChoiceField(label=_("Khối"), choices=[("", "—"), *Sector.choices], required=False)
    cluster = forms.ModelChoiceField(
        label=_("Cụm, khối thi đua"), queryset=EmulationCluster.objects.none(), required=False
    )
    units = forms.ModelMultipleChoiceField(
        label=_("Các đơn vị được chọn"),
        queryset=Unit.objects.none(),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 10}),
    )

    def __init__(self, *args, issuer: Unit, forwarding: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["mode"].widget.attrs["class"] = "form-check-input"
        # A CĐCS's plan reaches its groups or members (no sector, cluster or unit to pick); a
        # plan forwarded further down keeps the federation's choices.
        modes = FEDERATION_TARGET_MODES if forwarding else target_modes_for(issuer)
        self.fields["mode"].choices = [(m.value, m.label) for m in modes]
        self.grassroots = modes == GRASSROOTS_TARGET_MODES
        if self.grassroots:
            for name in ("sector", "cluster", "units"):
                del self.fields[name]
            return
        # Only the clusters the plan can reach: a guessed id of another one is refused here.
        self.fields["cluster"].queryset = target_clusters(issuer)
        self.fields["units"].queryset = (
            Unit.objects.within(issuer).active().exclude(pk=issuer.pk).filter(kind__is_group=False).order_by("path")
        )


class LaunchForm(BootstrapMixin, forms.Form):
    launched_on = forms.DateField(label=_("Ngày phát động"), widget=DATE)
    members_reached = forms.IntegerField(label=_("Số đoàn viên được phổ biến"), min_value=0)


# --- importing a plan from its document (views/plan_import.py) ------------------------------

IMPORT_EXTENSIONS = (".docx", ".txt", ".md")
# A plan is a few pages; a Word file with a scanned seal or photos is a few MB.
IMPORT_MAX_BYTES = 10 * 1024 * 1024
IMPORT_MAX_CHARS = 2_000_000


class FitTextareas:
    """Text boxes as tall as the text read into them (up to a screen), so a criterion list or a
    long deadline is read whole without scrolling inside a small box."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            if not isinstance(field.widget, forms.Textarea):
                continue
            value = str(self[name].value() or "")
            lines = sum(1 + len(line) // 70 for line in value.splitlines()) if value else 0
            field.widget.attrs["rows"] = max(int(field.widget.attrs.get("rows", 2)), min(lines, 14))


class PlanUploadForm(BootstrapMixin, forms.Form):
    file = forms.FileField(
        label=_("Tệp kế hoạch (.docx, .txt hoặc .md)"),
        required=False,
        error_messages={
            "empty": _("Tệp rỗng, không có nội dung nào."),
            "invalid": _("Không nhận được tệp; hãy chọn lại."),
        },
    )
    text = forms.CharField(
        label=_("Hoặc dán nội dung kế hoạch"),
        required=False,
        max_length=IMPORT_MAX_CHARS,
        widget=forms.Textarea(attrs={"rows": 10}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].widget.attrs["accept"] = ",".join(IMPORT_EXTENSIONS)

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if not upload:
            return upload
        name = os.path.basename(upload.name)
        lowered = name.lower()
        if lowered.endswith(".doc"):
            raise forms.ValidationError(
                _(
                    "Tệp “%(name)s” là Word cũ (.doc), chưa đọc được. Hãy mở bằng Word, chọn Lưu thành (.docx) rồi tải lên lại."
                )
                % {"name": name}
            )
        if not lowered.endswith(IMPORT_EXTENSIONS):
            raise forms.ValidationError(
                _("Chỉ nhận tệp .docx, .txt hoặc .md; tệp “%(name)s” không phải.") % {"name": name}
            )
        if upload.size > IMPORT_MAX_BYTES:
            raise forms.ValidationError(
                _("Tệp quá lớn (%(size)s); giới hạn là %(limit)s.")
                % {"size": filesizeformat(upload.size), "limit": filesizeformat(IMPORT_MAX_BYTES)}
            )
        return upload

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        has_file, has_text = bool(data.get("file")), bool((data.get("text") or "").strip())
        if not has_file and not has_text:
            self.add_error("file", _("Hãy chọn tệp kế hoạch hoặc dán nội dung vào ô bên dưới."))
        elif has_file and has_text:
            self.add_error("text", _("Chỉ dùng một cách: chọn tệp hoặc dán nội dung. Hãy xóa nội dung đã dán."))
        return data


class ImportDraftForm(FitTextareas, BootstrapMixin, forms.ModelForm):
    """The new plan's own fields, as read from the document (not saved here: create_draft does)."""

    class Meta:
        model = Campaign
        fields = [
            "kind",
            "title",
            "movement_name",
            "place",
            "starts_on",
            "ends_on",
            "end_condition",
            "signer_title",
            "signer_name",
            "recipients",
        ]
        widgets = {
            "starts_on": DATE,
            "ends_on": DATE,
            "title": forms.Textarea(attrs={"rows": 3}),
            "recipients": forms.Textarea(attrs={"rows": 4}),
        }
        help_texts = {"recipients": _("Mỗi dòng một nơi nhận."), "signer_title": _("Các dòng cách nhau bởi “ / ”.")}

    def clean(self):
        data = super().clean()
        if data.get("starts_on") and data.get("ends_on") and data["ends_on"] < data["starts_on"]:
            self.add_error("ends_on", _("Ngày kết thúc phải sau ngày bắt đầu."))
        return data


class HigherPlanForm(FitTextareas, BootstrapMixin, forms.ModelForm):
    """The uploaded plan itself, which the draft implements ("Thực hiện Kế hoạch số …")."""

    class Meta:
        model = DocumentReference
        fields = ["doc_kind", "number", "issued_on", "issuer", "title"]
        widgets = {"issued_on": DATE, "title": forms.Textarea(attrs={"rows": 3})}
        labels = {"number": _("Số, ký hiệu"), "issued_on": _("Ngày ban hành")}


class ImportRewardForm(FitTextareas, RewardForm):
    class Meta(RewardForm.Meta):
        fields = [f for f in RewardForm.Meta.fields if f != "general_criteria"]


class _RowMixin:
    """A row of a list on the review page: "Bỏ dòng này" instead of Django's "Xóa"."""

    def add_fields(self, form, index):
        super().add_fields(form, index)
        if "DELETE" in form.fields:
            form.fields["DELETE"].label = _("Bỏ dòng này")
            form.fields["DELETE"].widget.attrs["class"] = "form-check-input"


class ReferenceRowForm(FitTextareas, BootstrapMixin, forms.ModelForm):
    class Meta:
        model = DocumentReference
        fields = ["relation", "doc_kind", "number", "issued_on", "issuer", "title"]
        widgets = {"issued_on": DATE, "title": forms.Textarea(attrs={"rows": 2})}


class DeadlineRowForm(FitTextareas, BootstrapMixin, forms.ModelForm):
    class Meta:
        model = Deadline
        fields = ["due_on", "who", "what"]
        widgets = {"due_on": DATE, "what": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["who"].required = False
        self.fields["who"].help_text = _("Để trống: công đoàn cơ sở.")


class PeriodicRowForm(BootstrapMixin, forms.Form):
    what = forms.CharField(label=_("Việc phải làm"), max_length=500)
    period = forms.CharField(label=_("Định kỳ"), max_length=60, required=False)
    rule = forms.CharField(label=_("Thời hạn mỗi kỳ"), max_length=200, required=False)


class SectionRowForm(BootstrapMixin, forms.Form):
    index = forms.IntegerField(widget=forms.HiddenInput, min_value=0)
    heading = forms.CharField(label=_("Tiêu đề"), max_length=300)
    mode = forms.ChoiceField(label=_("Nhập thành"), choices=SectionMode.CHOICES)
    part = forms.ChoiceField(label=_("Phần"), choices=SectionPart.choices)
    target_sector = forms.ChoiceField(
        label=_("Dành cho khối"), choices=[("", _("Mọi khối")), *Sector.choices], required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Many headings in one list: small controls keep each on one line on a laptop.
        self.fields["heading"].widget.attrs["class"] = "form-control form-control-sm"
        for name in ("mode", "part", "target_sector"):
            self.fields[name].widget.attrs["class"] = "form-select form-select-sm"


class ResponsibilityRowForm(FitTextareas, BootstrapMixin, forms.ModelForm):
    class Meta:
        model = Responsibility
        fields = ["level", "body"]
        widgets = {"body": forms.Textarea(attrs={"rows": 4})}


class _RowFormSet(_RowMixin, forms.BaseFormSet):
    pass


ReferenceFormSet = forms.formset_factory(ReferenceRowForm, formset=_RowFormSet, extra=0, can_delete=True)
DeadlineFormSet = forms.formset_factory(DeadlineRowForm, formset=_RowFormSet, extra=0, can_delete=True)
PeriodicFormSet = forms.formset_factory(PeriodicRowForm, formset=_RowFormSet, extra=0, can_delete=True)
SectionFormSet = forms.formset_factory(SectionRowForm, extra=0)
ResponsibilityFormSet = forms.formset_factory(ResponsibilityRowForm, formset=_RowFormSet, extra=0, can_delete=True)
