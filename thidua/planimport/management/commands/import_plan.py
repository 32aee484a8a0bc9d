"""python manage.py import_plan FILE [--json]: what the importer reads in a plan document."""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from thidua.planimport import PlanImportError, parse, read_text


class Command(BaseCommand):
    help = _("Đọc một kế hoạch (.docx, .txt, .md) và in những gì đọc được.")

    def add_arguments(self, parser):
        parser.add_argument("file", help=_("tệp văn bản cần đọc"))
        parser.add_argument("--json", action="store_true", help=_("in kết quả dạng JSON"))

    def handle(self, *args, **options):
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(_("Không tìm thấy tệp %(path)s.") % {"path": path})
        try:
            extract = parse(read_text(path.name, path.read_bytes()))
        except PlanImportError as error:
            raise CommandError(str(error)) from error
        if options["json"]:
            self.stdout.write(json.dumps(extract.as_json(), ensure_ascii=False, indent=2))
            return
        self.stdout.write(summary(extract))


def _date(value) -> str:
    return f"{value:%d/%m/%Y}" if value else "—"


def summary(extract) -> str:
    """A reviewer's reading of the extract, in Vietnamese."""
    out = []
    number = "/".join(part for part in (extract.number, extract.symbol) if part) or "—"
    out.append(_("Loại văn bản: %(value)s") % {"value": extract.doc_type or "—"})
    out.append(_("Số, ký hiệu: %(value)s") % {"value": number})
    out.append(_("Cơ quan ban hành: %(value)s") % {"value": extract.issuer or "—"})
    if extract.issuer_parent:
        out.append(_("Cơ quan cấp trên: %(value)s") % {"value": extract.issuer_parent})
    out.append(_("Địa danh, ngày: %(place)s, %(date)s") % {"place": extract.place or "—", "date": _date(extract.date)})
    out.append(_("Trích yếu: %(value)s") % {"value": extract.title or "—"})
    if extract.implements:
        out.append(_("Văn bản căn cứ:"))
        for ref in extract.implements:
            words = [ref.relation, ref.doc_kind, ref.number, _date(ref.date) if ref.date else None, ref.issuer]
            out.append("  - " + " ".join(word for word in words if word))
    if extract.period_start or extract.period_end or extract.end_condition:
        end = _date(extract.period_end) if extract.period_end else (extract.end_condition or "—")
        out.append(_("Thời gian thi đua: %(start)s → %(end)s") % {"start": _date(extract.period_start), "end": end})
    if extract.deadlines:
        out.append(_("Thời hạn:"))
        out += [f"  - {_date(d.date)}: {d.what}" for d in extract.deadlines]
    if extract.periodic:
        out.append(_("Định kỳ:"))
        out += [f"  - {p.period} {p.rule}: {p.what}".replace("  :", ":") for p in extract.periodic]
    if extract.sections:
        out.append(_("Các phần:"))
        out += [f"  {'  ' * (s.level - 1)}{s.numbering} {s.heading}".rstrip() for s in extract.sections]
    for label, items in (
        (_("Hình thức khen thưởng:"), extract.award_forms),
        (_("Tiêu chuẩn tập thể:"), extract.collective_criteria),
        (_("Tiêu chuẩn cá nhân:"), extract.individual_criteria),
        (_("Hồ sơ:"), extract.dossier),
        (_("Nơi nhận:"), extract.recipients),
    ):
        if items:
            out.append(label)
            out += [f"  - {item}" for item in items]
    out.append(
        _("Người ký: %(title)s — %(name)s") % {"title": extract.signer_title or "—", "name": extract.signer_name or "—"}
    )
    if extract.emails:
        out.append(_("Thư điện tử: %(value)s") % {"value": ", ".join(extract.emails)})
    if extract.warnings:
        out.append(_("Cần kiểm tra:"))
        out += [f"  ! {warning}" for warning in extract.warnings]
    return "\n".join(out)
