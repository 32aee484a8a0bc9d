"""The initiatives stage of the demo federation (`manage.py load_demo`): Long Biên's CĐCS
register initiatives for the district's seed-003 campaign ("Đổi mới, sáng tạo, hiệu quả",
26/KH-LĐLĐ of 01/4/2019) and the "01 triệu sáng kiến" programme, played out in every state:
drafts, registered, with the support team, waiting for the council, recognised into the
CĐCS's golden book, not recognised, proposed to the district and recognised there.

Each CĐCS that decides has its initiative council; sessions are held with the authors
recused and the votes entered by the secretariat (show of hands). Everything goes through
the services, so counters, golden books and numbers are what production would have. No
randomness: states follow the CĐCS's order. Rerunning adds nothing once Long Biên has
initiatives.
"""

import datetime
from collections.abc import Callable

from django.db import transaction

from thidua.campaigns.models import Campaign
from thidua.core import demo
from thidua.core.demo import SYSTEM
from thidua.councils import services as councils
from thidua.councils.models import Council, CouncilKind, CouncilRole, Recusal
from thidua.councils.rules import MANAGER_ROLES
from thidua.initiatives import services
from thidua.initiatives.models import Initiative, Programme
from thidua.org.models import Member, Role, Unit

D = datetime.date
TITLES = (
    ("Số hóa sổ theo dõi đoàn viên bằng bảng tính dùng chung", 12_000_000),
    ("Hộp thư góp ý điện tử bằng mã QR cho người lao động", 8_000_000),
    ("Lịch trực ca sản xuất trên Zalo OA của công đoàn", 15_000_000),
    ("Quy trình thăm hỏi đoàn viên ốm đau trong 24 giờ", None),
    ("Tủ sách pháp luật điện tử tại phân xưởng", 5_000_000),
    ("Bữa ăn ca dinh dưỡng theo thực đơn tuần do công nhân bình chọn", 40_000_000),
    ("Bài giảng điện tử về an toàn vệ sinh lao động", 20_000_000),
    ("Sắp xếp kho vật tư theo mô hình 5S", 60_000_000),
)
# What happens to each CĐCS's first initiative, in tree order; the second stays a draft or
# is registered.
PATTERN = (
    "district_recognised",
    "recognised",
    "proposed",
    "at_council",
    "with_support_team",
    "not_recognised",
    "submitted",
    "recognised",
)


def _council(unit: Unit, exclude: set[int]) -> tuple[Council, list]:
    council = Council.objects.filter(unit=unit, kind=CouncilKind.INITIATIVE).first()
    if council is None:
        council = councils.create_council(SYSTEM, unit=unit, kind=CouncilKind.INITIATIVE, name="Hội đồng sáng kiến")
        people = Member.objects.within(unit).exclude(pk__in=exclude).order_by("id")[:4]
        roles = (CouncilRole.CHAIR, CouncilRole.SECRETARY, CouncilRole.MEMBER, CouncilRole.UNION_REPRESENTATIVE)
        for member, role in zip(people, roles, strict=False):
            councils.add_member(SYSTEM, council, member=member, role=role)
    return council, list(council.members.all())


def _sit(council: Council, initiative: Initiative, day: D, *, agree: bool) -> None:
    """A session passing (or not) the initiative: everyone present, the authors recused, the
    secretariat entering the show of hands."""
    session = councils.open_session(SYSTEM, council, held_on=day, place="Phòng họp")
    if session.recorder_id is None:  # a small CĐCS (demo at a low scale) seats no secretary
        seats = [seat.pk for seat in council.members.all()]
        others = [pk for pk in seats if pk != session.presiding_id] or seats
        session = councils.set_attendance(SYSTEM, session, present_ids=set(seats), recorder_id=others[0])
    item = councils.add_to_agenda(SYSTEM, session, initiative)
    recused = set(Recusal.objects.filter(item=item).values_list("council_member_id", flat=True))
    for n, seat in enumerate(council.members.select_related("member")):
        if seat.pk in recused:
            continue
        scores = {c.pk: max(0, c.max_score - 5 - n * 3) if agree else c.max_score // 3 for c in council.criteria.all()}
        councils.record_paper_ballot(SYSTEM, item, seat=seat, agree=agree, scores=scores)
    councils.close_session(SYSTEM, session)


def _manager(unit: Unit):
    """A demo login managing `unit` (its chair or officer), acting in that role; None when the
    unit has none — the support team's notes are then left out rather than written by nobody."""
    role = Role.objects.filter(unit=unit, kind__in=MANAGER_ROLES).select_related("user", "unit").order_by("pk").first()
    if role is None:
        return None
    role.user.acting_role = role
    return role.user


def _comment(unit: Unit, initiative: Initiative, text: str) -> None:
    user = _manager(unit)
    if user is not None:
        services.add_comment(user, initiative, text=text)


def _district_team(district: Unit):
    """The district's own support team: its staff (the members holding its logins) first."""
    team = district.support_teams.first()
    if team is None:
        staff = list(Member.objects.filter(user__roles__unit=district).distinct().order_by("id")[:2])
        staff = staff or list(Member.objects.within(district).order_by("id")[:2])
        team = services.create_support_team(SYSTEM, unit=district, name="Tổ hỗ trợ sáng kiến quận", members=staff)
    return team


def _play(initiative: Initiative, state: str, day: D, district: Unit, district_council) -> None:
    if state == "draft":
        return
    services.submit(SYSTEM, initiative, on=day)
    if state == "submitted":
        return
    team = initiative.unit.support_teams.first()
    if team is None:
        members = list(Member.objects.within(initiative.unit).order_by("-id")[:2])
        team = services.create_support_team(SYSTEM, unit=initiative.unit, name="Tổ hỗ trợ sáng kiến", members=members)
    services.assign_support_team(SYSTEM, initiative, team=team)
    _comment(initiative.unit, initiative, "Đề nghị bổ sung số liệu trước và sau khi áp dụng.")
    if state == "with_support_team":
        return
    services.send_to_council(SYSTEM, initiative)
    if state == "at_council":
        return
    authors = set(initiative.authors.values_list("member_id", flat=True))
    council, _seats = _council(initiative.unit, authors)
    _sit(council, initiative, day + datetime.timedelta(days=20), agree=state != "not_recognised")
    if state == "not_recognised":
        return
    services.issue_recognition_decision(
        SYSTEM, unit=initiative.unit, initiative_ids=[initiative.pk], issued_on=day + datetime.timedelta(days=25)
    )
    if state == "recognised":
        return
    services.propose_to_next_level(SYSTEM, initiative)
    if state == "proposed":
        return
    # The district takes it through its own steps: its support team, its council, its decision.
    services.assign_support_team(SYSTEM, initiative, team=_district_team(district))
    _comment(district, initiative, "Đề nghị nêu rõ khả năng nhân rộng ra các CĐCS khối trường học.")
    services.send_to_council(SYSTEM, initiative)
    _sit(district_council, initiative, day + datetime.timedelta(days=60), agree=True)
    services.issue_recognition_decision(
        SYSTEM, unit=district, initiative_ids=[initiative.pk], issued_on=day + datetime.timedelta(days=65)
    )


@transaction.atomic
def load_demo_initiatives(log: Callable[[str], None]) -> None:
    long_bien = Unit.objects.filter(code="HN-LB").first()
    if long_bien is None:
        log("  Bỏ qua sáng kiến mẫu: không có LĐLĐ quận Long Biên.")
        return
    if Initiative.objects.within(long_bien).exists():
        log("  Sáng kiến mẫu của Long Biên: đã có.")
        return
    campaign = Campaign.objects.filter(issuer=long_bien, title__icontains="Đổi mới, sáng tạo").first()
    programmes = list(Programme.objects.order_by("pk"))
    cdcs = list(Unit.objects.within(long_bien).filter(kind__is_grassroots=True).order_by("path")[: len(PATTERN)])
    # The district council sits members of the CĐCS below it (members belong to a CĐCS).
    district_council, _seats = _council(long_bien, set())
    # Dated from the demo's today (core.demo.today), not the seed's 2019: the programme runs
    # on, so its initiatives were registered over the past months and the last sessions and
    # decisions fall within the last quarter (the latest: 240 − 14·7 − 65 = 77 days ago).
    start = demo.days_from_today(-240)
    count = 0
    for n, unit in enumerate(cdcs):
        people = list(Member.objects.within(unit).order_by("id")[:3])
        if len(people) < 2:
            continue
        for k, state in enumerate((PATTERN[n], "draft" if n % 2 else "submitted")):
            title, benefit = TITLES[(2 * n + k) % len(TITLES)]
            authors = [(people[0], 100)] if k else [(people[0], 60), (people[1], 40)]
            initiative = services.register_initiative(
                SYSTEM,
                unit=unit,
                authors=authors,
                kind="initiative",
                # Titles repeat across CĐCS on purpose: the duplicate warning has something to show.
                title=title,
                problem="Công việc còn làm thủ công, mất thời gian, dễ sai sót.",
                solution="Thiết kế lại quy trình và công cụ, hướng dẫn các tổ công đoàn cùng áp dụng.",
                novelty="Lần đầu áp dụng tại đơn vị.",
                application=unit.name,
                applied_since=start - datetime.timedelta(days=30 * (n + 1)),
                benefit_amount=benefit,
                benefit_text="Tiết kiệm thời gian, chi phí; đoàn viên hài lòng hơn.",
                programme=programmes[n % len(programmes)] if programmes else None,
                campaign=campaign if k == 0 else None,
            )
            _play(initiative, state, start + datetime.timedelta(days=14 * n), long_bien, district_council)
            count += 1
    log(f"  Sáng kiến mẫu: {count} sáng kiến của {len(cdcs)} CĐCS Long Biên, ở mọi trạng thái.")
