"""A council session: attendance, the agenda, each member's own scores and vote, written
votes of absent members, closing with the results, and the minutes."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from thidua.core.access import get_for_user
from thidua.core.workflow import TransitionNotAllowed
from thidua.councils import minutes, services, subjects
from thidua.councils.forms import AgendaForm, BallotForm
from thidua.councils.models import AgendaItem, Attendance, Ballot, CouncilMember, Recusal, Session
from thidua.documents.rendering import render_docx, render_pdf
from thidua.org.views.units import _form_error


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
    seats = list(council.members.select_related("member").order_by("role", "id"))
    present = set(Attendance.objects.filter(session=session, present=True).values_list("council_member_id", flat=True))
    my_seat = next((s for s in seats if s.member.user_id == user.pk), None) if user.is_authenticated else None
    can_manage = user.has_perm("councils.manage_council", session)
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
        absent = [s for s in seats if s.pk not in present and s.pk not in voted and s.pk not in item_recused]
        row = {
            "item": item,
            "subject": subject,
            "url": kind.url(subject) if kind and kind.url and subject is not None else "",
            "ballots": ballots.get(item.pk, []),
            "recused": list(item_recused.values()),
            "my_state": None,
        }
        if session.is_open and my_seat is not None:
            if my_seat.pk in item_recused:
                row["my_state"] = "recused"
            elif my_seat.pk in voted:
                row["my_state"] = "voted"
            elif my_seat.pk not in present:
                row["my_state"] = "absent"
            else:
                row["my_state"] = "vote"
                row["ballot_form"] = forms.get(("ballot", item.pk)) or BallotForm(
                    criteria=criteria, auto_id=f"b{item.pk}_%s"
                )
        if session.is_open and can_manage and absent:
            row["written_form"] = forms.get(("written", item.pk)) or BallotForm(
                criteria=criteria, seats=absent, auto_id=f"w{item.pk}_%s"
            )
        rows.append(row)
    candidates = _candidates(session) if session.is_open and can_manage else []
    return {
        "session": session,
        "council": council,
        "criteria": criteria,
        "seats": seats,
        "present": present,
        "rows": rows,
        "can_manage": can_manage,
        "agenda_form": forms.get("agenda") or AgendaForm(choices=[(_key(c), str(c)) for c in candidates]),
        "candidates": candidates,
    }


def _session(request, pk: int, perm: str = "councils.view_council") -> Session:
    session = get_for_user(request.user, Session, pk, perm=perm)
    return Session.objects.select_related("council", "council__unit").get(pk=session.pk)


@login_required
def session_detail(request, pk: int):
    session = _session(request, pk)
    return render(request, "councils/session_detail.html", _context(request, session))


def _done(request, session: Session, message: str):
    messages.success(request, message)
    return redirect("councils:session", pk=session.pk)


def _refused(request, session: Session, forms: dict, form, error: ValidationError):
    _form_error(form, error)
    if not session.is_open:  # the closed session shows no form to hold the message
        messages.error(request, " ".join(error.messages))
    return render(request, "councils/session_detail.html", _context(request, session, forms), status=400)


@login_required
@require_POST
def attendance(request, pk: int):
    session = _session(request, pk, perm="councils.manage_council")
    try:
        services.set_attendance(request.user, session, present_ids=set(request.POST.getlist("present")))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("councils:session", pk=session.pk)
    return _done(request, session, _("Đã ghi danh sách có mặt."))


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
    item = get_for_user(request.user, AgendaItem, pk, perm=perm)
    return AgendaItem.objects.select_related("session", "session__council", "session__council__unit").get(pk=item.pk)


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


@login_required
@require_POST
def written(request, pk: int):
    item = _item(request, pk, "councils.manage_council")
    seats = CouncilMember.objects.filter(council_id=item.session.council_id).select_related("member")
    form = BallotForm(request.POST, criteria=item.session.council.criteria.all(), seats=seats, auto_id=f"w{item.pk}_%s")
    if form.is_valid():
        seat = seats.get(pk=form.cleaned_data["seat"])
        try:
            services.record_written_ballot(
                request.user, item, seat=seat, agree=form.cleaned_data["agree"], scores=form.scores()
            )
        except ValidationError as error:
            return _refused(request, item.session, {("written", item.pk): form}, form, error)
        return _done(
            request, item.session, _("Đã ghi phiếu bằng văn bản của %(name)s.") % {"name": seat.member.full_name}
        )
    return render(
        request,
        "councils/session_detail.html",
        _context(request, item.session, {("written", item.pk): form}),
        status=400,
    )


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
    document = minutes.build(session)
    name = f"bien-ban-hop-hoi-dong-{session.held_on:%Y-%m-%d}"
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
