"""Writing councils, sessions and votes. Each function takes the acting user and plain values,
runs in one transaction and writes the audit trail. Refusals are ValidationErrors in
Vietnamese, raised before anything is written.

A session's one state machine (open → closed) is declared here; closing it counts every item
by the council's pass rule and hands the result to the subject's app (councils.subjects) in
the same transaction.
"""

import datetime
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from thidua.core import audit
from thidua.core.workflow import Transition, Workflow
from thidua.councils import subjects
from thidua.councils.models import (
    AgendaItem,
    Attendance,
    Ballot,
    Council,
    CouncilKind,
    CouncilMember,
    Criterion,
    Outcome,
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
    ],
)

# The criteria a new council starts with; each council edits its own (data, not code).
# Initiatives: novelty, applicability, benefit (Nghị định 13/2012/NĐ-CP Điều 3; TT 18/2013).
DEFAULT_CRITERIA = {
    CouncilKind.INITIATIVE: [
        (gettext_lazy("Tính mới"), 40),
        (gettext_lazy("Khả năng áp dụng"), 30),
        (gettext_lazy("Hiệu quả, lợi ích"), 30),
    ],
    CouncilKind.AWARD: [(gettext_lazy("Thành tích"), 100)],
}


def _check(actor, perm: str, obj=None) -> None:
    if actor is not None and not actor.has_perm(perm, obj):
        raise PermissionDenied


def passes(agree: int, eligible: int, numerator: int, denominator: int) -> bool:
    """At least numerator/denominator of the members who may vote agree — in integers, so
    exactly 2/3 passes and a hair below does not (no rounding of 0.666…)."""
    return eligible > 0 and agree * denominator >= numerator * eligible


def _validate_rule(numerator: int, denominator: int) -> None:
    if not denominator or not numerator or numerator > denominator:
        raise ValidationError({"pass_numerator": _("Tỷ lệ thông qua phải lớn hơn 0 và không quá 100% (ví dụ 2/3).")})


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
def add_member(actor, council: Council, *, member: Member, role: str) -> CouncilMember:
    _check(actor, "councils.manage_council", council)
    if not member.unit.is_within(council.unit):
        raise ValidationError({"member": _("Thành viên hội đồng phải là đoàn viên thuộc đơn vị.")})
    if CouncilMember.objects.filter(council=council, member=member).exists():
        raise ValidationError({"member": _("%(name)s đã là thành viên hội đồng.") % {"name": member.full_name}})
    seat = CouncilMember.objects.create(council=council, member=member, role=role)
    audit.record(actor, "add_council_member", council, scope_path=council.unit.path, to_state=str(seat))
    return seat


@transaction.atomic
def open_session(actor, council: Council, *, held_on: datetime.date, place: str = "") -> Session:
    _check(actor, "councils.manage_council", council)
    if held_on is None:
        raise ValidationError({"held_on": _("Hãy nhập ngày họp.")})
    if not council.members.exists():
        raise ValidationError(_("Hội đồng chưa có thành viên: hãy thêm thành viên trước khi họp."))
    session = Session.objects.create(council=council, held_on=held_on, place=place.strip(), created_by=_user(actor))
    Attendance.objects.bulk_create(
        [Attendance(session=session, council_member=seat, present=True) for seat in council.members.all()]
    )
    audit.record(actor, "open_session", session, scope_path=council.unit.path, to_state=session.get_status_display())
    return session


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
def set_attendance(actor, session: Session, *, present_ids: set[int]) -> None:
    """Who is present (council member ids); the others are absent and may vote in writing."""
    _check(actor, "councils.manage_council", session)
    session = _locked_open(session)
    present_ids = {int(i) for i in present_ids}
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
    audit.record(
        actor,
        "set_attendance",
        session,
        scope_path=session.council.unit.path,
        to_state=_("%(n)s thành viên có mặt") % {"n": len(present_ids)},
    )


@transaction.atomic
def add_to_agenda(actor, session: Session, subject, *, title: str = "") -> AgendaItem:
    _check(actor, "councils.manage_council", session)
    session = _locked_open(session)
    kind = subjects.for_model(type(subject))
    if kind is None:
        raise ValidationError(_("Hội đồng không xét loại nội dung này."))
    if subject not in list(kind.candidates(session.council)):
        raise ValidationError(_("“%(title)s” không chờ hội đồng này xét.") % {"title": subject})
    from django.contrib.contenttypes.models import ContentType

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
        if raw in (None, ""):
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
    if Recusal.objects.filter(item=item, council_member=seat).exists():
        raise ValidationError(
            _("%(name)s là tác giả nên không được chấm điểm, biểu quyết nội dung này.")
            % {"name": seat.member.full_name}
        )
    present = Attendance.objects.filter(session=session, council_member=seat, present=True).exists()
    if written and present:
        raise ValidationError(
            _("%(name)s có mặt tại phiên họp: phiếu phải do chính thành viên bỏ.") % {"name": seat.member.full_name}
        )
    if not written and not present:
        raise ValidationError(_("Bạn được ghi vắng mặt: phiếu của bạn do thư ký ghi nhận bằng văn bản."))
    if Ballot.objects.filter(item=item, council_member=seat).exists():
        raise ValidationError(_("%(name)s đã biểu quyết nội dung này.") % {"name": seat.member.full_name})
    checked = _validate_scores(session.council, scores)
    try:
        with transaction.atomic():
            ballot = Ballot.objects.create(
                item=item, council_member=seat, agree=bool(agree), is_written=written, recorded_by=_user(actor)
            )
    except IntegrityError:  # a second click that raced the first
        raise ValidationError(_("%(name)s đã biểu quyết nội dung này.") % {"name": seat.member.full_name}) from None
    Score.objects.bulk_create([Score(ballot=ballot, criterion=c, value=v) for c, v in checked])
    audit.record(
        actor,
        "record_written_ballot" if written else "cast_ballot",
        item,
        scope_path=session.council.unit.path,
        to_state=seat.member.full_name,
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
    """An absent member's vote sent in writing, entered by the council's secretariat."""
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
    if not Attendance.objects.filter(session=session, council_member=seat, present=True).exists():
        raise ValidationError(_("%(name)s vắng mặt: hãy ghi phiếu gửi bằng văn bản.") % {"name": seat.member.full_name})
    return _cast(actor, item, seat, agree=agree, scores=scores, written=False)


@transaction.atomic
def close_session(actor, session: Session) -> Session:
    """Count every item by the pass rule, record it, and let each subject's app act on it."""
    _check(actor, "councils.manage_council", session)
    session = _locked_open(session)
    council = session.council
    seats = council.members.count()
    items = list(
        session.items.annotate(
            recused=Count("recusals", distinct=True),
            agree=Count("ballots", filter=Q(ballots__agree=True), distinct=True),
            disagree=Count("ballots", filter=Q(ballots__agree=False), distinct=True),
        )
    )
    unvoted = [item.title for item in items if item.agree + item.disagree == 0]
    if unvoted:
        # Closing would record them as not passed without anyone having voted.
        raise ValidationError(
            _("Chưa có phiếu nào cho: %(titles)s. Hãy biểu quyết trước khi kết thúc phiên họp.")
            % {"titles": "; ".join(unvoted)}
        )
    for item in items:
        item.eligible_count = seats - item.recused
        item.agree_count, item.disagree_count = item.agree, item.disagree
        kind = subjects.for_model(item.subject_type.model_class())
        rule = (council.pass_numerator, council.pass_denominator)
        if kind is not None and kind.pass_rule is not None and item.subject is not None:
            rule = kind.pass_rule(item.subject) or rule
        passed = passes(item.agree, item.eligible_count, *rule)
        item.outcome = Outcome.PASSED if passed else Outcome.FAILED
        item.average_score = _total_average(item)
        item.save(update_fields=["eligible_count", "agree_count", "disagree_count", "outcome", "average_score"])
        audit.record(
            actor,
            "decide_item",
            item,
            scope_path=council.unit.path,
            to_state=item.get_outcome_display(),
            changes={"agree": item.agree, "eligible": item.eligible_count, "rule": f"{rule[0]}/{rule[1]}"},
        )
        if kind is not None and item.subject is not None:
            kind.on_decided(actor, item.subject, passed, item)
    SESSION_WORKFLOW.move(
        session, "close_session", actor=actor, scope_path=council.unit.path, extra_fields={"closed_at": timezone.now()}
    )
    return session


def _total_average(item: AgendaItem) -> Decimal | None:
    """The mean over ballots of each ballot's total score (what the minutes print)."""
    totals = [sum(s.value for s in b.scores.all()) for b in item.ballots.prefetch_related("scores")]
    if not totals:
        return None
    return (Decimal(sum(totals)) / len(totals)).quantize(Decimal("0.01"))


def _user(actor):
    return actor if actor is not None and actor.pk else None
