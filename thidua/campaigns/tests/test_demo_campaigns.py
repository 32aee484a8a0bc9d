"""The campaigns demo stage: the five seed plans under their printed numbers, their deployments
in every state the coverage page shows, and a second run that adds nothing."""

import pytest

from thidua.campaigns.demo import load_demo_campaigns
from thidua.campaigns.models import Campaign, CampaignStatus, Deployment, DeploymentStatus
from thidua.campaigns.seeds import SEEDS
from thidua.core.demo import _STAGES
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
        # Sent to the CĐCS's own groups, numbered from the CĐCS's register.
        assert own.register_entry.unit == own.issuer
        assert {d.unit.parent_id for d in own.deployments.all()} == {own.issuer_id}
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
    load_demo_campaigns(lines.append)
    first = _snapshot()
    assert first["campaigns"] > len(SEEDS)  # the seeds and the CĐCS's own plans
    load_demo_campaigns(lines.append)
    assert _snapshot() == first
    assert sum("đã có" in line for line in lines) == len(SEEDS)


def test_missing_issuer_is_skipped_with_a_message(db):
    make_unit(None, "confederation", "Tổng Liên đoàn Lao động Việt Nam", code="TLD")
    lines: list[str] = []
    load_demo_campaigns(lines.append)
    assert Campaign.objects.count() == 0
    assert len(lines) == len(SEEDS)
    assert all("Bỏ qua" in line for line in lines)
