"""The reports stage of the demo federation (`manage.py load_demo`): Long Biên's result report
of seed 000 ("chậm nhất ngày 18/9/2023") and its quarterly report of seed 004 ("trước ngày 15
tháng cuối quý"), last quarter and this one, with the CĐCS' reports in every state — on time,
late, returned, accepted, a draft, nothing — drawn from a fixed pattern by position in the tree;
and a draft of the seed 000 campaign's final review. Rerunning adds nothing.

The seed 000 report keeps its printed deadline (18/9/2023: archive). The quarterly report is the
living one: its periods are the demo's current and last quarter, from core.demo.today(), and a
report is never sent after that day (it stays a draft).
"""

import datetime
from collections.abc import Callable
from zoneinfo import ZoneInfo

from django.db import transaction

from thidua.campaigns.models import Campaign
from thidua.campaigns.seeds import SEEDS_BY_KEY
from thidua.core import demo
from thidua.core.demo import SYSTEM
from thidua.org.models import Unit
from thidua.reports import services, sources
from thidua.reports.models import (
    Aggregation,
    CampaignReview,
    IndicatorKind,
    ReportForm,
    ReportPeriod,
    Source,
    Submission,
)

HANOI = ZoneInfo("Asia/Ho_Chi_Minh")
PATTERN = ("on_time", "accepted", "late", "returned", "nothing", "draft", "on_time", "accepted")
RESULT_TITLE = "Báo cáo kết quả đợt thi đua cao điểm chào mừng 20 năm thành lập quận Long Biên"
QUARTERLY_TITLE = "Báo cáo định kỳ hằng quý kết quả thực hiện chủ đề năm"


def _campaign(key: str) -> Campaign | None:
    seed = SEEDS_BY_KEY[key]
    return Campaign.objects.filter(issuer__code=seed.issuer_code, title=seed.title).first()


def _indicators(form: ReportForm, *, campaign: bool) -> None:
    total = services.save_indicator(
        SYSTEM,
        form,
        label="Tổng số đoàn viên",
        kind=IndicatorKind.NUMBER,
        aggregation=Aggregation.SUM,
        source=Source.MEMBERS,
    )
    services.save_indicator(
        SYSTEM,
        form,
        label="Số đoàn viên được phổ biến, quán triệt",
        kind=IndicatorKind.NUMBER,
        aggregation=Aggregation.SUM,
        source=Source.MEMBERS_REACHED if campaign else "",
        not_above=total,
    )
    if campaign:
        services.save_indicator(
            SYSTEM,
            form,
            label="Số công trình, phần việc đã hoàn thành",
            kind=IndicatorKind.NUMBER,
            aggregation=Aggregation.SUM,
            source=Source.WORKS_COMPLETED,
        )
    services.save_indicator(
        SYSTEM,
        form,
        label="Tỷ lệ đoàn viên đạt danh hiệu Lao động giỏi (%)",
        kind=IndicatorKind.PERCENT,
        aggregation=Aggregation.AVERAGE,
    )
    services.save_indicator(
        SYSTEM,
        form,
        label="Đã tổ chức Hội nghị người lao động",
        kind=IndicatorKind.YES_NO,
        aggregation=Aggregation.SHARE_YES,
    )
    services.save_indicator(
        SYSTEM,
        form,
        label="Kết quả nổi bật, kiến nghị",
        kind=IndicatorKind.TEXT,
        aggregation=Aggregation.NONE,
        required=False,
    )


def _values(submission: Submission, index: int) -> dict:
    indicators = list(submission.period.form.indicators.all())
    members = sources.members_of(submission.unit)
    values = {}
    for indicator in indicators:
        if indicator.source:
            continue  # thidua's own figure stands, as the page offers it
        if indicator.kind == IndicatorKind.NUMBER:
            values[indicator.field_name] = str(members * (70 + index * 7 % 30) // 100)
        elif indicator.kind == IndicatorKind.PERCENT:
            values[indicator.field_name] = str(40 + index * 13 % 55)
        elif indicator.kind == IndicatorKind.YES_NO:
            values[indicator.field_name] = "yes" if index % 3 else "no"
        elif indicator.kind == IndicatorKind.TEXT:
            values[indicator.field_name] = "Đơn vị hoàn thành các chỉ tiêu đã đăng ký."
    if any(i.source == Source.MEMBERS_REACHED for i in indicators):
        reached = next(i for i in indicators if i.source == Source.MEMBERS_REACHED)
        values.setdefault(reached.field_name, str(members * 9 // 10))
    return values


def _play(period, due: datetime.date, offset: int = 0) -> None:
    submissions = Submission.objects.filter(period=period).select_related("unit").order_by("unit__path")
    for index, submission in enumerate(submissions):
        outcome = PATTERN[(index + offset) % len(PATTERN)]
        if outcome == "nothing":
            continue
        values = _values(submission, index)
        on_time = datetime.datetime.combine(due - datetime.timedelta(days=2), datetime.time(9), tzinfo=HANOI)
        late = datetime.datetime.combine(due + datetime.timedelta(days=3), datetime.time(15), tzinfo=HANOI)
        now = datetime.datetime.combine(demo.today(), datetime.time(8), tzinfo=HANOI)
        sent_at = late if outcome == "late" else on_time
        if outcome == "draft" or sent_at > now:
            services.save_report(SYSTEM, submission, values=values)
            continue
        services.save_report(SYSTEM, submission, values=values, submit=True, at=late if outcome == "late" else on_time)
        if outcome == "returned":
            services.return_report(SYSTEM, submission, reason="Số đoàn viên được phổ biến chưa khớp với biên bản.")
        elif outcome == "accepted":
            services.accept_report(SYSTEM, submission)


@transaction.atomic
def _result_report(log) -> None:
    campaign = _campaign("000")
    if campaign is None or ReportForm.objects.filter(title=RESULT_TITLE).exists():
        log("  Báo cáo kết quả mẫu: đã có hoặc thiếu kế hoạch 000.")
        return
    due = datetime.date(2023, 9, 18)
    form = services.create_form(
        SYSTEM,
        issuer=campaign.issuer,
        title=RESULT_TITLE,
        period="once",
        campaign=campaign,
        due_on=due,
        description="Gửi về LĐLĐ quận (qua Ban Tuyên giáo – Nữ công) chậm nhất ngày 18/9/2023.",
    )
    _indicators(form, campaign=True)
    period = services.publish_form(SYSTEM, form, today=due)
    # History: the 2023 period was opened in 2023, not the day the demo is loaded (the home
    # page folds old periods opened long ago).
    opened = datetime.datetime.combine(due - datetime.timedelta(days=28), datetime.time(8), tzinfo=HANOI)
    ReportPeriod.objects.filter(pk=period.pk).update(opened_at=opened)
    _play(period, due)
    log(f"  Báo cáo kết quả kế hoạch 000: {period.submissions.count()} CĐCS.")


@transaction.atomic
def load_demo_review(log: Callable[[str], None]) -> None:
    """The draft final review of seed 000, written last (its own stage, after the awards'): its
    figures are those of the whole demo — the decision included — as an officer drafting it
    today would read them."""
    campaign = _campaign("000")
    if campaign is None or CampaignReview.objects.filter(campaign=campaign).exists():
        log("  Dự thảo báo cáo tổng kết mẫu: đã có hoặc thiếu kế hoạch 000.")
        return
    services.draft_review(SYSTEM, campaign, issuer=campaign.issuer, kind="final")
    log("  Dự thảo báo cáo tổng kết kế hoạch 000: đã soạn với số liệu hiện có.")


@transaction.atomic
def _quarterly(log) -> None:
    issuer = Unit.objects.filter(code=SEEDS_BY_KEY["004"].issuer_code).first()
    if issuer is None or ReportForm.objects.filter(title=QUARTERLY_TITLE).exists():
        log("  Báo cáo quý mẫu: đã có hoặc thiếu đơn vị.")
        return
    form = services.create_form(
        SYSTEM,
        issuer=issuer,
        title=QUARTERLY_TITLE,
        period="quarter",
        due_rule="last_month_day",
        due_day=15,
        due_before=True,
    )
    _indicators(form, campaign=False)
    today = demo.today()
    last_quarter = today.replace(day=1) - datetime.timedelta(days=92)
    services.publish_form(SYSTEM, form, today=last_quarter)
    for day in (last_quarter, today):
        period, _created = services.open_period(form, day)
        # Shifted so that the first CĐCS (the demo's cdcs_chutich) finds last quarter's report
        # sent back with its reason on its home page.
        _play(period, period.due_on, offset=PATTERN.index("returned"))
    log(f"  Báo cáo quý: {form.periods.count()} kỳ.")


def load_demo_reports(log: Callable[[str], None]) -> None:
    _result_report(log)
    _quarterly(log)
    if not CampaignReview.objects.exists():
        log("  (chưa có báo cáo tổng kết nào)")
