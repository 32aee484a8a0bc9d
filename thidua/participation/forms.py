from django import forms
from django.utils.translation import gettext_lazy as _

from thidua.campaigns.models import Campaign
from thidua.org.forms import BootstrapMixin
from thidua.org.models import EmulationCluster
from thidua.participation.models import Covenant, EmulationTitle, InspectionKind, Part

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

    campaign = forms.ModelChoiceField(
        label=_("Kế hoạch thi đua"),
        queryset=Campaign.objects.none(),
        required=False,
        empty_label=_("— Không gắn với kế hoạch nào —"),
        help_text=_("Kế hoạch yêu cầu ký kết giao ước: giao ước sẽ hiện ở phần “Giao ước thi đua” của kế hoạch."),
    )

    def __init__(self, *args, clusters=None, campaigns=None, **kwargs):
        super().__init__(*args, **kwargs)
        if clusters is not None:
            self.fields["cluster"].queryset = clusters
        if campaigns is not None:
            self.fields["campaign"].queryset = campaigns
        self.fields["campaign"].label_from_instance = campaign_label


def campaign_label(campaign: Campaign) -> str:
    """ "32/KH-LĐLĐ — Phát động đợt thi đua …" (a draft has no number yet)."""
    number = campaign.number or str(_("Dự thảo"))
    return f"{number} — {campaign.title[:90]}"


class TieCampaignForm(BootstrapMixin, forms.Form):
    """On a covenant's page: the plan it answers."""

    campaign = forms.ModelChoiceField(
        label=_("Kế hoạch thi đua"),
        queryset=Campaign.objects.none(),
        required=False,
        empty_label=_("— Không gắn với kế hoạch nào —"),
    )

    def __init__(self, *args, campaigns=None, **kwargs):
        super().__init__(*args, **kwargs)
        if campaigns is not None:
            self.fields["campaign"].queryset = campaigns
        self.fields["campaign"].label_from_instance = campaign_label


class TieCovenantForm(BootstrapMixin, forms.Form):
    """On a plan's page: a covenant already written, to tie to the plan."""

    covenant = forms.ModelChoiceField(
        label=_("Giao ước đã soạn"), queryset=Covenant.objects.none(), empty_label=_("— Chọn giao ước —")
    )

    def __init__(self, *args, covenants=None, **kwargs):
        super().__init__(*args, **kwargs)
        if covenants is not None:
            self.fields["covenant"].queryset = covenants
        self.fields["covenant"].label_from_instance = lambda c: f"{c.title} ({c.cluster.name}, {c.year})"


class TitlesForm(BootstrapMixin, forms.Form):
    titles = forms.ModelMultipleChoiceField(
        label=_("Danh hiệu đăng ký"),
        queryset=EmulationTitle.objects.filter(is_active=True),
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["titles"].widget.attrs["class"] = "form-check-input"
