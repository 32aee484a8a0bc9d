"""Writing councils, sessions and votes. Each function takes the acting user and plain values,
runs in one transaction and writes the audit trail. Refusals are ValidationErrors in
Vietnamese, raised before anything is written.

A session's one state machine is declared here (SESSION_WORKFLOW): open → closed, when the
council decided — closing counts every item by the council's pass rule and hands the result to
the subject's app (councils.subjects) in the same transaction — or open → adjourned, when a
meeting did not reach its quorum and decided nothing. The other writes (attendance, agenda,
ballots) change no state and are refused once the session is not open.

A session is a meeting or a written consultation (models.Procedure, see the models' docstring
for the rule and its source): a meeting counts only the members present, each voting on their
own login or through the secretariat from the paper ballot, and decides nothing without its
quorum; a written consultation counts each member's written opinion.
"""

import datetime
from decimal import Decimal

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from thidua.core import access, audit
from thidua.core.workflow import Transition, Workflow
from thidua.councils import minutes, rules, subjects
from thidua.councils.models import (
    AgendaItem,
    Attendance,
    Ballot,
    Council,
    CouncilKind,
    CouncilMember,
    CouncilRole,
    Criterion,
    Outcome,
    Procedure,
    Recusal,
    Score,
    Session,
    SessionStatus,
)
from thidua.org.models import Member, Unit

SESSION_WORKFLOW = Workflow(
    state_field="status",
    transitions=[
        Transition(
            "close_session",
            (SessionStatus.OPEN,),
            SessionStatus.CLOSED,
            "councils.manage_council",
            gettext_lazy("Kết thúc phiên họp"),
        ),
        Transition(
            "adjourn_session",
            (SessionStatus.OPEN,),
            SessionStatus.ADJOURNED,
            "councils.manage_council",
            gettext_lazy("Hoãn phiên họp"),
        ),
    ],
)

# The criteria a new council starts with; each council edits its own (data, not code).
# Initiatives: novelty, applicability, benefit (Nghị định 13/2012/NĐ-CP Điều 3; TT 18/2013).
DEFAULT_CRITERIA: dict[str, list[tuple[Promise, int]]] = {
    CouncilKind.INITIATIVE: [
        (gettext_lazy("Tính mới"), 40),
        (gettext_lazy("Khả năng áp dụng"), 30),
        (gettext_lazy("Hiệu quả, lợi ích"), 30),
    ],
    CouncilKind.AWARD: [(gettext_lazy("Thành tích"), 100)],
}


_check = access.check  # None raises MissingActor; commands and the demo pass system_actor()


def passes(agree: int, eligible: int, numerator: int, denominator: int) -> bool:
    """At least numerator/denominator of the members who may vote agree — in integers, so
    exactly 2/3 passes and a hair below does not (no rounding of 0.666…)."""
    return eligible > 0 and agree * denominator >= numerator * eligible


def _validate_rule(numerator: int, denominator: int) -> None:
    if not denominator or not numerator or numerator > denominator:
        raise ValidationError({"pass_numerator": _("Tỷ lệ thông qua phải lớn hơn 0 và không quá 100% (ví dụ 2/3).")})


def _validate_quorum(numerator: int, denominator: int) -> None:
    if not denominator or not numerator or numerator > denominator:
        raise ValidationError(
            {"quorum_numerator": _("Số thành viên có mặt tối thiểu phải lớn hơn 0 và không quá 100% (ví dụ 2/3).")}
        )


@transaction.atomic
def create_council(
    actor, *, unit: Unit, kind: str, name: str, pass_numerator: int = 2, pass_denominator: int = 3
) -> Council:
    _check(actor, "councils.add_council", unit)
    name = (name or "").strip()
    if not name:
        raise ValidationError({"name": _("Hãy nhập tên hội đồng.")})
    _validate_rule(pass_numerator, pass_denominator)
    if Council.objects.filter(unit=unit, kind=kind).exists():
        raise ValidationError({"kind": _("Đơn vị đã có hội đồng loại này.")})
    council = Council.objects.create(
        unit=unit, kind=kind, name=name, pass_numerator=pass_numerator, pass_denominator=pass_denominator
    )
    for order, (label, max_score) in enumerate(DEFAULT_CRITERIA.get(kind, [])):
        Criterion.objects.create(council=council, name=str(label), max_score=max_score, order=order)
    audit.record(actor, "create_council", council, scope_path=unit.path, to_state=council.pass_rule_text)
    return council


@transaction.atomic
def set_pass_rule(actor, council: Council, *, pass_numerator: int, pass_denominator: int) -> Council:
    _check(actor, "councils.manage_council", council)
    _validate_rule(pass_numerator, pass_denominator)
    before = council.pass_rule_text
    council.pass_numerator, council.pass_denominator = pass_numerator, pass_denominator
    council.save(update_fields=["pass_numerator", "pass_denominator"])
    audit.record(
        actor,
        "set_pass_rule",
        council,
        scope_path=council.unit.path,
        from_state=before,
        to_state=council.pass_rule_text,
    )
    return council


@transaction.atomic
def set_quorum(actor, council: Council, *, quorum_numerator: int, quorum_denominator: int) -> Council:
    """The share of members that must be present for a meeting to decide (the council's quy chế)."""
    _check(actor, "councils.manage_council", council)
    _validate_quorum(quorum_numerator, quorum_denominator)
    before = council.quorum_text
    council.quorum_numerator, council.quorum_denominator = quorum_numerator, quorum_denominator
    council.save(update_fields=["quorum_numerator", "quorum_denominator"])
    audit.record(
        actor, "set_quorum", council, scope_path=council.unit.path, from_state=before, to_state=council.quorum_text
    )
    return council


@transaction.atomic
def set_rules(
    actor,
    council: Council,
    *,
    pass_numerator: int,
    pass_denominator: int,
    quorum_numerator: int,
    quorum_denominator: int,
) -> Council:
    """The pass rule and the meeting quorum together (the council's settings form)."""
    set_pass_rule(actor, council, pass_numerator=pass_numerator, pass_denominator=pass_denominator)
    return set_quorum(actor, council, quorum_numerator=quorum_numerator, quorum_denominator=quorum_denominator)


@transaction.atomic
def add_member(actor, council: Council, *, member: Member, role: str) -> CouncilMember:
    _check(actor, "councils.manage_council", council)
    if not member.unit.is_within(council.unit):
        raise ValidationError({"member": _("Thành viên hội đồng phải là đoàn viên thuộc đơn vị.")})
    if CouncilMember.objects.filter(council=council, member=member).exists():
        raise ValidationError({"member": _("%(name)s đã là thành viên hội đồng.") % {"name": member.full_name}})
    seat = CouncilMember.objects.create(council=council, member=member, role=role)
    audit.record(actor, "add_council_member", council, scope_path=council.unit.path, to_state=str(seat))
    return seat


def _first(seats, roles, among=None):
    """The first seat holding one of `roles` (in that order), among the given seat ids."""
    for role in roles:
        for seat in seats:
            if seat.role == role and (among is None or seat.pk in among):
                return seat
    return None


PRESIDING_ROLES = (CouncilRole.CHAIR, CouncilRole.VICE_CHAIR)
RECORDER_ROLES = (CouncilRole.SECRETARY,)


@transaction.atomic
def open_session(
    actor, council: Council, *, held_on: datetime.date, place: str = "", procedure: str = Procedure.MEETING
) -> Session:
    """A meeting (everyone marked present until the secretariat records attendance, the chair
    presiding) or a written consultation (no attendance; the chair signs the summary)."""
    _check(actor, "councils.manage_council", council)
    if held_on is None:
        raise ValidationError({"held_on": _("Hãy nhập ngày họp.")})
    if procedure not in Procedure.values:
        raise ValidationError({"procedure": _("Hãy chọn hình thức: họp hội đồng hoặc lấy ý kiến bằng văn bản.")})
    seats = list(council.members.all())
    if not seats:
        raise ValidationError(_("Hội đồng chưa có thành viên: hãy thêm thành viên trước khi họp."))
    session = Session.objects.create(
        council=council,
        held_on=held_on,
        place=place.strip(),
        procedure=procedure,
        presiding=_first(seats, PRESIDING_ROLES),
        recorder=_first(seats, RECORDER_ROLES),
        created_by=_user(actor),
    )
    if procedure == Procedure.MEETING:
        Attendance.objects.bulk_create(
            [Attendance(session=session, council_member=seat, present=True) for seat in seats]
        )
    audit.record(
        actor,
        "open_session",
        session,
        scope_path=council.unit.path,
        to_state=f"{session.get_procedure_display()} — {session.get_status_display()}",
    )
    return session


def quorum(session: Session) -> tuple[int, int, int]:
    """(members present, members needed, seats) of a meeting."""
    seats = CouncilMember.objects.filter(council_id=session.council_id).count()
    present = Attendance.objects.filter(session=session, present=True).count()
    return present, session.council.quorum_for(seats), seats


def no_quorum(session: Session, message) -> str | None:
    """`message` filled in when a meeting is below its quorum; None when it may vote."""
    if session.procedure != Procedure.MEETING:
        return None
    present, needed, seats = quorum(session)
    if present >= needed:
        return None
    return str(message) % {"present": present, "seats": seats, "needed": needed, "rule": session.council.quorum_text}


def _require_quorum(session: Session, message: str) -> None:
    refusal = no_quorum(session, message)
    if refusal:
        raise ValidationError(refusal)


NO_QUORUM_VOTE = gettext_lazy(
    "Phiên họp chưa đủ số thành viên có mặt (%(present)s/%(seats)s, cần ít nhất %(needed)s — %(rule)s số "
    "thành viên hội đồng): chưa thể biểu quyết."
)
NO_QUORUM_CLOSE = gettext_lazy(
    "Phiên họp không đủ số thành viên có mặt (%(present)s/%(seats)s, cần ít nhất %(needed)s — %(rule)s số "
    "thành viên hội đồng) nên không thông qua được nội dung nào. Nếu điểm danh có sai sót hãy sửa lại; nếu "
    "không, hãy hoãn phiên họp và họp lại hoặc lấy ý kiến bằng văn bản."
)


def _locked_open(session: Session) -> Session:
    """The session row, locked for the rest of the transaction, refusing a closed one: a
    ballot and the closing of its session cannot interleave."""
    session = (
        Session.objects.select_for_update(of=("self",)).select_related("council", "council__unit").get(pk=session.pk)
    )
    if session.status != SessionStatus.OPEN:
        raise ValidationError(_("Phiên họp đã kết thúc: không thể thay đổi hay biểu quyết thêm."))
    return session


@transaction.atomic
def set_attendance(
    actor, session: Session, *, present_ids: set[int], presiding_id: int | None = None, recorder_id: int | None = None
) -> Session:
    """Who is present (council member ids), who presides and who takes the minutes. The chair
    presides when present, else the vice-chair; when neither is, a member present must be
    chosen. Absent members do not vote in a meeting."""
    _check(actor, "councils.manage_council", session)
    session = _locked_open(session)
    if session.procedure != Procedure.MEETING:
        raise ValidationError(_("Lấy ý kiến bằng văn bản không có điểm danh."))
    present_ids = {int(i) for i in present_ids}
    seats = list(CouncilMember.objects.filter(council_id=session.council_id).select_related("member"))
    seat_ids = {s.pk for s in seats}
    if not present_ids <= seat_ids:
        raise ValidationError(_("Người này không phải thành viên hội đồng."))
    signers: dict[str, int | None] = {}
    for field, chosen, roles, label in (
        ("presiding", presiding_id, PRESIDING_ROLES, _("Người chủ trì")),
        ("recorder", recorder_id, RECORDER_ROLES, _("Thư ký phiên họp")),
    ):
        if chosen:
            if int(chosen) not in present_ids:
                raise ValidationError({field: _("%(who)s phải là thành viên có mặt.") % {"who": label}})
            signers[field] = int(chosen)
        else:
            current = getattr(session, f"{field}_id")
            default = _first(seats, roles, among=present_ids)
            signers[field] = current if current in present_ids else (default.pk if default else None)
    for row in Attendance.objects.filter(session=session):
        present = row.council_member_id in present_ids
        if row.present != present:
            if (
                not present
                and Ballot.objects.filter(
                    item__session=session, council_member_id=row.council_member_id, is_written=False
                ).exists()
            ):
                raise ValidationError(_("Thành viên đã biểu quyết tại phiên họp nên không thể ghi vắng mặt."))
            row.present = present
            row.save(update_fields=["present"])
    session.presiding_id, session.recorder_id = signers["presiding"], signers["recorder"]
    session.save(update_fields=["presiding", "recorder"])
    names = {s.pk: s.member.full_name for s in seats}
    audit.record(
        actor,
        "set_attendance",
        session,
        scope_path=session.council.unit.path,
        to_state=_("%(n)s/%(total)s thành viên có mặt; chủ trì: %(chair)s; thư ký: %(recorder)s")
        % {
            "n": len(present_ids),
            "total": len(seats),
            "chair": names.get(signers["presiding"], "—"),
            "recorder": names.get(signers["recorder"], "—"),
        },
    )
    return session


@transaction.atomic
def add_to_agenda(actor, session: Session, subject, *, title: str = "") -> AgendaItem:
    _check(actor, "councils.manage_council", session)
    session = _locked_open(session)
    kind = subjects.for_model(type(subject))
    if kind is None:
        raise ValidationError(_("Hội đồng không xét loại nội dung này."))
    if subject not in list(kind.candidates(session.council)):
        raise ValidationError(_("“%(title)s” không chờ hội đồng này xét.") % {"title": subject})

    subject_type = ContentType.objects.get_for_model(subject)
    if AgendaItem.objects.filter(session=session, subject_type=subject_type, subject_id=subject.pk).exists():
        raise ValidationError(_("Nội dung này đã có trong phiên họp."))
    item = AgendaItem.objects.create(
        session=session,
        subject_type=subject_type,
        subject_id=subject.pk,
        title=(title or str(subject))[:500],
        order=session.items.count() + 1,
    )
    interested = kind.interested_members(subject)
    for seat in session.council.members.filter(member_id__in=interested):
        Recusal.objects.create(item=item, council_member=seat, reason=str(interested[seat.member_id])[:300])
    audit.record(actor, "add_to_agenda", item, scope_path=session.council.unit.path, to_state=item.title)
    return item


def _validate_scores(council: Council, scores: dict) -> list[tuple[Criterion, int]]:
    criteria = list(council.criteria.all())
    errors, checked = [], []
    for criterion in criteria:
        raw = scores.get(criterion.pk)
        if raw is None or raw == "":
            errors.append(_("Hãy chấm điểm “%(c)s”.") % {"c": criterion.name})
            continue
        try:
            value = int(raw)
        except (TypeError, ValueError):
            errors.append(_("Điểm “%(c)s” phải là số nguyên.") % {"c": criterion.name})
            continue
        if not 0 <= value <= criterion.max_score:
            errors.append(_("Điểm “%(c)s” phải từ 0 đến %(max)s.") % {"c": criterion.name, "max": criterion.max_score})
            continue
        checked.append((criterion, value))
    if errors:
        raise ValidationError(errors)
    return checked


def _cast(actor, item: AgendaItem, seat: CouncilMember, *, agree: bool, scores: dict, written: bool) -> Ballot:
    session = _locked_open(item.session)
    item = AgendaItem.objects.get(pk=item.pk)
    meeting = session.procedure == Procedure.MEETING
    present_count, needed, _seats = quorum(session) if meeting else (0, 0, 0)
    # Who may vote: the one rule in councils.rules.vote_state, read here from the rows.
    state = rules.vote_state(
        meeting=meeting,
        recused=Recusal.objects.filter(item=item, council_member=seat).exists(),
        voted=Ballot.objects.filter(item=item, council_member=seat).exists(),
        present=meeting and Attendance.objects.filter(session=session, council_member=seat, present=True).exists(),
        quorum_met=not meeting or present_count >= needed,
    )
    name = {"name": seat.member.full_name}
    if state == rules.RECUSED:
        raise ValidationError(_("%(name)s là tác giả nên không được chấm điểm, biểu quyết nội dung này.") % name)
    if meeting and written:
        # A meeting counts the members present only.
        raise ValidationError(
            _(
                "Phiên họp chỉ tính phiếu của thành viên có mặt. Muốn lấy ý kiến của %(name)s bằng văn bản, "
                "hãy tổ chức lấy ý kiến bằng văn bản."
            )
            % name
        )
    if state == rules.VOTED:
        raise ValidationError(_("%(name)s đã biểu quyết nội dung này.") % name)
    if state == rules.ABSENT:
        raise ValidationError(_("%(name)s được ghi vắng mặt nên không biểu quyết tại phiên họp.") % name)
    if state == rules.NO_QUORUM:
        _require_quorum(session, str(NO_QUORUM_VOTE))  # the message gives the figures
    written = written or not meeting  # a written consultation: every opinion is a written one
    checked = _validate_scores(session.council, scores)
    try:
        with transaction.atomic():
            ballot = Ballot.objects.create(
                item=item, council_member=seat, agree=bool(agree), is_written=written, recorded_by=_user(actor)
            )
    except IntegrityError:  # a second click that raced the first
        raise ValidationError(_("%(name)s đã biểu quyết nội dung này.") % {"name": seat.member.full_name}) from None
    Score.objects.bulk_create([Score(ballot=ballot, criterion=c, value=v) for c, v in checked])
    own = actor is not None and actor.pk is not None and actor.pk == seat.member.user_id
    if own:
        verb, note = ("cast_written_ballot" if written else "cast_ballot"), seat.member.full_name
    elif written:
        verb = "record_written_ballot"
        note = _("thư ký nhập ý kiến bằng văn bản thay cho %(name)s") % {"name": seat.member.full_name}
    else:
        verb = "record_paper_ballot"
        note = _("thư ký nhập phiếu thay cho %(name)s") % {"name": seat.member.full_name}
    audit.record(
        actor,
        verb,
        item,
        scope_path=session.council.unit.path,
        to_state=note,
        changes={"agree": bool(agree), "member": seat.member.full_name},
    )
    return ballot


@transaction.atomic
def cast_ballot(actor, item: AgendaItem, *, agree: bool, scores: dict) -> Ballot:
    """The acting user's own vote and scores, in the session."""
    _check(actor, "councils.cast_ballot", item)
    seat = (
        CouncilMember.objects.select_related("member")
        .filter(council_id=item.session.council_id, member__user=actor)
        .first()
    )
    if seat is None:
        raise PermissionDenied
    return _cast(actor, item, seat, agree=agree, scores=scores, written=False)


@transaction.atomic
def record_written_ballot(actor, item: AgendaItem, *, seat: CouncilMember, agree: bool, scores: dict) -> Ballot:
    """A member's opinion sent in writing in a written consultation, entered by the council's
    secretariat (a meeting refuses it: it counts the members present only)."""
    _check(actor, "councils.manage_council", item)
    if seat.council_id != item.session.council_id:
        raise ValidationError(_("Người này không phải thành viên hội đồng."))
    return _cast(actor, item, seat, agree=agree, scores=scores, written=True)


@transaction.atomic
def record_paper_ballot(actor, item: AgendaItem, *, seat: CouncilMember, agree: bool, scores: dict) -> Ballot:
    """A present member's vote given by show of hands or on a paper ballot (TT 18/2013 Đ8
    allows both), entered by the council's secretariat."""
    _check(actor, "councils.manage_council", item)
    if seat.council_id != item.session.council_id:
        raise ValidationError(_("Người này không phải thành viên hội đồng."))
    session = _locked_open(item.session)
    if session.procedure != Procedure.MEETING:
        return _cast(actor, item, seat, agree=agree, scores=scores, written=True)
    if not Attendance.objects.filter(session=session, council_member=seat, present=True).exists():
        raise ValidationError(
            _("%(name)s được ghi vắng mặt nên không biểu quyết tại phiên họp.") % {"name": seat.member.full_name}
        )
    return _cast(actor, item, seat, agree=agree, scores=scores, written=False)


@transaction.atomic
def record_ballots(actor, item: AgendaItem, entries: list[tuple[CouncilMember, bool, dict]]) -> list[Ballot]:
    """The secretariat enters several members' ballots of one item at once — from the paper
    ballots of a meeting, or the written opinions of a consultation: all or nothing. Refusals
    come back as {seat id: [messages]} so the page shows each next to its row."""
    _check(actor, "councils.manage_council", item)
    if not entries:
        raise ValidationError(_("Hãy nhập phiếu của ít nhất một thành viên."))
    errors: dict[str, list[str]] = {}
    ballots = []
    for seat, agree, scores in entries:
        try:
            with transaction.atomic():  # a refused row leaves nothing behind, even mid-way
                ballots.append(record_paper_ballot(actor, item, seat=seat, agree=agree, scores=scores))
        except ValidationError as error:
            errors[str(seat.pk)] = error.messages
    if errors:
        raise ValidationError(errors)
    return ballots


@transaction.atomic
def close_session(actor, session: Session) -> Session:
    """Count every item by the pass rule, record it, and let each subject's app act on it."""
    _check(actor, "councils.manage_council", session)
    session = _locked_open(session)
    council = session.council
    seats = council.members.count()
    counted = Q()
    if session.procedure == Procedure.MEETING:
        _require_quorum(session, str(NO_QUORUM_CLOSE))
        if session.presiding_id is None:
            raise ValidationError(
                _("Chủ tịch và Phó Chủ tịch hội đồng đều vắng mặt: hãy chọn người chủ trì phiên họp khi điểm danh.")
            )
        # The minutes of a meeting are signed by who presided and by the secretary who took them
        # (docs/domain.md, Dossiers and councils): a council that seats no secretary names one.
        if session.recorder_id is None:
            raise ValidationError(
                _(
                    "Phiên họp chưa có thư ký ghi biên bản: hãy chọn thư ký phiên họp (một thành viên có mặt, "
                    "không phải người chủ trì) khi điểm danh, rồi kết thúc phiên họp."
                )
            )
        # Only the votes of the members present count in a meeting.
        counted = Q(ballots__is_written=False)
    items = list(
        session.items.annotate(
            recused=Count("recusals", distinct=True),
            agree=Count("ballots", filter=Q(ballots__agree=True) & counted, distinct=True),
            disagree=Count("ballots", filter=Q(ballots__agree=False) & counted, distinct=True),
        )
    )
    unvoted = [item.title for item in items if item.agree + item.disagree == 0]
    if unvoted:
        # Closing would record them as not passed without anyone having voted.
        raise ValidationError(
            _("Chưa có phiếu nào cho: %(titles)s. Hãy biểu quyết trước khi kết thúc phiên họp.")
            % {"titles": "; ".join(unvoted)}
        )
    # The minutes' number (Số …/BB-…), refused with nothing counted when they could not be signed.
    minutes.number(actor, session)
    for item in items:
        item.eligible_count = seats - item.recused
        item.agree_count, item.disagree_count = item.agree, item.disagree
        kind = subjects.for_model(item.subject_type.model_class())
        rule = (council.pass_numerator, council.pass_denominator)
        if kind is not None and kind.pass_rule is not None and item.subject is not None:
            rule = kind.pass_rule(item.subject) or rule
        passed = passes(item.agree, item.eligible_count, *rule)
        item.outcome = Outcome.PASSED if passed else Outcome.FAILED
        item.average_score = _total_average(item, meeting=session.procedure == Procedure.MEETING)
        item.save(update_fields=["eligible_count", "agree_count", "disagree_count", "outcome", "average_score"])
        audit.record(
            actor,
            "decide_item",
            item,
            scope_path=council.unit.path,
            to_state=item.get_outcome_display(),
            changes={
                "agree": item.agree,
                "eligible": item.eligible_count,
                "rule": f"{rule[0]}/{rule[1]}",
                "procedure": session.procedure,
            },
        )
        if kind is not None and item.subject is not None:
            subjects.record_council_result(actor, kind, item.subject, passed, item)
    SESSION_WORKFLOW.move(
        session, "close_session", actor=actor, scope_path=council.unit.path, extra_fields={"closed_at": timezone.now()}
    )
    return session


@transaction.atomic
def adjourn_session(actor, session: Session) -> Session:
    """A meeting that did not reach its quorum ends without deciding anything: its items wait
    for the next session (or a written consultation), their votes are not counted."""
    _check(actor, "councils.manage_council", session)
    session = _locked_open(session)
    if session.procedure != Procedure.MEETING:
        raise ValidationError(_("Chỉ phiên họp mới hoãn được."))
    present, needed, seats = quorum(session)
    if present >= needed:
        raise ValidationError(_("Phiên họp đủ số thành viên có mặt: hãy biểu quyết và kết thúc phiên họp."))
    SESSION_WORKFLOW.move(
        session,
        "adjourn_session",
        actor=actor,
        scope_path=session.council.unit.path,
        reason=_("Có mặt %(present)s/%(seats)s, cần ít nhất %(needed)s.")
        % {"present": present, "seats": seats, "needed": needed},
        extra_fields={"closed_at": timezone.now()},
    )
    return session


def _total_average(item: AgendaItem, *, meeting: bool = False) -> Decimal | None:
    """The mean over the counted ballots of each ballot's total score (what the minutes print)."""
    ballots = item.ballots.filter(is_written=False) if meeting else item.ballots.all()
    totals = [sum(s.value for s in b.scores.all()) for b in ballots.prefetch_related("scores")]
    if not totals:
        return None
    return (Decimal(sum(totals)) / len(totals)).quantize(Decimal("0.01"))


_user = access.person  # the user row to store (None for the system actor)
