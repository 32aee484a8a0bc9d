"""A session's minutes (BIÊN BẢN) as an official document (Nghị định 30/2020 layout), for
documents.rendering to turn into DOCX or PDF. A meeting's minutes say who attended (the seats of
that day), who presided, and for each item the recusals, every present member's scores and vote
and the result; they are "thông qua tại phiên họp" and signed by the member presiding and the
secretary. A written consultation's minutes say who sent an opinion instead, and never claim a
meeting."""

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
from thidua.documents.rendering import Bullet, Heading, OfficialDocument, Paragraph, Table
from thidua.documents.services import profile_for


def build(session: Session) -> OfficialDocument:
    # Minutes are an official document: Vietnamese whatever language the reader uses.
    with translation.override("vi"):
        return _build(session)


def _build(session: Session) -> OfficialDocument:
    council = session.council
    profile = profile_for(council.unit)
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
    presiding = next((s for s in seats if s.pk == session.presiding_id), None)
    recorder = next((s for s in seats if s.pk == session.recorder_id), None)

    if meeting:
        opening = _("Hôm nay, ngày %(day)s, tại %(place)s, %(council)s họp xét các nội dung dưới đây.") % {
            "day": day,
            "place": session.place or profile.body_line.title(),
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
    if meeting:
        closing = _("Biên bản được lập xong vào ngày %(day)s và thông qua tại phiên họp.") % {"day": day}
    else:
        closing = _("Biên bản tổng hợp kết quả lấy ý kiến bằng văn bản được lập xong vào ngày %(day)s.") % {
            "day": f"{session.closed_at:%d/%m/%Y}" if session.closed_at else day
        }
    blocks.append(Paragraph(closing))
    return OfficialDocument(
        superior_line=profile.superior_line,
        body_line=council.name.upper(),
        number_line="",
        date_line=date_line(profile.place, session.held_on) if profile.place else "",
        type_name="BIÊN BẢN",
        summary=[
            _("Họp %(council)s") % {"council": council.name}
            if meeting
            else _("Lấy ý kiến thành viên %(council)s bằng văn bản") % {"council": council.name}
        ],
        body=blocks,
        # Signed by whoever presided (the chair, or the vice-chair or member presiding in her
        # absence) and by the secretary who took the minutes.
        signer_lines=_signer_lines(presiding),
        signer_name=presiding.member.full_name if presiding else "",
        cosigner_lines=[_("THƯ KÝ")],
        cosigner_name=recorder.member.full_name if recorder else "",
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
