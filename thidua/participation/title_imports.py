"""A CĐCS's list of title registrations from a spreadsheet (.xlsx through python-calamine, or
.csv), as org.imports reads members: every row checked first, errors by row and column in
Vietnamese, and only a file without a single error is written — in one transaction.

Columns: "Số thẻ đoàn viên" (which member), "Họ và tên" (checked against the card, so a typo in
a card number does not register someone else), "Danh hiệu" (the title's name, diacritics
optional). A member outside the importer's scope is "not found", like one that does not exist.
"""

from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from thidua.core import audit
from thidua.core.text import fold
from thidua.org.imports import FileProblem, RowError, no_data, read_table
from thidua.org.models import Member
from thidua.participation.models import EmulationTitle, TitleRegistration

CARD, NAME, TITLE = "Số thẻ đoàn viên", "Họ và tên", "Danh hiệu"
HEADERS = {fold(CARD): "card", fold(NAME): "name", fold(TITLE): "title"}


@dataclass
class TitleImport:
    rows: int = 0
    created: int = 0
    errors: list[RowError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


def _text(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value if value is not None else "").strip()


def _columns(header: list[Any]) -> dict[str, int]:
    found = {}
    for index, cell in enumerate(header):
        key = HEADERS.get(fold(_text(cell)).replace("*", "").strip())
        if key is not None and key not in found:
            found[key] = index
    missing = [label for label, key in ((CARD, "card"), (TITLE, "title")) if key not in found]
    if missing:
        raise FileProblem(
            [RowError(1, "", _("Thiếu cột %(columns)s.") % {"columns": ", ".join(f"“{m}”" for m in missing)})]
        )
    return found


def import_titles(actor, data: bytes, filename: str, *, year: int) -> TitleImport:
    result = TitleImport()
    try:
        table = read_table(data, filename)
        if not table:
            raise FileProblem([no_data()])
        columns = _columns(table[0])
    except FileProblem as problem:
        result.errors = problem.errors
        return result
    rows = [(n, row) for n, row in enumerate(table[1:], start=2) if any(_text(c) for c in row)]
    result.rows = len(rows)
    if not rows:
        result.errors = [no_data()]
        return result
    titles = {fold(t.name): t for t in EmulationTitle.objects.filter(is_active=True)}
    cards = {_text(row[columns["card"]]) for _n, row in rows}
    members = {
        m.card_number: m for m in Member.objects.visible_to(actor).filter(card_number__in=cards).select_related("unit")
    }
    wanted: list[tuple[Member, EmulationTitle]] = []
    seen: dict[tuple[int, int], int] = {}
    for n, row in rows:
        card = _text(row[columns["card"]])
        member = members.get(card)
        if not card:
            result.errors.append(RowError(n, CARD, _("Chưa ghi số thẻ đoàn viên.")))
        elif member is None:
            result.errors.append(
                RowError(n, CARD, _("Không tìm thấy đoàn viên có số thẻ “%(card)s”.") % {"card": card})
            )
        elif not actor.has_perm("participation.register_title", member):
            result.errors.append(
                RowError(n, CARD, _("Không tìm thấy đoàn viên có số thẻ “%(card)s”.") % {"card": card})
            )
            member = None
        if member is not None and "name" in columns:
            name = _text(row[columns["name"]])
            if name and fold(name) != fold(member.full_name):
                result.errors.append(
                    RowError(
                        n,
                        NAME,
                        _("Số thẻ “%(card)s” là của “%(real)s”, không phải “%(name)s”.")
                        % {"card": card, "real": member.full_name, "name": name},
                    )
                )
                member = None
        title_text = _text(row[columns["title"]])
        title = titles.get(fold(title_text))
        if title is None:
            choices = ", ".join(f"“{t.name}”" for t in titles.values())
            result.errors.append(
                RowError(
                    n,
                    TITLE,
                    _("Không có danh hiệu “%(title)s”; ghi một trong: %(choices)s.")
                    % {"title": title_text, "choices": choices},
                )
            )
        if member is not None and title is not None:
            key = (member.pk, title.pk)
            if key in seen:
                result.errors.append(RowError(n, "", _("Trùng với dòng %(row)s.") % {"row": seen[key]}))
            else:
                seen[key] = n
                wanted.append((member, title))
    if result.errors:
        return result
    result.created = _write(actor, wanted, year, filename)
    return result


@transaction.atomic
def _write(actor, wanted: list[tuple[Member, EmulationTitle]], year: int, filename: str) -> int:
    existing = set(
        TitleRegistration.objects.filter(year=year, member__in=[m for m, _t in wanted]).values_list(
            "member_id", "title_id"
        )
    )
    new = [
        TitleRegistration(year=year, member=m, title=t, registered_by=actor, by_unit=True)
        for m, t in wanted
        if (m.pk, t.pk) not in existing
    ]
    TitleRegistration.objects.bulk_create(new)
    role = getattr(actor, "acting_role", None)
    if role is not None:
        audit.record(
            actor,
            "import_titles",
            role.unit,
            scope_path=role.unit.path,
            reason=filename,
            changes={"year": year, "created": len(new)},
        )
    return len(new)
