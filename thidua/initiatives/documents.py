"""The recognition decision (QUYẾT ĐỊNH công nhận sáng kiến) and the golden book (Sổ vàng
sáng kiến) as documents: official-document data for documents.rendering (DOCX, PDF), and the
golden book as an .xlsx sheet. Vietnamese whatever language the reader uses (Nghị định 30/2020)."""

import io

from django.utils import translation
from django.utils.translation import gettext as _

from thidua.core.text import date_line
from thidua.councils import minutes
from thidua.documents import legal
from thidua.documents.issuer import issuer_line
from thidua.documents.models import LegalRole
from thidua.documents.rendering import OfficialDocument, Paragraph, Table
from thidua.documents.services import profile_for
from thidua.initiatives.models import Initiative, RecognitionDecision
from thidua.org.exports import table_header, workbook
from thidua.org.models import Unit

# What a recognition decision cites: the Điều lệ Sáng kiến in force (Nghị định 13/2012/NĐ-CP).
INITIATIVE_ROLES = (LegalRole.INITIATIVES,)


def _benefit(initiative) -> str:
    parts = []
    if initiative.benefit_amount is not None:
        parts.append(_("%(amount)s đồng/năm") % {"amount": initiative.benefit_text_amount})
    if initiative.benefit_text:
        parts.append(initiative.benefit_text)
    return "; ".join(parts)


def _of(council: str, unit: Unit) -> str:
    """ "Hội đồng sáng kiến CĐCS Trường THCS Gia Thụy": the council with its unit, once."""
    return council if unit.name.lower() in council.lower() else f"{council} {unit.name}"


def decision_document(decision: RecognitionDecision) -> OfficialDocument:
    with translation.override("vi"):
        profile = profile_for(decision.unit, issued=decision.register_entry)  # as issued
        recognitions = list(
            decision.recognitions.select_related("initiative", "initiative__unit").order_by("entry_number")
        )
        rows = [
            [
                _("TT"),
                _("Tên sáng kiến"),
                _("Tác giả (tỷ lệ đóng góp)"),
                _("Đơn vị"),
                _("Hiệu quả, lợi ích"),
                _("Số sổ vàng"),
            ]
        ]
        for n, r in enumerate(recognitions, start=1):
            rows.append(
                [
                    str(n),
                    r.initiative.title,
                    r.authors_text,
                    r.initiative.unit.name,
                    _benefit(r.initiative),
                    str(r.entry_number),
                ]
            )
        # The minutes of the unit's council that passed them, by number and day (numbered
        # from the register when the session closed).
        sessions = minutes.cited(
            Initiative, [r.initiative_id for r in recognitions], until=decision.issued_on, unit=decision.unit
        )
        councils = list(dict.fromkeys(council for _line, council in sessions)) or [_("Hội đồng sáng kiến")]
        body = [
            # Who decides, over its Căn cứ, as the award decision prints it.
            Paragraph(issuer_line(profile), bold=True),
            # The initiative rules in force on the decision's day (documents.legal).
            *[
                Paragraph(line, italic=True)
                for line in legal.citations(decision.issued_on, INITIATIVE_ROLES, strict=False)
            ],
            *[Paragraph(line, italic=True) for line, _council in sessions],
            Paragraph(
                _("Xét đề nghị của %(council)s,") % {"council": " và ".join(_of(c, decision.unit) for c in councils)},
                italic=True,
            ),
            Paragraph(_("QUYẾT ĐỊNH:"), bold=True),
            Paragraph(
                _("Điều 1. Công nhận %(n)s sáng kiến có tên dưới đây và ghi vào Sổ vàng sáng kiến của %(unit)s:")
                % {"n": len(recognitions), "unit": decision.unit.name}
            ),
            Table(rows),
            Paragraph(_("Điều 2. Các tác giả được hưởng quyền lợi theo quy định hiện hành.")),
            Paragraph(
                _(
                    "Điều 3. Quyết định có hiệu lực kể từ ngày ký. Các tác giả và các bộ phận liên quan chịu trách nhiệm thi hành Quyết định này."
                )
            ),
        ]
        return OfficialDocument(
            superior_line=profile.superior_line,
            body_line=profile.body_line,
            number_line=decision.register_entry.number_line,
            date_line=date_line(profile.place, decision.issued_on) if profile.place else "",
            type_name="QUYẾT ĐỊNH",
            summary=[_("Về việc công nhận sáng kiến")],
            body=body,
            recipients=[_("Như Điều 3;"), _("Lưu: VT, Thi đua.")],
            signer_lines=profile.signer_lines,
            signer_name=decision.signer_name or profile.signer_name,
        )


def golden_book_rows(recognitions) -> list[list[str]]:
    return [
        [
            str(r.entry_number),
            f"{r.recognised_on:%d/%m/%Y}",
            r.initiative.title,
            r.authors_text,
            r.initiative.unit.name,
            _benefit(r.initiative),
            r.decision.register_entry.symbol,
        ]
        for r in recognitions
    ]


def golden_book_header() -> list[str]:
    return [
        _("Số"),
        _("Ngày công nhận"),
        _("Tên sáng kiến"),
        _("Tác giả"),
        _("Đơn vị"),
        _("Hiệu quả, lợi ích"),
        _("Quyết định"),
    ]


def golden_book_document(unit: Unit, recognitions) -> OfficialDocument:
    with translation.override("vi"):
        profile = profile_for(unit)
        return OfficialDocument(
            superior_line=profile.superior_line,
            body_line=profile.body_line,
            number_line="",
            date_line="",
            type_name="SỔ VÀNG SÁNG KIẾN",
            summary=[unit.name],
            body=[Table([golden_book_header(), *golden_book_rows(recognitions)])],
        )


def golden_book_xlsx(unit: Unit, recognitions) -> bytes:
    # Through org.exports.workbook: titles and authors are what members typed, and stay text.

    with translation.override("vi"):
        out = io.BytesIO()
        book = workbook(out, {"in_memory": True})
        sheet = book.add_worksheet("Sổ vàng sáng kiến")
        title = book.add_format({"bold": True, "font_size": 13})
        bold = book.add_format({"bold": True, "text_wrap": True, "valign": "top"})
        wrap = book.add_format({"text_wrap": True, "valign": "top"})
        sheet.write_string(0, 0, _("SỔ VÀNG SÁNG KIẾN — %(unit)s") % {"unit": unit.name}, title)
        table_header(sheet, golden_book_header(), row=1, widths=(6, 14, 50, 40, 35, 30, 16), header_format=bold)
        for r, row in enumerate(golden_book_rows(recognitions), start=2):
            for col, value in enumerate(row):
                sheet.write(r, col, value if value is not None else "", wrap)
        book.close()
        return out.getvalue()
