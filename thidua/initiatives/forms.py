from django import forms
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _

from thidua.campaigns.models import Campaign, CampaignStatus
from thidua.core.pickers import SearchPicker
from thidua.initiatives.models import InitiativeKind, Programme, SupportTeam
from thidua.org.forms import BootstrapMixin
from thidua.org.models import Member, Unit

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
AUTHOR_ROWS = 5


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class FilesField(forms.FileField):
    """Several files in one field; core.attachments checks each by its content."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": "image/*,application/pdf"}))
        kwargs.setdefault("required", False)
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, (list, tuple)):
            return [single(d, initial) for d in data if d]
        return [single(data, initial)] if data else []


def _area(rows: int = 3):
    return forms.Textarea(attrs={"rows": rows})


class InitiativeForm(BootstrapMixin, forms.Form):
    """The registration form (mẫu đơn đề nghị công nhận sáng kiến, TT 18/2013): the dossier,
    and up to AUTHOR_ROWS authors with their shares."""

    kind = forms.ChoiceField(label=_("Loại"), choices=InitiativeKind.choices, initial=InitiativeKind.INITIATIVE)
    title = forms.CharField(
        label=_("Tên sáng kiến"),
        max_length=500,
        widget=forms.TextInput(
            attrs={
                # The duplicate warning, asked for as the title is typed (views.initiatives.similar).
                "hx-get": reverse_lazy("initiatives:similar"),
                "hx-trigger": "input changed delay:400ms, change",
                "hx-target": "#similar",
                "hx-swap": "outerHTML",
                "autocomplete": "off",
            }
        ),
    )
    problem = forms.CharField(label=_("Thực trạng, vấn đề cần giải quyết"), required=False, widget=_area())
    solution = forms.CharField(label=_("Nội dung giải pháp"), widget=_area(4))
    novelty = forms.CharField(label=_("Tính mới"), required=False, widget=_area(2))
    application = forms.CharField(label=_("Nơi đã áp dụng"), required=False, widget=_area(2))
    applied_since = forms.DateField(label=_("Áp dụng lần đầu từ ngày"), required=False, widget=DATE)
    benefit_amount = forms.DecimalField(
        label=_("Lợi ích (đồng/năm)"), required=False, min_value=0, max_digits=15, decimal_places=0
    )
    benefit_text = forms.CharField(label=_("Hiệu quả, lợi ích"), required=False, widget=_area(2))
    programme = forms.ModelChoiceField(
        label=_("Chương trình"), required=False, queryset=Programme.objects.filter(is_active=True)
    )
    campaign = forms.ModelChoiceField(label=_("Phong trào thi đua"), required=False, queryset=Campaign.objects.none())
    files = FilesField(
        label=_("Tệp đính kèm"), help_text=_("Ảnh hoặc tệp PDF (bản thuyết minh, số liệu); có thể chọn nhiều tệp.")
    )

    def __init__(self, *args, user=None, unit: Unit | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        if user is not None:
            self.fields["campaign"].queryset = (
                Campaign.objects.visible_to(user).exclude(status=CampaignStatus.DRAFT).order_by("-plan_date", "-id")
            )
        people = []
        if unit is not None:
            people = list(Member.objects.within(unit).order_by("search_key").values_list("pk", "full_name")[:2000])
        choices = [("", "—"), *[(str(pk), name) for pk, name in people]]
        self.author_rows = []
        self.author_errors: list[str] = []
        for n in range(AUTHOR_ROWS):
            member = forms.ChoiceField(label=_("Tác giả %(n)s") % {"n": n + 1}, choices=choices, required=False)
            share = forms.DecimalField(
                label=_("Tỷ lệ (%%) của tác giả %(n)s") % {"n": n + 1},
                required=False,
                max_digits=5,
                decimal_places=2,
            )
            member.widget.attrs["class"] = "form-select"
            share.widget.attrs.update({"class": "form-control", "inputmode": "decimal"})
            self.fields[f"author_{n}"] = member
            self.fields[f"share_{n}"] = share
            self.author_rows.append((f"author_{n}", f"share_{n}"))

    def main_fields(self):
        return [self[name] for name in self.fields if not name.startswith(("author_", "share_"))]

    def author_fields(self):
        return [(self[m], self[s]) for m, s in self.author_rows]

    def authors(self) -> list[tuple[Member, object]]:
        ids = [(self.cleaned_data.get(m), self.cleaned_data.get(s)) for m, s in self.author_rows]
        ids = [(int(pk), share if share is not None else 0) for pk, share in ids if pk]
        found = Member.objects.select_related("unit").in_bulk([pk for pk, _share in ids])
        return [(found[pk], share) for pk, share in ids if pk in found]

    def values(self) -> dict:
        return {k: v for k, v in self.cleaned_data.items() if not k.startswith(("author_", "share_")) and k != "files"}


class TeamForm(BootstrapMixin, forms.Form):
    """One of the support teams of `unit`: the level handling the initiative."""

    team = forms.ModelChoiceField(
        label=_("Tổ hỗ trợ"), queryset=SupportTeam.objects.none(), empty_label=_("— Chọn tổ hỗ trợ —")
    )

    def __init__(self, *args, unit=None, **kwargs):
        super().__init__(*args, **kwargs)
        if unit is not None:
            self.fields["team"].queryset = SupportTeam.objects.filter(unit=unit)
            self.fields["team"].error_messages["invalid_choice"] = _(
                "Hãy chọn một tổ hỗ trợ của %(unit)s trong danh sách."
            ) % {"unit": unit.name}


class CommentForm(BootstrapMixin, forms.Form):
    text = forms.CharField(label=_("Góp ý"), widget=_area(2))


class ReasonForm(BootstrapMixin, forms.Form):
    reason = forms.CharField(label=_("Nội dung cần bổ sung"), widget=_area(2))


class SupportTeamForm(BootstrapMixin, forms.Form):
    name = forms.CharField(label=_("Tên tổ"), max_length=200, initial=_("Tổ hỗ trợ sáng kiến"))
    # A district has thousands of members: searched by name, not listed (core.pickers). The
    # queryset is the unit's subtree, so an id posted from elsewhere is refused whatever was shown.
    members = forms.ModelMultipleChoiceField(
        label=_("Thành viên"), queryset=Member.objects.none(), widget=SearchPicker("doan-vien", multiple=True)
    )

    def __init__(self, *args, unit=None, **kwargs):
        super().__init__(*args, **kwargs)
        if unit is not None:
            self.fields["members"].queryset = Member.objects.within(unit).select_related("unit")


class DecisionForm(BootstrapMixin, forms.Form):
    issued_on = forms.DateField(label=_("Ngày ban hành"), widget=DATE)
    signer_name = forms.CharField(label=_("Người ký"), max_length=100, required=False)
    initiatives = forms.MultipleChoiceField(
        label=_("Sáng kiến được công nhận"), widget=forms.CheckboxSelectMultiple, choices=()
    )

    def __init__(self, *args, waiting=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["initiatives"].choices = [(str(i.pk), i.title) for i in waiting]
        self.fields["initiatives"].widget.attrs.pop("class", None)


class CounterFilterForm(BootstrapMixin, forms.Form):
    programme = forms.ModelChoiceField(label=_("Chương trình"), required=False, queryset=Programme.objects.all())
    campaign = forms.ModelChoiceField(label=_("Phong trào thi đua"), required=False, queryset=Campaign.objects.none())
    year = forms.IntegerField(label=_("Năm"), required=False, min_value=2000, max_value=2100)
    quarter = forms.TypedChoiceField(
        label=_("Quý"),
        required=False,
        coerce=int,
        empty_value=None,
        choices=[("", _("Cả năm")), *[(str(q), _("Quý %(q)s") % {"q": q}) for q in (1, 2, 3, 4)]],
    )

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        if user is not None:
            self.fields["campaign"].queryset = (
                Campaign.objects.visible_to(user).exclude(status=CampaignStatus.DRAFT).order_by("-plan_date", "-id")
            )
