"""The participation demo stage: each kind in several states (on time, late, missing) on the
demo federation's seed plans, and a second run that adds nothing."""

import pytest

from thidua.campaigns.demo import load_demo_campaigns
from thidua.core.demo import _STAGES
from thidua.core.models import Attachment
from thidua.org.models import EmulationCluster, Sector
from thidua.org.tests.factories import MemberFactory, make_unit
from thidua.participation.demo import load_demo_participation
from thidua.participation.models import (
    CovenantParty,
    Evidence,
    Inspection,
    ModelProject,
    Registration,
    TitleRegistration,
    Work,
)
from thidua.participation.queries import missing


@pytest.fixture
def demo_tree(db):
    root = make_unit(None, "confederation", "Tổng Liên đoàn Lao động Việt Nam", code="TLD")
    city = make_unit(root, "province", "LĐLĐ thành phố Hà Nội", code="HN")
    long_bien = make_unit(city, "district", "LĐLĐ quận Long Biên", code="HN-LB")
    gia_lam = make_unit(city, "district", "LĐLĐ huyện Gia Lâm", code="HN-GL")
    make_unit(gia_lam, "grassroots", "CĐCS Gia Lâm", code="GL-001", sector=Sector.ENTERPRISE)
    lai_chau = make_unit(root, "province", "LĐLĐ tỉnh Lai Châu", code="LC")
    tam_duong = make_unit(lai_chau, "district", "LĐLĐ huyện Tam Đường", code="LC-TD")
    make_unit(tam_duong, "grassroots", "CĐCS Tam Đường", code="TD-001", sector=Sector.PUBLIC_SERVICE)
    schools = EmulationCluster.objects.create(name="Khối Trường học", organiser=long_bien)
    firms = EmulationCluster.objects.create(name="Khối Doanh nghiệp", organiser=long_bien)
    for i in range(1, 9):
        sector = Sector.SCHOOL if i % 2 else Sector.ENTERPRISE
        cdcs = make_unit(long_bien, "grassroots", f"CĐCS số {i}", code=f"LB-{i:03d}", sector=sector)
        cdcs.clusters.add(schools if sector == Sector.SCHOOL else firms)
        MemberFactory(unit=cdcs, position="Chủ tịch công đoàn")
        for _n in range(4):
            MemberFactory(unit=cdcs)
    return long_bien


def _counts() -> dict:
    return {
        "works": Work.objects.count(),
        "evidence": Evidence.objects.count(),
        "registrations": Registration.objects.count(),
        "models": ModelProject.objects.count(),
        "parties": CovenantParty.objects.count(),
        "titles": TitleRegistration.objects.count(),
    }


def test_stage_is_registered_after_the_campaigns():
    assert _STAGES["Tham gia thi đua mẫu"].run is load_demo_participation
    assert _STAGES["Tham gia thi đua mẫu"].order > _STAGES["Kế hoạch thi đua mẫu"].order


def test_each_kind_comes_in_several_states_and_a_rerun_adds_nothing(
    demo_tree, settings, tmp_path, django_capture_on_commit_callbacks
):
    settings.MEDIA_ROOT = tmp_path / "media"
    load_demo_campaigns(lambda _line: None)
    with django_capture_on_commit_callbacks(execute=True):
        load_demo_participation(lambda _line: None)
    works = Work.objects.all()
    assert {w.status for w in works} == {"registered", "completed", "inaugurated"}
    assert Evidence.objects.filter(is_late=True).exists() and Evidence.objects.filter(is_late=False).exists()
    assert Registration.objects.filter(is_late=True).exists() and Registration.objects.filter(is_late=False).exists()
    campaign = works.first().campaign
    assert missing(campaign, demo_tree, "work").exists()
    models = ModelProject.objects.all()
    assert models.filter(is_late=True).exists() and models.filter(is_late=False).exists()
    assert models.exclude(results="").exists()
    assert missing(models.first().campaign, demo_tree, "model").exists()
    parties = CovenantParty.objects.all()
    assert {p.status for p in parties} == {"signed", "pending"}
    assert set(Inspection.objects.values_list("kind", flat=True)) == {"self_half", "upper_sample"}
    assert TitleRegistration.objects.exists()
    assert all(a.thumbnail for a in Attachment.objects.all())
    before = _counts()
    with django_capture_on_commit_callbacks(execute=True):
        load_demo_participation(lambda _line: None)
    assert _counts() == before
