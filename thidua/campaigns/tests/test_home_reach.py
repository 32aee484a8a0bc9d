"""The home page shows each role the plans' work it can act on (QA walk, session 6): a CĐCS
chair follows its deadlines; a member of that CĐCS has nothing to do about them (the CĐCS
answers the plan), so an overdue deadline in red on a member's home page was noise."""

from thidua.campaigns import services
from thidua.org.models import RoleKind
from thidua.org.tests.factories import make_user


def test_the_chair_sees_the_plans_deadlines_a_member_of_the_same_cdcs_does_not(
    draft, lb_officer, school_chair, federation, login
):
    services.issue_campaign(lb_officer, draft)
    chair_home = login(school_chair).get("/").content.decode()
    assert 'data-testid="home-campaigns"' in chair_home and "Báo cáo kết quả" in chair_home

    member = make_user("doanvien_truong", RoleKind.MEMBER, federation.school)
    member_home = login(member).get("/")
    assert member_home.status_code == 200
    page = member_home.content.decode()
    assert 'data-testid="home-campaigns"' not in page
    assert "Báo cáo kết quả" not in page and "Quá hạn" not in page


def test_a_viewer_is_not_given_the_plans_waiting_to_be_launched(draft, lb_officer, school_chair, federation, login):
    """QA walk: a read-only role (theo dõi) was shown "Kế hoạch cấp trên chờ triển khai", a task
    it cannot act on (acknowledging or launching is the deployment workflow's, for the unit's
    officers): it follows the deadlines only."""
    services.issue_campaign(lb_officer, draft)
    chair_home = login(school_chair).get("/").content.decode()
    assert "Kế hoạch cấp trên chờ triển khai" in chair_home
    assert f'href="/ke-hoach/{draft.pk}/"' in chair_home

    viewer = make_user("theodoi_truong", RoleKind.VIEWER, federation.school)
    page = login(viewer).get("/").content.decode()
    assert 'data-testid="home-campaigns"' in page and "Báo cáo kết quả" in page
    assert "Kế hoạch cấp trên chờ triển khai" not in page
    assert "Phát động kế hoạch cấp trên" not in page
