"""The unit hears of its nominations: a return (with the reason) and a decision awarding its
people show on its home page and reach its officers by email — after the commit, once."""

import pytest
from django.contrib.auth import get_user_model

from thidua.awards import notices, services
from thidua.awards.models import Decision
from thidua.awards.tests.conftest import (
    CDCS_VUNG_MANH,
    DECIDED_ON,
    GIAY_KHEN,
    account,
    recommended,
    submitted,
)
from thidua.core.models import AuditEntry
from thidua.org.models import RoleKind
from thidua.org.tests.factories import MemberFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def school_mail(award_people, federation):
    get_user_model().objects.filter(pk=award_people["school_chair"].pk).update(email="chutich@giathuy.edu.vn")
    federation.school.email = "congdoan@giathuy.edu.vn"
    federation.school.save(update_fields=["email"])
    return ["chutich@giathuy.edu.vn", "congdoan@giathuy.edu.vn"]


def test_a_return_reaches_the_unit_after_the_commit(
    login,
    award_people,
    award_campaign,
    catalogue,
    members,
    federation,
    school_mail,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    nomination = submitted(award_people, award_campaign, catalogue[GIAY_KHEN], member=members["an"])
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.return_nomination(award_people["lb_officer"], nomination, reason="Thiếu biên bản họp xét.")
    assert mailoutbox == []  # nothing leaves before the commit
    for callback in callbacks:
        callback()
    [mail] = mailoutbox
    assert sorted(mail.to) == school_mail
    assert "Nguyễn Văn An" in mail.subject
    assert "LĐLĐ quận Long Biên trả lại hồ sơ đề nghị" in mail.body and "Thiếu biên bản họp xét." in mail.body
    # Once: the same task delivered again sends nothing.
    entry_id = AuditEntry.objects.get(verb="return_nomination").pk
    notices.send_email("return", entry_id)
    assert len(mailoutbox) == 1
    # In the app: on the school's home page, with the reason.
    home = login(award_people["school_chair"]).get("/").content.decode()
    assert 'data-testid="home-awards-notices"' in home and "Thiếu biên bản họp xét." in home
    # A return is the CĐCS's work on its dossier, not an outcome: no member reads it on their
    # home, not even the nominee (issue 14), nor another plain member of the school.
    assert "Thiếu biên bản họp xét." not in login(award_people["member"]).get("/").content.decode()
    other = account("dv_hoa", RoleKind.MEMBER, federation.school, MemberFactory(unit=federation.school))
    assert "Thiếu biên bản họp xét." not in login(other).get("/").content.decode()


def test_a_decision_reaches_the_units_whose_people_it_awards(
    login,
    award_people,
    award_campaign,
    catalogue,
    members,
    lb_council,
    school_mail,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    nomination = recommended(award_people, award_campaign, catalogue[GIAY_KHEN], lb_council, member=members["an"])
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.issue_decision(
            award_people["lb_chair"],
            unit=award_campaign.issuer,
            campaign=award_campaign,
            nominations=[nomination],
            issued_on=DECIDED_ON,
        )
    decision = Decision.objects.get()
    [mail] = mailoutbox
    assert sorted(mail.to) == school_mail
    assert decision.number in mail.subject
    assert "khen thưởng 1 tập thể, cá nhân của đơn vị" in mail.body
    assert "- Nguyễn Văn An: Giấy khen" in mail.body
    home = login(award_people["school_chair"]).get("/").content.decode()
    assert f"Quyết định số {decision.number}" in home
    # The sibling company hears nothing of it.
    assert f"Quyết định số {decision.number}" not in login(award_people["company_chair"]).get("/").content.decode()


def test_a_members_home_tells_their_own_outcome_not_the_units_returns(
    login, award_people, award_campaign, catalogue, members, federation, lb_council
):
    """doanvien on the demo read "LĐLĐ quận Long Biên trả lại hồ sơ đề nghị “Công đoàn cơ sở
    vững mạnh” của CĐCS …": the unit's internal notice. A member reads their own outcome."""
    school = federation.school
    collective = submitted(award_people, award_campaign, catalogue[CDCS_VUNG_MANH], unit=school)
    services.return_nomination(award_people["lb_officer"], collective, reason="Thiếu báo cáo thành tích tập thể.")
    own = recommended(award_people, award_campaign, catalogue[GIAY_KHEN], lb_council, member=members["an"])
    decision = services.issue_decision(
        award_people["lb_chair"],
        unit=award_campaign.issuer,
        campaign=award_campaign,
        nominations=[own],
        issued_on=DECIDED_ON,
    )
    member_home = login(award_people["member"]).get("/").content.decode()
    assert "Thiếu báo cáo thành tích tập thể." not in member_home
    assert "khen thưởng 1 tập thể, cá nhân của đơn vị" not in member_home  # the unit's notice
    assert f"Bạn được khen thưởng “{catalogue[GIAY_KHEN].name}” theo Quyết định số {decision.number}" in member_home
    # The CĐCS's chair keeps both notices of the unit.
    chair_home = login(award_people["school_chair"]).get("/").content.decode()
    assert "Thiếu báo cáo thành tích tập thể." in chair_home and f"Quyết định số {decision.number}" in chair_home
    # Another member of the school reads no one else's award as theirs.
    other = account("dv_lan", RoleKind.MEMBER, school, MemberFactory(unit=school))
    assert "Bạn được khen thưởng" not in login(other).get("/").content.decode()
