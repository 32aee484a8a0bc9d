"""The councils' tasks on the home page: a member's items to vote on in the open sessions of
the councils they sit on, and, for the council's unit, the open sessions to run (attendance,
paper ballots, closing). A fixed number of queries whatever the number of sessions."""

from django.db.models import Exists, OuterRef
from django.urls import reverse
from django.utils.translation import gettext as _

from thidua.core.home import HomeTask
from thidua.councils.models import AgendaItem, Attendance, Ballot, Procedure, Recusal, Session, SessionStatus
from thidua.councils.rules import AWAITING_VOTE, MANAGER_ROLES, vote_state


def tasks(request, today):
    user = request.user
    if not user.is_authenticated:
        return []
    found = []
    # Items waiting for the user's own vote: a seat on the council, then rules.vote_state —
    # present at a meeting (a written consultation has no attendance), not recused, not voted yet.
    mine = (
        AgendaItem.objects.filter(session__status=SessionStatus.OPEN, session__council__members__member__user=user)
        .annotate(
            voted=Exists(Ballot.objects.filter(item=OuterRef("pk"), council_member__member__user=user)),
            recused=Exists(Recusal.objects.filter(item=OuterRef("pk"), council_member__member__user=user)),
            present=Exists(
                Attendance.objects.filter(session=OuterRef("session"), council_member__member__user=user, present=True)
            ),
        )
        .filter(voted=False, recused=False)
        .select_related("session", "session__council")
        .order_by("session__held_on", "order", "id")
    )
    for item in mine:
        state = vote_state(
            meeting=item.session.procedure == Procedure.MEETING,
            recused=item.recused,
            voted=item.voted,
            present=item.present,
            quorum_met=False,  # not counted here: below it the member's vote is still awaited
        )
        if state not in AWAITING_VOTE:
            continue
        title = (
            _("Biểu quyết tại họp hội đồng: %(title)s")
            if item.session.procedure == Procedure.MEETING
            else _("Cho ý kiến bằng văn bản: %(title)s")
        )
        found.append(
            HomeTask(
                title=title % {"title": item.title},
                url=reverse("councils:session", args=[item.session_id]),
                due_on=item.session.held_on,
                source=item.session.council.name,
            )
        )
    role = getattr(user, "acting_role", None)
    if role is not None and role.kind in MANAGER_ROLES:
        for session in Session.objects.filter(council__unit_id=role.unit_id, status=SessionStatus.OPEN).select_related(
            "council"
        ):
            found.append(
                HomeTask(
                    title=_("Điều hành %(what)s ngày %(day)s: điểm danh, nhập phiếu, kết thúc")
                    % {"what": session.get_procedure_display().lower(), "day": f"{session.held_on:%d/%m/%Y}"},
                    url=reverse("councils:session", args=[session.pk]),
                    due_on=session.held_on,
                    source=session.council.name,
                )
            )
    return found
