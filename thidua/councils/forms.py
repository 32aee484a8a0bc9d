from django import forms
from django.utils.translation import gettext_lazy as _

from thidua.councils.models import CouncilKind, CouncilRole, Procedure
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

    pass_numerator = forms.IntegerField(label=_("Thông qua: tử số"), min_value=1)
    pass_denominator = forms.IntegerField(label=_("Thông qua: mẫu số"), min_value=1)
    quorum_numerator = forms.IntegerField(label=_("Có mặt tối thiểu: tử số"), min_value=1)
    quorum_denominator = forms.IntegerField(
        label=_("Có mặt tối thiểu: mẫu số"),
        min_value=1,
        help_text=_("Phiên họp chỉ biểu quyết khi có mặt ít nhất tỷ lệ này số thành viên (mặc định 2/3)."),
    )


class MemberForm(OwnIds, BootstrapMixin, forms.Form):
    id_prefix = "seat"

    who = forms.CharField(
        label=_("Đoàn viên"), max_length=200, help_text=_("Số thẻ đoàn viên hoặc họ và tên, thuộc đơn vị.")
    )
    role = forms.ChoiceField(label=_("Vai trò trong hội đồng"), choices=CouncilRole.choices, initial=CouncilRole.MEMBER)


class SessionForm(OwnIds, BootstrapMixin, forms.Form):
    id_prefix = "session"

    procedure = forms.ChoiceField(
        label=_("Hình thức"),
        choices=Procedure.choices,
        initial=Procedure.MEETING,
        widget=forms.RadioSelect,
        help_text=_(
            "Họp hội đồng: chỉ tính phiếu của thành viên có mặt, cần đủ số thành viên có mặt. "
            "Lấy ý kiến bằng văn bản: mỗi thành viên gửi ý kiến, không họp."
        ),
    )
    held_on = forms.DateField(label=_("Ngày họp / ngày lấy ý kiến"), widget=DATE)
    place = forms.CharField(label=_("Địa điểm"), max_length=300, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["procedure"].widget.attrs.pop("class", None)


class AttendanceForm(OwnIds, BootstrapMixin, forms.Form):
    """Who is present, who presides (the chair, else the vice-chair, else a member chosen) and
    who takes the minutes."""

    id_prefix = "attend"

    present = forms.MultipleChoiceField(
        label=_("Thành viên có mặt"), required=False, widget=forms.CheckboxSelectMultiple
    )
    presiding = forms.TypedChoiceField(label=_("Người chủ trì"), coerce=int, required=False, empty_value=None)
    recorder = forms.TypedChoiceField(label=_("Thư ký phiên họp"), coerce=int, required=False, empty_value=None)

    def __init__(self, *args, seats=(), **kwargs):
        super().__init__(*args, **kwargs)
        people = [(str(s.pk), f"{s.member.full_name} — {s.get_role_display()}") for s in seats]
        self.fields["present"].choices = people
        self.fields["present"].widget.attrs.pop("class", None)
        self.fields["presiding"].choices = [
            ("", _("Tự động (Chủ tịch; vắng thì Phó Chủ tịch)")),
            *people,
        ]
        self.fields["recorder"].choices = [("", _("Tự động (Thư ký hội đồng)")), *people]
        for name in ("presiding", "recorder"):
            self.fields[name].widget.attrs["class"] = "form-select"


class AgendaForm(OwnIds, BootstrapMixin, forms.Form):
    id_prefix = "agenda"

    subject = forms.ChoiceField(label=_("Nội dung chờ hội đồng xét"))

    def __init__(self, *args, choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["subject"].choices = list(choices)


class BallotForm(OwnIds, BootstrapMixin, forms.Form):
    """A member's own scores per criterion of the council and their vote."""

    id_prefix = "ballot"

    agree = forms.TypedChoiceField(
        label=_("Biểu quyết"),
        choices=[("1", _("Đồng ý công nhận")), ("0", _("Không đồng ý"))],
        coerce=lambda v: v == "1",
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, criteria=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = _add_score_fields(
            self, criteria, _("%(name)s (tối đa %(max)s điểm)"), required=True, css="form-control"
        )
        self.fields["agree"].widget.attrs.pop("class", None)

    def scores(self) -> dict[int, int]:
        return _scores(self)


class EntryForm(BootstrapMixin, forms.Form):
    """One member's row on the secretariat's page: the vote from their paper ballot and their
    scores. A row left untouched is skipped (the member votes on their own login); a row begun
    must be complete."""

    agree = forms.TypedChoiceField(
        label=_("Biểu quyết"),
        choices=[("", _("Chưa nhập")), ("1", _("Đồng ý")), ("0", _("Không đồng ý"))],
        coerce=lambda v: v == "1",
        empty_value=None,
        required=False,
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, criteria=(), **kwargs):
        super().__init__(*args, **kwargs)
        # Not required field by field: a row left empty is skipped, clean() asks for the rest.
        self.criteria = _add_score_fields(
            self, criteria, _("%(name)s (tối đa %(max)s)"), required=False, css="form-control form-control-sm"
        )
        self.fields["agree"].widget.attrs["class"] = "form-check-input"

    def clean(self):
        data = super().clean()
        scored = [c for c in self.criteria if data.get(f"score_{c.pk}") is not None]
        if data.get("agree") is None and scored:
            self.add_error("agree", _("Hãy chọn Đồng ý hoặc Không đồng ý."))
        elif data.get("agree") is not None:
            for c in self.criteria:
                if data.get(f"score_{c.pk}") is None and f"score_{c.pk}" not in self.errors:
                    self.add_error(f"score_{c.pk}", _("Hãy chấm điểm “%(c)s”.") % {"c": c.name})
        return data

    def has_vote(self) -> bool:
        return self.cleaned_data.get("agree") is not None

    def scores(self) -> dict[int, int]:
        return _scores(self)


def _add_score_fields(form, criteria, label, *, required: bool, css: str) -> list:
    """One score field per criterion of the council (`score_<id>`, 0 to its maximum), for a
    member's own ballot and for a row of the secretariat's paper-ballot page alike."""
    criteria = list(criteria)
    for c in criteria:
        form.fields[f"score_{c.pk}"] = forms.IntegerField(
            label=label % {"name": c.name, "max": c.max_score},
            min_value=0,
            max_value=c.max_score,
            required=required,
            widget=forms.NumberInput(attrs={"class": css, "inputmode": "numeric"}),
        )
    return criteria


def _scores(form) -> dict[int, int]:
    return {c.pk: form.cleaned_data.get(f"score_{c.pk}") for c in form.criteria}
