"""Spreadsheets of the awards pages, through the one writer (org.exports): the public honour
roll of a campaign, and an office's queue of nominations with the page's filters. Each holds
what its page lists, in the page's scope, and nothing more."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.urls import path
from django.utils.translation import gettext as _

from thidua.awards import honour, queries
from thidua.org.exports import xlsx_response


def honour_roll_export(request, pk: int):
    """The honour roll's awardees as the page lists them (public, issued decisions only): the
    award, the name, collective or individual, and the position and unit printed on the
    decision — never a draft, never a member's contact data."""
    campaign = honour.honoured_campaign(pk)
    if campaign is None:
        raise Http404
    headers = [_("STT"), _("Hình thức khen thưởng"), _("Tập thể, cá nhân"), _("Loại"), _("Chức vụ, đơn vị")]
    collective, individual = _("Tập thể"), _("Cá nhân")

    def rows():
        for n, award in enumerate(honour.roll(campaign).iterator(chunk_size=2000), start=1):
            kind = individual if award.member_id else collective
            yield [n, award.award_kind.name, award.name, kind, award.position]

    return xlsx_response(
        f"vinh-danh-{campaign.pk}.xlsx", headers, rows(), [6, 36, 32, 10, 50], sheet=_("Bảng vinh danh")
    )


@login_required
def queue_export(request):
    """The office's queue (Xét khen thưởng) with the same filters as the page, every page of it."""
    from thidua.awards.views.review import filtered_queue  # noqa: PLC0415 — a cycle via review's URLs

    _level, _works, _form, _campaign, rows = filtered_queue(request)
    headers = [
        _("STT"),
        _("Tập thể, cá nhân"),
        _("Hình thức"),
        _("Đơn vị đề nghị"),
        _("Số tệp hồ sơ"),
        _("Tiêu chuẩn"),
        _("Trạng thái"),
        _("Ngày gửi"),
        _("Tóm tắt thành tích"),
    ]

    def lines():
        # The iterator prefetches each chunk's criteria checks, which the verdict reads.
        for n, nomination in enumerate(rows.iterator(chunk_size=500), start=1):
            queries.with_verdicts([nomination])
            yield [
                n,
                nomination.subject_name,
                nomination.award_kind.name,
                nomination.unit.name,
                nomination.file_count,
                str(nomination.verdict_label or ""),
                nomination.get_status_display(),
                nomination.submitted_at.strftime("%d/%m/%Y") if nomination.submitted_at else "",
                nomination.achievement,
            ]

    return xlsx_response(
        "ho-so-de-nghi-khen-thuong.xlsx",
        headers,
        lines(),
        [6, 30, 30, 32, 10, 16, 20, 12, 60],
        sheet=_("Hồ sơ đề nghị khen thưởng"),
    )


urlpatterns = [
    path("vinh-danh/<int:pk>/vinh-danh.xlsx", honour_roll_export, name="honour_roll_export"),
    path("khen-thuong/xet/xuat-excel/", queue_export, name="queue_export"),
]
