from django import forms
from django.utils.translation import gettext_lazy as _

from thidua.councils.models import CouncilKind, CouncilRole
from thidua.org.forms import BootstrapMixin

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class OwnIds:
    """Several forms share the session page: each gets its own element ids."""

    id_prefix = "id"

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", f"{self.id_prefix}_%s")
        super().__init__(*args, **kwargs)


class CouncilForm(BootstrapMixin, forms.Form):
    kind = forms.ChoiceField(label=_("Loại hội đồng"), choices=CouncilKind.choices)
    name = forms.CharField(label=_("Tên hội đồng"), max_length=300)
    pass_numerator = forms.IntegerField(label=_("Tỷ lệ thông qua: tử số"), min_value=1, initial=2)
    pass_denominator = forms.IntegerField(
        label=_("Tỷ lệ thông qua: mẫu số"),
        min_value=1,
        initial=3,
        help_text=_("Mặc định 2/3 số thành viên được biểu quyết (Thông tư 18/2013/TT-BKHCN)."),
    )


class PassRuleForm(OwnIds, BootstrapMixin, forms.Form):
    id_prefix = "rule"

    pass_numerator = forms.IntegerField(label=_("Tử số"), min_value=1)
    pass_denominator = forms.IntegerField(label=_("Mẫu số"), min_value=1)


class MemberForm(OwnIds, BootstrapMixin, forms.Form):
    id_prefix = "seat"

    who = forms.CharField(
        label=_("Đoàn viên"), max_length=200, help_text=_("Số thẻ đoàn viên hoặc họ và tên, thuộc đơn vị.")
    )
    role = forms.ChoiceField(label=_("Vai trò trong hội đồng"), choices=CouncilRole.choices, initial=CouncilRole.MEMBER)


class SessionForm(OwnIds, BootstrapMixin, forms.Form):
    id_prefix = "session"

    held_on = forms.DateField(label=_("Ngày họp"), widget=DATE)
    place = forms.CharField(label=_("Địa điểm"), max_length=300, required=False)


class AgendaForm(OwnIds, BootstrapMixin, forms.Form):
    id_prefix = "agenda"

    subject = forms.ChoiceField(label=_("Nội dung chờ hội đồng xét"))

    def __init__(self, *args, choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["subject"].choices = list(choices)


class BallotForm(OwnIds, BootstrapMixin, forms.Form):
    """Scores per criterion of the council and the vote; for a written vote, whose."""

    id_prefix = "ballot"

    agree = forms.TypedChoiceField(
        label=_("Biểu quyết"),
        choices=[("1", _("Đồng ý công nhận")), ("0", _("Không đồng ý"))],
        coerce=lambda v: v == "1",
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, criteria=(), seats=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = list(criteria)
        for c in self.criteria:
            self.fields[f"score_{c.pk}"] = forms.IntegerField(
                label=_("%(name)s (tối đa %(max)s điểm)") % {"name": c.name, "max": c.max_score},
                min_value=0,
                max_value=c.max_score,
                widget=forms.NumberInput(attrs={"class": "form-control", "inputmode": "numeric"}),
            )
        if seats is not None:
            self.fields["seat"] = forms.ChoiceField(
                label=_("Thành viên vắng mặt gửi phiếu"),
                choices=[(str(s.pk), s.member.full_name) for s in seats],
                widget=forms.Select(attrs={"class": "form-select"}),
            )
            self.order_fields(["seat"])
        self.fields["agree"].widget.attrs.pop("class", None)

    def scores(self) -> dict[int, int]:
        return {c.pk: self.cleaned_data.get(f"score_{c.pk}") for c in self.criteria}
