from django import forms
from django.utils.translation import gettext_lazy as _

from thidua.org.models import EmulationCluster, Member, Unit, UnitKind


class BootstrapMixin:
    """Bootstrap classes on every widget, so templates render fields with one include."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            widget = field.widget
            if isinstance(widget, forms.CheckboxInput):
                widget.attrs.setdefault("class", "form-check-input")
            elif isinstance(widget, (forms.Select, forms.SelectMultiple)):
                widget.attrs.setdefault("class", "form-select")
            else:
                widget.attrs.setdefault("class", "form-control")


class UnitForm(BootstrapMixin, forms.ModelForm):
    class Meta:
        model = Unit
        fields = ["name", "code", "kind", "sector", "ownership", "clusters", "email", "phone", "address"]

    def __init__(self, *args, parent: Unit | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].queryset = UnitKind.objects.filter(is_active=True)
        organiser = parent if parent is not None else (self.instance.parent if self.instance.pk else None)
        clusters = EmulationCluster.objects.none()
        if organiser is not None:
            # Clusters organised by the parent or any unit above it.
            clusters = EmulationCluster.objects.filter(
                organiser__path__in=[*organiser.ancestor_paths(), organiser.path]
            )
        self.fields["clusters"].queryset = clusters
        self.fields["clusters"].required = False


class MemberForm(BootstrapMixin, forms.ModelForm):
    class Meta:
        model = Member
        fields = [
            "full_name",
            "gender",
            "birth_year",
            "unit",
            "position",
            "is_direct_worker",
            "officer_type",
            "joined_on",
            "card_number",
        ]
        widgets = {"joined_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}

    def __init__(self, *args, units=None, **kwargs):
        super().__init__(*args, **kwargs)
        if units is not None:
            self.fields["unit"].queryset = units
        self.fields["birth_year"].widget.attrs.update({"min": 1940, "max": 2015})

    def clean_birth_year(self):
        year = self.cleaned_data.get("birth_year")
        if year is not None and not 1930 <= year <= 2015:
            raise forms.ValidationError(_("Năm sinh phải trong khoảng 1930–2015."))
        return year


class UnitChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Unit) -> str:
        return f"{'— ' * obj.depth}{obj.name}"


class MoveUnitForm(BootstrapMixin, forms.Form):
    new_parent = UnitChoiceField(label=_("Chuyển về trực thuộc"), queryset=Unit.objects.none())
    reason = forms.CharField(label=_("Lý do, căn cứ"), widget=forms.Textarea(attrs={"rows": 2}), required=False)

    def __init__(self, *args, targets=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["new_parent"].queryset = targets


ROLE_CHOICES = [
    ("end", _("Chấm dứt các vai trò tại đơn vị này (người dùng được giao vai trò mới khi cần)")),
    ("move", _("Chuyển các vai trò sang đơn vị tiếp nhận (phạm vi sẽ là toàn bộ đơn vị tiếp nhận)")),
]


def _roles_field():
    return forms.ChoiceField(
        label=_("Vai trò của người dùng tại đơn vị"),
        choices=ROLE_CHOICES,
        initial="end",
        widget=forms.RadioSelect(attrs={"class": "form-check-input"}),
    )


class MergeUnitForm(BootstrapMixin, forms.Form):
    survivor = UnitChoiceField(label=_("Sáp nhập vào đơn vị"), queryset=Unit.objects.none())
    roles = _roles_field()
    reason = forms.CharField(label=_("Lý do, căn cứ"), widget=forms.Textarea(attrs={"rows": 2}), required=False)

    def __init__(self, *args, targets=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["survivor"].queryset = targets


class DissolveUnitForm(BootstrapMixin, forms.Form):
    """Giải thể (2025 reform): the successor takes its units and its open work."""

    successor = UnitChoiceField(
        label=_("Đơn vị tiếp nhận"),
        queryset=Unit.objects.none(),
        help_text=_("Các CĐCS, kế hoạch đang thực hiện, báo cáo, hồ sơ đang chờ xét chuyển về đơn vị này."),
    )
    roles = _roles_field()
    reason = forms.CharField(
        label=_("Lý do, căn cứ"),
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Ví dụ: Quyết định số …/QĐ-TLĐ ngày …"),
    )

    def __init__(self, *args, targets=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["successor"].queryset = targets


class ReasonForm(BootstrapMixin, forms.Form):
    reason = forms.CharField(label=_("Lý do"), widget=forms.Textarea(attrs={"rows": 2}))
