from django import forms
from django.utils.translation import gettext_lazy as _

from thidua.org.forms import BootstrapMixin
from thidua.org.models import EmulationCluster
from thidua.participation.models import EmulationTitle, InspectionKind, Part

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class OwnIds:
    """Several forms share a page (a record has the registration, work and model forms): each
    gets its own element ids, so every label points at its own field."""

    id_prefix = "id"

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", f"{self.id_prefix}_%s")
        super().__init__(*args, **kwargs)


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class PhotosField(forms.FileField):
    """Several photos in one field; core.attachments checks each by its content."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": "image/*"}))
        kwargs.setdefault("required", False)
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, (list, tuple)):
            return [single(d, initial) for d in data if d]
        return [single(data, initial)] if data else []


class WorkForm(OwnIds, BootstrapMixin, forms.Form):
    id_prefix = "work"

    name = forms.CharField(label=_("Tên công trình, phần việc"), max_length=300)
    value = forms.DecimalField(label=_("Giá trị (đồng)"), required=False, min_value=0, max_digits=15, decimal_places=0)
    planned_on = forms.DateField(label=_("Dự kiến hoàn thành"), required=False, widget=DATE)
    description = forms.CharField(label=_("Mô tả"), required=False, widget=forms.Textarea(attrs={"rows": 3}))


class EvidenceForm(OwnIds, BootstrapMixin, forms.Form):
    id_prefix = "evidence"

    photos = PhotosField(label=_("Hình ảnh"), help_text=_("Ảnh JPG, PNG, GIF hoặc WEBP; có thể chọn nhiều ảnh."))
    article_url = forms.URLField(label=_("Đường dẫn tin bài"), required=False, max_length=500, assume_scheme="https")
    article_title = forms.CharField(label=_("Tiêu đề tin bài"), required=False, max_length=300)


class CompleteForm(EvidenceForm):
    id_prefix = "complete"

    completed_on = forms.DateField(label=_("Ngày hoàn thành"), widget=DATE)

    field_order = ["completed_on", "photos", "article_url", "article_title"]


class InaugurateForm(BootstrapMixin, forms.Form):
    inaugurated_on = forms.DateField(label=_("Ngày khánh thành"), widget=DATE)


class RegistrationForm(OwnIds, BootstrapMixin, forms.Form):
    id_prefix = "registration"

    targets = forms.CharField(
        label=_("Nội dung, chỉ tiêu đăng ký"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Mỗi dòng một chỉ tiêu, vd. “100% đoàn viên được phổ biến kế hoạch”."),
    )


class ModelProjectForm(OwnIds, BootstrapMixin, forms.Form):
    id_prefix = "model"

    name = forms.CharField(label=_("Tên mô hình"), max_length=300)
    field = forms.CharField(label=_("Lĩnh vực"), max_length=200)
    description = forms.CharField(label=_("Mô tả, cách làm"), required=False, widget=forms.Textarea(attrs={"rows": 3}))


class ResultsForm(BootstrapMixin, forms.Form):
    results = forms.CharField(label=_("Kết quả đạt được"), widget=forms.Textarea(attrs={"rows": 3}))


class DueDateForm(BootstrapMixin, forms.Form):
    part = forms.ChoiceField(label=_("Phần việc"), choices=Part.choices)
    due = forms.DateField(label=_("Hạn chót (hết ngày)"), required=False, widget=DATE)


class SignForm(BootstrapMixin, forms.Form):
    signer_name = forms.CharField(label=_("Họ tên người ký"), max_length=200)
    signer_title = forms.CharField(label=_("Chức vụ"), max_length=200, required=False)


class InspectionForm(BootstrapMixin, forms.Form):
    kind = forms.ChoiceField(label=_("Hình thức"), choices=InspectionKind.choices)
    inspected_on = forms.DateField(label=_("Ngày kiểm tra"), widget=DATE)
    findings = forms.CharField(label=_("Kết quả, nhận xét"), widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, kinds=None, **kwargs):
        super().__init__(*args, **kwargs)
        if kinds is not None:
            self.fields["kind"].choices = [c for c in InspectionKind.choices if c[0] in kinds]


class CovenantForm(BootstrapMixin, forms.Form):
    cluster = forms.ModelChoiceField(label=_("Cụm, khối thi đua"), queryset=EmulationCluster.objects.none())
    year = forms.IntegerField(label=_("Năm"), min_value=2000, max_value=2100)
    title = forms.CharField(label=_("Tên giao ước"), max_length=300)
    content = forms.CharField(label=_("Nội dung giao ước"), widget=forms.Textarea(attrs={"rows": 5}))
    targets = forms.CharField(
        label=_("Chỉ tiêu"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Mỗi dòng một chỉ tiêu."),
    )

    def __init__(self, *args, clusters=None, **kwargs):
        super().__init__(*args, **kwargs)
        if clusters is not None:
            self.fields["cluster"].queryset = clusters


class TitlesForm(BootstrapMixin, forms.Form):
    titles = forms.ModelMultipleChoiceField(
        label=_("Danh hiệu đăng ký"),
        queryset=EmulationTitle.objects.filter(is_active=True),
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["titles"].widget.attrs["class"] = "form-check-input"
