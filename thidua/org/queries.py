"""Reads of the tree and its members, shaped for the pages that show them.

Each list has one named query with a fixed number of SQL statements whatever its length
(the tests count them). Subtree figures are SQL sums over the path range, never a walk of the
tree in Python.
"""

from dataclasses import dataclass

from django.db import connection
from django.db.models import Count, OuterRef, Q, Subquery, Sum

from thidua.core.db import PATH_END
from thidua.org.models import Member, MemberRating, Role, Unit, UnitStatus
from thidua.org.rules import FEDERATION_ROLES, GRASSROOTS_ROLES


@dataclass(frozen=True)
class Totals:
    units: int = 0
    grassroots: int = 0
    members: int = 0
    direct_workers: int = 0


def subtree_totals(unit: Unit) -> Totals:
    """Active units, CĐCS, members and direct workers in the unit's subtree (one query)."""
    row = (
        Unit.objects.within(unit)
        .filter(status=UnitStatus.ACTIVE)
        .aggregate(
            units=Count("id"),
            grassroots=Count("id", filter=Q(kind__is_grassroots=True)),
            members=Sum("member_count"),
            direct_workers=Sum("direct_worker_count"),
        )
    )
    return Totals(**{k: v or 0 for k, v in row.items()})


_CHILD_TOTALS_SQL = f"""
SELECT c.id,
       SUM(CASE WHEN d.status = %s THEN 1 ELSE 0 END),
       SUM(CASE WHEN d.status = %s AND k.is_grassroots THEN 1 ELSE 0 END),
       SUM(CASE WHEN d.status = %s THEN d.member_count ELSE 0 END),
       SUM(CASE WHEN d.status = %s THEN d.direct_worker_count ELSE 0 END)
FROM org_unit c
JOIN org_unit d ON d.path >= c.path AND d.path < c.path || '{PATH_END}'
JOIN org_unitkind k ON k.id = d.kind_id
WHERE {{where}}
GROUP BY c.id
"""


def totals_for(units: list[Unit]) -> dict[int, Totals]:
    """Subtree totals of several units in one query — a self-join over the path range (the ORM
    cannot join on a range condition, hence SQL)."""
    if not units:
        return {}
    ids = [u.pk for u in units]
    placeholders = ", ".join(["%s"] * len(ids))
    sql = _CHILD_TOTALS_SQL.format(where=f"c.id IN ({placeholders})")
    active = UnitStatus.ACTIVE.value
    with connection.cursor() as cursor:
        cursor.execute(sql, [*[active] * 4, *ids])
        return {row[0]: Totals(*(int(v or 0) for v in row[1:])) for row in cursor.fetchall()}


def children_with_totals(user, parent: Unit | None) -> list[tuple[Unit, Totals]]:
    """The visible children of `parent` (or the user's roots), each with its subtree totals:
    two queries whatever the number of children."""
    units = Unit.objects.visible_to(user).select_related("kind")
    if parent is None:
        role = getattr(user, "acting_role", None)
        units = units.filter(pk=role.unit_id) if role is not None else units.filter(parent__isnull=True)
    else:
        units = units.filter(parent=parent)
    rows = list(units.order_by("status", "name"))
    totals = totals_for(rows)
    return [(u, totals.get(u.pk, Totals())) for u in rows]


def breadcrumbs(user, unit: Unit) -> list[Unit]:
    """The unit's ancestors the user may see, root first (one query)."""
    paths = unit.ancestor_paths()
    if not paths:
        return []
    return list(Unit.objects.visible_to(user).filter(path__in=paths).order_by("path"))


def members_for_table(queryset, *, rating_year: int | None = None):
    """Member rows for list pages and exports: unit and (for a year) rating name in the same query."""
    # By the folded name: "Đặng", "Đỗ" sort among the d's, not after "Vũ" as code points would.
    queryset = queryset.select_related("unit").order_by("search_key", "pk")
    if rating_year:
        rating = MemberRating.objects.filter(member=OuterRef("pk"), year=rating_year)
        queryset = queryset.annotate(rating_name=Subquery(rating.values("level__name")[:1]))
    return queryset


def members_in_scope(user):
    return Member.objects.visible_to(user)


def officer_emails(unit: Unit) -> list[str]:
    """Where mail to a unit goes: its officers' addresses (chair and officers of a CĐCS; standing
    committee, office, council and viewers of a federation) and the unit's own address. Report
    reminders and award notices both write to these."""
    kinds = GRASSROOTS_ROLES if unit.kind.is_grassroots else FEDERATION_ROLES
    emails = set(
        Role.objects.filter(unit=unit, kind__in=kinds).exclude(user__email="").values_list("user__email", flat=True)
    )
    if unit.email:
        emails.add(unit.email)
    return sorted(emails)
