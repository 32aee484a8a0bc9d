"""A session's minutes (BIÊN BẢN HỌP HỘI ĐỒNG) as an official document (Nghị định 30/2020
layout), for documents.rendering to turn into DOCX or PDF: who attended, who voted in writing,
and for each item the recusals, every member's scores and vote, and the result by the
council's pass rule."""

from django.utils import translation
from django.utils.translation import gettext as _

from thidua.core.text import date_line
from thidua.councils.models import AgendaItem, Attendance, Ballot, Outcome, Recusal, Session
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
    seats = list(council.members.select_related("member").order_by("role", "id"))
    present = set(Attendance.objects.filter(session=session, present=True).values_list("council_member_id", flat=True))
    items = list(AgendaItem.objects.filter(session=session).order_by("order", "id"))
    ballots: dict[int, dict[int, Ballot]] = {}
    for ballot in Ballot.objects.filter(item__session=session).prefetch_related("scores"):
        ballots.setdefault(ballot.item_id, {})[ballot.council_member_id] = ballot
    recusals: dict[int, dict[int, str]] = {}
    for recusal in Recusal.objects.filter(item__session=session):
        recusals.setdefault(recusal.item_id, {})[recusal.council_member_id] = recusal.reason

    blocks: list = [
        Paragraph(
            _("Hôm nay, ngày %(day)s, tại %(place)s, %(council)s họp xét các nội dung dưới đây.")
            % {
                "day": f"{session.held_on:%d/%m/%Y}",
                "place": session.place or profile.body_line.title(),
                "council": council.name,
            }
        ),
        Heading(1, _("I. THÀNH PHẦN")),
        Paragraph(
            _("Có mặt %(present)s/%(total)s thành viên Hội đồng.") % {"present": len(present), "total": len(seats)}
        ),
    ]
    for seat in seats:
        state = _("có mặt") if seat.pk in present else _("vắng mặt")
        blocks.append(Bullet(f"{seat.member.full_name} — {seat.get_role_display()} ({state})"))
    blocks.append(Heading(1, _("II. NỘI DUNG VÀ KẾT QUẢ")))
    rule = _("Nội dung được thông qua khi có ít nhất %(rule)s số thành viên được biểu quyết đồng ý.") % {
        "rule": council.pass_rule_text
    }
    blocks.append(Paragraph(rule, italic=True))
    for n, item in enumerate(items, start=1):
        blocks.append(Paragraph(f"{n}. {item.title}", bold=True))
        for seat_id, reason in recusals.get(item.pk, {}).items():
            name = next((s.member.full_name for s in seats if s.pk == seat_id), "")
            blocks.append(
                Bullet(_("%(name)s không chấm điểm, không biểu quyết (%(reason)s).") % {"name": name, "reason": reason})
            )
        header = [_("Thành viên"), *[f"{c.name} ({c.max_score})" for c in criteria], _("Tổng"), _("Biểu quyết")]
        rows = [header]
        for seat in seats:
            ballot = ballots.get(item.pk, {}).get(seat.pk)
            if ballot is None:
                continue
            values = {s.criterion_id: s.value for s in ballot.scores.all()}
            vote = _("Đồng ý") if ballot.agree else _("Không đồng ý")
            if ballot.is_written:
                vote += _(" (bằng văn bản)")
            rows.append(
                [
                    seat.member.full_name,
                    *[str(values.get(c.pk, "")) for c in criteria],
                    str(sum(values.values())),
                    vote,
                ]
            )
        if len(rows) > 1:
            blocks.append(Table(rows))
        blocks.append(Paragraph(_result_line(item, session)))
    blocks.append(
        Paragraph(
            _("Biên bản được lập xong vào ngày %(day)s và thông qua tại phiên họp.")
            % {"day": f"{session.held_on:%d/%m/%Y}"}
        )
    )
    chair = next((s for s in seats if s.role == "chair"), None)
    return OfficialDocument(
        superior_line=profile.superior_line,
        body_line=council.name.upper(),
        number_line="",
        date_line=date_line(profile.place, session.held_on) if profile.place else "",
        type_name="BIÊN BẢN",
        summary=[_("Họp %(council)s") % {"council": council.name}],
        body=blocks,
        signer_lines=[_("CHỦ TỊCH HỘI ĐỒNG")],
        signer_name=chair.member.full_name if chair else "",
    )


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
