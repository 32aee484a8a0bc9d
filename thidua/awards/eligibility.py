"""Eligibility: each criterion of an award kind checked against the data (issue 8, item 2).

One evaluator per `CriterionKind` (the `EVALUATORS` table); each reads what it needs in one or
two aggregate queries, so evaluating a nomination costs a fixed number of queries per criterion,
whatever the size of the unit. Every figure an evaluator compares against is a column of the
`Criterion` row (threshold, strict, years, rating_rank, related_kind), loaded by
`awards.catalogue` and editable by an administrator.

Which criteria apply to whom. A criterion has no subject of its own, but what it reads says it:
a member's rating, for an individual; a unit's rating, a share of its members, its works or its
reports, for a collective. A criterion that cannot apply to the subject (a campaign's "có công
trình, phần việc" under a Giấy khen proposed for a person) is left out of that subject's
outcomes rather than counted as failed.

"One of". Required criteria must all be met or attested; the not-required criteria of a kind
are alternatives of which at least one must be met or attested (awards.catalogue: Chiến sĩ thi
đua cơ sở = Lao động tiên tiến and one of a recognised initiative or attested excellence).
`verdict()` applies this rule to a list of outcomes.

Shares and caps are compared in exact arithmetic (14 of 20 is exactly 70 %, and passes "≥ 70 %";
699 of 1,000 is 69.9 % and fails), and shown rounded down to one decimal with a decimal comma
("70,0 %"), so a share shown as the threshold never fails it.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_DOWN, Decimal

from django.db.models import Count, Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from thidua.awards.models import (
    LIVE_STATUSES,
    Award,
    AwardKind,
    CheckResult,
    Criterion,
    CriterionCheck,
    CriterionKind,
    Nomination,
    NominationStatus,
)
from thidua.awards.queries import campaign_year, in_campaign_year
from thidua.campaigns.models import Campaign
from thidua.core.db import PATH_END
from thidua.initiatives.models import Author, Recognition
from thidua.org.models import Member, MemberRating, RatingLevel, RatingSubject, Unit, UnitRating
from thidua.participation.models import Registration, TitleRegistration, Work, WorkStatus
from thidua.reports.models import SENT, Submission

DETAIL_MAX = 500  # CriterionCheck.detail


@dataclass(frozen=True)
class Outcome:
    criterion: Criterion
    result: str  # a CheckResult value
    detail: str


@dataclass(frozen=True)
class Subject:
    """What the evaluators read: the nominee, the year, the campaign and the attestations."""

    year: int
    campaign: Campaign | None
    member: Member | None
    unit: Unit | None
    attested: dict[int, str]

    @property
    def is_collective(self) -> bool:
        return self.unit is not None


# --- figures in Vietnamese ---------------------------------------------------------------------


def percent_text(part: int, whole: int) -> str:
    """ "70,0": the share rounded down to one decimal, with a decimal comma."""
    if not whole:
        return "0,0"
    value = (Decimal(100 * part) / Decimal(whole)).quantize(Decimal("0.1"), rounding=ROUND_DOWN)
    return f"{value:f}".replace(".", ",")


def count_text(value: int) -> str:
    """ "1.000": a count with its thousands grouped by dots, as Vietnamese writes them."""
    return f"{value:,}".replace(",", ".")


def number_text(value: Decimal | int) -> str:
    """ "70", "62,5": a figure without trailing zeros, with a decimal comma."""
    text = f"{Decimal(value):f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text.replace(".", ",")


def _reaches(part: int, whole: int, threshold: Decimal, strict: bool) -> bool:
    """part/whole (as %) ≥ threshold, or > when strict — exact, no floats."""
    left, right = Decimal(100 * part), threshold * whole
    return left > right if strict else left >= right


def _share_need(threshold: Decimal, strict: bool, one: str = "") -> str:
    """ "cần ≥ 70 %", "cần > 50 %"; "> 0 %" reads "at least one" (`one`: of what)."""
    if strict and threshold == 0:
        return one or _("cần ít nhất 1 người")
    sign = ">" if strict else "≥"
    return _("cần %(sign)s %(threshold)s %%") % {"sign": sign, "threshold": number_text(threshold)}


def _verdict_word(ok: bool) -> str:
    return _("Đạt") if ok else _("Chưa đạt")


def _year_range(first: int, last: int) -> str:
    return str(last) if first == last else f"{first}–{last}"


# --- the window of a criterion -------------------------------------------------------------------


def _window(criterion: Criterion, subject: Subject) -> tuple[datetime.date, datetime.date]:
    """A campaign's own criterion reads the campaign's window; a standing one the year."""
    campaign = subject.campaign
    if criterion.campaign_id and campaign is not None and campaign.starts_on and campaign.ends_on:
        return campaign.starts_on, campaign.ends_on
    return datetime.date(subject.year, 1, 1), datetime.date(subject.year, 12, 31)


def _window_text(criterion: Criterion, subject: Subject) -> str:
    start, end = _window(criterion, subject)
    if start == datetime.date(subject.year, 1, 1) and end == datetime.date(subject.year, 12, 31):
        return _("năm %(year)s") % {"year": subject.year}
    return _("từ %(start)s đến %(end)s") % {"start": f"{start:%d/%m/%Y}", "end": f"{end:%d/%m/%Y}"}


# --- evaluators: (criterion, subject) -> (result, detail) ----------------------------------------

Evaluation = tuple[str, str]


def _rating_name(subject_kind: str, year: int, rank: int | None) -> str:
    level = RatingLevel.objects.filter(year=year, subject=subject_kind, rank=rank).values_list("name", flat=True)
    name = level.first()
    return f"“{name}”" if name else _("mức thứ %(rank)s") % {"rank": rank}


def _rating(criterion: Criterion, subject: Subject, rating) -> Evaluation:
    rank = criterion.rating_rank or 1
    kind = RatingSubject.MEMBER if not subject.is_collective else RatingSubject.UNIT
    needed = _rating_name(kind, subject.year, rank)
    if rating is None:
        return CheckResult.MISSING, _("Chưa có xếp loại năm %(year)s (cần %(needed)s trở lên).") % {
            "year": subject.year,
            "needed": needed,
        }
    ok = rating.level.rank <= rank
    return (CheckResult.MET if ok else CheckResult.NOT_MET), _(
        "%(verdict)s: xếp loại “%(level)s” năm %(year)s, cần %(needed)s trở lên."
    ) % {"verdict": _verdict_word(ok), "level": rating.level.name, "year": subject.year, "needed": needed}


def member_rating(criterion: Criterion, subject: Subject) -> Evaluation:
    rating = MemberRating.objects.filter(member=subject.member, year=subject.year).select_related("level").first()
    return _rating(criterion, subject, rating)


def unit_rating(criterion: Criterion, subject: Subject) -> Evaluation:
    rating = UnitRating.objects.filter(unit=subject.unit, year=subject.year).select_related("level").first()
    return _rating(criterion, subject, rating)


def initiative(criterion: Criterion, subject: Subject) -> Evaluation:
    """Initiatives recognised (at any level) in the window: authored by the member, or of the
    unit's subtree for a collective. An initiative recognised at two levels counts once."""

    start, end = _window(criterion, subject)
    recognitions = Recognition.objects.filter(recognised_on__gte=start, recognised_on__lte=end)
    if subject.is_collective:
        path = subject.unit.path
        recognitions = recognitions.filter(initiative__unit_path__gte=path, initiative__unit_path__lt=path + PATH_END)
    else:
        authored = Author.objects.filter(initiative=OuterRef("initiative"), member=subject.member)
        recognitions = recognitions.filter(Exists(authored))
    count = recognitions.aggregate(n=Count("initiative", distinct=True))["n"]
    needed = int(criterion.threshold or 1)
    ok = count >= needed
    return (CheckResult.MET if ok else CheckResult.NOT_MET), _(
        "%(verdict)s: %(count)s sáng kiến được công nhận %(window)s, cần ít nhất %(needed)s."
    ) % {"verdict": _verdict_word(ok), "count": count, "window": _window_text(criterion, subject), "needed": needed}


def award_streak(criterion: Criterion, subject: Subject) -> Evaluation:
    """The related title in each of the `years` years ending with the year: consecutive."""
    years = criterion.years or 1
    first = subject.year - years + 1
    kind = criterion.related_kind or criterion.award_kind
    awards = Award.objects.filter(award_kind=kind, year__gte=first, year__lte=subject.year)
    if subject.is_collective:
        awards = awards.filter(unit=subject.unit, member__isnull=True)
    else:
        awards = awards.filter(member=subject.member)
    held = set(awards.values_list("year", flat=True).distinct())
    # The year's title may be proposed in the same batch (Lao động tiên tiến and Chiến sĩ thi đua
    # cơ sở sent together): a living nomination of the campaign counts for the year, said so.
    # Never the criterion's own kind — a nomination would then vouch for itself.
    batch = (
        subject.year not in held
        and subject.campaign is not None
        and kind.pk != criterion.award_kind_id
        and _in_batch(kind, subject).exists()
    )
    if batch:
        held.add(subject.year)
    missing = [y for y in range(first, subject.year + 1) if y not in held]
    values = {"title": kind.name, "years": years, "range": _year_range(first, subject.year), "year": subject.year}
    if not missing:
        if batch:
            if years == 1:
                return CheckResult.MET, _("Đạt: %(title)s năm %(year)s được đề nghị cùng đợt.") % values
            return CheckResult.MET, _(
                "Đạt: %(title)s %(years)s năm liên tục (%(range)s; năm %(year)s: đề nghị cùng đợt)."
            ) % values
        if years == 1:
            return CheckResult.MET, _("Đạt: được công nhận %(title)s năm %(range)s.") % values
        return CheckResult.MET, _("Đạt: %(title)s %(years)s năm liên tục (%(range)s).") % values
    values |= {"held": years - len(missing), "missing": ", ".join(str(y) for y in missing)}
    if years == 1:
        return CheckResult.NOT_MET, _("Chưa đạt: chưa có danh hiệu %(title)s năm %(range)s trong dữ liệu.") % values
    return CheckResult.NOT_MET, _(
        "Chưa đạt: %(title)s %(held)s/%(years)s năm (%(range)s), thiếu năm %(missing)s."
    ) % values


def _in_batch(kind: AwardKind, subject: Subject):
    """The subject's living nominations of `kind` in the campaign not yet awarded (an awarded
    one is on the record as an Award): proposed in the same batch."""
    rows = Nomination.objects.filter(campaign=subject.campaign, award_kind=kind, status__in=LIVE_STATUSES).exclude(
        status=NominationStatus.AWARDED
    )
    if subject.is_collective:
        return rows.filter(subject_unit=subject.unit)
    return rows.filter(subject_member=subject.member)


def member_share(criterion: Criterion, subject: Subject) -> Evaluation:
    """Share of the members of the unit's subtree (the unit and its groups) holding the related
    title that year — or, without a related title, rated `rating_rank` or better that year.

    The denominator counts Member rows, the same rows the numerator counts (Unit.member_count
    is kept equal to them by org.services, but counting rows keeps both sides of the fraction
    from one read)."""
    members = Member.objects.within(subject.unit)
    if criterion.related_kind_id:
        holding = Exists(
            Award.objects.filter(member=OuterRef("pk"), award_kind_id=criterion.related_kind_id, year=subject.year)
        )
        what = _("đạt %(title)s năm %(year)s") % {"title": criterion.related_kind.name, "year": subject.year}
    else:
        rank = criterion.rating_rank or 1
        holding = Exists(MemberRating.objects.filter(member=OuterRef("pk"), year=subject.year, level__rank__lte=rank))
        level = _rating_name(RatingSubject.MEMBER, subject.year, rank)
        what = _("được xếp loại %(level)s trở lên năm %(year)s") % {"level": level, "year": subject.year}
    figures = members.alias(holding=holding).aggregate(total=Count("pk"), part=Count("pk", filter=Q(holding=True)))
    total, part = figures["total"], figures["part"]
    threshold = criterion.threshold if criterion.threshold is not None else Decimal(100)
    if not total:
        return CheckResult.MISSING, _("Chưa có danh sách đoàn viên của tập thể trong dữ liệu.")
    ok = _reaches(part, total, threshold, criterion.strict)
    return (CheckResult.MET if ok else CheckResult.NOT_MET), _(
        "%(verdict)s: %(part)s/%(total)s đoàn viên (%(pct)s %%) %(what)s, %(need)s."
    ) % {
        "verdict": _verdict_word(ok),
        "part": count_text(part),
        "total": count_text(total),
        "pct": percent_text(part, total),
        "what": what,
        "need": _share_need(threshold, criterion.strict),
    }


def work_reported(criterion: Criterion, subject: Subject) -> Evaluation:
    """Works of the unit's subtree in the campaign, completed or inaugurated, with at least one
    article or photo sent (participation keeps those counts on the work)."""

    if subject.campaign is None:
        return CheckResult.MISSING, _("Tiêu chuẩn này chỉ xét được trong một kế hoạch thi đua.")
    works = Work.objects.filter(campaign=subject.campaign).within(subject.unit)
    figures = works.aggregate(
        n=Count("pk"),
        done=Count(
            "pk",
            filter=Q(status__in=[WorkStatus.COMPLETED, WorkStatus.INAUGURATED])
            & (Q(article_count__gt=0) | Q(photo_count__gt=0)),
        ),
    )
    needed = int(criterion.threshold or 1)
    ok = figures["done"] >= needed
    return (CheckResult.MET if ok else CheckResult.NOT_MET), _(
        "%(verdict)s: %(done)s/%(n)s công trình, phần việc đã hoàn thành và có tin bài, hình ảnh báo cáo, "
        "cần ít nhất %(needed)s."
    ) % {"verdict": _verdict_word(ok), "done": figures["done"], "n": figures["n"], "needed": needed}


def reports_on_time(criterion: Criterion, subject: Subject) -> Evaluation:
    """The unit's reports due in the year: sent on time (reports' own notion: sent or accepted,
    not flagged late) among those owed — sent ones, and unsent ones whose day has passed."""

    today = timezone.localdate()
    owed = Submission.objects.filter(unit=subject.unit, period__due_on__year=subject.year).filter(
        Q(status__in=SENT) | Q(period__due_on__lt=today)
    )
    figures = owed.aggregate(n=Count("pk"), on_time=Count("pk", filter=Q(status__in=SENT, is_late=False)))
    total, part = figures["n"], figures["on_time"]
    if not total:
        return CheckResult.MISSING, _("Chưa có kỳ báo cáo nào đến hạn trong năm %(year)s.") % {"year": subject.year}
    threshold = criterion.threshold if criterion.threshold is not None else Decimal(100)
    ok = _reaches(part, total, threshold, criterion.strict)
    return (CheckResult.MET if ok else CheckResult.NOT_MET), _(
        "%(verdict)s: %(part)s/%(total)s báo cáo năm %(year)s gửi đúng hạn (%(pct)s %%), %(need)s."
    ) % {
        "verdict": _verdict_word(ok),
        "part": count_text(part),
        "total": count_text(total),
        "year": subject.year,
        "pct": percent_text(part, total),
        "need": _share_need(threshold, criterion.strict, _("cần ít nhất 1 báo cáo")),
    }


def registered(criterion: Criterion, subject: Subject) -> Evaluation:
    """An individual: registered that year for the title (participation.EmulationTitle) of the
    same code as the award kind — the catalogues share their codes ("lao-dong-tien-tien") — or,
    failing that, of the same name. A collective: registered for the campaign."""

    if subject.is_collective:
        if subject.campaign is None:
            return CheckResult.MISSING, _("Tiêu chuẩn này chỉ xét được trong một kế hoạch thi đua.")
        ok = Registration.objects.filter(campaign=subject.campaign, unit=subject.unit).exists()
        return (CheckResult.MET if ok else CheckResult.NOT_MET), (
            _("Đạt: đơn vị đã đăng ký thi đua trong kế hoạch.")
            if ok
            else _("Chưa đạt: đơn vị chưa đăng ký thi đua trong kế hoạch.")
        )
    kind = criterion.related_kind or criterion.award_kind
    ok = (
        TitleRegistration.objects.filter(member=subject.member, year=subject.year)
        .filter(Q(title__code=kind.code) | Q(title__name=kind.name))
        .exists()
    )
    values = {"title": kind.name, "year": subject.year}
    return (CheckResult.MET if ok else CheckResult.NOT_MET), (
        _("Đạt: đã đăng ký thi đua danh hiệu %(title)s năm %(year)s.") % values
        if ok
        else _("Chưa đạt: chưa đăng ký thi đua danh hiệu %(title)s năm %(year)s.") % values
    )


def attested(criterion: Criterion, subject: Subject) -> Evaluation:
    text = (subject.attested.get(criterion.pk) or "").strip()
    if not text:
        return CheckResult.MISSING, _("Chưa có nội dung xác nhận hoặc minh chứng của đơn vị.")
    return CheckResult.ATTESTED, _("Đơn vị xác nhận: %(text)s") % {"text": text}


EVALUATORS: dict[str, Callable[[Criterion, Subject], Evaluation]] = {
    CriterionKind.MEMBER_RATING: member_rating,
    CriterionKind.UNIT_RATING: unit_rating,
    CriterionKind.INITIATIVE: initiative,
    CriterionKind.AWARD_STREAK: award_streak,
    CriterionKind.MEMBER_SHARE: member_share,
    CriterionKind.WORK_REPORTED: work_reported,
    CriterionKind.REPORTS_ON_TIME: reports_on_time,
    CriterionKind.REGISTERED: registered,
    CriterionKind.ATTESTED: attested,
}

# What each kind can be read for; absent kinds apply to both.
FOR_INDIVIDUALS_ONLY = {CriterionKind.MEMBER_RATING}
FOR_COLLECTIVES_ONLY = {
    CriterionKind.UNIT_RATING,
    CriterionKind.MEMBER_SHARE,
    CriterionKind.WORK_REPORTED,
    CriterionKind.REPORTS_ON_TIME,
}


def applies(criterion: Criterion, *, collective: bool) -> bool:
    if collective:
        return criterion.kind not in FOR_INDIVIDUALS_ONLY
    return criterion.kind not in FOR_COLLECTIVES_ONLY


# --- the interface --------------------------------------------------------------------------------


def criteria_for(award_kind: AwardKind, campaign: Campaign | None) -> list[Criterion]:
    """The kind's standing criteria, then the campaign's own for that kind: one query."""
    scope = Q(campaign__isnull=True)
    if campaign is not None:
        scope |= Q(campaign=campaign)
    rows = Criterion.objects.filter(scope, award_kind=award_kind).select_related("award_kind", "related_kind")
    return sorted(rows, key=lambda c: (c.campaign_id is not None, c.order, c.pk))


def evaluate(
    *,
    award_kind: AwardKind,
    campaign: Campaign | None,
    year: int,
    subject_member: Member | None = None,
    subject_unit: Unit | None = None,
    attested: dict[int, str] | None = None,
) -> list[Outcome]:
    """Every applicable criterion of the kind (and of the campaign) for the subject, in order."""
    if (subject_member is None) == (subject_unit is None):
        raise ValueError("evaluate() needs exactly one of subject_member and subject_unit")
    subject = Subject(year, campaign, subject_member, subject_unit, attested or {})
    outcomes = []
    for criterion in criteria_for(award_kind, campaign):
        if not applies(criterion, collective=subject.is_collective):
            continue
        result, detail = EVALUATORS[criterion.kind](criterion, subject)
        outcomes.append(Outcome(criterion, str(result), detail[:DETAIL_MAX]))
    return outcomes


def attestations(nomination: Nomination) -> dict[int, str]:
    """The nomination's attestations by criterion: its text, or a word saying evidence is attached."""
    found = {}
    for check in nomination.checks.all():
        text = check.attestation.strip()
        if not text and check.evidence_id:
            text = _("có minh chứng kèm theo")
        if text:
            found[check.criterion_id] = text
    return found


def evaluate_nomination(nomination: Nomination) -> list[Outcome]:
    campaign = nomination.campaign
    year = campaign_year(campaign)
    return evaluate(
        award_kind=nomination.award_kind,
        campaign=campaign,
        year=year,
        subject_member=nomination.subject_member,
        subject_unit=nomination.subject_unit,
        attested=attestations(nomination),
    )


PASSING = {CheckResult.MET, CheckResult.ATTESTED}


def verdict(outcomes: Sequence[Outcome | CriterionCheck]) -> str:
    """The whole: NOT_MET when a required criterion, or every alternative, is not met; MISSING
    when nothing failed but something is still unknown; ATTESTED when it rests on at least one
    attestation; else MET. An empty list (a kind without criteria) is MET."""
    results = {o.result for o in outcomes if o.criterion.is_required}
    alternatives = {o.result for o in outcomes if not o.criterion.is_required}
    if alternatives:
        if CheckResult.MET in alternatives:
            results.add(CheckResult.MET)
        elif CheckResult.ATTESTED in alternatives:
            results.add(CheckResult.ATTESTED)
        elif CheckResult.MISSING in alternatives:
            results.add(CheckResult.MISSING)
        else:
            results.add(CheckResult.NOT_MET)
    if CheckResult.NOT_MET in results:
        return CheckResult.NOT_MET
    if CheckResult.MISSING in results:
        return CheckResult.MISSING
    if CheckResult.ATTESTED in results:
        return CheckResult.ATTESTED
    return CheckResult.MET


# --- the cap (Chiến sĩ thi đua cơ sở ≤ 15 % of Lao động tiên tiến) ---------------------------------


def cap_allows(
    award_kind: AwardKind, unit: Unit, year: int, extra: int = 1, *, campaign: Campaign | None = None
) -> tuple[bool, str]:
    """Whether `extra` more of `award_kind` keep the unit's subtree within the kind's cap that
    year: awards already on the record plus living nominations not yet awarded, against
    cap_percent of the `cap_of` holders in the subtree that year — the individual awards on the
    record, and, with `campaign`, the subtree's living `cap_of` nominations of that campaign
    not yet awarded (proposed in the same batch: Lao động tiên tiến and Chiến sĩ thi đua cơ sở
    are sent together). Four queries."""
    if award_kind.cap_of_id is None or award_kind.cap_percent is None:
        return True, ""
    base = Award.objects.within(unit).filter(award_kind_id=award_kind.cap_of_id, year=year, member__isnull=False)
    base_count = base.count()
    batch_count = 0
    if campaign is not None:
        held = Award.objects.filter(member=OuterRef("subject_member"), award_kind_id=award_kind.cap_of_id, year=year)
        batch_count = (
            Nomination.objects.within(unit)
            .filter(
                campaign=campaign,
                award_kind_id=award_kind.cap_of_id,
                subject_member__isnull=False,
                status__in=LIVE_STATUSES,
            )
            .exclude(status=NominationStatus.AWARDED)
            .exclude(Exists(held))
            .count()
        )
    awarded = Award.objects.within(unit).filter(award_kind=award_kind, year=year).count()
    in_year = in_campaign_year(year)
    pending = (
        Nomination.objects.within(unit)
        .filter(in_year, award_kind=award_kind, status__in=LIVE_STATUSES)
        .exclude(status=NominationStatus.AWARDED)
        .count()
    )
    total = base_count + batch_count
    limit = int((Decimal(total) * award_kind.cap_percent / 100).to_integral_value(rounding=ROUND_DOWN))
    used = awarded + pending
    values = {
        "kind": award_kind.name,
        "pct": number_text(award_kind.cap_percent),
        "base_kind": award_kind.cap_of.name,
        "base": count_text(total),
        "year": year,
        "limit": count_text(limit),
        "used": count_text(used),
        "extra": extra,
        "awarded": count_text(base_count),
        "batch": count_text(batch_count),
    }
    if batch_count:
        # Say where the base comes from: on the record, and proposed in the same batch.
        values["base"] = _("%(base)s (%(awarded)s đã công nhận, %(batch)s đề nghị cùng đợt)") % {
            "base": count_text(total),
            "awarded": count_text(base_count),
            "batch": count_text(batch_count),
        }
    if used + extra <= limit:
        return True, _(
            "%(kind)s không quá %(pct)s %% số %(base_kind)s: đơn vị có %(base)s %(base_kind)s năm %(year)s, "
            "tối đa %(limit)s; đã có %(used)s, còn được đề nghị thêm."
        ) % values
    if not extra:
        # Checked again on sending and deciding (extra=0): the base shrank since the nomination
        # was made (a Lao động tiên tiến withdrawn or not recommended), so the ones already
        # proposed are over the cap themselves.
        return False, _(
            "%(kind)s không quá %(pct)s %% số %(base_kind)s: đơn vị có %(base)s %(base_kind)s năm %(year)s, "
            "tối đa %(limit)s; đang đề nghị %(used)s, vượt %(over)s."
        ) % (values | {"over": count_text(used - limit)})
    return False, _(
        "%(kind)s không quá %(pct)s %% số %(base_kind)s: đơn vị có %(base)s %(base_kind)s năm %(year)s, "
        "tối đa %(limit)s; đã có %(used)s, đề nghị thêm %(extra)s sẽ vượt."
    ) % values


def quota_cap_warnings(campaign: Campaign, quotas: dict[tuple[int, int], int]) -> dict[tuple[int, int], str]:
    """Per (unit id, kind id) cell of a campaign's quota grid whose kind has a cap (Chiến sĩ thi
    đua cơ sở ≤ 15 % of Lao động tiên tiến, docs/domain.md, Luật 06/2022 Đ23 — the figure is the
    kind's `cap_percent`): a warning when the quota is more than the cap lets the unit use now,
    with the figures — the unit's base as `cap_allows` counts it (the awards of the year on its
    record and the living nominations of the campaign not yet awarded), the limit it gives, and
    the base the quota would need. A warning, not a refusal: the base grows as the CĐCS nominates
    its Lao động tiên tiến with the same batch, so a quota may become usable. Four queries."""
    kinds = {
        k.pk: k
        for k in AwardKind.objects.filter(
            pk__in={kind_id for _unit, kind_id in quotas}, cap_of__isnull=False, cap_percent__isnull=False
        ).select_related("cap_of")
    }
    cells = {key: count for key, count in quotas.items() if key[1] in kinds and count}
    if not cells:
        return {}
    units = {u.pk: u for u in Unit.objects.filter(pk__in={unit_id for unit_id, _kind in cells})}
    year = campaign_year(campaign)
    base_kinds = {k.cap_of_id for k in kinds.values()}
    ranges = Q()
    for unit in units.values():
        ranges |= Q(unit__path__gte=unit.path, unit__path__lt=unit.path + PATH_END)
    counted: dict[tuple[int, int], int] = {}

    def add(path: str, kind_id: int) -> None:
        for unit in units.values():
            if path.startswith(unit.path):
                counted[(unit.pk, kind_id)] = counted.get((unit.pk, kind_id), 0) + 1

    held = Award.objects.filter(member=OuterRef("subject_member"), award_kind=OuterRef("award_kind"), year=year)
    for path, kind_id in Award.objects.filter(
        ranges, award_kind_id__in=base_kinds, year=year, member__isnull=False
    ).values_list("unit__path", "award_kind_id"):
        add(path, kind_id)
    for path, kind_id in (
        Nomination.objects.filter(
            ranges,
            campaign=campaign,
            award_kind_id__in=base_kinds,
            subject_member__isnull=False,
            status__in=LIVE_STATUSES,
        )
        .exclude(status=NominationStatus.AWARDED)
        .exclude(Exists(held))
        .values_list("unit__path", "award_kind_id")
    ):
        add(path, kind_id)
    warnings = {}
    for (unit_id, kind_id), count in cells.items():
        kind = kinds[kind_id]
        base = counted.get((unit_id, kind.cap_of_id), 0)
        limit = int((Decimal(base) * kind.cap_percent / 100).to_integral_value(rounding=ROUND_DOWN))
        if count <= limit:
            continue
        # The smallest base whose cap_percent reaches `count`.
        needed = int((Decimal(count) * 100 / kind.cap_percent).to_integral_value(rounding=ROUND_CEILING))
        warnings[(unit_id, kind_id)] = _(
            "Chỉ tiêu %(count)s vượt giới hạn: %(kind)s không quá %(pct)s %% số %(base_kind)s. "
            "Đơn vị hiện có %(base)s %(base_kind)s năm %(year)s (đã công nhận hoặc đề nghị cùng đợt), "
            "nên hiện chỉ được tối đa %(limit)s; cần ít nhất %(needed)s %(base_kind)s để dùng hết chỉ tiêu."
        ) % {
            "count": count,
            "kind": kind.name,
            "pct": number_text(kind.cap_percent),
            "base_kind": kind.cap_of.name,
            "base": count_text(base),
            "year": year,
            "limit": count_text(limit),
            "needed": count_text(needed),
        }
    return warnings
