import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

DEFAULT_DAYS = 90


class TokenForm(forms.Form):
    name = forms.CharField(
        label=_("Tên khóa"),
        max_length=100,
        required=False,
        help_text=_("Hệ thống sẽ dùng khóa, vd. “Quản lý văn bản của LĐLĐ quận”."),
    )
    role = forms.TypedChoiceField(label=_("Làm việc với tư cách"), coerce=int)
    can_write = forms.TypedChoiceField(
        label=_("Quyền"),
        choices=[("0", _("Chỉ đọc")), ("1", _("Đọc và ghi (gửi báo cáo, ghi nhận đoàn viên)"))],
        coerce=lambda v: v == "1",
        initial="0",
    )
    expires_on = forms.DateField(
        label=_("Hết hạn sau ngày"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args, roles=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["role"].choices = [(r.pk, str(r)) for r in roles]
        self.fields["expires_on"].initial = timezone.localdate() + datetime.timedelta(days=DEFAULT_DAYS)
