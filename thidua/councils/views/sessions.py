"""A council session — a meeting or a written consultation: attendance and who presides, the
agenda, each member's own scores and vote, the secretariat's page entering paper ballots (or
written opinions) of several members at once, closing with the results or adjourning a meeting
without quorum, and the minutes."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from thidua.core.access import get_for_user
from thidua.core.forms import form_error
from thidua.core.workflow import TransitionNotAllowed
from thidua.councils import minutes, rules, services, subjects
from thidua.councils.forms import AgendaForm, AttendanceForm, BallotForm, EntryForm
from thidua.councils.models import AgendaItem, Attendance, Ballot, Procedure, Recusal, Session
from thidua.documents.rendering import render_docx, render_pdf
from thidua.documents.signed_views import signed_pdf


def _candidates(session: Session) -> list:
    found = []
    for kind in subjects.all_types():
        found += list(kind.candidates(session.council))
    return found


def _key(obj) -> str:
    return f"{ContentType.objects.get_for_model(obj).pk}:{obj.pk}"


def _context(request, session: Session, forms: dict | None = None) -> dict:
    forms = forms or {}
    council = session.council
    user = request.user
    criteria = list(council.criteria.all())
    seats = list(council.members.select_related("member").in_role_order())
    present = set(Attendance.objects.filter(session=session, present=True).values_list("council_member_id", flat=True))
    my_seat = next((s for s in seats if s.member.user_id == user.pk), None) if user.is_authenticated else None
    can_manage = user.has_perm("councils.manage_council", session)
    needed = council.quorum_for(len(seats))
    has_quorum = len(present) >= needed
    items = list(session.items.select_related("subject_type").order_by("order", "id"))
    ballots: dict[int, list] = {}
    for ballot in (
        Ballot.objects.filter(item__session=session).select_related("council_member__member").prefetch_related("scores")
    ):
        ballot.score_list = [
            (c.name, next((s.value for s in ballot.scores.all() if s.criterion_id == c.pk), "")) for c in criteria
        ]
        ballot.total = sum(s.value for s in ballot.scores.all())
        ballots.setdefault(ballot.item_id, []).append(ballot)
    recused: dict[int, dict[int, str]] = {}
    for r in Recusal.objects.filter(item__session=session).select_related("council_member__member"):
        recused.setdefault(r.item_id, {})[r.council_member_id] = f"{r.council_member.member.full_name} ({r.reason})"
    rows = []
    for item in items:
        voted = {b.council_member_id for b in ballots.get(item.pk, [])}
        item_recused = recused.get(item.pk, {})
        kind = subjects.for_model(item.subject_type.model_class())
        subject = item.subject
        row = {
            "item": item,
            "subject": subject,
            "url": kind.url(subject) if kind and kind.url and subject is not None else "",
            "ballots": ballots.get(item.pk, []),
            "recused": list(item_recused.values()),
            "my_state": None,
            # Members whose ballot the secretariat may still enter.
            "to_enter": len(_enterable(session, seats, present, voted, item_recused))
            if has_quorum or not session.is_meeting
            else 0,
        }
        if session.is_open and my_seat is not None:
            row["my_state"] = _vote_state(session, my_seat, present, voted, item_recused, has_quorum)
            if row["my_state"] == rules.MAY_VOTE:
                row["ballot_form"] = forms.get(("ballot", item.pk)) or BallotForm(
                    criteria=criteria, auto_id=f"b{item.pk}_%s"
                )
        rows.append(row)
    candidates = _candidates(session) if session.is_open and can_manage else []
    return {
        "session": session,
        "council": council,
        "criteria": criteria,
        "seats": seats,
        "present": present,
        "quorum": {"present": len(present), "needed": needed, "seats": len(seats), "met": has_quorum},
        "presiding": next((s for s in seats if s.pk == session.presiding_id), None),
        "recorder": next((s for s in seats if s.pk == session.recorder_id), None),
        "rows": rows,
        "can_manage": can_manage,
        # Closing and adjourning: the moves SESSION_WORKFLOW allows this user now.
        "session_actions": {t.action for t in services.SESSION_WORKFLOW.allowed(session, user)},
        "attendance_form": forms.get("attendance")
        or AttendanceForm(
            seats=seats,
            # The signers are left on "as now / by role": the service keeps the current one
            # while present, else takes the chair (vice-chair) and the secretary.
            initial={"present": [str(pk) for pk in present]},
        ),
        "agenda_form": forms.get("agenda") or AgendaForm(choices=[(_key(c), str(c)) for c in candidates]),
        "candidates": candidates,
        # The minutes' number once closed: their signed original is shown beside them (issue 21).
        "minutes_entry": None if session.is_open else minutes.entry_of(session),
    }


def _vote_state(session: Session, seat, present: set, voted: set, recused: dict, has_quorum: bool) -> str:
    """councils.rules.vote_state (who may vote, the rule the service applies) from the page's sets."""
    return rules.vote_state(
        meeting=session.is_meeting,
        recused=seat.pk in recused,
        voted=seat.pk in voted,
        present=seat.pk in present,
        quorum_met=has_quorum,
    )


def _enterable(session: Session, seats, present: set, voted: set, recused: dict) -> list:
    """Seats whose ballot is still to be entered: those who may vote (`rules.vote_state`) — in a
    meeting, those present; in a written consultation, every member — neither recused nor having
    voted. The quorum is the caller's: below it the page shows why instead of the rows."""
    return [s for s in seats if _vote_state(session, s, present, voted, recused, True) == rules.MAY_VOTE]


def _session(request, pk: int, perm: str = "councils.view_council") -> Session:
    return get_for_user(request.user, Session, pk, perm=perm, related=("council", "council__unit"))


@login_required
def session_detail(request, pk: int):
    session = _session(request, pk)
    return render(request, "councils/session_detail.html", _context(request, session))


def _done(request, session: Session, message: str):
    messages.success(request, message)
    return redirect("councils:session", pk=session.pk)


def _refused(request, session: Session, forms: dict, form, error: ValidationError):
    form_error(form, error)
    context = _context(request, session, forms)
    shown = [context["attendance_form"], context["agenda_form"], *(r.get("ballot_form") for r in context["rows"])]
    if not session.is_open or not any(form is f for f in shown):
        # The page shows no form to hold the message (a closed session, a meeting without quorum).
        messages.error(request, " ".join(error.messages))
    return render(request, "councils/session_detail.html", context, status=400)


@login_required
@require_POST
def attendance(request, pk: int):
    session = _session(request, pk, perm="councils.manage_council")
    seats = list(session.council.members.select_related("member").in_role_order())
    form = AttendanceForm(request.POST, seats=seats)
    if form.is_valid():
        try:
            services.set_attendance(
                request.user,
                session,
                present_ids={int(pk) for pk in form.cleaned_data["present"]},
                presiding_id=form.cleaned_data["presiding"],
                recorder_id=form.cleaned_data["recorder"],
            )
        except ValidationError as error:
            return _refused(request, session, {"attendance": form}, form, error)
        return _done(request, session, _("Đã ghi danh sách có mặt."))
    return render(request, "councils/session_detail.html", _context(request, session, {"attendance": form}), status=400)


@login_required
@require_POST
def add_item(request, pk: int):
    session = _session(request, pk, perm="councils.manage_council")
    candidates = _candidates(session)
    form = AgendaForm(request.POST, choices=[(_key(c), str(c)) for c in candidates])
    if form.is_valid():
        subject = next(c for c in candidates if _key(c) == form.cleaned_data["subject"])
        try:
            services.add_to_agenda(request.user, session, subject)
        except ValidationError as error:
            return _refused(request, session, {"agenda": form}, form, error)
        return _done(request, session, _("Đã đưa vào phiên họp."))
    return render(request, "councils/session_detail.html", _context(request, session, {"agenda": form}), status=400)


def _item(request, pk: int, perm: str) -> AgendaItem:
    return get_for_user(
        request.user, AgendaItem, pk, perm=perm, related=("session", "session__council", "session__council__unit")
    )


@login_required
@require_POST
def cast(request, pk: int):
    item = _item(request, pk, "councils.cast_ballot")
    form = BallotForm(request.POST, criteria=item.session.council.criteria.all(), auto_id=f"b{item.pk}_%s")
    if form.is_valid():
        try:
            services.cast_ballot(request.user, item, agree=form.cleaned_data["agree"], scores=form.scores())
        except ValidationError as error:
            return _refused(request, item.session, {("ballot", item.pk): form}, form, error)
        return _done(request, item.session, _("Đã ghi phiếu của bạn."))
    return render(
        request,
        "councils/session_detail.html",
        _context(request, item.session, {("ballot", item.pk): form}),
        status=400,
    )


def _entry_rows(item: AgendaItem, data=None) -> list[dict]:
    """One row per member whose ballot the secretariat may enter, each with its own form."""
    session = item.session
    seats = list(session.council.members.select_related("member").in_role_order())
    present = set(Attendance.objects.filter(session=session, present=True).values_list("council_member_id", flat=True))
    voted = set(Ballot.objects.filter(item=item).values_list("council_member_id", flat=True))
    recused = {r.council_member_id: r.reason for r in Recusal.objects.filter(item=item)}
    criteria = list(session.council.criteria.all())
    return [
        {"seat": seat, "form": EntryForm(data, criteria=criteria, prefix=f"s{seat.pk}")}
        for seat in _enterable(session, seats, present, voted, recused)
    ]


@login_required
def ballots(request, pk: int):
    """The secretariat's page: each present member's vote from the paper ballot (or, in a
    written consultation, each member's written opinion), entered all at once."""
    item = _item(request, pk, "councils.manage_council")
    session = item.session
    if not session.is_open:
        raise Http404
    rows = _entry_rows(item, request.POST if request.method == "POST" else None)
    # A meeting below its quorum counts no ballot: say so instead of the rows.
    error = services.no_quorum(session, services.NO_QUORUM_VOTE) or ""
    if error:
        rows = []
    if request.method == "POST" and not error:
        entries, valid = [], True
        for row in rows:
            form = row["form"]
            if not form.is_valid():
                valid = False
            elif form.has_vote():
                entries.append((row["seat"], form.cleaned_data["agree"], form.scores()))
        if valid and not entries:
            error = _("Hãy nhập phiếu của ít nhất một thành viên.")
        elif valid:
            try:
                services.record_ballots(request.user, item, entries)
            except ValidationError as refused:
                by_seat = getattr(refused, "error_dict", {})
                for row in rows:
                    for message in by_seat.get(str(row["seat"].pk), []):
                        row["form"].add_error(None, message)
                if not by_seat:
                    error = " ".join(refused.messages)
            else:
                names = ", ".join(seat.member.full_name for seat, _agree, _scores in entries)
                return _done(request, session, _("Đã nhập phiếu của %(names)s.") % {"names": names})
    context = {
        "item": item,
        "session": session,
        "council": session.council,
        "rows": rows,
        "criteria": list(session.council.criteria.all()),
        "error": error,
    }
    return render(request, "councils/ballots.html", context, status=400 if request.method == "POST" else 200)


@login_required
@require_POST
def adjourn(request, pk: int):
    session = _session(request, pk, perm="councils.manage_council")
    try:
        services.adjourn_session(request.user, session)
    except (ValidationError, TransitionNotAllowed) as error:
        messages.error(request, " ".join(getattr(error, "messages", [str(error)])))
        return redirect("councils:session", pk=session.pk)
    return _done(request, session, _("Đã hoãn phiên họp; các nội dung chờ phiên họp sau."))


@login_required
@require_POST
def close(request, pk: int):
    session = _session(request, pk, perm="councils.manage_council")
    try:
        services.close_session(request.user, session)
    except (ValidationError, TransitionNotAllowed) as error:
        messages.error(request, " ".join(getattr(error, "messages", [str(error)])))
        return redirect("councils:session", pk=session.pk)
    return _done(request, session, _("Đã kết thúc phiên họp và ghi kết quả biểu quyết."))


@login_required
def minutes_download(request, pk: int, fmt: str):
    session = _session(request, pk)
    # The signed original of record once attached and valid (issue 21); ?ban-in=1: the print.
    if fmt == "pdf" and not session.is_open and (signed := signed_pdf(request, minutes.entry_of(session))):
        return signed
    document = minutes.build(session)
    kind = "hop-hoi-dong" if session.procedure == Procedure.MEETING else "lay-y-kien-bang-van-ban"
    name = f"{'du-thao-' if session.is_open else ''}bien-ban-{kind}-{session.held_on:%Y-%m-%d}"
    if fmt == "pdf":
        response = HttpResponse(render_pdf(document), content_type="application/pdf")
    elif fmt == "docx":
        response = HttpResponse(
            render_docx(document),
            content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        )
    else:
        raise Http404
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    return response
