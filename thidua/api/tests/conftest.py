import datetime

import pytest
from django.core.cache import cache
from django.test import Client
from django.utils import timezone

from thidua.api import services
from thidua.org.models import RoleKind
from thidua.org.tests.factories import make_user


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _fresh_throttle():
    cache.clear()
    yield
    cache.clear()


def make_token(user, *, write: bool = False, days: int = 30, role=None) -> str:
    """A token for the user's acting role (or `role`), made through the service, as the page does."""
    role = role or user.acting_role
    _token, secret = services.create_token(
        user,
        role=role,
        name=f"Hệ thống thử {role.pk}",
        can_write=write,
        expires_on=timezone.localdate() + datetime.timedelta(days=days),
    )
    return secret


class Api:
    """The test client speaking as a system that holds a token."""

    def __init__(self, secret: str | None):
        self.client = Client()
        self.headers = {"Authorization": f"Bearer {secret}"} if secret else {}

    def get(self, path: str, **params):
        return self.client.get(path, params, headers=self.headers)

    def post(self, path: str, data=None, **kwargs):
        kwargs.setdefault("content_type", "application/json")
        return self.client.post(path, data, headers=self.headers, **kwargs)


@pytest.fixture
def api():
    def _api(user=None, *, write: bool = False, role=None):
        return Api(make_token(user, write=write, role=role) if user is not None else None)

    return _api


@pytest.fixture
def roles(federation):
    """One user per demo role, seated as tests/test_reach.py seats them: a Long Biên CĐCS's chair
    and officer, the district's office and standing committee, a viewer at the city, a council
    member and a member (personal roles), the other district's office."""
    f = federation
    return {
        "cdcs_chair": make_user("api_cdcs", RoleKind.GRASSROOTS_CHAIR, f.school),
        "cdcs_officer": make_user("api_cdcs_cb", RoleKind.GRASSROOTS_OFFICER, f.school),
        "district": make_user("api_lb", RoleKind.EMULATION_OFFICER, f.long_bien),
        "leader": make_user("api_lb_ct", RoleKind.STANDING_COMMITTEE, f.long_bien),
        "viewer": make_user("api_hn", RoleKind.VIEWER, f.city),
        "council": make_user("api_hd", RoleKind.COUNCIL_MEMBER, f.long_bien),
        "member": make_user("api_dv", RoleKind.MEMBER, f.school),
        "other": make_user("api_gl", RoleKind.EMULATION_OFFICER, f.gia_lam),
    }


@pytest.fixture
def world(federation, members, roles):
    """Long Biên's issued plan deployed to its CĐCS, its quarterly report (one submission per
    CĐCS), a nomination from each of its CĐCS and an issued award decision; and Gia Lâm's own
    plan, which Long Biên's people must never read."""
    import datetime as dt

    from thidua.awards.models import AwardKind, Nomination
    from thidua.awards.tests.documents_fixtures import KINDS, make_decision
    from thidua.campaigns import services as campaigns
    from thidua.campaigns.models import Campaign, TargetMode
    from thidua.reports import services as reports
    from thidua.reports.models import ReportPeriod, Submission
    from thidua.reports.tests.conftest import make_quarterly

    f = federation
    officer = roles["district"]

    def plan(actor, issuer, title):
        campaign = campaigns.create_campaign(
            actor,
            issuer=issuer,
            kind="peak",
            title=title,
            plan_date=dt.date(2026, 8, 21),
            starts_on=dt.date(2026, 8, 16),
            ends_on=dt.date(2026, 11, 15),
            place="Hà Nội",
            signer_title="TM. BAN THƯỜNG VỤ\nCHỦ TỊCH",
            signer_name="Nguyễn Trường Giang",
        )
        campaigns.set_targets(actor, campaign, mode=TargetMode.ALL_GRASSROOTS)
        campaigns.issue_campaign(actor, Campaign.objects.get(pk=campaign.pk))
        return Campaign.objects.get(pk=campaign.pk)

    lb_plan = plan(officer, f.long_bien, "Thi đua cao điểm chào mừng 20 năm thành lập quận Long Biên")
    gl_plan = plan(roles["other"], f.gia_lam, "Thi đua lao động giỏi huyện Gia Lâm")
    form = make_quarterly(officer, f.long_bien)
    reports.publish_form(officer, form, today=dt.date(2026, 8, 16))
    period = ReportPeriod.objects.get(form=form)
    code, (name, category, subject, level, order) = next(iter(KINDS.items()))
    kind, _ = AwardKind.objects.update_or_create(
        code=code,
        defaults={"name": name, "category": category, "subject": subject, "issuer_level": level, "order": order},
    )

    def nominate(unit, member):
        return Nomination.objects.create(
            campaign=lb_plan,
            award_kind=kind,
            unit=unit,
            level=f.long_bien,
            subject_member=member,
            achievement="Hoàn thành xuất sắc nhiệm vụ năm học",
        )

    from thidua.initiatives.models import Initiative

    def initiative(unit, title):
        return Initiative.objects.create(unit=unit, level=unit, title=title, unit_path=unit.path)

    return {
        "school_initiative": initiative(f.school, "Số hóa sổ điểm điện tử"),
        "company_initiative": initiative(f.company, "Cải tiến máy may công nghiệp"),
        "lb_plan": lb_plan,
        "gl_plan": gl_plan,
        "period": period,
        "school_report": Submission.objects.get(period=period, unit=f.school),
        "company_report": Submission.objects.get(period=period, unit=f.company),
        "school_nomination": nominate(f.school, members["an"]),
        "company_nomination": nominate(f.company, members["cuong"]),
        "decision": make_decision(f.long_bien, lb_plan, [(kind, members["binh"], "Giáo viên dạy giỏi")]),
    }
