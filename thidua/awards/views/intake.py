"""Views of the awards app: importing a nomination list from Excel (awards.intake).

A CĐCS's chair or officer uploads its list for a campaign; the preview shows every row with
what it was found to mean and, next to it, what is wrong in Vietnamese — nothing is saved yet.
When no row fails, "Xác nhận nhập" creates all the draft nominations at once (the rows are
carried in a signed field and checked again). The template is a .xlsx with the header and two
example rows."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from thidua.awards import intake
from thidua.awards.views.nominations import _unit as proposing_unit
from thidua.awards.views.nominations import unit_query
from thidua.campaigns.models import Campaign, CampaignStatus
from thidua.core.access import get_for_user

MAX_BYTES = 5 * 1024 * 1024
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def campaigns_for(user):
    """Issued campaigns the user sees that offer awards, newest first."""
    return (
        Campaign.objects.visible_to(user)
        .filter(award_offers__isnull=False)
        .exclude(status=CampaignStatus.DRAFT)
        .distinct()
        .order_by("-plan_date", "-pk")
    )


class IntakeForm(forms.Form):
    campaign = forms.ModelChoiceField(
        label=gettext_lazy("Kế hoạch thi đua"),
        queryset=Campaign.objects.none(),
        empty_label=None,
        error_messages={"required": gettext_lazy("Hãy chọn kế hoạch thi đua.")},
    )
    file = forms.FileField(
        label=gettext_lazy("Tệp danh sách (.xlsx)"),
        error_messages={"required": gettext_lazy("Hãy chọn tệp danh sách .xlsx.")},
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["campaign"].queryset = campaigns_for(user)
        self.fields["campaign"].label_from_instance = lambda c: c.movement_name or c.title

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith((".xlsx", ".csv")):
            raise forms.ValidationError(_("Tệp phải là bảng tính .xlsx (hoặc .csv)."))
        if upload.size > MAX_BYTES:
            raise forms.ValidationError(_("Tệp quá lớn (tối đa 5 MB)."))
        return upload


def _unit(request):
    """The proposing unit, which must be allowed to nominate: the acting CĐCS (its chair or
    officer), or the CĐCS of its subtree a federation's emulation office picked (?don-vi=)."""
    unit = proposing_unit(request)
    if unit is None or not request.user.has_perm("awards.nominate", unit):
        raise PermissionDenied
    return unit


def _query(request, unit) -> str:
    return unit_query(request, unit)


def _nominations_url(campaign, query: str = "") -> str:
    """Where the new drafts are: the unit's batch for the campaign (the nominations part),
    else this page."""
    for name, args in (("awards:unit_nominations", [campaign.pk]), ("awards:my_nominations", [])):
        try:
            return reverse(name, args=args) + query
        except NoReverseMatch:
            continue
    return reverse("awards:intake") + query


@login_required
def upload(request):
    unit = _unit(request)
    form = IntakeForm(request.POST or None, request.FILES or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        campaign = form.cleaned_data["campaign"]
        file = form.cleaned_data["file"]
        result = intake.import_file(request.user, unit=unit, campaign=campaign, data=file.read(), filename=file.name)
        return _preview(request, result)
    status = 400 if form.errors else 200
    context = {
        "form": form,
        "unit": unit,
        "has_campaigns": form.fields["campaign"].queryset.exists(),
        "unit_query": _query(request, unit),
    }
    return render(request, "awards/intake/upload.html", context, status=status)


def _preview(request, result, status=None):
    context = {
        "result": result,
        "unit": result.unit,
        "payload": result.payload() if result.ok else "",
        "form": IntakeForm(user=request.user, initial={"campaign": result.campaign}),
        "unit_query": _query(request, result.unit),
    }
    return render(request, "awards/intake/preview.html", context, status=status or (200 if result.ok else 400))


@login_required
@require_POST
def confirm(request):
    unit = _unit(request)
    try:
        result = intake.confirm(request.user, unit=unit, payload=request.POST.get("payload", ""))
    except (signing.BadSignature, Campaign.DoesNotExist, KeyError, TypeError, ValueError):
        raise Http404 from None
    if not result.ok:
        messages.error(request, _("Dữ liệu đã thay đổi từ lúc xem trước: danh sách có lỗi, chưa dòng nào được nhập."))
        return _preview(request, result)
    messages.success(
        request,
        _("Đã nhập %(n)s đề nghị khen thưởng (bản nháp) cho “%(campaign)s”. Hãy bổ sung hồ sơ rồi gửi cấp trên.")
        % {"n": len(result.created), "campaign": result.campaign.movement_name or result.campaign.title},
    )
    return redirect(_nominations_url(result.campaign, _query(request, unit)))


@login_required
def template(request):
    unit = _unit(request)
    campaign = None
    if request.GET.get("ke-hoach"):
        campaign = get_for_user(request.user, Campaign, request.GET["ke-hoach"])
    response = HttpResponse(intake.template_xlsx(unit, campaign), content_type=XLSX)
    response["Content-Disposition"] = 'attachment; filename="mau-danh-sach-de-nghi-khen-thuong.xlsx"'
    return response


urlpatterns = [
    path("khen-thuong/nhap-danh-sach/", upload, name="intake"),
    path("khen-thuong/nhap-danh-sach/xac-nhan/", confirm, name="intake_confirm"),
    path("khen-thuong/nhap-danh-sach/mau.xlsx", template, name="intake_template"),
]
