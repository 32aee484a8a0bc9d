from django import forms
from django.utils.translation import gettext_lazy as _

from thidua.campaigns.models import Campaign, CampaignStatus
from thidua.org.forms import BootstrapMixin
from thidua.org.models import EmulationCluster, Sector, Unit
from thidua.reports.models import (
    Aggregation,
    DueRuleKind,
    Indicator,
    IndicatorKind,
    Period,
    ReportForm,
    ReviewKind,
    Source,
    Targets,
    number_text,
)

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class ReportFormForm(BootstrapMixin, forms.Form):
    title = forms.CharField(label=_("Tên báo cáo"), max_length=300)
    period = forms.ChoiceField(label=_("Kỳ báo cáo"), choices=Period.choices)
    campaign = forms.ModelChoiceField(
        label=_("Gắn với kế hoạch, phong trào"), queryset=Campaign.objects.none(), required=False
    )
    due_on = forms.DateField(
        label=_("Hạn nộp (báo cáo một lần)"), required=False, widget=DATE, help_text=_("Hết ngày này, giờ Việt Nam.")
    )
    due_rule = forms.ChoiceField(label=_("Cách tính hạn nộp (báo cáo định kỳ)"), choices=DueRuleKind.choices)
    due_day = forms.IntegerField(
        label=_("Ngày trong tháng cuối kỳ, hoặc số ngày sau kỳ"), min_value=0, max_value=90, initial=15
    )
    due_before = forms.BooleanField(
        label=_("Nộp trước ngày đó (“trước ngày 15”: hạn chót hết ngày 14)"), required=False, initial=True
    )
    shift_weekend = forms.BooleanField(label=_("Hạn rơi vào thứ Bảy, Chủ nhật thì lùi sang thứ Hai"), required=False)
    targets = forms.ChoiceField(label=_("Đơn vị phải báo cáo"), choices=Targets.choices)
    target_sector = forms.ChoiceField(label=_("Khối"), choices=[("", "—"), *Sector.choices], required=False)
    target_cluster = forms.ModelChoiceField(
        label=_("Cụm, khối thi đua"), queryset=EmulationCluster.objects.none(), required=False
    )
    remind_before_days = forms.IntegerField(label=_("Nhắc trước hạn (ngày, 0 = không nhắc)"), min_value=0, initial=3)
    remind_after_days = forms.IntegerField(label=_("Nhắc khi quá hạn (ngày, 0 = không nhắc)"), min_value=0, initial=2)
    description = forms.CharField(
        label=_("Hướng dẫn cho đơn vị"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, unit: Unit, **kwargs):
        super().__init__(*args, **kwargs)
        within = Unit.objects.filter(path__startswith=unit.path).values("pk")
        self.fields["campaign"].queryset = Campaign.objects.filter(
            issuer__in=within, status__in=[CampaignStatus.ISSUED, CampaignStatus.CLOSED]
        ).order_by("-plan_date", "-id")
        self.fields["target_cluster"].queryset = EmulationCluster.objects.filter(organiser__in=within)


class IndicatorForm(BootstrapMixin, forms.Form):
    label = forms.CharField(label=_("Chỉ tiêu"), max_length=300)
    kind = forms.ChoiceField(label=_("Kiểu"), choices=IndicatorKind.choices)
    aggregation = forms.ChoiceField(label=_("Tổng hợp lên cấp trên"), choices=Aggregation.choices)
    required = forms.BooleanField(label=_("Bắt buộc trả lời"), required=False, initial=True)
    source = forms.ChoiceField(label=_("Tự điền từ dữ liệu thidua"), choices=Source.choices, required=False)
    not_above = forms.ModelChoiceField(
        label=_("Không lớn hơn chỉ tiêu"), queryset=Indicator.objects.none(), required=False
    )

    def __init__(self, *args, form: ReportForm, **kwargs):
        kwargs.setdefault("auto_id", "ind_%s")
        super().__init__(*args, **kwargs)
        self.fields["not_above"].queryset = form.indicators.filter(
            kind__in=[IndicatorKind.NUMBER, IndicatorKind.PERCENT]
        )


YES_NO = [("yes", _("Có")), ("no", _("Không"))]


class SubmissionForm(forms.Form):
    """One field per indicator, named `i<id>`. Fields accept any text: the service decides
    (reports.services), so a command, the API and this page refuse the same values alike."""

    def __init__(self, *args, indicators, answers: dict, autos: dict, **kwargs):
        super().__init__(*args, **kwargs)
        self.indicators = indicators
        for indicator in indicators:
            answer = answers.get(indicator.pk)
            help_text = ""
            if indicator.pk in autos:
                help_text = _("Số liệu hệ thống đã ghi nhận: %(n)s — hãy kiểm tra, sửa nếu cần.") % {
                    "n": int(autos[indicator.pk])
                }
            common = {"label": indicator.label, "required": False, "help_text": help_text}
            if indicator.kind == IndicatorKind.YES_NO:
                field = forms.ChoiceField(choices=YES_NO, widget=forms.RadioSelect, **common)
                initial = None if answer is None or answer.flag is None else ("yes" if answer.flag else "no")
            elif indicator.kind == IndicatorKind.TEXT:
                field = forms.CharField(widget=forms.Textarea(attrs={"rows": 3, "class": "form-control"}), **common)
                initial = answer.text if answer else ""
            elif indicator.kind == IndicatorKind.FILE:
                field = forms.FileField(
                    widget=forms.ClearableFileInput(attrs={"accept": ".pdf,image/*", "class": "form-control"}),
                    **{**common, "help_text": _("Tệp PDF hoặc ảnh (JPG, PNG).")},
                )
                initial = None
            else:
                mode = "numeric" if indicator.kind == IndicatorKind.NUMBER else "decimal"
                field = forms.CharField(
                    widget=forms.TextInput(attrs={"inputmode": mode, "class": "form-control"}), **common
                )
                initial = _number_initial(answer, autos.get(indicator.pk))
                if indicator.kind == IndicatorKind.PERCENT:
                    field.widget.attrs["placeholder"] = "0 – 100"
            field.indicator = indicator
            field.required_answer = indicator.required
            field.answer = answer
            self.fields[indicator.field_name] = field
            self.initial[indicator.field_name] = initial


def _number_initial(answer, auto) -> str:
    if answer is not None and answer.number is not None:
        return number_text(answer.number)
    return str(int(auto)) if auto is not None else ""


class ReturnForm(BootstrapMixin, forms.Form):
    reason = forms.CharField(
        label=_("Lý do trả lại"), widget=forms.Textarea(attrs={"rows": 2}), help_text=_("Đơn vị sẽ thấy lý do này.")
    )


class ReviewDraftForm(BootstrapMixin, forms.Form):
    kind = forms.ChoiceField(label=_("Loại báo cáo"), choices=ReviewKind.choices)
    covers_from = forms.DateField(label=_("Số liệu từ ngày"), required=False, widget=DATE)
    covers_to = forms.DateField(label=_("đến ngày"), required=False, widget=DATE)


class ReviewForm(BootstrapMixin, forms.Form):
    title = forms.CharField(label=_("Trích yếu"), widget=forms.Textarea(attrs={"rows": 2}))
    place = forms.CharField(label=_("Địa danh"), max_length=100, required=False)
    issued_on = forms.DateField(label=_("Ngày ban hành"), required=False, widget=DATE)
    body = forms.CharField(label=_("Nội dung"), widget=forms.Textarea(attrs={"rows": 18}))
    recipients = forms.CharField(
        label=_("Nơi nhận (mỗi dòng một nơi)"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    # Two lines ("TM. BAN THƯỜNG VỤ" / "CHỦ TỊCH"): a one-line input would drop the line break on save.
    signer_title = forms.CharField(
        label=_("Chức danh người ký"), max_length=200, required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    signer_name = forms.CharField(label=_("Người ký"), max_length=200, required=False)
