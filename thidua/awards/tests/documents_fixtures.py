"""Data for the tests of the awards documents and the honour roll: Long Biên's issued campaign,
a few award kinds with the catalogue's codes, and decisions built directly with the ORM (a real
register number from documents.take_number), so these tests do not depend on the nomination
flow. Test modules load it with
`pytest_plugins = ["thidua.awards.tests.documents_fixtures"]`."""

import datetime

import pytest
from django.db import transaction

from thidua.awards.models import Award as AwardRow
from thidua.awards.models import AwardCategory, AwardKind, Decision, DecisionStatus, SubjectKind
from thidua.campaigns import services as campaigns
from thidua.campaigns.models import Campaign, TargetMode
from thidua.documents.models import DocType
from thidua.documents.services import take_number
from thidua.org.models import RoleKind
from thidua.org.tests.factories import SYSTEM, MemberFactory, make_user

ISSUED_ON = datetime.date(2026, 12, 15)

KINDS = {
    # code: (name, category, subject, issuer level, order)
    "giay-khen-cap-tren-co-so": (
        "Giấy khen của Công đoàn cấp trên trực tiếp cơ sở",
        AwardCategory.FORM,
        SubjectKind.BOTH,
        2,
        80,
    ),
    "lao-dong-tien-tien": ("Lao động tiên tiến", AwardCategory.STATE_TITLE, SubjectKind.INDIVIDUAL, 3, 10),
    "bang-khen-ldld-tinh": (
        "Bằng khen của Liên đoàn Lao động tỉnh, thành phố",
        AwardCategory.FORM,
        SubjectKind.BOTH,
        1,
        90,
    ),
}


@pytest.fixture
def kinds(db) -> dict[str, AwardKind]:
    out = {}
    for code, (name, category, subject, level, order) in KINDS.items():
        out[code], _ = AwardKind.objects.update_or_create(
            code=code,
            defaults={
                "name": name,
                "category": category,
                "subject": subject,
                "issuer_level": level,
                "order": order,
                "legal_basis": "Quy chế khen thưởng của tổ chức Công đoàn (999/QĐ-TLĐ ngày 29/05/2024)",
            },
        )
    return out


@pytest.fixture
def lb_officer(federation):
    return make_user("lb_tdkt", RoleKind.EMULATION_OFFICER, federation.long_bien)


@pytest.fixture
def campaign(federation, lb_officer) -> Campaign:
    plan = campaigns.create_campaign(
        lb_officer,
        issuer=federation.long_bien,
        kind="peak",
        title="Phát động đợt thi đua cao điểm chào mừng kỷ niệm 20 năm Ngày thành lập quận Long Biên",
        plan_date=datetime.date(2026, 8, 21),
        starts_on=datetime.date(2026, 8, 16),
        ends_on=datetime.date(2026, 11, 15),
        place="Long Biên",
        signer_title="TM. BAN THƯỜNG VỤ\nCHỦ TỊCH",
        signer_name="Nguyễn Trường Giang",
    )
    campaigns.set_targets(lb_officer, plan, mode=TargetMode.ALL_GRASSROOTS)
    campaigns.issue_campaign(lb_officer, Campaign.objects.get(pk=plan.pk))
    return Campaign.objects.get(pk=plan.pk)


def make_decision(unit, campaign, awardees, *, issued=True, issued_on=ISSUED_ON) -> Decision:
    """A decision of `unit` with `awardees` — (kind, member or unit, achievement, extra Award
    fields) tuples — numbered from the unit's register when `issued`."""
    with transaction.atomic():
        decision = Decision.objects.create(
            unit=unit,
            campaign=campaign,
            title="Về việc khen thưởng các tập thể, cá nhân có thành tích xuất sắc",
            status=DecisionStatus.ISSUED if issued else DecisionStatus.DRAFT,
            issued_on=issued_on if issued else None,
        )
        if issued:
            decision.register_entry = take_number(
                SYSTEM, unit, DocType.DECISION, issued_on=issued_on, title=decision.title, target=decision
            )
            decision.save(update_fields=["register_entry"])
        rows = []
        for n, (kind, subject, achievement, *extra) in enumerate(awardees):
            values = extra[0] if extra else {}
            is_member = not hasattr(subject, "path")
            rows.append(
                AwardRow(
                    award_kind=kind,
                    year=(issued_on or ISSUED_ON).year,
                    decision=decision,
                    campaign=campaign,
                    unit=subject.unit if is_member else subject,
                    member=subject if is_member else None,
                    name=subject.full_name if is_member else subject.name,
                    position=values.pop(
                        "position",
                        ", ".join(p for p in (subject.position, subject.unit.name) if p) if is_member else "",
                    ),
                    achievement=achievement,
                    order=n,
                    **values,
                )
            )
        AwardRow.objects.bulk_create(rows)
    return decision


@pytest.fixture
def new_decision():
    """`make_decision`, for test modules that take these fixtures through `pytest_plugins`
    (importing from this module as well would import it before pytest rewrites it)."""
    return make_decision


@pytest.fixture
def hang(federation):
    return MemberFactory(
        full_name="Nguyễn Thị Hằng", unit=federation.school, position="Giáo viên Toán", card_number="LB0100"
    )


@pytest.fixture
def decision(federation, campaign, kinds, members, hang) -> Decision:
    """Long Biên's issued decision: the company (a collective) and three members."""
    gk = kinds["giay-khen-cap-tren-co-so"]
    return make_decision(
        federation.long_bien,
        campaign,
        [
            (gk, federation.company, "Hoàn thành xuất sắc chỉ tiêu sản xuất, 100% đoàn viên tham gia phong trào"),
            (gk, hang, "Có sáng kiến số hóa sổ điểm được áp dụng toàn trường", {"is_direct_worker": False}),
            (gk, members["an"], "Hoàn thành xuất sắc nhiệm vụ năm học"),
            (kinds["lao-dong-tien-tien"], members["cuong"], "Vượt 20% định mức", {"is_direct_worker": True}),
        ],
    )
