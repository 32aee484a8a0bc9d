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
