"""The awards demo stage: Long Biên's seed-000 campaign with offers, quotas, nominations in
every state, one numbered decision with its awards on the record; a rerun adds nothing."""

import datetime

import pytest

from thidua.awards.demo import PLAN, load_demo_awards
from thidua.awards.models import Award, AwardKind, Decision, Nomination, Quota
from thidua.campaigns import services as campaigns
from thidua.campaigns.models import Campaign, TargetMode
from thidua.core.demo import _STAGES
from thidua.documents.demo import load_demo_letterheads
from thidua.documents.tests.letterheads import blank
from thidua.org.models import Sector
from thidua.org.tests.factories import SYSTEM, MemberFactory, make_unit

pytestmark = pytest.mark.django_db


@pytest.fixture
def seed_000(unit_kinds, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    root = make_unit(None, "confederation", "Tổng Liên đoàn Lao động Việt Nam", code="TLD")
    city = make_unit(root, "province", "LĐLĐ thành phố Hà Nội", code="HN")
    district = make_unit(city, "district", "LĐLĐ quận Long Biên", code="HN-LB")
    for i in range(1, 9):
        cdcs = make_unit(district, "grassroots", f"CĐCS số {i}", code=f"LB-{i:03d}", sector=Sector.SCHOOL)
        make_unit(cdcs, "group", f"Tổ công đoàn {i}", code=f"LB-{i:03d}-T1")
        for _ in range(6):
            MemberFactory(unit=cdcs)
        blank(cdcs, signer_name=f"Chủ tịch CĐCS {i}")  # the demo's letterheads name each chair
    load_demo_letterheads(lambda _line: None)  # Long Biên signs as its seeds do
    plan = campaigns.create_campaign(
        SYSTEM,
        issuer=district,
        kind="peak",
        title="Phát động đợt thi đua cao điểm chào mừng kỷ niệm 20 năm Ngày thành lập quận Long Biên",
        plan_date=datetime.date(2023, 8, 21),
        starts_on=datetime.date(2023, 8, 16),
        ends_on=datetime.date(2023, 9, 15),
        signer_title="TM. BAN THƯỜNG VỤ\nCHỦ TỊCH",
        signer_name="Nguyễn Trường Giang",
    )
    campaigns.set_targets(SYSTEM, plan, mode=TargetMode.ALL_GRASSROOTS)
    campaigns.issue_campaign(SYSTEM, Campaign.objects.get(pk=plan.pk))
    return district


def test_the_demo_plays_every_state_and_a_rerun_adds_nothing(seed_000):
    assert "Khen thưởng mẫu" in _STAGES
    load_demo_awards(lambda _line: None)
    assert AwardKind.objects.filter(code="bang-khen-ldld-tinh").exists()
    assert Quota.objects.exists()
    states = set(Nomination.objects.values_list("status", flat=True))
    assert states == {state for *_rest, state in PLAN}
    forwarded = Nomination.objects.get(status="forwarded")
    assert forwarded.level.code == "HN"
    decision = Decision.objects.get()
    assert decision.number == "01/QĐ-LĐLĐ" and decision.unit == seed_000
    assert Award.objects.filter(decision=decision).count() == 2
    assert Award.objects.filter(decision=decision, member__isnull=True).count() == 1  # a group
    count = Nomination.objects.count()
    load_demo_awards(lambda _line: None)
    assert Nomination.objects.count() == count and Decision.objects.count() == 1


def test_the_demos_draft_review_counts_the_demos_decision(seed_000):
    """The review's draft is written after the awards' stage: its figures include the decision
    (it said "0 tập thể, 0 cá nhân" when drafted before it)."""
    from thidua.campaigns.seeds import SEEDS_BY_KEY
    from thidua.reports.demo import load_demo_review
    from thidua.reports.models import CampaignReview

    Campaign.objects.filter(issuer=seed_000).update(title=SEEDS_BY_KEY["000"].title)  # as the demo names it
    load_demo_awards(lambda _line: None)
    load_demo_review(lambda _line: None)
    body = CampaignReview.objects.get().body
    assert "- Khen thưởng (gắn với kế hoạch): 1 tập thể, 1 cá nhân" in body
