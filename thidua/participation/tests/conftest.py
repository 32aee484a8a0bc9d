import datetime
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from thidua.campaigns import services as campaigns
from thidua.campaigns.models import Campaign, TargetMode
from thidua.org.models import RoleKind
from thidua.org.tests.factories import make_user


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def lb_officer(federation):
    return make_user("lb_tdkt", RoleKind.EMULATION_OFFICER, federation.long_bien)


@pytest.fixture
def school_chair(federation):
    return make_user("school_chair", RoleKind.GRASSROOTS_CHAIR, federation.school)


@pytest.fixture
def company_chair(federation):
    return make_user("company_chair", RoleKind.GRASSROOTS_CHAIR, federation.company)


@pytest.fixture
def gia_lam_chair(federation):
    return make_user("gl_chair", RoleKind.GRASSROOTS_CHAIR, federation.gia_lam_cdcs)


@pytest.fixture
def campaign(federation, lb_officer) -> Campaign:
    """Seed 000 in short: Long Biên's peak campaign, 16/8 – 15/9/2023, to every CĐCS of the
    district; works and their news and photos are due "chậm nhất trước ngày 15/9/2023"."""
    plan = campaigns.create_campaign(
        lb_officer,
        issuer=federation.long_bien,
        kind="peak",
        title="Phát động đợt thi đua cao điểm chào mừng kỷ niệm 20 năm Ngày thành lập quận Long Biên",
        plan_date=datetime.date(2023, 8, 21),
        starts_on=datetime.date(2023, 8, 16),
        ends_on=datetime.date(2023, 9, 15),
        place="Long Biên",
        signer_title="TM. BAN THƯỜNG VỤ\nCHỦ TỊCH",
        signer_name="Nguyễn Trường Giang",
    )
    campaigns.set_targets(lb_officer, plan, mode=TargetMode.ALL_GRASSROOTS)
    campaigns.issue_campaign(lb_officer, Campaign.objects.get(pk=plan.pk))
    return Campaign.objects.get(pk=plan.pk)


def photo(name: str = "anh.jpg", size=(640, 480)) -> SimpleUploadedFile:
    out = io.BytesIO()
    Image.new("RGB", size, (30, 120, 200)).save(out, format="JPEG")
    return SimpleUploadedFile(name, out.getvalue(), content_type="image/jpeg")


def local(day: str, time: str = "12:00") -> datetime.datetime:
    """An aware moment in Asia/Ho_Chi_Minh: local("2023-09-15", "23:59")."""
    from zoneinfo import ZoneInfo

    return datetime.datetime.fromisoformat(f"{day}T{time}").replace(tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))
