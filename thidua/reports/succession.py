"""What a dissolved or merged unit's reports become (core.succession).

Report forms it issued (all of them: a form is never stopped) go on under the successor: their periods stay open, the
successor's office reads who sent, reminds the late, returns and accepts, and rolls them up (the
roll-up's totals already follow the moved CĐCS: reports.tallies.rewrite_paths). Draft reviews
(sơ kết, tổng kết) go with them; issued ones keep their issuer and letterhead.
"""

from django.utils.translation import gettext_lazy as _

from thidua.core import succession
from thidua.reports.models import CampaignReview, ReportForm, ReviewStatus


def _open_forms(unit):
    return ReportForm.objects.filter(issuer=unit)


def _draft_reviews(unit):
    return CampaignReview.objects.filter(issuer=unit, status=ReviewStatus.DRAFT)


def count_forms(unit) -> int:
    return _open_forms(unit).count() + _draft_reviews(unit).count()


def hand_over_forms(actor, unit, successor) -> int:
    forms, reviews = list(_open_forms(unit).order_by("pk")), list(_draft_reviews(unit).order_by("pk"))
    for obj in [*forms, *reviews]:
        succession.record_handover(actor, obj, unit, successor)
    ReportForm.objects.filter(pk__in=[f.pk for f in forms]).update(issuer=successor)
    CampaignReview.objects.filter(pk__in=[r.pk for r in reviews]).update(issuer=successor)
    return len(forms) + len(reviews)


STEP = succession.Step(
    "report_forms", _("Mẫu báo cáo đang mở và báo cáo sơ kết, tổng kết chưa ban hành"), count_forms, hand_over_forms, 30
)
