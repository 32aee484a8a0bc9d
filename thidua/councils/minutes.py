"""A session's minutes (BIÊN BẢN) as an official document (Nghị định 30/2020 layout), for
documents.rendering to turn into DOCX or PDF. A meeting's minutes say who attended (the seats of
that day), who presided, and for each item the recusals, every present member's scores and vote
and the result; they are "thông qua tại phiên họp" and signed by the member presiding and the
secretary. A written consultation's minutes say who sent an opinion instead, and never claim a
meeting. While the session is open they are a draft (DỰ THẢO): no number, no signature, no
claim of adoption."""

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.utils import translation
from django.utils.translation import gettext as _

from thidua.core.text import date_line
from thidua.councils.models import (
    AgendaItem,
    Attendance,
    Ballot,
    CouncilMember,
    CouncilRole,
    Outcome,
    Procedure,
    Recusal,
    Session,
    SessionStatus,
    role_rank,
)
from thidua.documents.models import DocType, RegisterEntry
from thidua.documents.rendering import Bullet, Heading, OfficialDocument, Paragraph, Table
from thidua.documents.services import profile_for, require_signable, take_number


def build(session: Session) -> OfficialDocument:
    # Minutes are an official document: Vietnamese whatever language the reader uses.
    with translation.override("vi"):
        return _build(session)


def entry_of(session: Session) -> RegisterEntry | None:
    """The minutes' number in the council's unit's register (taken when the session closed)."""
    return RegisterEntry.objects.filter(
        target_type=ContentType.objects.get_for_model(Session), target_id=session.pk, doc_type=DocType.MINUTES
    ).first()


def cited(subject_model, subject_ids, *, until, unit=None) -> list[tuple[str, str]]:
    """What a decision cites of the minutes that decided on its subjects (initiatives,
    nominations: `subject_ids`, a list or a values() query): per closed session held on or
    before `until` — of `unit`'s councils when given —, ordered by day, (the Căn cứ line,
    the council's name). "Căn cứ Biên bản số 01/BB-CĐCS ngày 10/05/2024 của Hội đồng sáng
    kiến;" — the number from the register, taken when the session closed (number above); a
    session closed before minutes were numbered prints its day only. Two queries."""
    sessions = Session.objects.filter(
        status=SessionStatus.CLOSED,
        held_on__lte=until,
        items__subject_type=ContentType.objects.get_for_model(subject_model),
        items__subject_id__in=subject_ids,
    )
    if unit is not None:
        sessions = sessions.filter(council__unit=unit)
    rows = list(sessions.values_list("pk", "held_on", "council__name").distinct().order_by("held_on", "pk"))
    symbols = dict(
        RegisterEntry.objects.filter(
            target_type=ContentType.objects.get_for_model(Session),
            target_id__in=[pk for pk, _day, _name in rows],
            doc_type=DocType.MINUTES,
        ).values_list("target_id", "symbol")
    )
    lines = []
    for pk, held_on, council in rows:
        values = {"number": symbols.get(pk), "day": f"{held_on:%d/%m/%Y}", "council": council}
        if values["number"]:
            line = _("Căn cứ Biên bản số %(number)s ngày %(day)s của %(council)s;") % values
        else:
            line = _("Căn cứ Biên bản ngày %(day)s của %(council)s;") % values
        lines.append((line, council))
    return lines


def require_not_before(subject_model, subject_ids, issued_on, *, unit=None) -> None:
    """Refuse a decision on these subjects dated `issued_on` before a council session — of
    `unit`'s councils when given — that had them on its agenda: the decision cites its minutes
    (an award decision, awards.documents.require_basis; a recognition, initiatives). The
    message names the latest such session, the first day the decision may carry. One query."""
    later = (
        AgendaItem.objects.filter(
            subject_type=ContentType.objects.get_for_model(subject_model),
            subject_id__in=subject_ids,
            session__held_on__gt=issued_on,
        )
        .filter(**({"session__council__unit": unit} if unit is not None else {}))
        .order_by("-session__held_on")
        .values_list("session__held_on", flat=True)
        .first()
    )
    if later is not None:
        raise ValidationError(
            {
                "issued_on": _("Ngày quyết định %(day)s trước phiên họp Hội đồng ngày %(held)s mà quyết định căn cứ.")
                % {"day": f"{issued_on:%d/%m/%Y}", "held": f"{later:%d/%m/%Y}"}
            }
        )


def number(actor, session: Session) -> RegisterEntry:
    """Take the minutes' number (Số …/BB-…) from the register of the unit holding the council,
    in the closing transaction of `session` (councils.services.close_session, which checked
    councils.manage_council). Refused, before any number is taken, when the minutes would
    print an empty letterhead or signature: the unit's letterhead and place, and who presided
    (issue 15)."""
    with translation.override("vi"):
        council = session.council
        seats = {s.pk: s for s in council.members.select_related("member").filter(pk=session.presiding_id)}
        presiding = seats.get(session.presiding_id)
        if presiding is None:
            raise ValidationError({"presiding": _("Chưa có người chủ trì ký biên bản.")})
        # The secretary signs beside them when the council seats one; a council without a
        # secretary's seat signs by the member presiding alone.
        require_signable(
            profile_for(council.unit),
            signer_title="\n".join(_signer_lines(presiding)),
            signer_name=presiding.member.full_name,
        )
        return take_number(
            actor,
            council.unit,
            DocType.MINUTES,
            issued_on=session.held_on,
            title=_summary(session),
            target=session,
            checked_as="councils.manage_council",
        )


def _summary(session: Session) -> str:
    if session.procedure == Procedure.MEETING:
        return _("Họp %(council)s") % {"council": session.council.name}
    return _("Lấy ý kiến thành viên %(council)s bằng văn bản") % {"council": session.council.name}


def _build(session: Session) -> OfficialDocument:
    council = session.council
    entry = entry_of(session)
    # The letterhead kept when the number was taken, so the minutes print the unit as it was.
    profile = profile_for(council.unit, issued=entry)
    criteria = list(council.criteria.all())
    meeting = session.procedure == Procedure.MEETING
    if meeting:
        # The seats of the day, from its attendance: a member seated later is not listed absent.
        rows = list(
            Attendance.objects.filter(session=session)
            .select_related("council_member__member")
            .order_by(role_rank("council_member__"), "council_member_id")
        )
        seats = [row.council_member for row in rows]
        present = {row.council_member_id for row in rows if row.present}
    else:
        seats = list(council.members.select_related("member").in_role_order())
        present = set()
    names = {s.pk: s.member.full_name for s in seats}
    items = list(AgendaItem.objects.filter(session=session).order_by("order", "id"))
    ballots: dict[int, dict[int, Ballot]] = {}
    for ballot in Ballot.objects.filter(item__session=session).prefetch_related("scores"):
        ballots.setdefault(ballot.item_id, {})[ballot.council_member_id] = ballot
    recusals: dict[int, dict[int, str]] = {}
    for recusal in Recusal.objects.filter(item__session=session):
        recusals.setdefault(recusal.item_id, {})[recusal.council_member_id] = recusal.reason
    day = f"{session.held_on:%d/%m/%Y}"
    # A session still open has no number and nothing adopted: its minutes are a draft
    # (DỰ THẢO), unsigned and sent to no one; the minutes proper exist from closing.
    # The register entry read above also settles a stale copy still marked open after closing.
    draft = session.is_open and entry is None
    presiding = next((s for s in seats if s.pk == session.presiding_id), None)
    recorder = next((s for s in seats if s.pk == session.recorder_id), None)

    if meeting:
        opening = _("Hôm nay, ngày %(day)s, tại %(place)s, %(council)s họp xét các nội dung dưới đây.") % {
            "day": day,
            "place": session.place or profile.place or council.unit.name,
            "council": council.name,
        }
    else:
        opening = _(
            "Ngày %(day)s, %(council)s lấy ý kiến các thành viên Hội đồng bằng văn bản (không tổ chức họp) "
            "về các nội dung dưới đây."
        ) % {"day": day, "council": council.name}
    blocks: list = [Paragraph(opening), Heading(1, _("I. THÀNH PHẦN"))]
    if meeting:
        needed = council.quorum_for(len(seats))
        blocks.append(
            Paragraph(
                _(
                    "Có mặt %(present)s/%(total)s thành viên Hội đồng (quy chế yêu cầu ít nhất %(needed)s "
                    "thành viên có mặt)."
                )
                % {"present": len(present), "total": len(seats), "needed": needed}
            )
        )
        blocks.append(
            Paragraph(
                _("Chủ trì: %(presiding)s. Thư ký: %(recorder)s.")
                % {
                    "presiding": _signer_label(presiding) if presiding else "—",
                    "recorder": recorder.member.full_name if recorder else "—",
                }
            )
        )
    else:
        replied = {seat_id for votes in ballots.values() for seat_id in votes}
        blocks.append(
            Paragraph(
                _("Hội đồng có %(total)s thành viên; %(replied)s thành viên gửi ý kiến bằng văn bản.")
                % {"total": len(seats), "replied": len(replied & set(names))}
            )
        )
    for seat in seats:
        if meeting:
            state = _("có mặt") if seat.pk in present else _("vắng mặt")
        else:
            replied_any = any(seat.pk in votes for votes in ballots.values())
            state = _("đã gửi ý kiến") if replied_any else _("không gửi ý kiến")
        blocks.append(Bullet(f"{seat.member.full_name} — {seat.get_role_display()} ({state})"))
    blocks.append(Heading(1, _("II. NỘI DUNG VÀ KẾT QUẢ")))
    rule = _("Nội dung được thông qua khi có ít nhất %(rule)s số thành viên được biểu quyết đồng ý.") % {
        "rule": council.pass_rule_text
    }
    blocks.append(Paragraph(rule, italic=True))
    if session.status == SessionStatus.ADJOURNED:
        blocks.append(
            Paragraph(
                _(
                    "Phiên họp không đủ số thành viên có mặt theo quy chế nên được hoãn; Hội đồng không biểu "
                    "quyết nội dung nào."
                ),
                bold=True,
            )
        )
    for n, item in enumerate(items, start=1):
        blocks.append(Paragraph(f"{n}. {item.title}", bold=True))
        for seat_id, reason in recusals.get(item.pk, {}).items():
            blocks.append(
                Bullet(
                    _("%(name)s không chấm điểm, không biểu quyết (%(reason)s).")
                    % {"name": names.get(seat_id, ""), "reason": reason}
                )
            )
        header = [_("Thành viên"), *[f"{c.name} ({c.max_score})" for c in criteria], _("Tổng"), _("Biểu quyết")]
        table = [header]
        for seat in seats:
            ballot = ballots.get(item.pk, {}).get(seat.pk)
            if ballot is None or (meeting and ballot.is_written):
                continue
            values = {s.criterion_id: s.value for s in ballot.scores.all()}
            vote = _("Đồng ý") if ballot.agree else _("Không đồng ý")
            if ballot.is_written:
                vote += _(" (bằng văn bản)")
            table.append(
                [seat.member.full_name, *[str(values.get(c.pk, "")) for c in criteria], str(sum(values.values())), vote]
            )
        if len(table) > 1:
            blocks.append(Table(table))
        blocks.append(Paragraph(_result_line(item, session)))
    if draft:
        # Nothing is adopted yet: a draft must not read as minutes approved and signed.
        closing = _(
            "Dự thảo biên bản, lập khi phiên họp chưa kết thúc: chưa được thông qua, chưa có giá trị "
            "ký ban hành. Biên bản chính thức được lập và đánh số khi kết thúc phiên họp."
        )
    elif meeting:
        closing = _("Biên bản được lập xong vào ngày %(day)s và thông qua tại phiên họp.") % {"day": day}
    else:
        closing = _("Biên bản tổng hợp kết quả lấy ý kiến bằng văn bản được lập xong vào ngày %(day)s.") % {
            "day": f"{session.closed_at:%d/%m/%Y}" if session.closed_at else day
        }
    blocks.append(Paragraph(closing))
    # The unit holding the council heads the minutes and the council issues them ("CĐCS
    # TRƯỜNG THCS GIA THỤY" / "HỘI ĐỒNG SÁNG KIẾN"), numbered in the unit's register.
    committee = _("Ban Chấp hành") if council.unit.kind.is_grassroots else _("Ban Thường vụ")
    return OfficialDocument(
        superior_line=profile.body_line,
        body_line=_council_line(council),
        number_line=entry.number_line if entry else f"Số:      /{DocType.MINUTES.value}-{profile.symbol_suffix}",
        date_line=date_line(profile.place, session.held_on) if profile.place else "",
        type_name="DỰ THẢO BIÊN BẢN" if draft else "BIÊN BẢN",
        summary=[_summary(session)],
        body=blocks,
        recipients=[]
        if draft
        else [
            _("Các thành viên Hội đồng;"),
            _("%(committee)s %(unit)s (để báo cáo);") % {"committee": committee, "unit": council.unit.name},
            _("Lưu: VT, Hội đồng."),
        ],
        # Signed by whoever presided (the chair, or the vice-chair or member presiding in her
        # absence) and by the secretary who took the minutes; a draft is signed by no one.
        signer_lines=[] if draft else _signer_lines(presiding),
        signer_name=presiding.member.full_name if presiding and not draft else "",
        cosigner_lines=[_("THƯ KÝ")] if recorder and not draft else [],
        cosigner_name=recorder.member.full_name if recorder and not draft else "",
    )


def _signer_label(seat: CouncilMember) -> str:
    return f"{seat.member.full_name} — {seat.get_role_display()}"


def _signer_lines(presiding: CouncilMember | None) -> list[str]:
    if presiding is None or presiding.role == CouncilRole.CHAIR:
        return [_("CHỦ TỊCH HỘI ĐỒNG")]
    return [_("CHỦ TRÌ PHIÊN HỌP"), presiding.get_role_display()]


def _result_line(item: AgendaItem, session: Session) -> str:
    if item.outcome == Outcome.PENDING:
        return _("Chưa biểu quyết.")
    average = f"{item.average_score:.2f}".replace(".", ",") if item.average_score is not None else "—"
    result = _("THÔNG QUA") if item.outcome == Outcome.PASSED else _("KHÔNG THÔNG QUA")
    return _(
        "Kết quả: %(agree)s/%(eligible)s thành viên được biểu quyết đồng ý, %(disagree)s không đồng ý; "
        "điểm trung bình %(average)s. %(result)s."
    ) % {
        "agree": item.agree_count,
        "eligible": item.eligible_count,
        "disagree": item.disagree_count,
        "average": average,
        "result": result,
    }


def _council_line(council) -> str:
    """The council under its unit's line, without the unit's name again: "Hội đồng Thi đua –
    Khen thưởng LĐLĐ quận Long Biên" under "LĐLĐ QUẬN LONG BIÊN" prints "HỘI ĐỒNG THI ĐUA – KHEN
    THƯỞNG" (the QA walk found the heading on four lines, the unit named twice)."""
    name, unit = council.name.strip(), council.unit.name.strip()
    if name.lower().endswith(unit.lower()) and len(name) > len(unit):
        name = name[: -len(unit)].rstrip(" -–,")
    return name.upper()
