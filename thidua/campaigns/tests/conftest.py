import datetime

import pytest

from thidua.campaigns import services
from thidua.campaigns.models import TargetMode
from thidua.org.models import RoleKind
from thidua.org.tests.factories import MemberFactory, make_user


@pytest.fixture
def lb_officer(federation):
    return make_user("lb_tdkt", RoleKind.EMULATION_OFFICER, federation.long_bien)


@pytest.fixture
def city_officer(federation):
    return make_user("hn_tdkt", RoleKind.EMULATION_OFFICER, federation.city)


@pytest.fixture
def school_chair(federation):
    return make_user("school_chair", RoleKind.GRASSROOTS_CHAIR, federation.school)


@pytest.fixture
def company_chair(federation):
    return make_user("company_chair", RoleKind.GRASSROOTS_CHAIR, federation.company)


@pytest.fixture
def draft(federation, lb_officer, members):
    """Seed 000 in short: a peak campaign of Long Biên with its window and two deadlines."""
    campaign = services.create_campaign(
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
        recipients="Quận ủy, UBND Quận;\nCông đoàn các CQ, ĐV, DN, TH;\nLưu VP, TĐ",
    )
    services.save_part(
        lb_officer, campaign, "section", heading="Mục đích, yêu cầu", part="purpose", body="- Huy động CNVCLĐ."
    )
    services.save_part(
        lb_officer, campaign, "deadline", what="Gửi tin bài, hình ảnh công trình", due_on=datetime.date(2023, 9, 15)
    )
    services.save_part(lb_officer, campaign, "deadline", what="Báo cáo kết quả", due_on=datetime.date(2023, 9, 18))
    services.set_targets(lb_officer, campaign, mode=TargetMode.ALL_GRASSROOTS)
    MemberFactory(unit=federation.company)
    return campaign
