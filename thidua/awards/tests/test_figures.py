"""Awards figures (awards.figures): the awards of a subtree counted by hand on a small tree —
Long Biên's two CĐCS and a group, with the sibling district Gia Lâm left out — by campaign, by
dates and for the year; the home page's "Khen thưởng" panel and a campaign review's draft show
them. Awards and nominations are written with the ORM: the figures read the record, whatever
wrote it."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from thidua.awards.figures import award_figures
from thidua.awards.models import Award, Decision, DecisionStatus, Nomination, NominationStatus
from thidua.awards.tests.conftest import CDCS_VUNG_MANH, GIAY_KHEN, LDTT

BANG_KHEN_CITY = "bang-khen-ldld-tinh"
YEAR = timezone.localdate().year
FIRST = datetime.date(YEAR, 1, 15)  # the campaign's decision
LATER = datetime.date(YEAR, 1, 25)  # another decision, outside the campaign


def _decision(unit, issued_on, campaign=None, status=DecisionStatus.ISSUED) -> Decision:
    return Decision.objects.create(
        unit=unit, campaign=campaign, title="Quyết định khen thưởng", status=status, issued_on=issued_on
    )


def _award(kind, unit, *, member=None, decision=None, campaign=None, year=YEAR, direct=False, small=False) -> Award:
    return Award.objects.create(
        award_kind=kind,
        year=year,
        decision=decision,
        campaign=campaign,
        unit=unit,
        member=member,
        name=member.full_name if member else unit.name,
        is_direct_worker=direct,
        is_small_collective=small,
    )


def _nomination(campaign, kind, proposer, level, status, *, member=None, unit=None) -> Nomination:
    return Nomination.objects.create(
        campaign=campaign,
        award_kind=kind,
        unit=proposer,
        level=level,
        subject_member=member,
        subject_unit=unit,
        achievement="Hoàn thành xuất sắc nhiệm vụ năm.",
        status=status,
    )


@pytest.fixture
def record(federation, members, catalogue, award_campaign):
    """Long Biên: the campaign's decision (3 collectives of which 2 small, 2 individuals of
    which 1 direct worker), a later decision without campaign (1 individual), a draft decision
    and last year's paper award (neither this year); nominations sent, returned, drafted,
    awarded. Gia Lâm: a decision and a nomination of its own."""
    lb, gl, c = federation.long_bien, federation.gia_lam, award_campaign
    giay_khen, ldtt, vung_manh, bang_khen = (catalogue[k] for k in (GIAY_KHEN, LDTT, CDCS_VUNG_MANH, BANG_KHEN_CITY))
    first = _decision(lb, FIRST, c)
    _award(giay_khen, federation.school, decision=first, campaign=c, small=True)
    _award(giay_khen, federation.group, decision=first, campaign=c, small=True)
    _award(vung_manh, federation.company, decision=first, campaign=c)
    _award(ldtt, federation.school, member=members["an"], decision=first, campaign=c)
    _award(ldtt, federation.company, member=members["cuong"], decision=first, campaign=c, direct=True)
    _award(bang_khen, federation.school, member=members["an"], decision=_decision(federation.city, LATER))
    _award(giay_khen, federation.group, member=members["binh"], decision=_decision(lb, FIRST, c, DecisionStatus.DRAFT))
    _award(ldtt, federation.group, member=members["binh"], year=YEAR - 1)  # an earlier paper decision
    gl_decision = _decision(gl, FIRST, c)
    _award(ldtt, federation.gia_lam_cdcs, member=members["dung"], decision=gl_decision, campaign=c, direct=True)
    _award(giay_khen, federation.gia_lam_cdcs, decision=gl_decision, campaign=c, small=True)

    N = NominationStatus
    _nomination(c, bang_khen, federation.school, lb, N.SUBMITTED, member=members["an"])
    _nomination(c, giay_khen, federation.school, lb, N.RETURNED, unit=federation.school)
    _nomination(c, ldtt, federation.company, lb, N.DRAFT, member=members["cuong"])
    _nomination(c, vung_manh, federation.company, lb, N.AWARDED, unit=federation.company)
    _nomination(c, ldtt, federation.gia_lam_cdcs, gl, N.SUBMITTED, member=members["dung"])
    return {"giay_khen": giay_khen, "ldtt": ldtt, "vung_manh": vung_manh, "bang_khen": bang_khen}


def _counts(figures: dict) -> tuple:
    keys = ("collectives", "individuals", "direct_workers", "small_collectives", "nominations_pending")
    return tuple(figures[k] for k in keys)


def test_the_campaign_s_awards_in_long_bien_leave_gia_lam_out(federation, record, award_campaign):
    figures = award_figures(federation.long_bien, campaign=award_campaign)
    assert _counts(figures) == (3, 2, 1, 2, 2)
    assert figures["by_kind"] == sorted(
        [(record["giay_khen"].name, 2), (record["ldtt"].name, 2), (record["vung_manh"].name, 1)],
        key=lambda row: next(k.order for k in record.values() if k.name == row[0]),
    )
    # The city sees both districts; a CĐCS its own and its group's.
    assert _counts(award_figures(federation.city, campaign=award_campaign)) == (4, 3, 2, 3, 3)
    assert _counts(award_figures(federation.school, campaign=award_campaign)) == (2, 1, 0, 2, 2)
    assert _counts(award_figures(federation.gia_lam, campaign=award_campaign)) == (1, 1, 1, 1, 1)


def test_dates_count_decisions_by_their_day_and_paper_awards_by_their_year(federation, record):
    lb = federation.long_bien
    everything = award_figures(lb)
    assert _counts(everything) == (3, 4, 1, 2, 2)  # + the later decision, + last year's paper award
    january = award_figures(lb, start=datetime.date(YEAR, 1, 1), end=datetime.date(YEAR, 1, 20))
    assert _counts(january) == (3, 2, 1, 2, 2)
    this_year = award_figures(lb, start=datetime.date(YEAR, 1, 1), end=datetime.date(YEAR, 12, 31))
    assert _counts(this_year) == (3, 3, 1, 2, 2)
    last_year = award_figures(lb, start=datetime.date(YEAR - 1, 1, 1), end=datetime.date(YEAR - 1, 12, 31))
    assert _counts(last_year)[:4] == (0, 1, 0, 0)
    assert last_year["by_kind"] == [(record["ldtt"].name, 1)]


def test_figures_run_two_queries_whatever_the_number_of_awards(federation, members, record, award_campaign):
    with CaptureQueriesContext(connection) as few:
        award_figures(federation.city, campaign=award_campaign)
    for n in range(30):
        _award(record["ldtt"], federation.company, member=members["cuong"], year=YEAR - 2 - n)
    with CaptureQueriesContext(connection) as many:
        award_figures(federation.city)
    assert len(few) == len(many) == 2


def test_the_home_panel_shows_this_year_s_figures_of_the_acting_unit(login, client, federation, record, award_people):
    login(award_people["lb_officer"])
    html = client.get("/").content.decode()
    assert 'data-testid="home-awards"' in html
    assert f"Khen thưởng năm {YEAR}" in html
    for testid, value in (("collectives", 3), ("individuals", 3), ("direct", 1), ("small", 2)):
        assert f'data-testid="home-awards-{testid}">{value}<' in html
    assert "(33,3\u00a0% số cá nhân)" in html and "(66,7\u00a0% số tập thể)" in html
    assert "2 hồ sơ đề nghị khen thưởng đang được xét" in html
    assert record["bang_khen"].name in html
    # Gia Lâm's officer sees Gia Lâm's figures only.
    from thidua.org.models import RoleKind
    from thidua.org.tests.factories import make_user

    login(make_user("gl_tdkt_fig", RoleKind.EMULATION_OFFICER, federation.gia_lam))
    html = client.get("/").content.decode()
    assert 'data-testid="home-awards-collectives">1<' in html
    assert 'data-testid="home-awards-individuals">1<' in html
    assert "1 hồ sơ đề nghị khen thưởng đang được xét" in html


def test_the_review_draft_holds_the_awards_of_its_campaign_or_of_its_dates(
    federation, record, award_campaign, award_people
):
    from thidua.reports import services as reports

    officer = award_people["lb_officer"]
    review = reports.draft_review(officer, award_campaign, issuer=federation.long_bien, kind="final")
    assert (
        "- Khen thưởng (gắn với kế hoạch): 3 tập thể, 2 cá nhân, trong đó 1 cá nhân là công nhân lao động "
        "trực tiếp (50%), 2 tập thể nhỏ (66,7% số tập thể)."
    ) in review.body
    (kinds,) = [line for line in review.body.splitlines() if line.startswith("- Theo hình thức, danh hiệu: ")]
    assert set(kinds.removeprefix("- Theo hình thức, danh hiệu: ").rstrip(".").split("; ")) == {
        f"{record['giay_khen'].name}: 2",
        f"{record['ldtt'].name}: 2",
        f"{record['vung_manh'].name}: 1",
    }
    assert "- Hồ sơ đề nghị khen thưởng đang được xét: 2." in review.body
    stretch = reports.draft_review(
        officer,
        award_campaign,
        issuer=federation.long_bien,
        kind="interim",
        covers_from=datetime.date(YEAR, 1, 20),
        covers_to=datetime.date(YEAR, 1, 31),
    )
    assert (
        f"- Khen thưởng (từ ngày 20/01/{YEAR} đến ngày 31/01/{YEAR}, trong toàn đơn vị): 0 tập thể, 1 cá nhân, "
        "trong đó 0 cá nhân là công nhân lao động trực tiếp (0%), 0 tập thể nhỏ (0% số tập thể)."
    ) in stretch.body
    assert f"- Theo hình thức, danh hiệu: {record['bang_khen'].name}: 1." in stretch.body


def test_a_member_s_home_panel_leaves_out_the_unit_s_nominations_under_review(login, client, record, award_people):
    """QA walk: a member's home page showed "N hồ sơ đề nghị khen thưởng đang được xét" of the
    whole unit — the unit's business, which a member cannot act on (docs/reach.md)."""
    login(award_people["member"])
    html = client.get("/").content.decode()
    assert 'data-testid="home-awards"' in html
    assert "hồ sơ đề nghị khen thưởng đang được xét" not in html
    assert 'data-testid="home-awards-pending"' not in html
    # The CĐCS's chair still sees its own figure.
    login(award_people["school_chair"])
    assert 'data-testid="home-awards-pending">2 hồ sơ' in client.get("/").content.decode()
