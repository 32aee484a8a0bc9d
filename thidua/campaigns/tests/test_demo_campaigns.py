"""The campaigns demo stage: the five seed plans under their printed numbers, their deployments
in every state the coverage page shows, and a second run that adds nothing."""

import datetime

import pytest

from thidua.campaigns.demo import LIVING_ISSUERS, living_campaign, load_demo_campaigns
from thidua.campaigns.models import Campaign, CampaignStatus, Deployment, DeploymentStatus, TargetMode
from thidua.campaigns.seeds import SEEDS
from thidua.core.demo import _STAGES, anchored
from thidua.core.models import AuditEntry
from thidua.documents.models import RegisterEntry
from thidua.org.models import Sector
from thidua.org.tests.factories import MemberFactory, make_unit


def _cdcs(parent, code: str, n: int, sector=Sector.ENTERPRISE):
    """CĐCS with two groups each and a few members, one of them its chair."""
    for i in range(1, n + 1):
        cdcs = make_unit(parent, "grassroots", f"CĐCS {code} số {i}", code=f"{code}-{i:03d}", sector=sector)
        MemberFactory(unit=cdcs, position="Kế toán, Chủ tịch công đoàn")
        for g in (1, 2):
            group = make_unit(cdcs, "group", f"Tổ công đoàn {g}", code=f"{code}-{i:03d}-T{g}")
            MemberFactory(unit=group)


@pytest.fixture
def demo_tree(db):
    """The codes the stage looks for, with enough CĐCS under Long Biên (seven) that each of
    its three campaigns walks the whole pattern of states."""
    root = make_unit(None, "confederation", "Tổng Liên đoàn Lao động Việt Nam", code="TLD")
    city = make_unit(root, "province", "LĐLĐ thành phố Hà Nội", code="HN")
    long_bien = make_unit(city, "district", "LĐLĐ quận Long Biên", code="HN-LB")
    gia_lam = make_unit(city, "district", "LĐLĐ huyện Gia Lâm", code="HN-GL")
    lai_chau = make_unit(root, "province", "LĐLĐ tỉnh Lai Châu", code="LC")
    tam_duong = make_unit(lai_chau, "district", "LĐLĐ huyện Tam Đường", code="LC-TD")
    lc_city = make_unit(lai_chau, "district", "LĐLĐ thành phố Lai Châu", code="LC-TP")
    _cdcs(long_bien, "LB", 7, Sector.SCHOOL)
    _cdcs(gia_lam, "GL", 3)
    _cdcs(tam_duong, "TD", 3, Sector.PUBLIC_SERVICE)
    _cdcs(lc_city, "TP", 1)
    return {"long_bien": long_bien, "tam_duong": tam_duong, "lai_chau": lai_chau}


def _snapshot() -> dict[str, int]:
    return {
        "campaigns": Campaign.objects.count(),
        "deployments": Deployment.objects.count(),
        "numbers": RegisterEntry.objects.count(),
        "audit": AuditEntry.objects.count(),
    }


def test_stage_is_registered_after_the_tree():
    stage = _STAGES["Kế hoạch thi đua mẫu"]
    assert stage.run is load_demo_campaigns
    assert stage.order == 50


def test_seeds_are_issued_with_their_numbers(demo_tree):
    load_demo_campaigns(lambda _line: None)
    numbers = {seed.key: Campaign.objects.get(issuer__code=seed.issuer_code, title=seed.title).number for seed in SEEDS}
    # Seed 004 has no printed number: the first of Long Biên's 2021 plan register.
    assert numbers == {
        "000": "32/KH-LĐLĐ",
        "001": "315/KH-LĐLĐ",
        "002": "92/KH-LĐLĐ",
        "003": "26/KH-LĐLĐ",
        "004": "01/KH-LĐLĐ",
    }
    seed_000 = Campaign.objects.get(issuer=demo_tree["long_bien"], title=SEEDS[0].title)
    assert [d.due_on.isoformat() for d in seed_000.deadlines.order_by("due_on", "order")] == [
        "2023-09-15",
        "2023-09-15",
        "2023-09-18",
    ]


def test_deployments_are_in_every_state(demo_tree):
    load_demo_campaigns(lambda _line: None)
    seeds = Campaign.objects.filter(implements__isnull=True)
    deployments = Deployment.objects.filter(campaign__in=seeds)

    assert deployments.filter(status=DeploymentStatus.DEPLOYED).exists()  # silent
    assert deployments.filter(status=DeploymentStatus.ACKNOWLEDGED, launched_on__isnull=True).exists()
    launched = deployments.filter(status=DeploymentStatus.LAUNCHED)
    full = [d for d in launched if d.members_reached == d.members_at_launch]
    partial = [d for d in launched if 0 < d.members_reached < d.members_at_launch]
    assert full and partial
    seed_000 = seeds.get(title=SEEDS[0].title)
    late = launched.filter(campaign=seed_000, launched_on__gt=max(d.due_on for d in seed_000.deadlines.all()))
    assert late.exists()

    own_plans = Campaign.objects.filter(implements__in=seeds)
    assert own_plans.filter(status=CampaignStatus.DRAFT).exists()
    issued_own = own_plans.filter(status=CampaignStatus.ISSUED)
    assert issued_own.count() >= 2
    for own in issued_own:
        # Sent to the CĐCS's own groups (on paper: a group has no account, so no deployment),
        # numbered from the CĐCS's register.
        assert own.register_entry.unit == own.issuer
        assert own.target_mode == TargetMode.GROUPS and not own.deployments.exists()
        assert Deployment.objects.get(own_plan=own).unit == own.issuer


def test_next_level_plan_is_forwarded_by_one_district(demo_tree):
    load_demo_campaigns(lambda _line: None)
    seed_001 = Campaign.objects.get(issuer=demo_tree["lai_chau"], title=SEEDS[1].title)
    direct = Deployment.objects.filter(campaign=seed_001, via__isnull=True)
    assert {d.unit.code for d in direct} == {"LC-TD", "LC-TP"}
    forwarding = direct.get(unit=demo_tree["tam_duong"])
    assert forwarding.status == DeploymentStatus.LAUNCHED
    cascaded = Deployment.objects.filter(campaign=seed_001, via=forwarding)
    assert sorted(d.unit.code for d in cascaded) == ["TD-001", "TD-002", "TD-003"]
    assert cascaded.exclude(status=DeploymentStatus.DEPLOYED).exists()


def test_rerun_adds_nothing(demo_tree):
    lines: list[str] = []
    with anchored(datetime.date(2026, 3, 10)):
        load_demo_campaigns(lines.append)
    first = _snapshot()
    assert first["campaigns"] > len(SEEDS)  # the seeds and the CĐCS's own plans
    # A rerun on a later day (another "today") still finds the living plan.
    with anchored(datetime.date(2027, 1, 5)):
        load_demo_campaigns(lines.append)
    assert _snapshot() == first
    assert sum("đã có" in line for line in lines) == len(SEEDS) + len(LIVING_ISSUERS)  # seeds and living plans


def test_living_plan_is_dated_from_the_demo_day_and_seeds_keep_their_dates(demo_tree):
    """The demo is a living year: Long Biên's plan for the year has a deadline just missed,
    one this week and one later, counted from the day the demo is loaded; the seeds stay the
    papers they print (2023 deadlines, number 32)."""
    today = datetime.date(2026, 3, 10)
    with anchored(today):
        load_demo_campaigns(lambda _line: None)
    living = living_campaign()
    assert living.status == CampaignStatus.ISSUED
    assert living.title.startswith("Tổ chức phong trào thi đua thực hiện chủ đề công tác năm 2026")
    assert living.number == "01/KH-LĐLĐ" and living.plan_date == datetime.date(2026, 2, 17)
    assert [(d.due_on - today).days for d in living.deadlines.order_by("due_on")] == [-5, 4, 45]
    assert [d.state(today) for d in living.deadlines.order_by("due_on")] == ["overdue", "due_soon", "upcoming"]
    assert living.starts_on < today < living.ends_on
    # Its CĐCS are in every state, and nobody launched it after the demo's today.
    statuses = set(living.deployments.values_list("status", flat=True))
    assert {DeploymentStatus.LAUNCHED, DeploymentStatus.ACKNOWLEDGED, DeploymentStatus.DEPLOYED} <= statuses
    assert not living.deployments.filter(launched_on__gt=today).exists()
    seed_000 = Campaign.objects.get(issuer=demo_tree["long_bien"], title=SEEDS[0].title)
    assert seed_000.number == "32/KH-LĐLĐ" and seed_000.plan_date == datetime.date(2023, 8, 21)
    # Gia Lâm's and Lai Châu's logins have this year's work too: Lai Châu's reaches its
    # districts, as its seed 001 does.
    for code in ("HN-GL", "LC"):
        plan = living_campaign(code)
        assert [(d.due_on - today).days for d in plan.deadlines.order_by("due_on")] == [-5, 4, 45]
    assert set(living_campaign("LC").deployments.values_list("unit__code", flat=True)) == {"LC-TD", "LC-TP"}


def test_missing_issuer_is_skipped_with_a_message(db):
    make_unit(None, "confederation", "Tổng Liên đoàn Lao động Việt Nam", code="TLD")
    lines: list[str] = []
    load_demo_campaigns(lines.append)
    assert Campaign.objects.count() == 0
    assert len(lines) == len(SEEDS) + len(LIVING_ISSUERS)  # the seeds and the living plans
    assert all("Bỏ qua" in line for line in lines)
