"""Forms of the nomination flow. They parse what the officer typed; the services decide."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from thidua.awards.models import AwardKind, NominationStatus
from thidua.core.pickers import SearchPicker
from thidua.org.forms import BootstrapMixin
from thidua.org.models import Member, Unit

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
PDF_OR_IMAGE = "application/pdf,image/*"


class SubjectChoice:
    COLLECTIVE = "collective"
    INDIVIDUAL = "individual"
    CHOICES = [(INDIVIDUAL, _("Cá nhân (đoàn viên)")), (COLLECTIVE, _("Tập thể (công đoàn cơ sở, tổ công đoàn)"))]


class ActForUnitForm(forms.Form):
    """The CĐCS a federation's office acts for (?don-vi=, views.nominations.UNIT_PARAM): found by
    typing its name or code (core.pickers), as a province has thousands. `units` is the
    office's subtree; picking sends the form at once."""

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["don-vi"] = forms.ModelChoiceField(
            label=_("Lập đề nghị thay cho công đoàn cơ sở (hồ sơ giấy gửi về văn phòng)"),
            queryset=units,
            required=False,
            widget=SearchPicker("cdcs", submit_on_pick=True),
        )


class NominationForm(BootstrapMixin, forms.Form):
    award_kind = forms.ModelChoiceField(label=_("Danh hiệu, hình thức khen thưởng"), queryset=AwardKind.objects.none())
    subject = forms.ChoiceField(
        label=_("Đề nghị khen cho"), choices=SubjectChoice.CHOICES, widget=forms.RadioSelect, initial="individual"
    )
    subject_member = forms.ModelChoiceField(
        label=_("Đoàn viên"),
        queryset=Member.objects.none(),
        required=False,
        empty_label=_("— chọn đoàn viên —"),
        help_text=_("Khi đề nghị cá nhân: đoàn viên của đơn vị hoặc của các tổ công đoàn."),
    )
    subject_unit = forms.ModelChoiceField(
        label=_("Tập thể"),
        queryset=Unit.objects.none(),
        required=False,
        empty_label=_("— chọn tập thể —"),
        help_text=_("Khi đề nghị tập thể: chính công đoàn cơ sở hoặc một tổ công đoàn."),
    )
    achievement = forms.CharField(
        label=_("Tóm tắt thành tích"),
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Những thành tích chính trong đợt thi đua: kết quả công việc, sáng kiến, công trình, phần việc."),
    )

    def __init__(self, *args, campaign, unit: Unit, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["subject"].widget.attrs = {}
        self.fields["award_kind"].queryset = AwardKind.objects.filter(campaignaward__campaign=campaign).order_by(
            "order", "name"
        )
        self.fields["subject_member"].queryset = (
            Member.objects.within(unit).select_related("unit").order_by("unit__path", "full_name")
        )
        self.fields["subject_member"].label_from_instance = lambda m: (
            m.full_name if m.unit_id == unit.pk else f"{m.full_name} ({m.unit.name})"
        )
        self.fields["subject_unit"].queryset = (
            Unit.objects.filter(pk=unit.pk) | Unit.objects.filter(parent=unit, kind__is_group=True).active()
        )

    def clean(self):
        data = super().clean()
        if data.get("subject") == SubjectChoice.INDIVIDUAL:
            data["subject_unit"] = None
            if not data.get("subject_member"):
                self.add_error("subject_member", _("Hãy chọn đoàn viên được đề nghị."))
        elif data.get("subject") == SubjectChoice.COLLECTIVE:
            data["subject_member"] = None
            if not data.get("subject_unit"):
                self.add_error("subject_unit", _("Hãy chọn tập thể được đề nghị."))
        return data


class AchievementForm(BootstrapMixin, forms.Form):
    achievement = forms.CharField(label=_("Tóm tắt thành tích"), widget=forms.Textarea(attrs={"rows": 6}))


class AttestForm(BootstrapMixin, forms.Form):
    text = forms.CharField(
        label=_("Nội dung xác nhận"), required=False, widget=forms.Textarea(attrs={"rows": 2}), max_length=2000
    )
    evidence = forms.FileField(
        label=_("Minh chứng (PDF hoặc ảnh)"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": PDF_OR_IMAGE}),
    )


class DossierFileForm(BootstrapMixin, forms.Form):
    file = forms.FileField(
        label=_("Tệp (PDF hoặc ảnh chụp)"), widget=forms.ClearableFileInput(attrs={"accept": PDF_OR_IMAGE})
    )


class ReasonForm(BootstrapMixin, forms.Form):
    reason = forms.CharField(label=_("Lý do trả lại, nội dung cần bổ sung"), widget=forms.Textarea(attrs={"rows": 2}))


class QueueFilterForm(BootstrapMixin, forms.Form):
    trang_thai = forms.ChoiceField(label=_("Trạng thái"), required=False)
    hinh_thuc = forms.ModelChoiceField(
        label=_("Hình thức"), queryset=AwardKind.objects.filter(is_active=True), required=False, empty_label=_("Tất cả")
    )
    don_vi = forms.ModelChoiceField(
        label=_("Đơn vị đề nghị"), queryset=Unit.objects.none(), required=False, empty_label=_("Tất cả")
    )

    WAITING = "cho-xet"

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["trang_thai"].choices = [
            (self.WAITING, _("Chờ xét (đã gửi, cấp dưới đề nghị)")),
            ("", _("Tất cả")),
            *[(v, label) for v, label in NominationStatus.choices if v not in ("draft", "withdrawn")],
        ]
        self.fields["don_vi"].queryset = units


class DecisionForm(BootstrapMixin, forms.Form):
    issued_on = forms.DateField(label=_("Ngày ban hành"), widget=DATE)
    title = forms.CharField(label=_("Trích yếu"), widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["issued_on"].initial = timezone.localdate()


class RecordAwardForm(BootstrapMixin, forms.Form):
    award_kind = forms.ModelChoiceField(
        label=_("Danh hiệu, hình thức khen thưởng"), queryset=AwardKind.objects.filter(is_active=True)
    )
    year = forms.IntegerField(label=_("Năm"), min_value=1945, max_value=2100)
    source = forms.CharField(
        label=_("Quyết định (số, ngày, cơ quan)"),
        max_length=300,
        help_text=_("Ví dụ: Quyết định số 125/QĐ-LĐLĐ ngày 20/12/2024 của LĐLĐ quận Long Biên."),
    )

    def __init__(self, *args, collective: bool, **kwargs):
        super().__init__(*args, **kwargs)
        subjects = ("collective", "both") if collective else ("individual", "both")
        self.fields["award_kind"].queryset = AwardKind.objects.filter(is_active=True, subject__in=subjects)
