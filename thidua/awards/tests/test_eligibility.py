"""Eligibility from the data: each criterion kind at its boundaries (exactly 70 %, 69.9 %; more
than 50 % with exactly 50 % failing; N-1 years in a row, a gap; the rating rank), the "one of"
rule, the 15 % cap, and a fixed number of queries whatever the size of the unit."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from thidua.awards import eligibility
from thidua.awards.catalogue import load_catalogue
from thidua.awards.eligibility import evaluate, verdict
from thidua.awards.models import (
    Award,
    AwardKind,
    CheckResult,
    Criterion,
    CriterionCheck,
    CriterionKind,
    Nomination,
    NominationStatus,
)
from thidua.campaigns import services as campaigns
from thidua.documents.models import RegisterEntry
from thidua.initiatives.models import Author, Initiative, Recognition, RecognitionDecision
from thidua.org.models import Member, MemberRating, RatingLevel, RatingSubject, UnitRating
from thidua.org.tests.factories import SYSTEM
from thidua.participation.models import EmulationTitle, Registration, TitleRegistration, Work, WorkStatus
from thidua.reports.models import ReportForm, ReportPeriod, Submission, SubmissionStatus

pytestmark = pytest.mark.django_db

YEAR = 2025
MET, NOT_MET, MISSING, ATTESTED = (CheckResult.MET, CheckResult.NOT_MET, CheckResult.MISSING, CheckResult.ATTESTED)
SCALE = ["Hoàn thành xuất sắc nhiệm vụ", "Hoàn thành tốt nhiệm vụ", "Hoàn thành nhiệm vụ", "Không hoàn thành nhiệm vụ"]


@pytest.fixture
def kinds(db):
    load_catalogue()
    return {k.code: k for k in AwardKind.objects.all()}


@pytest.fixture
def levels(db):
    made = {}
    for subject in (RatingSubject.MEMBER, RatingSubject.UNIT):
        for rank, name in enumerate(SCALE, start=1):
            made[subject, rank] = RatingLevel.objects.create(
                year=YEAR, subject=subject, code=f"m{rank}", name=name, rank=rank
            )
    return made


@pytest.fixture
def campaign(federation):
    return campaigns.create_campaign(
        SYSTEM,
        issuer=federation.long_bien,
        kind="peak",
        title="Thi đua cao điểm năm 2025",
        plan_date=datetime.date(YEAR, 3, 1),
        starts_on=datetime.date(YEAR, 3, 1),
        ends_on=datetime.date(YEAR, 9, 30),
    )


def crowd(unit, n, prefix="Đoàn viên"):
    """n members of `unit`, inserted in one statement (a big unit without n saves)."""
    start = Member.objects.count()
    Member.objects.bulk_create(Member(full_name=f"{prefix} {start + i}", gender="female", unit=unit) for i in range(n))
    return list(Member.objects.filter(unit=unit).order_by("-pk")[:n])


def give(kind, members, year=YEAR):
    Award.objects.bulk_create(
        Award(award_kind=kind, year=year, unit_id=m.unit_id, member=m, name=m.full_name) for m in members
    )


def rate(member, levels, rank, year=YEAR):
    MemberRating.objects.create(member=member, year=year, level=levels[RatingSubject.MEMBER, rank])


def one(outcomes, kind, order=None):
    found = [o for o in outcomes if o.criterion.kind == kind and (order is None or o.criterion.order == order)]
    assert len(found) == 1, found
    return found[0]


def for_member(kinds, code, member, **kw):
    return evaluate(award_kind=kinds[code], campaign=kw.pop("campaign", None), year=YEAR, subject_member=member, **kw)


def for_unit(kinds, code, unit, **kw):
    return evaluate(award_kind=kinds[code], campaign=kw.pop("campaign", None), year=YEAR, subject_unit=unit, **kw)


# --- member rating -----------------------------------------------------------------------------


@pytest.mark.parametrize(("rank", "result"), [(1, MET), (2, MET), (3, NOT_MET)])
def test_member_rating_good_or_better(kinds, levels, members, rank, result):
    rate(members["an"], levels, rank)
    outcome = one(for_member(kinds, "lao-dong-tien-tien", members["an"]), CriterionKind.MEMBER_RATING)
    assert outcome.result == result
    assert f"“{SCALE[rank - 1]}” năm 2025" in outcome.detail
    assert "cần “Hoàn thành tốt nhiệm vụ” trở lên" in outcome.detail


def test_member_rating_of_another_year_is_missing(kinds, levels, members):
    rate(members["an"], levels, 1, year=YEAR - 1)
    outcome = one(for_member(kinds, "lao-dong-tien-tien", members["an"]), CriterionKind.MEMBER_RATING)
    assert outcome.result == MISSING
    assert outcome.detail.startswith("Chưa có xếp loại năm 2025")


def test_union_member_excellent_needs_the_top_rank(kinds, levels, members):
    rate(members["an"], levels, 2)
    rate(members["binh"], levels, 1)
    an = for_member(kinds, "doan-vien-cong-doan-xuat-sac", members["an"])
    binh = for_member(kinds, "doan-vien-cong-doan-xuat-sac", members["binh"])
    assert [o.result for o in an] == [NOT_MET] and [o.result for o in binh] == [MET]


# --- unit rating -------------------------------------------------------------------------------


@pytest.mark.parametrize(("rank", "result"), [(1, MET), (2, NOT_MET)])
def test_strong_grassroots_union_needs_the_top_rank(kinds, levels, federation, rank, result):
    UnitRating.objects.create(unit=federation.school, year=YEAR, level=levels[RatingSubject.UNIT, rank])
    outcome = one(for_unit(kinds, "cong-doan-co-so-vung-manh", federation.school), CriterionKind.UNIT_RATING)
    assert outcome.result == result


# --- member share ------------------------------------------------------------------------------


def test_exactly_seventy_percent_passes_and_says_its_figures(kinds, federation):
    people = crowd(federation.school, 6) + crowd(federation.group, 4)  # a group's members count too
    give(kinds["lao-dong-tien-tien"], people[:7])
    outcome = one(for_unit(kinds, "tap-the-lao-dong-xuat-sac", federation.school), CriterionKind.MEMBER_SHARE, 10)
    assert outcome.result == MET
    assert outcome.detail == "Đạt: 7/10 đoàn viên (70,0 %) đạt Lao động tiên tiến năm 2025, cần ≥ 70 %."


def test_sixty_nine_point_nine_percent_fails(kinds, federation):
    people = crowd(federation.school, 1000)
    give(kinds["lao-dong-tien-tien"], people[:699])
    outcome = one(for_unit(kinds, "tap-the-lao-dong-xuat-sac", federation.school), CriterionKind.MEMBER_SHARE, 10)
    assert outcome.result == NOT_MET
    assert "699/1.000 đoàn viên (69,9 %)" in outcome.detail


def test_a_share_just_below_is_shown_rounded_down_never_as_the_threshold(kinds, federation):
    people = crowd(federation.school, 333)
    give(kinds["lao-dong-tien-tien"], people[:233])  # 69.97 %
    outcome = one(for_unit(kinds, "tap-the-lao-dong-xuat-sac", federation.school), CriterionKind.MEMBER_SHARE, 10)
    assert outcome.result == NOT_MET and "(69,9 %)" in outcome.detail


@pytest.mark.parametrize(("holding", "result"), [(5, NOT_MET), (6, MET)])
def test_more_than_half_with_exactly_half_failing(kinds, federation, holding, result):
    people = crowd(federation.school, 10)
    give(kinds["lao-dong-tien-tien"], people[:holding])
    outcome = one(for_unit(kinds, "tap-the-lao-dong-tien-tien", federation.school), CriterionKind.MEMBER_SHARE)
    assert outcome.result == result
    assert "cần > 50 %" in outcome.detail


def test_titles_of_another_year_or_another_unit_do_not_count(kinds, federation):
    people = crowd(federation.school, 4)
    others = crowd(federation.company, 4)
    give(kinds["lao-dong-tien-tien"], people, year=YEAR - 1)
    give(kinds["lao-dong-tien-tien"], others)
    outcome = one(for_unit(kinds, "tap-the-lao-dong-tien-tien", federation.school), CriterionKind.MEMBER_SHARE)
    assert outcome.result == NOT_MET and "0/4" in outcome.detail


@pytest.mark.parametrize(("holding", "result"), [(0, NOT_MET), (1, MET)])
def test_at_least_one_basic_emulation_fighter(kinds, federation, holding, result):
    people = crowd(federation.school, 10)
    give(kinds["chien-si-thi-dua-co-so"], people[:holding])
    outcome = one(for_unit(kinds, "tap-the-lao-dong-xuat-sac", federation.school), CriterionKind.MEMBER_SHARE, 20)
    assert outcome.result == result
    assert "cần ít nhất 1 người" in outcome.detail


def test_every_member_completing_tasks_is_a_share_of_ratings(kinds, levels, federation):
    people = crowd(federation.school, 4)
    for person, rank in zip(people, [1, 2, 3, 3], strict=True):
        rate(person, levels, rank)
    criterion = (CriterionKind.MEMBER_SHARE, 30)
    outcome = one(for_unit(kinds, "tap-the-lao-dong-xuat-sac", federation.school), *criterion)
    assert outcome.result == MET
    assert "“Hoàn thành nhiệm vụ” trở lên" in outcome.detail
    MemberRating.objects.filter(member=people[3]).update(level=levels[RatingSubject.MEMBER, 4])
    outcome = one(for_unit(kinds, "tap-the-lao-dong-xuat-sac", federation.school), *criterion)
    assert outcome.result == NOT_MET and "3/4 đoàn viên (75,0 %)" in outcome.detail


def test_a_collective_without_members_is_missing_not_failed(kinds, federation):
    outcome = one(for_unit(kinds, "tap-the-lao-dong-tien-tien", federation.company), CriterionKind.MEMBER_SHARE)
    assert outcome.result == MISSING


# --- award streak ------------------------------------------------------------------------------


@pytest.fixture
def three_years(kinds, campaign):
    """A campaign's own criterion: Lao động tiên tiến 3 years in a row, for a Bằng khen."""
    return Criterion.objects.create(
        award_kind=kinds["bang-khen-ldld-tinh"],
        campaign=campaign,
        kind=CriterionKind.AWARD_STREAK,
        label="Lao động tiên tiến 3 năm liên tục",
        years=3,
        related_kind=kinds["lao-dong-tien-tien"],
        source="Kế hoạch thử nghiệm",
        order=5,
    )


@pytest.mark.parametrize(
    ("years", "result", "says"),
    [
        ([2023, 2024, 2025], MET, "3 năm liên tục (2023–2025)"),
        ([2024, 2025], NOT_MET, "2/3 năm (2023–2025), thiếu năm 2023"),
        ([2023, 2025], NOT_MET, "thiếu năm 2024"),
        ([2022, 2023, 2024], NOT_MET, "thiếu năm 2025"),
    ],
)
def test_a_title_n_years_in_a_row(kinds, members, campaign, three_years, years, result, says):
    for year in years:
        give(kinds["lao-dong-tien-tien"], [members["an"]], year=year)
    outcomes = for_member(kinds, "bang-khen-ldld-tinh", members["an"], campaign=campaign, attested={})
    outcome = one(outcomes, CriterionKind.AWARD_STREAK)
    assert outcome.criterion == three_years
    assert outcome.result == result and says in outcome.detail


def test_a_collectives_streak_reads_its_own_awards_not_its_members(kinds, federation, members, campaign):
    Criterion.objects.create(
        award_kind=kinds["co-thi-dua-ldld-tinh"],
        campaign=campaign,
        kind=CriterionKind.AWARD_STREAK,
        label="Tập thể lao động xuất sắc 2 năm liên tục",
        years=2,
        related_kind=kinds["tap-the-lao-dong-xuat-sac"],
        source="Kế hoạch thử nghiệm",
    )
    xs = kinds["tap-the-lao-dong-xuat-sac"]
    Award.objects.create(award_kind=xs, year=YEAR, unit=federation.school, member=members["an"], name="x")
    Award.objects.create(award_kind=xs, year=YEAR - 1, unit=federation.school, name="CĐCS")
    outcome = one(for_unit(kinds, "co-thi-dua-ldld-tinh", federation.school, campaign=campaign), "award_streak")
    assert outcome.result == NOT_MET and "thiếu năm 2025" in outcome.detail


# --- initiatives -------------------------------------------------------------------------------


def recognise(unit, authors, on, title="Sổ theo dõi đoàn viên dùng chung"):
    initiative = Initiative.objects.create(unit=unit, level=unit, title=title, unit_path=unit.path)
    for n, member in enumerate(authors):
        Author.objects.create(initiative=initiative, member=member, share=Decimal(100) / len(authors), order=n)
    entry = RegisterEntry.objects.create(
        unit=unit,
        year=on.year,
        doc_type="QD",
        number=RegisterEntry.objects.count() + 1,
        symbol=f"{RegisterEntry.objects.count() + 1}/QĐ-CĐCS",
        issued_on=on,
        title="Công nhận sáng kiến",
    )
    decision = RecognitionDecision.objects.create(unit=unit, register_entry=entry, issued_on=on)
    return Recognition.objects.create(
        initiative=initiative,
        unit=unit,
        decision=decision,
        entry_number=Recognition.objects.filter(unit=unit).count() + 1,
        recognised_on=on,
        authors_text=", ".join(m.full_name for m in authors),
    )


def test_a_recognised_initiative_of_the_year_co_authored(kinds, federation, members):
    recognise(federation.school, [members["binh"], members["an"]], datetime.date(YEAR, 6, 1))
    outcome = one(for_member(kinds, "chien-si-thi-dua-co-so", members["an"]), CriterionKind.INITIATIVE)
    assert outcome.result == MET
    assert outcome.detail == "Đạt: 1 sáng kiến được công nhận năm 2025, cần ít nhất 1."


def test_an_initiative_of_last_year_or_of_someone_else_does_not_count(kinds, federation, members):
    recognise(federation.school, [members["an"]], datetime.date(YEAR - 1, 12, 31))
    recognise(federation.school, [members["binh"]], datetime.date(YEAR, 2, 1), title="Khác")
    outcome = one(for_member(kinds, "chien-si-thi-dua-co-so", members["an"]), CriterionKind.INITIATIVE)
    assert outcome.result == NOT_MET and "0 sáng kiến" in outcome.detail


def test_a_collective_counts_its_subtrees_initiatives_within_the_campaign_window(kinds, federation, members, campaign):
    Criterion.objects.create(
        award_kind=kinds["giay-khen-cap-tren-co-so"],
        campaign=campaign,
        kind=CriterionKind.INITIATIVE,
        label="Có ít nhất 2 sáng kiến trong đợt",
        threshold=2,
        source="Kế hoạch thử nghiệm",
    )
    recognise(federation.group, [members["binh"]], datetime.date(YEAR, 4, 1), title="Một")
    recognise(federation.school, [members["an"]], datetime.date(YEAR, 9, 30), title="Hai")
    recognise(federation.school, [members["an"]], datetime.date(YEAR, 10, 1), title="Sau đợt")
    recognise(federation.company, [members["cuong"]], datetime.date(YEAR, 5, 1), title="Đơn vị khác")
    outcomes = for_unit(kinds, "giay-khen-cap-tren-co-so", federation.school, campaign=campaign)
    outcome = one(outcomes, CriterionKind.INITIATIVE)
    assert outcome.result == MET
    assert "2 sáng kiến được công nhận từ 01/03/2025 đến 30/09/2025, cần ít nhất 2" in outcome.detail


# --- works, reports, registrations ---------------------------------------------------------------


@pytest.fixture
def works_criterion(kinds, campaign):
    """Seed 000: "Có công trình, phần việc và tổ chức lễ khánh thành, viết tin bài"."""
    return Criterion.objects.create(
        award_kind=kinds["giay-khen-cap-tren-co-so"],
        campaign=campaign,
        kind=CriterionKind.WORK_REPORTED,
        label="Có công trình, phần việc hoàn thành, có tin bài",
        source="Kế hoạch mẫu 000, mục IV.2",
    )


def test_a_work_must_be_completed_and_reported(kinds, federation, members, campaign, works_criterion):
    school = federation.school
    Work.objects.create(campaign=campaign, unit=school, name="Sân chơi", status=WorkStatus.REGISTERED, article_count=2)
    work = Work.objects.create(campaign=campaign, unit=school, name="Thư viện", status=WorkStatus.COMPLETED)
    outcome = one(for_unit(kinds, "giay-khen-cap-tren-co-so", school, campaign=campaign), "work_reported")
    assert outcome.result == NOT_MET and "0/2 công trình" in outcome.detail
    Work.objects.filter(pk=work.pk).update(status=WorkStatus.INAUGURATED, photo_count=1)
    outcome = one(for_unit(kinds, "giay-khen-cap-tren-co-so", school, campaign=campaign), "work_reported")
    assert outcome.result == MET and "1/2 công trình" in outcome.detail


def test_a_collectives_criterion_is_left_out_for_an_individual(kinds, members, campaign, works_criterion):
    outcomes = for_member(kinds, "giay-khen-cap-tren-co-so", members["an"], campaign=campaign)
    assert [o.criterion.kind for o in outcomes] == [CriterionKind.ATTESTED]


def submissions(unit, federation, states):
    form = ReportForm.objects.create(issuer=federation.long_bien, title="Báo cáo quý", period="quarter")
    for n, (status, late) in enumerate(states, start=1):
        period = ReportPeriod.objects.create(
            form=form,
            label=f"Quý {n}",
            starts_on=datetime.date(YEAR, 3 * n - 2, 1),
            ends_on=datetime.date(YEAR, 3 * n, 28),
            due_on=datetime.date(YEAR, 3 * n, 15),
        )
        Submission.objects.create(period=period, unit=unit, status=status, is_late=late)


@pytest.mark.parametrize(("threshold", "result"), [(75, MET), (Decimal("75.01"), NOT_MET)])
def test_reports_on_time(kinds, federation, campaign, threshold, result):
    Criterion.objects.create(
        award_kind=kinds["giay-khen-cap-tren-co-so"],
        campaign=campaign,
        kind=CriterionKind.REPORTS_ON_TIME,
        label="Gửi báo cáo đúng hạn",
        threshold=threshold,
        source="Kế hoạch thử nghiệm",
    )
    sent, accepted = SubmissionStatus.SUBMITTED, SubmissionStatus.ACCEPTED
    # One never sent though its day (15/03/2025) has passed, three on time.
    submissions(federation.school, federation, [("pending", False), (sent, False), (accepted, False), (sent, False)])
    outcome = one(for_unit(kinds, "giay-khen-cap-tren-co-so", federation.school, campaign=campaign), "reports_on_time")
    assert outcome.result == result
    assert "3/4 báo cáo năm 2025 gửi đúng hạn (75,0 %)" in outcome.detail


def test_registered_for_the_title_that_year(kinds, members):
    title = EmulationTitle.objects.get(code="lao-dong-tien-tien")
    TitleRegistration.objects.create(year=YEAR - 1, member=members["an"], title=title)
    outcome = one(for_member(kinds, "lao-dong-tien-tien", members["an"]), CriterionKind.REGISTERED)
    assert outcome.result == NOT_MET
    TitleRegistration.objects.create(year=YEAR, member=members["an"], title=title)
    outcome = one(for_member(kinds, "lao-dong-tien-tien", members["an"]), CriterionKind.REGISTERED)
    assert outcome.result == MET
    assert outcome.detail == "Đạt: đã đăng ký thi đua danh hiệu Lao động tiên tiến năm 2025."


def test_a_collective_registered_for_the_campaign(kinds, federation, campaign):
    Criterion.objects.create(
        award_kind=kinds["giay-khen-cap-tren-co-so"],
        campaign=campaign,
        kind=CriterionKind.REGISTERED,
        label="Đăng ký thi đua",
        source="Kế hoạch thử nghiệm",
    )
    outcome = one(for_unit(kinds, "giay-khen-cap-tren-co-so", federation.school, campaign=campaign), "registered")
    assert outcome.result == NOT_MET
    Registration.objects.create(
        campaign=campaign, unit=federation.school, targets="100 % đoàn viên", registered_at=timezone.now()
    )
    outcome = one(for_unit(kinds, "giay-khen-cap-tren-co-so", federation.school, campaign=campaign), "registered")
    assert outcome.result == MET


# --- attested, the nomination, the verdict ---------------------------------------------------------


def test_an_attested_criterion_needs_its_attestation_or_evidence(kinds, federation, members, campaign):
    nomination = Nomination.objects.create(
        campaign=campaign,
        award_kind=kinds["giay-khen-cap-tren-co-so"],
        unit=federation.school,
        level=federation.long_bien,
        subject_member=members["an"],
        achievement="Tổ chức tốt đợt thi đua",
    )
    [outcome] = eligibility.evaluate_nomination(nomination)
    assert (outcome.result, outcome.detail) == (MISSING, "Chưa có nội dung xác nhận hoặc minh chứng của đơn vị.")
    CriterionCheck.objects.create(
        nomination=nomination,
        criterion=outcome.criterion,
        result=MISSING,
        attestation="Được Ban Chấp hành bình chọn ngày 20/9/2025",
    )
    [outcome] = eligibility.evaluate_nomination(nomination)
    assert outcome.result == ATTESTED
    assert outcome.detail == "Đơn vị xác nhận: Được Ban Chấp hành bình chọn ngày 20/9/2025"


def test_one_of_an_initiative_or_attested_excellence(kinds, federation, members):
    an = members["an"]
    give(kinds["lao-dong-tien-tien"], [an])
    outcomes = for_member(kinds, "chien-si-thi-dua-co-so", an)
    assert [o.result for o in outcomes] == [MET, NOT_MET, MISSING]
    assert verdict(outcomes) == MISSING  # the excellence may still be attested
    attestation = {outcomes[2].criterion.pk: "Hoàn thành xuất sắc nhiệm vụ năm 2025"}
    assert verdict(for_member(kinds, "chien-si-thi-dua-co-so", an, attested=attestation)) == ATTESTED
    recognise(federation.school, [an], datetime.date(YEAR, 5, 5))
    assert verdict(for_member(kinds, "chien-si-thi-dua-co-so", an)) == MET
    Award.objects.filter(member=an).delete()
    assert verdict(for_member(kinds, "chien-si-thi-dua-co-so", an)) == NOT_MET  # LĐTT is required


def test_every_criterion_kind_has_one_evaluator():
    assert set(eligibility.EVALUATORS) == set(CriterionKind.values)


# --- the cap ---------------------------------------------------------------------------------------


def test_basic_emulation_fighters_at_most_fifteen_percent(kinds, federation, campaign):
    people = crowd(federation.school, 20)
    give(kinds["lao-dong-tien-tien"], people)  # 20 → at most 3
    give(kinds["chien-si-thi-dua-co-so"], people[:2])
    Nomination.objects.create(
        campaign=campaign,
        award_kind=kinds["chien-si-thi-dua-co-so"],
        unit=federation.school,
        level=federation.long_bien,
        subject_member=people[5],
        achievement="x",
        status=NominationStatus.SUBMITTED,
    )
    cstdcs = kinds["chien-si-thi-dua-co-so"]
    allowed, message = eligibility.cap_allows(cstdcs, federation.school, YEAR)
    assert not allowed
    assert message == (
        "Chiến sĩ thi đua cơ sở không quá 15 % số Lao động tiên tiến: đơn vị có 20 Lao động tiên tiến "
        "năm 2025, tối đa 3; đã có 3, đề nghị thêm 1 sẽ vượt."
    )
    Nomination.objects.update(status=NominationStatus.WITHDRAWN)
    assert eligibility.cap_allows(cstdcs, federation.school, YEAR)[0]
    assert not eligibility.cap_allows(cstdcs, federation.school, YEAR, extra=2)[0]
    assert eligibility.cap_allows(kinds["lao-dong-tien-tien"], federation.school, YEAR) == (True, "")


# --- queries ---------------------------------------------------------------------------------------


def test_evaluate_costs_the_same_queries_for_a_small_and_a_big_unit(kinds, levels, federation, campaign):
    def cost(unit, size):
        people = crowd(unit, size)
        give(kinds["lao-dong-tien-tien"], people[: size * 3 // 4])
        for person in people:
            rate(person, levels, 2)
        with CaptureQueriesContext(connection) as queries:
            outcomes = for_unit(kinds, "tap-the-lao-dong-xuat-sac", unit, campaign=campaign)
        assert len(outcomes) == 4
        return len(queries)

    assert cost(federation.company, 3) == cost(federation.school, 60)
