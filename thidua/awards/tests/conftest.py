"""Fixtures of the awards flow, for every part of the app: the people around a campaign of
Long Biên (the school's CĐCS chair, the sibling company's chair, Long Biên's emulation officer
and standing committee, Hà Nội's emulation officer and standing committee, a member), the
award catalogue, Long Biên's issued campaign offering awards, quota helpers, and helpers that
walk a nomination through the flow with the services.

Long Biên is a district (level 2) below Hà Nội (level 1): it decides its own Giấy khen
("giay-khen-cap-tren-co-so", issuer_level 2) and forwards a Bằng khen of the city
("bang-khen-ldld-tinh", issuer_level 1)."""

import datetime
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from thidua.awards import queries, services
from thidua.awards.catalogue import load_catalogue
from thidua.awards.models import AwardKind, DossierRequirement, Nomination
from thidua.campaigns import services as campaigns
from thidua.campaigns.models import Campaign, Procedure, TargetMode
from thidua.councils import services as councils
from thidua.councils.models import CouncilKind, CouncilRole
from thidua.org.models import Member, Role, RoleKind
from thidua.org.tests.factories import MemberFactory, make_user

# Long Biên's campaign runs over 2026; nominations are due at the end of the year, so the
# tests (run before that) are within the deadline unless they move it.
STARTS, ENDS = datetime.date(2026, 1, 1), datetime.date(2026, 12, 31)
DUE = datetime.date(2099, 12, 31)
DECIDED_ON = datetime.date(2026, 12, 20)
GIAY_KHEN = "giay-khen-cap-tren-co-so"
BANG_KHEN = "bang-khen-ldld-tinh"
LDTT = "lao-dong-tien-tien"
CDCS_VUNG_MANH = "cong-doan-co-so-vung-manh"


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def account(username, role_kind, unit, member=None):
    user = make_user(username, role_kind, unit)
    if member is not None:
        Member.objects.filter(pk=member.pk).update(user=user)
    return user


def as_role(user):
    """The user acting in their (first) role, as the middleware sets it."""
    user.acting_role = Role.objects.filter(user=user).select_related("unit", "unit__kind").first()
    return user


@pytest.fixture
def award_people(federation, members):
    school, company = federation.school, federation.company
    return {
        "school_chair": account("ct_gia_thuy", RoleKind.GRASSROOTS_CHAIR, school),
        "company_chair": account("ct_duc_giang", RoleKind.GRASSROOTS_CHAIR, company),
        "lb_officer": account("lb_tdkt", RoleKind.EMULATION_OFFICER, federation.long_bien),
        "lb_chair": account("lb_ct", RoleKind.STANDING_COMMITTEE, federation.long_bien),
        "hn_officer": account("hn_tdkt", RoleKind.EMULATION_OFFICER, federation.city),
        "hn_chair": account("hn_ct", RoleKind.STANDING_COMMITTEE, federation.city),
        "member": account("dv_an", RoleKind.MEMBER, school, members["an"]),
    }


@pytest.fixture
def catalogue(db):
    """The award kinds, their standing criteria and the default dossiers (awards.catalogue)."""
    load_catalogue()
    return {kind.code: kind for kind in AwardKind.objects.all()}


@pytest.fixture
def award_campaign(federation, award_people, catalogue) -> Campaign:
    """Long Biên's issued campaign for 2026 to every CĐCS of the district, with its reward
    part (simplified procedure, due on DUE), offering the district's Giấy khen, Lao động tiên
    tiến, Công đoàn cơ sở vững mạnh and the city's Bằng khen."""
    officer = award_people["lb_officer"]
    plan = campaigns.create_campaign(
        officer,
        issuer=federation.long_bien,
        kind="movement",
        title="Phát động phong trào thi đua lao động giỏi, lao động sáng tạo năm 2026",
        movement_name="Phong trào thi đua lao động giỏi, lao động sáng tạo năm 2026",
        plan_date=datetime.date(2026, 1, 5),
        starts_on=STARTS,
        ends_on=ENDS,
        place="Long Biên",
        signer_title="TM. BAN THƯỜNG VỤ\nCHỦ TỊCH",
        signer_name="Nguyễn Trường Giang",
    )
    campaigns.save_reward(
        officer,
        plan,
        procedure=Procedure.SIMPLIFIED,
        nomination_due_on=DUE,
        quota_rule="Mỗi công đoàn cơ sở đề nghị không quá 02 cá nhân và 01 tập thể; số lượng phân bổ sau đợt thi đua.",
    )
    campaigns.set_targets(officer, plan, mode=TargetMode.ALL_GRASSROOTS)
    campaigns.issue_campaign(officer, Campaign.objects.get(pk=plan.pk))
    campaign = Campaign.objects.select_related("issuer", "reward").get(pk=plan.pk)
    services.offer_awards(
        officer,
        campaign,
        {catalogue[code]: None for code in (GIAY_KHEN, LDTT, CDCS_VUNG_MANH, BANG_KHEN)},
    )
    return campaign


def set_quota(actor, campaign, unit, kind, count):
    services.allocate_quotas(actor, campaign, {(unit.pk, kind.pk): count})


@pytest.fixture
def quota(award_campaign, award_people, catalogue, federation):
    """Set a quota of the school (or another unit) for a kind code: quota(GIAY_KHEN, 2)."""

    def _quota(code, count, unit=None):
        set_quota(award_people["lb_officer"], award_campaign, unit or federation.school, catalogue[code], count)

    return _quota


def pdf(name="bao-cao.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(
        name, b"%PDF-1.4\n% thidua\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n", "application/pdf"
    )


def png(name="minh-chung.png") -> SimpleUploadedFile:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (40, 30), (200, 30, 30)).save(out, format="PNG")
    return SimpleUploadedFile(name, out.getvalue(), content_type="image/png")


def complete_dossier(actor, nomination):
    """Upload a PDF for every required document the unit has to send."""
    for requirement in queries.missing_requirements(nomination):
        services.add_dossier_file(actor, nomination, requirement=requirement, upload=pdf(f"{requirement.code}.pdf"))


def nominate(people, campaign, kind, *, member=None, unit=None, proposer=None, actor=None):
    """A draft nomination of the school (or `proposer`) for `member` or the collective `unit`."""
    if proposer is None:
        proposer = member.unit if member is not None else unit
        if proposer.kind.is_group:  # a member or a group of a group: the CĐCS above proposes
            proposer = proposer.parent
    return services.nominate(
        actor or people["school_chair"],
        campaign=campaign,
        award_kind=kind,
        unit=proposer,
        achievement="Hoàn thành xuất sắc nhiệm vụ năm 2026; có sáng kiến được công nhận.",
        subject_member=member,
        subject_unit=unit,
    )


def submitted(people, campaign, kind, *, sent_anyway: str = "", **subject) -> Nomination:
    """Sent in its own batch; `sent_anyway` is the sender's reason for sending it although its
    criteria are not met (the batch asks for it then)."""
    nomination = nominate(people, campaign, kind, **subject)
    complete_dossier(people["school_chair"], nomination)
    services.submit_batch(
        people["school_chair"],
        campaign=campaign,
        unit=nomination.unit,
        confirmed=[nomination.pk] if sent_anyway else [],
        reason=sent_anyway,
    )
    return Nomination.objects.get(pk=nomination.pk)


# The chair, then the secretary who takes the minutes (a meeting closes only with one,
# docs/domain.md), then members.
SEATS = (CouncilRole.CHAIR, CouncilRole.SECRETARY)


def award_council(unit, manager, names, member_unit):
    """The award council of `unit` whose members (names, of `member_unit`) get accounts."""
    council = councils.create_council(
        manager, unit=unit, kind=CouncilKind.AWARD, name=f"Hội đồng Thi đua – Khen thưởng {unit.name}"
    )
    for n, name in enumerate(names):
        member = Member.objects.filter(full_name=name).first() or MemberFactory(full_name=name, unit=member_unit)
        councils.add_member(manager, council, member=member, role=SEATS[n] if n < len(SEATS) else CouncilRole.MEMBER)
        if member.user_id is None:
            account(f"hdkt{unit.pk}_{n}", RoleKind.MEMBER, member_unit, member)
    return council


@pytest.fixture
def lb_council(federation, award_people):
    return award_council(
        federation.long_bien,
        award_people["lb_officer"],
        ["Đỗ Minh Khang", "Vũ Thị Lan", "Phan Văn Mạnh"],
        federation.company,
    )


def vote(manager, council, nominations, *, agree=True, on=DECIDED_ON):
    """A session of `council` taking up `nominations`: every seat that may vote votes `agree`."""
    from django.contrib.auth import get_user_model

    from thidua.councils.models import Recusal

    session = councils.open_session(manager, council, held_on=on)
    for nomination in nominations:
        item = councils.add_to_agenda(manager, session, nomination)
        recused = set(Recusal.objects.filter(item=item).values_list("council_member_id", flat=True))
        for seat in council.members.select_related("member"):
            if seat.pk in recused:
                continue
            user = as_role(get_user_model().objects.get(pk=seat.member.user_id))
            scores = {c.pk: c.max_score // 2 for c in council.criteria.all()}
            councils.cast_ballot(user, item, agree=agree, scores=scores)
    councils.close_session(manager, session)
    return session


def recommended(people, campaign, kind, council, *, sent_anyway: str = "", **subject) -> Nomination:
    """Submitted, accepted, sent to Long Biên's award council and recommended by it."""
    nomination = submitted(people, campaign, kind, sent_anyway=sent_anyway, **subject)
    services.accept(people["lb_officer"], nomination)
    services.send_to_council(people["lb_officer"], nomination)
    vote(people["lb_officer"], council, [nomination])
    return Nomination.objects.get(pk=nomination.pk)


@pytest.fixture
def requirements(award_campaign):
    return {r.code: r for r in DossierRequirement.objects.filter(campaign__isnull=True, procedure="simplified")}
