"""The letterhead form a unit's own officer fills in (documents.views.issuer_profile)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from thidua.documents.models import IssuerProfile
from thidua.documents.services import PROFILE_FIELDS


class IssuerProfileForm(forms.ModelForm):
    """Every field of the letterhead. The signer's authority and title take several lines
    ("TM. BAN THƯỜNG VỤ" / "KT. CHỦ TỊCH" / "PHÓ CHỦ TỊCH"), printed as typed, one per line."""

    class Meta:
        model = IssuerProfile
        fields = list(PROFILE_FIELDS)
        widgets = {
            "signer_authority": forms.Textarea(attrs={"rows": 2}),
            "signer_title": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "signer_title": _("Mỗi dòng một dòng chức danh, ví dụ: KT. CHỦ TỊCH ↵ PHÓ CHỦ TỊCH."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # What every paper prints (services.signature_gaps refuses to issue without it) is marked
        # and asked for here too: the superior's name under a union above, the signer's title
        # and name (QA walk, session 6: the page marked none of them).
        unit = getattr(self.instance, "unit", None) if self.instance.unit_id else None
        needed = ["signer_title", "signer_name"] + (["superior_line"] if unit is not None and unit.parent_id else [])
        for name in needed:
            self.fields[name].required = True
        for name, field in self.fields.items():
            field.widget.attrs.setdefault("class", "form-control")
            # The live preview (letterhead-preview.js) reads the fields it shows by this name.
            field.widget.attrs["data-letterhead"] = name
            if field.required:
                field.error_messages["required"] = _("Hãy nhập %(field)s.") % {"field": field.label.lower()}


class SignedOriginalForm(forms.Form):
    """The signed PDF of an issued paper (issue 21). What the file must be is checked by
    documents.services.attach_signed_original; its refusal is shown on this field."""

    file = forms.FileField(
        label=_("Bản PDF đã ký số"),
        help_text=_("Tệp PDF đã ký số bằng chứng thư số của đơn vị hoặc người ký (USB token, ký số từ xa)."),
        error_messages={"required": _("Hãy chọn tệp PDF đã ký số.")},
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,application/pdf", "class": "form-control"}),
    )


class SigningCertificateForm(forms.Form):
    """A unit's PKCS#12 certificate for signing in thidua (issue 21, item 3), and the passphrase
    that opens it — used once to open and check it, never kept."""

    file = forms.FileField(
        label=_("Tệp chứng thư số (.p12, .pfx)"),
        help_text=_("Chứng thư số của đơn vị hoặc người ký kèm khóa bí mật, định dạng PKCS#12."),
        error_messages={"required": _("Hãy chọn tệp chứng thư số.")},
        widget=forms.ClearableFileInput(attrs={"accept": ".p12,.pfx,application/x-pkcs12", "class": "form-control"}),
    )
    passphrase = forms.CharField(
        label=_("Mật khẩu của tệp chứng thư"),
        required=False,
        strip=False,
        widget=forms.PasswordInput(attrs={"class": "form-control", "autocomplete": "off"}),
        help_text=_("Chỉ dùng để mở và kiểm tra chứng thư, không được lưu."),
    )
