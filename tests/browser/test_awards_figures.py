"""The home page's "Khen thưởng" panel in a browser: Long Biên's emulation officer sees this
year's awards of the district (collectives, individuals, direct workers, small collectives, by
kind, nominations in progress) on a desktop and a phone, and goes on to the review queue."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.browser.conftest import DESKTOP, PHONE, _page
from thidua.awards.catalogue import load_catalogue
from thidua.awards.models import Award, AwardKind, Decision, DecisionStatus, Nomination, NominationStatus
from thidua.campaigns.models import Campaign
from thidua.org.tests.factories import MemberFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def awards(federation, officer):
    load_catalogue()
    kinds = {k.code: k for k in AwardKind.objects.all()}
    today = timezone.localdate()
    campaign = Campaign.objects.create(
        issuer=federation.long_bien, title="Phong trào thi đua lao động giỏi", plan_date=today, status="issued"
    )
    decision = Decision.objects.create(
        unit=federation.long_bien, campaign=campaign, title="Khen thưởng", status=DecisionStatus.ISSUED, issued_on=today
    )
    worker = MemberFactory(full_name="Lê Thị Thu Hằng", unit=federation.company, is_direct_worker=True)
    teacher = MemberFactory(full_name="Nguyễn Văn Bảo", unit=federation.school)
    for kind, unit, member, small in (
        ("giay-khen-cap-tren-co-so", federation.group, None, True),
        ("cong-doan-co-so-vung-manh", federation.company, None, False),
        ("lao-dong-tien-tien", federation.company, worker, False),
        ("lao-dong-tien-tien", federation.school, teacher, False),
    ):
        Award.objects.create(
            award_kind=kinds[kind],
            year=today.year,
            decision=decision,
            campaign=campaign,
            unit=unit,
            member=member,
            name=member.full_name if member else unit.name,
            is_direct_worker=bool(member and member.is_direct_worker),
            is_small_collective=small,
        )
    Nomination.objects.create(
        campaign=campaign,
        award_kind=kinds["bang-khen-ldld-tinh"],
        unit=federation.school,
        level=federation.long_bien,
        subject_member=teacher,
        achievement="Giáo viên dạy giỏi cấp thành phố.",
        status=NominationStatus.SUBMITTED,
    )
    return kinds


def test_officer_reads_the_year_s_awards_on_the_home_page(browser, live_server, log_in, awards, artifacts):
    context, page = _page(browser, DESKTOP)
    log_in(page, "lb_thiduakt")
    page.goto(f"{live_server.url}/")
    panel = page.get_by_test_id("home-awards")
    expect(panel).to_contain_text(f"Khen thưởng năm {datetime.date.today().year}")
    expect(page.get_by_test_id("home-awards-collectives")).to_have_text("2")
    expect(page.get_by_test_id("home-awards-individuals")).to_have_text("2")
    expect(page.get_by_test_id("home-awards-direct")).to_have_text("1")
    expect(page.get_by_test_id("home-awards-small")).to_have_text("1")
    expect(panel).to_contain_text("(50\u00a0% số cá nhân)")
    expect(page.get_by_test_id("home-awards-kinds")).to_contain_text(awards["lao-dong-tien-tien"].name)
    expect(page.get_by_test_id("home-awards-pending")).to_have_text("1 hồ sơ đề nghị khen thưởng đang được xét")
    panel.screenshot(path=str(artifacts / "awards-home-panel-desktop.png"))
    page.screenshot(path=str(artifacts / "awards-home-desktop.png"), full_page=True)
    panel.get_by_role("link", name="Xét khen thưởng").click()
    expect(page).to_have_url(f"{live_server.url}/khen-thuong/xet/")
    context.close()

    context, phone = _page(browser, PHONE, is_mobile=True, has_touch=True)
    log_in(phone, "lb_thiduakt")
    phone.goto(f"{live_server.url}/")
    expect(phone.get_by_test_id("home-awards-individuals")).to_have_text("2")
    phone.get_by_test_id("home-awards").screenshot(path=str(artifacts / "awards-home-panel-phone.png"))
    context.close()
