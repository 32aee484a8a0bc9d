"""Nomination lists from Excel (issue 8, item 9): the list a CĐCS already sends with its tờ
trình — STT | Họ và tên / Tên tập thể | Chức vụ, đơn vị | Hình thức, danh hiệu đề nghị | Tóm tắt
thành tích — read, checked row by row, and turned into draft nominations all at once or not at
all.

Reading. The first sheet, through python-calamine (org.imports.read_table). The header row is
found by its words, not its place: offices put the document's title, "Kèm theo Tờ trình số …"
and a blank line above it. Headers are compared folded (no diacritics, any case), and each
column is recognised by a word it must hold ("thành tích", "hình thức"/"danh hiệu", "họ và tên"/
"tên tập thể", "chức vụ"/"đơn vị", "số thẻ"). Below the header, a row holding only "I. TẬP THỂ"
or "II. CÁ NHÂN" opens a section (what the following names are); an empty row or a "Tổng cộng"
line is skipped.

Checking. Each row's award kind is one the campaign offers, found by its code or its name
(diacritics optional; a part of the name is enough when it names one kind only). Its subject is
the unit itself or one of its groups (by name), or one of the unit's members — by card number
when the file has the column, else by name, diacritics-insensitive; two members of the same name
are told apart by the "Chức vụ, đơn vị" cell, or the row says who they are and asks for more.
Nobody outside the importing unit is ever found: another unit's member is "not found", as one
that does not exist. Then every row goes through `services.nominate` — the same scope, quota,
"one achievement, one form", double-award and deadline guards as a nomination made by hand —
inside one transaction, each row in its own savepoint so that every row's refusals are
collected. The preview rolls the whole transaction back; the confirmation keeps it only when no
row failed.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from typing import Any

from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from thidua.awards import queries, services
from thidua.awards.eligibility import evaluate, verdict
from thidua.awards.models import AwardKind, CampaignAward, Nomination, SubjectKind
from thidua.awards.queries import campaign_year
from thidua.campaigns.models import Campaign
from thidua.core.db import PATH_END
from thidua.core.text import fold
from thidua.org import exports
from thidua.org.imports import FileProblem, read_table
from thidua.org.models import Member, Unit

MAX_ROWS = 1000
HEADER_SEARCH_ROWS = 20
SIGNING_SALT = "thidua.awards.intake"
PAYLOAD_MAX_AGE = 2 * 60 * 60  # a preview may be confirmed within two hours

# The template's headers: a file format exchanged between offices, kept Vietnamese whatever the
# UI language (as org.imports' columns), so not translated.
HEADERS = ["STT", "Họ và tên / Tên tập thể", "Chức vụ, đơn vị", "Hình thức, danh hiệu đề nghị", "Tóm tắt thành tích"]
WIDTHS = [6, 32, 34, 34, 70]

# (key, words of which one must appear in the folded header), tried in this order.
COLUMN_WORDS = (
    ("achievement", ("thanh tich",)),
    ("kind", ("hinh thuc", "danh hieu")),
    ("card", ("so the",)),
    ("name", ("ho va ten", "ho ten", "ten tap the", "ten ca nhan", "tap the, ca nhan", "tap the ca nhan")),
    ("position", ("chuc vu", "don vi", "noi cong tac")),
    ("number", ("stt", "so tt", "so thu tu")),
)
REQUIRED = ("name", "kind")
SECTION = re.compile(r"^([ivx]+|[a-d])[.)]?\s+")
# Words an office puts before a collective's name that the unit's own name may lack.
COLLECTIVE_PREFIXES = ("to cong doan ", "cong doan co so ", "cong doan ", "cdcs ", "to ")


def _text(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value if value is not None else "").strip()


# What an office writes before a person's name, and what may follow it in the same cell
# ("Ông Nguyễn Văn An\nGiáo viên", "Đ/c Trần Thị Bình - Tổ trưởng").
HONORIFICS = ("dong chi ", "d/c ", "d/c.", "ong ", "ba ")
NAME_ENDS = re.compile(r"\s*(?:\n|,|;| - | – |\()\s*")


def name_variants(text: str) -> list[str]:
    """The folded ways a name cell may name a person: as written, without an honorific, and
    its first part alone."""
    variants: list[str] = []
    for candidate in (fold(text), fold(NAME_ENDS.split(text.strip(), maxsplit=1)[0])):
        for honorific in HONORIFICS:
            if candidate.startswith(honorific):
                candidate = candidate[len(honorific) :].strip()
                break
        for variant in (fold(text), candidate):
            if variant and variant not in variants:
                variants.append(variant)
    return variants


def _bare(name: str) -> str:
    """A collective's folded name without the words offices add in front of it."""
    folded = fold(name)
    for prefix in COLLECTIVE_PREFIXES:
        if folded.startswith(prefix):
            return folded[len(prefix) :]
    return folded


@dataclass
class Row:
    """One line of the list: what the file says, what it was found to mean, what is wrong."""

    number: int  # the row number in Excel
    name: str
    position: str = ""
    kind_text: str = ""
    achievement: str = ""
    card: str = ""
    section: str = ""  # SubjectKind.COLLECTIVE / INDIVIDUAL from a section line above, or ""
    award_kind: AwardKind | None = None
    subject_member: Member | None = None
    subject_unit: Unit | None = None
    errors: list[str] = field(default_factory=list)
    # The criteria as the data stands (awards.eligibility), shown in the preview for
    # information: the council decides, attestations are added on the nomination's page.
    outcomes: list = field(default_factory=list)
    verdict: str = ""

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def subject_name(self) -> str:
        if self.subject_member is not None:
            return self.subject_member.full_name
        return self.subject_unit.name if self.subject_unit is not None else ""

    @property
    def is_collective(self) -> bool:
        return self.subject_unit is not None

    def fail(self, message: str) -> None:
        if message not in self.errors:
            self.errors.append(message)

    def raw(self) -> list:
        return [self.number, self.name, self.position, self.kind_text, self.achievement, self.card, self.section]

    @classmethod
    def from_raw(cls, raw: list) -> Row:
        number, name, position, kind_text, achievement, card, section = raw
        return cls(int(number), name, position, kind_text, achievement, card, section)


@dataclass
class Intake:
    unit: Unit
    campaign: Campaign | None
    filename: str = ""
    header_row: int | None = None
    rows: list[Row] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # problems of the whole file
    created: list[Nomination] = field(default_factory=list)

    @property
    def failed_rows(self) -> list[Row]:
        return [r for r in self.rows if not r.ok]

    @property
    def ok(self) -> bool:
        return not self.errors and bool(self.rows) and not self.failed_rows

    def payload(self) -> str:
        """The rows as read, signed, for the confirmation form (checked again on confirm)."""
        return signing.dumps(
            {
                "unit": self.unit.pk,
                "campaign": self.campaign.pk if self.campaign else None,
                "file": self.filename,
                "header": self.header_row,
                "rows": [r.raw() for r in self.rows],
            },
            salt=SIGNING_SALT,
            compress=True,
        )


# --- reading -------------------------------------------------------------------------------------


def _column_key(cell: str) -> str | None:
    folded = fold(cell).replace("*", "").replace("/", " ").strip()
    folded = re.sub(r"\s+", " ", folded)
    for key, words in COLUMN_WORDS:
        if any(word in folded for word in words):
            return key
    return None


def _header(table: list[list[Any]]) -> tuple[int, dict[str, int]]:
    for index, row in enumerate(table[:HEADER_SEARCH_ROWS]):
        columns: dict[str, int] = {}
        for col, cell in enumerate(row):
            key = _column_key(_text(cell))
            if key is not None and key not in columns:
                columns[key] = col
        if all(key in columns for key in REQUIRED):
            return index, columns
    raise FileProblem([])


def _section(name: str) -> str | None:
    """ "I. TẬP THỂ" → collective, "II. Cá nhân" → individual; None when not a section line."""
    words = SECTION.sub("", fold(name)).strip(" :.")
    if words in ("tap the", "danh sach tap the", "khen thuong tap the"):
        return SubjectKind.COLLECTIVE
    if words in ("ca nhan", "danh sach ca nhan", "khen thuong ca nhan"):
        return SubjectKind.INDIVIDUAL
    return None


def read_rows(data: bytes, filename: str) -> tuple[int, list[Row]]:
    """The header's row number (as Excel shows it) and the list's rows. FileProblem's errors
    are RowErrors of org.imports (a file that is no spreadsheet) or empty (no header found)."""
    table = read_table(data, filename)
    index, columns = _header(table)

    def cell(row, key):
        col = columns.get(key)
        return _text(row[col]) if col is not None and col < len(row) else ""

    rows: list[Row] = []
    section = ""
    for number, raw in enumerate(table[index + 1 :], start=index + 2):
        name, kind_text, achievement = cell(raw, "name"), cell(raw, "kind"), cell(raw, "achievement")
        if not any(_text(c) for c in raw):
            continue
        if not kind_text and not achievement:
            opened = _section(name or cell(raw, "number"))
            if opened is not None:
                section = opened
                continue
            if fold(name).startswith(("tong cong", "tong so", "cong:")):
                continue
        rows.append(
            Row(
                number=number,
                name=name,
                position=cell(raw, "position"),
                kind_text=kind_text,
                achievement=achievement,
                card=cell(raw, "card"),
                section=section,
            )
        )
    return index + 1, rows


# --- finding what a row means --------------------------------------------------------------------


class _Finder:
    """Lookups for one list, each loaded once: the kinds the campaign offers, the unit and its
    groups, the unit's members whose names or cards appear in the file."""

    def __init__(self, unit: Unit, campaign: Campaign, rows: list[Row]):
        self.unit = unit
        offers = CampaignAward.objects.filter(campaign=campaign).select_related("award_kind")
        self.kinds = [o.award_kind for o in offers.order_by("award_kind__order", "award_kind__name")]
        groups = Unit.objects.filter(parent=unit, kind__is_group=True).select_related("kind")
        self.collectives = [unit, *groups]
        names = {variant for r in rows if r.name for variant in name_variants(r.name)}
        cards = {r.card for r in rows if r.card}
        wanted = Q(card_number__in=cards) if cards else Q(pk__in=[])
        for name in names:
            wanted |= Q(search_key__gte=name, search_key__lt=name + PATH_END)
        members = list(Member.objects.within(unit).filter(wanted).select_related("unit")) if names or cards else []
        self.by_name: dict[str, list[Member]] = {}
        for member in members:
            self.by_name.setdefault(fold(member.full_name), []).append(member)
        self.by_card = {m.card_number: m for m in members if m.card_number}

    def kind(self, row: Row) -> AwardKind | None:
        text = fold(row.kind_text)
        if not text:
            row.fail(_("Chưa ghi hình thức, danh hiệu đề nghị."))
            return None
        for kind in self.kinds:
            if text in (fold(kind.name), kind.code):
                return kind
        near = [k for k in self.kinds if text in fold(k.name)]
        if len(near) == 1:
            return near[0]
        offered = "; ".join(f"“{k.name}”" for k in (near or self.kinds))
        if near:
            row.fail(
                _("“%(text)s” có thể là nhiều hình thức: %(kinds)s. Ghi đủ tên một hình thức.")
                % {"text": row.kind_text, "kinds": offered}
            )
        elif self.kinds:
            row.fail(
                _("Kế hoạch này không có hình thức “%(text)s”; ghi một trong: %(kinds)s.")
                % {"text": row.kind_text, "kinds": offered}
            )
        return None

    def collective(self, row: Row) -> Unit | None:
        wanted = _bare(row.name)
        return next((u for u in self.collectives if wanted and wanted in (fold(u.name), _bare(u.name))), None)

    def member(self, row: Row) -> Member | None:
        if row.card:
            member = self.by_card.get(row.card)
            if member is None:
                row.fail(
                    _("Không tìm thấy đoàn viên có số thẻ “%(card)s” trong %(unit)s.")
                    % {"card": row.card, "unit": self.unit.name}
                )
            elif row.name and fold(member.full_name) not in name_variants(row.name):
                row.fail(
                    _("Số thẻ “%(card)s” là của “%(real)s”, không phải “%(name)s”.")
                    % {"card": row.card, "real": member.full_name, "name": row.name}
                )
                return None
            return member
        found: list[Member] = []
        for variant in name_variants(row.name):
            found = self.by_name.get(variant, [])
            if found:
                break
        if len(found) > 1:
            place = f"{fold(row.position)} {fold(row.name)}"
            narrowed = [m for m in found if (m.position and fold(m.position) in place) or fold(m.unit.name) in place]
            found = narrowed or found
        if len(found) == 1:
            return found[0]
        if found:
            where = "; ".join(f"{m.position or '—'}, {m.unit.name}" for m in found)
            row.fail(
                _(
                    "Có %(n)s đoàn viên tên “%(name)s” (%(where)s): ghi rõ chức vụ, đơn vị hoặc thêm cột "
                    "“Số thẻ đoàn viên” để phân biệt."
                )
                % {"n": len(found), "name": row.name, "where": where}
            )
        return None

    def resolve(self, row: Row) -> None:
        if not row.name:
            row.fail(_("Chưa ghi họ và tên cá nhân hoặc tên tập thể."))
        if not row.achievement:
            row.fail(_("Chưa ghi tóm tắt thành tích."))
        kind = self.kind(row)
        row.award_kind = kind
        if not row.name:
            return
        collectives_ok = (kind is None or kind.for_collectives) and row.section != SubjectKind.INDIVIDUAL
        individuals_ok = (kind is None or kind.for_individuals) and row.section != SubjectKind.COLLECTIVE
        if collectives_ok:
            row.subject_unit = self.collective(row)
            if row.subject_unit is not None:
                return
        if individuals_ok:
            errors = len(row.errors)
            row.subject_member = self.member(row)
            if row.subject_member is not None or len(row.errors) > errors:
                return
        values = {"name": row.name, "unit": self.unit.name}
        if individuals_ok and collectives_ok:
            row.fail(_("Không tìm thấy tập thể hay đoàn viên “%(name)s” trong %(unit)s.") % values)
        elif individuals_ok:
            row.fail(_("Không tìm thấy đoàn viên “%(name)s” trong %(unit)s.") % values)
        elif collectives_ok:
            groups = ", ".join(f"“{u.name}”" for u in self.collectives)
            row.fail(
                _("Không tìm thấy tập thể “%(name)s”: “%(kind)s” dành cho tập thể, ghi một trong: %(groups)s.")
                % {**values, "kind": kind.name if kind else "", "groups": groups}
            )
        elif kind is not None:
            row.fail(_("“%(kind)s” không dành cho đối tượng ở mục này.") % {"kind": kind.name})


def _messages(error: ValidationError) -> list[str]:
    if hasattr(error, "error_dict"):
        return [m for messages in error.message_dict.values() for m in messages]
    return list(error.messages)


def _check_duplicates(rows: list[Row]) -> None:
    """A subject twice in the file for the same kind, or for two forms of commendation, is
    refused on the later row; titles may go alongside each other and a form (Luật 06/2022,
    Điều 5: one achievement, one form)."""
    seen: dict[tuple, int] = {}
    for row in rows:
        if row.subject_member is None and row.subject_unit is None:
            continue
        who = ("m", row.subject_member.pk) if row.subject_member is not None else ("u", row.subject_unit.pk)
        keys = [(*who, "kind", row.award_kind.pk if row.award_kind is not None else None)]
        if row.award_kind is not None and queries.is_form(row.award_kind):
            keys.append((*who, "form"))
        if keys[0] in seen:
            row.fail(
                _("Trùng với dòng %(row)s: cùng một danh hiệu, hình thức được đề nghị hai lần.")
                % {"row": seen[keys[0]]}
            )
            continue
        if len(keys) > 1 and keys[1] in seen:
            row.fail(
                _("Trùng với dòng %(row)s: mỗi tập thể, cá nhân chỉ được đề nghị một hình thức khen thưởng.")
                % {"row": seen[keys[1]]}
            )
            continue
        for key in keys:
            seen[key] = row.number


# --- the import ------------------------------------------------------------------------------------


class _Preview(Exception):
    """Raised to leave the transaction without keeping anything."""


def run(actor, *, unit: Unit, campaign: Campaign, rows: list[Row], commit: bool, filename: str = "") -> Intake:
    """Check every row (and, with `commit` and no row failing, create the nominations) in one
    transaction; a preview, or any failing row, leaves nothing behind."""
    if not actor.has_perm("awards.nominate", unit):
        raise PermissionDenied
    result = Intake(unit=unit, campaign=campaign, filename=filename, rows=rows)
    if not rows:
        result.errors.append(_("Danh sách không có dòng đề nghị nào."))
        return result
    if len(rows) > MAX_ROWS:
        result.errors.append(_("Danh sách quá dài: mỗi lần nhập tối đa %(n)s dòng.") % {"n": MAX_ROWS})
        return result
    finder = _Finder(unit, campaign, rows)
    if not finder.kinds:
        result.errors.append(_("Kế hoạch này chưa có hình thức khen thưởng nào để đề nghị."))
        return result
    for row in rows:
        row.errors.clear()
        row.award_kind = row.subject_member = row.subject_unit = None
        finder.resolve(row)
    _check_duplicates(rows)
    try:
        with transaction.atomic():
            created = _nominate_each(actor, unit, campaign, rows)
            if not commit or result.failed_rows:
                raise _Preview
    except _Preview:
        if not commit:
            _evaluate(rows, campaign)
        return result
    result.created = created
    return result


def _evaluate(rows: list[Row], campaign: Campaign) -> None:
    year = campaign_year(campaign)
    for row in rows:
        if row.ok:
            row.outcomes = evaluate(
                award_kind=row.award_kind,
                campaign=campaign,
                year=year,
                subject_member=row.subject_member,
                subject_unit=row.subject_unit,
            )
            row.verdict = verdict(row.outcomes) if row.outcomes else ""


def _nominate_each(actor, unit: Unit, campaign: Campaign, rows: list[Row]) -> list[Nomination]:
    created = []
    for row in rows:
        if not row.ok:
            continue
        try:
            with transaction.atomic():
                created.append(
                    services.nominate(
                        actor,
                        campaign=campaign,
                        award_kind=row.award_kind,
                        unit=unit,
                        achievement=row.achievement,
                        subject_member=row.subject_member,
                        subject_unit=row.subject_unit,
                    )
                )
        except ValidationError as error:
            for message in _messages(error):
                row.fail(message)
        except PermissionDenied:
            row.fail(_("Bạn không có quyền đề nghị khen thưởng cho đơn vị này."))
    return created


def import_file(actor, *, unit: Unit, campaign: Campaign, data: bytes, filename: str, commit: bool = False) -> Intake:
    """Read an uploaded list and check it (the preview), or import it (`commit`)."""
    try:
        header, rows = read_rows(data, filename)
    except FileProblem as problem:
        result = Intake(unit=unit, campaign=campaign, filename=filename)
        result.errors = [e.message for e in problem.errors] or [
            _(
                "Không tìm thấy dòng tiêu đề của danh sách: cần các cột “Họ và tên / Tên tập thể” và "
                "“Hình thức, danh hiệu đề nghị” (xem tệp mẫu)."
            )
        ]
        return result
    result = run(actor, unit=unit, campaign=campaign, rows=rows, commit=commit, filename=filename)
    result.header_row = header
    return result


def confirm(actor, *, unit: Unit, payload: str) -> Intake:
    """Import the rows a preview showed (read back from its signed payload, checked again).
    Raises signing.BadSignature for a payload that was altered, expired, or is another unit's."""
    data = signing.loads(payload, salt=SIGNING_SALT, max_age=PAYLOAD_MAX_AGE)
    if data["unit"] != unit.pk:
        raise signing.BadSignature("another unit's list")
    campaign = Campaign.objects.visible_to(actor).get(pk=data["campaign"])
    rows = [Row.from_raw(raw) for raw in data["rows"]]
    result = run(actor, unit=unit, campaign=campaign, rows=rows, commit=True, filename=data["file"])
    result.header_row = data["header"]
    return result


# --- the template ------------------------------------------------------------------------------------


def template_xlsx(unit: Unit, campaign: Campaign | None = None) -> bytes:
    """The list as offices lay it out: a title, the header on row 3, two example rows (the
    unit itself, one person); and a second sheet naming the kinds the campaign offers."""
    out = io.BytesIO()
    book = exports.workbook(out, {"in_memory": True})
    sheet = book.add_worksheet("Danh sách")
    title = book.add_format({"bold": True, "font_size": 13})
    head = book.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1, "text_wrap": True, "valign": "vcenter"})
    wrap = book.add_format({"text_wrap": True, "valign": "top", "border": 1})
    sheet.write(0, 0, "DANH SÁCH TẬP THỂ, CÁ NHÂN ĐỀ NGHỊ KHEN THƯỞNG", title)
    sheet.write(1, 0, f"(Kèm theo Tờ trình của {unit.name})")
    for col, (header, width) in enumerate(zip(HEADERS, WIDTHS, strict=True)):
        sheet.write(2, col, header, head)
        sheet.set_column(col, col, width)
    exports.repeat_header(sheet, 2)
    kinds = (
        [o.award_kind for o in CampaignAward.objects.filter(campaign=campaign).select_related("award_kind")]
        if campaign is not None
        else []
    )
    collective = next((k.name for k in kinds if k.for_collectives), "Giấy khen của Công đoàn cấp trên trực tiếp cơ sở")
    individual = next((k.name for k in kinds if k.for_individuals), "Lao động tiên tiến")
    examples = [
        [1, unit.name, "", collective, "Tổ chức tốt phong trào thi đua; 100 % đoàn viên đăng ký thi đua."],
        [2, "Nguyễn Văn An", "Tổ trưởng, Tổ Toán – Tin", individual, "Hoàn thành xuất sắc nhiệm vụ; có 01 sáng kiến."],
    ]
    for r, row in enumerate(examples, start=3):
        for col, value in enumerate(row):
            sheet.write(r, col, value, wrap)
    guide = book.add_worksheet(_("Hướng dẫn")[:31])
    guide.set_column(0, 0, 60)
    guide.set_column(1, 1, 30)
    lines = [
        _("Mỗi dòng một tập thể hoặc một cá nhân; xóa hai dòng ví dụ trước khi nhập."),
        _("Tên tập thể: tên công đoàn cơ sở hoặc tên tổ công đoàn của đơn vị."),
        _(
            "Họ và tên: viết đủ, có thể không dấu; nếu trùng tên, ghi rõ chức vụ, đơn vị hoặc thêm cột "
            "“Số thẻ đoàn viên”."
        ),
        _("Hình thức, danh hiệu: ghi tên hoặc mã một hình thức của kế hoạch (bảng dưới)."),
    ]
    for r, line in enumerate(lines):
        guide.write(r, 0, line)
    if kinds:
        guide.write(len(lines) + 1, 0, _("Hình thức, danh hiệu của kế hoạch"), head)
        guide.write(len(lines) + 1, 1, _("Mã"), head)
        for r, kind in enumerate(kinds, start=len(lines) + 2):
            guide.write(r, 0, kind.name)
            guide.write(r, 1, kind.code)
    book.close()
    return out.getvalue()
