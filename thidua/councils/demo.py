"""The councils stage of the demo federation (`manage.py load_demo`), after initiatives and
awards have built Long Biên's councils: the demo council member `lb_hoidong` (Lê Minh Tuấn,
Phó Chủ tịch LĐLĐ quận) takes a seat as vice-chair on the district's initiative council and
award council, and each council that has something waiting opens a meeting on the demo's
"today" (core.demo.today) with it on the agenda — so logging in as lb_hoidong shows what the council takes up and lets him vote,
while lb_thiduakt, the secretariat, marks attendance and enters the paper ballots of the
members without an account. Through the services; rerunning adds nothing."""

from collections.abc import Callable

from django.db import transaction

from thidua.core import demo
from thidua.core.demo import SYSTEM
from thidua.councils import services, subjects
from thidua.councils.models import Council, CouncilMember, CouncilRole, Session, SessionStatus
from thidua.org.models import Member

USERNAME = "lb_hoidong"


@transaction.atomic
def load_demo_councils(log: Callable[[str], None]) -> None:
    member = Member.objects.filter(user__username=USERNAME).select_related("unit").first()
    councils = list(Council.objects.filter(unit__code="HN-LB").select_related("unit").order_by("kind"))
    if member is None or not councils:
        log("  Bỏ qua hội đồng mẫu: chưa có hội đồng của Long Biên hoặc tài khoản lb_hoidong.")
        return
    seated = opened = 0
    for council in councils:
        if not CouncilMember.objects.filter(council=council, member=member).exists():
            services.add_member(SYSTEM, council, member=member, role=CouncilRole.VICE_CHAIR)
            seated += 1
        if Session.objects.filter(council=council, status=SessionStatus.OPEN).exists():
            continue
        waiting = [subject for kind in subjects.all_types() for subject in kind.candidates(council)]
        if not waiting:
            continue
        session = services.open_session(
            SYSTEM, council, held_on=demo.today(), place="Phòng họp tầng 3, LĐLĐ quận Long Biên"
        )
        for subject in waiting:
            services.add_to_agenda(SYSTEM, session, subject)
        opened += 1
    log(f"  Hội đồng mẫu: lb_hoidong ngồi thêm {seated} hội đồng của Long Biên; {opened} phiên họp đang mở.")
