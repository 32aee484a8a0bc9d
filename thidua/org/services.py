"""Every change to the union tree and its members goes through here.

Services take the acting user (with its `acting_role`) and plain values; they check the
permission, run in one transaction, keep the per-unit counters exact and write the audit trail.
Views, imports, the admin and management commands call the same functions.
"""

from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Case, CharField, Count, F, OuterRef, Q, Subquery, Value, When
from django.db.models.functions import Coalesce, Concat, Substr
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from thidua.core import access, audit, succession, tree
from thidua.core.db import PATH_ALPHABET, PATH_END, PATH_STEP
from thidua.core.workflow import Transition, TransitionNotAllowed, Workflow
from thidua.org.models import (
    EmulationCluster,
    Member,
    MemberRating,
    RatingLevel,
    RatingSubject,
    Role,
    Unit,
    UnitKind,
    UnitRating,
    UnitStatus,
)
from thidua.org.queries import subtree_totals
from thidua.org.rules import FEDERATION_ONLY_ROLES, GRASSROOTS_ONLY_ROLES
from thidua.org.search import PROVINCE_PATH_LENGTH, province_path

# Unit life cycle (merge and deactivation are the restructuring moves of the 2025 reform).
UNIT_WORKFLOW = Workflow(
    state_field="status",
    transitions=[
        Transition("merge", (UnitStatus.ACTIVE,), UnitStatus.MERGED, "org.restructure_unit", gettext_lazy("Sáp nhập")),
        # 2025 reform: a district federation ends, its CĐCS and open work go to a successor.
        Transition(
            "dissolve", (UnitStatus.ACTIVE,), UnitStatus.DISSOLVED, "org.dissolve_unit", gettext_lazy("Giải thể")
        ),
        Transition(
            "deactivate",
            (UnitStatus.ACTIVE,),
            UnitStatus.INACTIVE,
            "org.restructure_unit",
            gettext_lazy("Ngừng hoạt động"),
        ),
        Transition(
            "reactivate",
            (UnitStatus.INACTIVE,),
            UnitStatus.ACTIVE,
            "org.restructure_unit",
            gettext_lazy("Hoạt động trở lại"),
        ),
    ],
)

UNIT_FIELDS = ("name", "code", "kind", "sector", "ownership", "email", "phone", "address")
MEMBER_FIELDS = (
    "full_name",
    "gender",
    "birth_year",
    "unit",
    "position",
    "is_direct_worker",
    "officer_type",
    "joined_on",
    "card_number",
)


_check = access.check  # None raises MissingActor; commands and the demo pass system_actor()


def encode_step(number: int) -> str:
    if not 0 <= number < len(PATH_ALPHABET) ** PATH_STEP:
        raise ValueError(number)
    digits = []
    for _i in range(PATH_STEP):
        number, rest = divmod(number, len(PATH_ALPHABET))
        digits.append(PATH_ALPHABET[rest])
    return "".join(reversed(digits))


def decode_step(step: str) -> int:
    number = 0
    for ch in step:
        number = number * len(PATH_ALPHABET) + PATH_ALPHABET.index(ch)
    return number


def next_child_path(parent: Unit | None) -> str:
    """The path of a new last child. The caller holds the transaction (SQLite serialises
    writers; on PostgreSQL the parent row is locked) so two children never get the same step."""
    if parent is None:
        siblings = Unit.objects.filter(parent__isnull=True)
        prefix = ""
    else:
        Unit.objects.select_for_update().filter(pk=parent.pk).first()
        siblings = Unit.objects.filter(parent=parent)
        prefix = parent.path
    last = siblings.order_by("-path").values_list("path", flat=True).first()
    number = decode_step(last[-PATH_STEP:]) + 1 if last else 1
    return prefix + encode_step(number)


def _validate_place(kind: UnitKind, parent: Unit | None) -> None:
    if parent is None:
        if kind.level != 0:
            raise ValidationError(
                {"parent": _("Chỉ Tổng Liên đoàn (cấp 0) được đứng ở gốc cây; hãy chọn đơn vị cấp trên.")}
            )
        return
    if not parent.is_active:
        raise ValidationError({"parent": _("Đơn vị cấp trên “%(name)s” không còn hoạt động.") % {"name": parent.name}})
    if kind.level <= parent.kind.level:
        raise ValidationError(
            {
                "kind": _("“%(kind)s” không thể trực thuộc “%(parent)s”: đơn vị con phải ở cấp thấp hơn.")
                % {"kind": kind.name, "parent": parent.kind.name}
            }
        )
    if parent.kind.is_group:
        raise ValidationError({"parent": _("Tổ công đoàn không có đơn vị trực thuộc.")})


def _validate_unit_values(values: dict[str, Any]) -> None:
    kind: UnitKind = values["kind"]
    if not (kind.is_grassroots or kind.is_group) and values.get("sector"):
        raise ValidationError({"sector": _("Chỉ công đoàn cơ sở mới thuộc một khối.")})
    if values.get("ownership") and values.get("sector") != "enterprise":
        raise ValidationError({"ownership": _("Loại hình sở hữu chỉ áp dụng cho khối doanh nghiệp.")})


@transaction.atomic
def create_unit(actor, *, parent: Unit | None, clusters=(), **values) -> Unit:
    if parent is None:
        if not access.named(actor).is_superuser:  # a root: the administrator or the system
            raise PermissionDenied
    else:
        _check(actor, "org.add_child_unit", parent)
    values = {k: v for k, v in values.items() if k in UNIT_FIELDS}
    _validate_place(values["kind"], parent)
    _validate_unit_values(values)
    path = next_child_path(parent)
    unit = Unit(parent=parent, path=path, depth=len(path) // PATH_STEP - 1, **values)
    unit.full_clean(exclude=["path", "depth"])
    unit.save()
    if clusters:
        unit.clusters.set(clusters)
    audit.record(actor, "create_unit", unit, scope_path=unit.path, to_state=unit.name)
    return unit


@transaction.atomic
def update_unit(actor, unit: Unit, *, clusters=None, **values) -> Unit:
    _check(actor, "org.change_unit", unit)
    values = {k: v for k, v in values.items() if k in UNIT_FIELDS}
    merged = {f: getattr(unit, f) for f in UNIT_FIELDS} | values
    if merged["kind"] != unit.kind:
        _validate_place(merged["kind"], unit.parent)
        if unit.children.filter(kind__level__lte=merged["kind"].level).exists():
            raise ValidationError({"kind": _("Có đơn vị trực thuộc không ở cấp thấp hơn loại mới.")})
    _validate_unit_values(merged)
    changes = {}
    for field, value in values.items():
        old = getattr(unit, field)
        if old != value:
            changes[field] = [str(old), str(value)]
            setattr(unit, field, value)
    unit.full_clean(exclude=["path", "depth"])
    unit.save()
    if clusters is not None:
        unit.clusters.set(clusters)
    if changes:
        audit.record(actor, "update_unit", unit, scope_path=unit.path, changes=changes)
    return unit


def _repath_subtree(unit: Unit, new_path: str) -> None:
    """One UPDATE rewrites the path of the unit and everything under it."""
    old_path = unit.path
    delta = (len(new_path) - len(old_path)) // PATH_STEP
    # Papers issued under the old place keep the letterhead they were issued under (documents).
    succession.freeze(unit)
    Unit.objects.within(unit).update(
        path=Concat(Value(new_path), Substr("path", len(old_path) + 1)),
        depth=F("depth") + delta,
    )
    tree.paths_moved(old_path, new_path)  # copies of the paths in other apps (core.tree)
    unit.path = new_path
    unit.depth = unit.depth + delta


@transaction.atomic
def move_unit(actor, unit: Unit, new_parent: Unit, *, reason: str = "") -> Unit:
    """Move a unit with its whole subtree under another parent (e.g. a CĐCS from a district
    federation to a commune union after 01/07/2025). Members, ratings and counts travel with
    it; the audit entry keeps where it was."""
    _check(actor, "org.restructure_unit", unit)
    _check(actor, "org.add_child_unit", new_parent)
    unit = Unit.objects.select_related("parent", "kind").get(pk=unit.pk)
    new_parent = Unit.objects.select_related("kind").get(pk=new_parent.pk)
    if new_parent.path.startswith(unit.path):
        raise ValidationError({"new_parent": _("Không thể chuyển một đơn vị vào chính nó hoặc đơn vị trực thuộc nó.")})
    if new_parent.pk == unit.parent_id:
        raise ValidationError({"new_parent": _("Đơn vị đã trực thuộc “%(name)s”.") % {"name": new_parent.name}})
    _validate_place(unit.kind, new_parent)
    old_parent = unit.parent
    old_path = unit.path
    _repath_subtree(unit, next_child_path(new_parent))
    Unit.objects.filter(pk=unit.pk).update(parent=new_parent)
    unit.parent = new_parent
    audit.record(
        actor,
        "move_unit",
        unit,
        scope_path=unit.path,
        from_state=old_parent.name if old_parent else "",
        to_state=new_parent.name,
        reason=reason,
        changes={"path": [old_path, unit.path]},
    )
    # The unit left the old parent's subtree: the old parent's history shows it too.
    if old_parent is not None:
        audit.record(
            actor,
            "move_unit_out",
            old_parent,
            scope_path=old_parent.path,
            from_state=unit.name,
            to_state=new_parent.name,
            reason=reason,
        )
    return unit


class RolePolicy:
    """What happens to the roles held at a unit that is dissolved or merged."""

    END = "end"  # ended (the default: a role at the successor would reach its whole subtree)
    MOVE = "move"  # the same roles at the successor


def _end_or_move_roles(actor, unit: Unit, successor: Unit, policy: str, reason: str) -> list[str]:
    """The roles held at `unit` end, or move to `successor` (policy); one audit line per person,
    on the successor, so its history says who lost or gained a role and why."""
    roles = list(Role.objects.filter(unit=unit).select_related("user").order_by("user__username", "kind"))
    done = []
    for role in roles:
        label = f"{role.user.get_username()}: {role.get_kind_display()}"
        if policy == RolePolicy.MOVE:
            Role.objects.get_or_create(user=role.user, unit=successor, kind=role.kind)
        done.append(label)
    Role.objects.filter(pk__in=[r.pk for r in roles]).delete()
    if done:
        verb = "move_roles" if policy == RolePolicy.MOVE else "end_roles"
        audit.record(
            actor,
            verb,
            successor,
            scope_path=successor.path,
            from_state=unit.name,
            to_state="; ".join(done),  # who, read on the successor's history
            reason=reason,
            changes={"roles": done},
        )
    return done


def _count_clusters(unit: Unit) -> int:
    return EmulationCluster.objects.filter(organiser=unit).count()


def _hand_over_clusters(actor, unit: Unit, successor: Unit) -> int:
    """The clusters (cụm, khối thi đua) it organised are organised by the successor from now on."""
    ids = list(EmulationCluster.objects.filter(organiser=unit).values_list("pk", flat=True))
    EmulationCluster.objects.filter(pk__in=ids).update(organiser=successor)
    succession.record_bulk(actor, "clusters", ids, unit, successor)
    return len(ids)


succession.register(
    succession.Step(
        "clusters", gettext_lazy("Cụm, khối thi đua do đơn vị tổ chức"), _count_clusters, _hand_over_clusters, 5
    )
)


# Children moved per UPDATE statement: a CASE branch (two bound values) per child keeps each
# statement far below SQLite's 32,766 bound parameters and PostgreSQL's limits.
_MOVE_CHUNK = 400


def _move_children(unit: Unit, successor: Unit) -> list[str]:
    """Every direct child of `unit` (with its subtree) goes under `successor`, numbered after the
    successor's last child. The tree's rows move in one UPDATE per _MOVE_CHUNK children over the
    unit's path range (a CASE gives each child's subtree its new step), the parents in one more;
    the copies of the paths in other apps follow per child (core.tree). Callers froze the
    letterheads of the whole subtree first (core.succession.freeze)."""
    children = list(Unit.objects.filter(parent=unit).select_related("kind").order_by("path"))
    if not children:
        return []
    for child in children:
        if child.is_active:
            _validate_place(child.kind, successor)
    first = decode_step(next_child_path(successor)[-PATH_STEP:])  # locks the successor's row
    moves = [(child.path, successor.path + encode_step(first + i)) for i, child in enumerate(children)]
    start = len(unit.path) + 1  # where a child's step starts in a path below the unit
    delta = (len(successor.path) - len(unit.path)) // PATH_STEP
    for offset in range(0, len(moves), _MOVE_CHUNK):
        chunk = moves[offset : offset + _MOVE_CHUNK]
        new_step = Case(
            *(When(path__gte=old, path__lt=old + PATH_END, then=Value(new[-PATH_STEP:])) for old, new in chunk),
            output_field=CharField(),
        )
        Unit.objects.filter(path__gte=chunk[0][0], path__lt=chunk[-1][0] + PATH_END).update(
            path=Concat(Value(successor.path), new_step, Substr("path", start + PATH_STEP), output_field=CharField()),
            depth=F("depth") + delta,
        )
    Unit.objects.filter(parent=unit).update(parent=successor)
    for old, new in moves:
        tree.paths_moved(old, new)  # copies of the paths in other apps (core.tree)
    return [child.name for child in children]


def _keep_as_history_under(unit: Unit, successor: Unit) -> None:
    """The ended unit's own records (papers, closed campaigns, reports) stay at its path; put
    that path under the successor, so whoever has scope over the successor can read its
    history — and no one else gains it. The unit has no active child left by now."""
    if unit.is_within(successor):
        return
    _repath_subtree(unit, next_child_path(successor))
    Unit.objects.filter(pk=unit.pk).update(parent=successor)
    unit.parent = successor


def _validate_successor(unit: Unit, successor: Unit, field: str) -> None:
    if successor.pk == unit.pk:
        raise ValidationError({field: _("Không thể chọn chính đơn vị này làm đơn vị tiếp nhận.")})
    if successor.is_within(unit):
        raise ValidationError(
            {field: _("Đơn vị tiếp nhận không được là đơn vị trực thuộc đơn vị bị giải thể, sáp nhập.")}
        )
    if not successor.is_active:
        raise ValidationError({field: _("Đơn vị tiếp nhận “%(name)s” không còn hoạt động.") % {"name": successor.name}})


@dataclass
class RestructurePreview:
    """What dissolving or merging `unit` would move, counted before anything moves."""

    unit: Unit
    children: int
    grassroots: int
    members: int
    roles: list[str]
    papers: int
    handover: list[tuple[Any, int]]  # (core.succession.Step, count)


def restructure_preview(unit: Unit) -> RestructurePreview:
    """A fixed number of queries: subtree sums over the path range, and one count per step."""

    totals = subtree_totals(unit)
    roles = [
        f"{r.user.get_username()}: {r.get_kind_display()}"
        for r in Role.objects.filter(unit=unit).select_related("user").order_by("user__username", "kind")
    ]
    return RestructurePreview(
        unit=unit,
        children=Unit.objects.filter(parent=unit).count(),
        grassroots=totals.grassroots,
        members=totals.members,
        roles=roles,
        papers=succession.count_papers(unit),
        handover=succession.preview(unit),
    )


@transaction.atomic
def dissolve_unit(actor, unit: Unit, successor: Unit, *, reason: str, roles: str = RolePolicy.END) -> Unit:
    """End a federation (2025: district federations, Kết luận 127-KL/TW): its units go under
    `successor` with everything they hold — members, plans, reports, initiatives, golden-book
    entries, awards, whose counters follow the paths (core.tree) — its open work is handed to the
    successor (core.succession: campaigns, report forms, quotas and nominations it handles…), the
    roles held at it end or move (`roles`), its issued papers keep their letterhead, and the unit
    stays, read-only, under the successor as history (status "Đã giải thể", `merged_into`).

    Who: the standing committee of a federation above it, or an administrator (org.rules:
    dissolving a union is the upper level's decision)."""
    unit = Unit.objects.select_related("kind", "parent").get(pk=unit.pk)
    successor = Unit.objects.select_related("kind").get(pk=successor.pk)
    _check(actor, "org.dissolve_unit", unit)
    _check(actor, "org.add_child_unit", successor)
    if not reason.strip():
        raise ValidationError({"reason": _("Hãy ghi lý do, căn cứ giải thể (số quyết định, ngày).")})
    if not unit.kind.is_federation:
        raise ValidationError(
            {
                "unit": _(
                    "Chỉ giải thể liên đoàn lao động, công đoàn cấp trên; công đoàn cơ sở thì sáp nhập hoặc ngừng hoạt động."
                )
            }
        )
    if not successor.kind.is_federation:
        raise ValidationError({"successor": _("Đơn vị tiếp nhận phải là liên đoàn lao động hoặc công đoàn cấp trên.")})
    _validate_successor(unit, successor, "successor")
    if roles not in (RolePolicy.END, RolePolicy.MOVE):
        raise ValidationError({"roles": _("Hãy chọn cách xử lý vai trò của người dùng tại đơn vị.")})
    UNIT_WORKFLOW.transition(unit, "dissolve")  # fails early, before anything moves

    succession.freeze(unit)  # the whole subtree's papers at once, before any path changes
    totals_before = restructure_preview(unit)
    moved = _move_children(unit, successor)
    handed = succession.hand_over(actor, unit, successor)
    ended = _end_or_move_roles(actor, unit, successor, roles, reason)
    unit.clusters.clear()  # it no longer emulates; its covenants stay as history
    _keep_as_history_under(unit, successor)
    unit.refresh_from_db()
    UNIT_WORKFLOW.move(
        unit,
        "dissolve",
        actor=actor,
        reason=reason,
        scope_path=unit.path,
        extra_fields={"merged_into": successor},
        changes={
            "successor": successor.name,
            "units_moved": moved,
            "grassroots_moved": totals_before.grassroots,
            "members_moved": totals_before.members,
            "handed_over": handed,
            "roles": {"policy": roles, "who": ended},
        },
    )
    audit.record(
        actor,
        "take_over_unit",
        successor,
        scope_path=successor.path,
        from_state=unit.name,
        to_state=successor.name,
        reason=reason,
        changes={"units_moved": len(moved), "grassroots_moved": totals_before.grassroots, "handed_over": handed},
    )
    return unit


@transaction.atomic
def merge_units(actor, source: Unit, survivor: Unit, *, reason: str = "", roles: str = RolePolicy.END) -> Unit:
    """Merge `source` into `survivor` (two CĐCS; or two provinces in 2025, Nghị quyết
    202/2025/QH15): its members, groups or units and ratings follow the survivor, its open work
    is handed over (core.succession), the roles held at it end or move (`roles`), its issued
    papers keep their letterhead; the source stays, read-only, as history (status "Đã sáp nhập",
    `merged_into`) — a federation's under the survivor, where the survivor's scope reads it."""
    source = Unit.objects.select_related("kind").get(pk=source.pk)
    survivor = Unit.objects.select_related("kind").get(pk=survivor.pk)
    _check(actor, "org.restructure_unit", source)
    if source.kind.is_federation:
        _check(actor, "org.dissolve_unit", source)  # merging a federation ends it: the upper level's decision
    _check(actor, "org.change_unit", survivor)
    if source.pk == survivor.pk:
        raise ValidationError({"survivor": _("Không thể sáp nhập một đơn vị vào chính nó.")})
    if survivor.path.startswith(source.path):
        raise ValidationError({"survivor": _("Không thể sáp nhập vào một đơn vị trực thuộc đơn vị bị sáp nhập.")})
    if not survivor.is_active:
        raise ValidationError(
            {"survivor": _("Đơn vị tiếp nhận “%(name)s” không còn hoạt động.") % {"name": survivor.name}}
        )
    if source.kind.is_grassroots != survivor.kind.is_grassroots or source.kind.is_group != survivor.kind.is_group:
        raise ValidationError(
            {"survivor": _("Chỉ sáp nhập các đơn vị cùng cấp (cơ sở với cơ sở, liên đoàn với liên đoàn).")}
        )
    if source.kind.is_federation and survivor.kind.level != source.kind.level:
        raise ValidationError(
            {
                "survivor": _(
                    "Chỉ sáp nhập liên đoàn vào liên đoàn cùng cấp; để chuyển các đơn vị trực thuộc lên cấp trên, hãy dùng “Giải thể”."
                )
            }
        )
    if roles not in (RolePolicy.END, RolePolicy.MOVE):
        raise ValidationError({"roles": _("Hãy chọn cách xử lý vai trò của người dùng tại đơn vị.")})
    UNIT_WORKFLOW.transition(source, "merge")  # fails early, before anything moves

    succession.freeze(source)
    moved_members = Member.objects.filter(unit=source).update(unit=survivor, province_path=province_path(survivor.path))
    Unit.objects.filter(pk=survivor.pk).update(
        member_count=F("member_count") + source.member_count,
        direct_worker_count=F("direct_worker_count") + source.direct_worker_count,
    )
    Unit.objects.filter(pk=source.pk).update(member_count=0, direct_worker_count=0)
    moved_children = _move_children(source, survivor)
    survivor_years = set(UnitRating.objects.filter(unit=survivor).values_list("year", flat=True))
    kept_years = sorted(UnitRating.objects.filter(unit=source, year__in=survivor_years).values_list("year", flat=True))
    UnitRating.objects.filter(unit=source).exclude(year__in=survivor_years).update(unit=survivor)
    handed = succession.hand_over(actor, source, survivor)
    role_changes = _end_or_move_roles(actor, source, survivor, roles, reason)
    if source.kind.is_federation:
        source.clusters.clear()
        _keep_as_history_under(source, survivor)

    source.refresh_from_db()
    UNIT_WORKFLOW.move(
        source,
        "merge",
        actor=actor,
        reason=reason,
        scope_path=source.path,
        extra_fields={"merged_into": survivor},
        changes={
            "survivor": survivor.name,
            "members_moved": moved_members,
            "groups_moved": moved_children,
            # Where both had a rating for a year, the survivor's own stands; the source's is kept on it.
            "ratings_kept_on_source": kept_years,
            "handed_over": handed,
            "roles": {"policy": roles, "who": role_changes},
        },
    )
    audit.record(
        actor,
        "absorb_unit",
        survivor,
        scope_path=survivor.path,
        from_state=source.name,
        to_state=survivor.name,
        reason=reason,
        changes={"members_moved": moved_members, "units_moved": len(moved_children), "handed_over": handed},
    )
    return survivor


@transaction.atomic
def deactivate_unit(actor, unit: Unit, *, reason: str) -> Unit:
    unit = Unit.objects.select_for_update().get(pk=unit.pk)  # counters as committed, not as the caller saw them
    if not reason.strip():
        raise ValidationError({"reason": _("Hãy ghi lý do ngừng hoạt động.")})
    if Unit.objects.within(unit).exclude(pk=unit.pk).filter(status=UnitStatus.ACTIVE).exists():
        raise ValidationError(
            {"reason": _("Đơn vị còn đơn vị trực thuộc đang hoạt động: hãy chuyển, sáp nhập hoặc ngừng chúng trước.")}
        )
    if unit.member_count:
        raise ValidationError(
            {
                "reason": ngettext(
                    "Đơn vị còn %(n)s đoàn viên: hãy chuyển họ hoặc sáp nhập đơn vị.",
                    "Đơn vị còn %(n)s đoàn viên: hãy chuyển họ hoặc sáp nhập đơn vị.",
                    unit.member_count,
                )
                % {"n": unit.member_count}
            }
        )
    UNIT_WORKFLOW.move(unit, "deactivate", actor=actor, reason=reason, scope_path=unit.path)
    return unit


@transaction.atomic
def reactivate_unit(actor, unit: Unit, *, reason: str = "") -> Unit:
    unit = Unit.objects.select_related("parent").get(pk=unit.pk)
    if unit.parent is not None and not unit.parent.is_active:
        raise ValidationError({"reason": _("Đơn vị cấp trên không còn hoạt động.")})
    UNIT_WORKFLOW.move(unit, "reactivate", actor=actor, reason=reason, scope_path=unit.path)
    return unit


# --- members -------------------------------------------------------------------------------


def _validate_member_unit(unit: Unit) -> None:
    if not (unit.kind.is_grassroots or unit.kind.is_group):
        raise ValidationError({"unit": _("Đoàn viên phải thuộc một công đoàn cơ sở hoặc tổ công đoàn.")})
    if not unit.is_active:
        raise ValidationError({"unit": _("Đơn vị “%(name)s” không còn hoạt động.") % {"name": unit.name}})


def _bump(unit_id: int, members: int, direct: int) -> None:
    if members or direct:
        Unit.objects.filter(pk=unit_id).update(
            member_count=F("member_count") + members, direct_worker_count=F("direct_worker_count") + direct
        )


@transaction.atomic
def create_member(actor, **values) -> Member:
    values = {k: v for k, v in values.items() if k in MEMBER_FIELDS}
    unit: Unit = values["unit"]
    _check(actor, "org.add_member", unit)
    _validate_member_unit(unit)
    values["card_number"] = values.get("card_number") or None
    member = Member(**values)
    member.full_clean()
    member.save()
    _bump(unit.pk, 1, int(member.is_direct_worker))
    audit.record(actor, "create_member", member, scope_path=unit.path, to_state=unit.name)
    return member


@transaction.atomic
def update_member(actor, member: Member, **values) -> Member:
    _check(actor, "org.change_member", member)
    values = {k: v for k, v in values.items() if k in MEMBER_FIELDS}
    if "card_number" in values:
        values["card_number"] = values["card_number"] or None
    old_unit, old_direct = member.unit, member.is_direct_worker
    new_unit = values.get("unit", old_unit)
    if new_unit.pk != old_unit.pk:
        _check(actor, "org.add_member", new_unit)
        _validate_member_unit(new_unit)
    changes = {}
    for field, value in values.items():
        old = getattr(member, field)
        if old != value:
            changes[field] = [str(old), str(value)]
            setattr(member, field, value)
    member.full_clean()
    member.save()
    if new_unit.pk != old_unit.pk:
        _bump(old_unit.pk, -1, -int(old_direct))
        _bump(new_unit.pk, 1, int(member.is_direct_worker))
    else:
        _bump(old_unit.pk, 0, int(member.is_direct_worker) - int(old_direct))
    if changes:
        audit.record(actor, "update_member", member, scope_path=new_unit.path, changes=changes)
    return member


@transaction.atomic
def remove_member(actor, member: Member, *, reason: str) -> None:
    _check(actor, "org.change_member", member)
    if not reason.strip():
        raise ValidationError({"reason": _("Hãy ghi lý do.")})
    unit = member.unit
    audit.record(actor, "remove_member", member, scope_path=unit.path, from_state=unit.name, reason=reason)
    member.delete()
    _bump(unit.pk, -1, -int(member.is_direct_worker))


@transaction.atomic
def rate_member(actor, member: Member, year: int, level: RatingLevel) -> MemberRating:
    _check(actor, "org.change_member", member)
    if level.year != year or level.subject != RatingSubject.MEMBER:
        raise ValidationError(
            {"level": _("Mức xếp loại không thuộc thang xếp loại đoàn viên năm %(year)s.") % {"year": year}}
        )
    rating, _created = MemberRating.objects.update_or_create(member=member, year=year, defaults={"level": level})
    audit.record(actor, "rate_member", member, scope_path=member.unit.path, to_state=f"{year}: {level.name}")
    return rating


@transaction.atomic
def rate_unit(actor, unit: Unit, year: int, level: RatingLevel) -> UnitRating:
    _check(actor, "org.restructure_unit", unit)
    if level.year != year or level.subject != RatingSubject.UNIT:
        raise ValidationError(
            {"level": _("Mức xếp loại không thuộc thang xếp loại CĐCS năm %(year)s.") % {"year": year}}
        )
    rating, _created = UnitRating.objects.update_or_create(unit=unit, year=year, defaults={"level": level})
    audit.record(actor, "rate_unit", unit, scope_path=unit.path, to_state=f"{year}: {level.name}")
    return rating


@transaction.atomic
def rate_many(actor, unit: Unit, year: int, subject: str, choices: dict[int, int | None]) -> int:
    """The yearly rating sheet of a unit: `choices` maps a member id (subject "member", members
    of the unit's subtree) or a CĐCS id (subject "unit", CĐCS under the unit) to a level id of
    that year's scale, or None to clear it. All or nothing; one audit entry lists the changes."""
    levels = {lv.pk: lv for lv in RatingLevel.objects.filter(year=year, subject=subject)}
    targets: dict[int, Member | Unit]
    current: dict[int, MemberRating | UnitRating]
    model: Any  # MemberRating or UnitRating: one sheet, the same steps over either subject
    if subject == RatingSubject.MEMBER:
        _check(actor, "org.change_member", unit)
        targets = {m.pk: m for m in Member.objects.within(unit).filter(pk__in=choices)}
        current = {
            r.member_id: r
            for r in MemberRating.objects.filter(member_id__in=targets, year=year).select_related("level")
        }
        model, key = MemberRating, "member_id"
    else:
        _check(actor, "org.change_unit", unit)
        targets = {u.pk: u for u in Unit.objects.within(unit).grassroots().exclude(pk=unit.pk).filter(pk__in=choices)}
        for target in targets.values():
            _check(actor, "org.restructure_unit", target)
        current = {
            r.unit_id: r for r in UnitRating.objects.filter(unit_id__in=targets, year=year).select_related("level")
        }
        model, key = UnitRating, "unit_id"
    unknown = set(choices) - set(targets)
    if unknown:
        raise PermissionDenied
    bad = [pk for pk, level in choices.items() if level is not None and level not in levels]
    if bad:
        raise ValidationError({"level": _("Mức xếp loại không thuộc thang xếp loại năm %(year)s.") % {"year": year}})
    changes, create, update, delete = {}, [], [], []
    for pk, level_id in choices.items():
        old = current.get(pk)
        if (old.level_id if old is not None else None) == level_id:
            continue
        name = str(targets[pk])
        changes[name] = [old.level.name if old else "", levels[level_id].name if level_id else ""]
        if level_id is None:
            if old is not None:
                delete.append(old.pk)
        elif old is None:
            create.append(model(**{key: pk, "year": year, "level_id": level_id}))
        else:
            old.level_id = level_id
            update.append(old)
    model.objects.filter(pk__in=delete).delete()
    model.objects.bulk_create(create)
    model.objects.bulk_update(update, ["level"])
    if changes:
        verb = "rate_members" if subject == RatingSubject.MEMBER else "rate_units"
        audit.record(actor, verb, unit, scope_path=unit.path, to_state=str(year), changes=changes)
    return len(changes)


# --- roles ---------------------------------------------------------------------------------


@transaction.atomic
def grant_role(actor, user, unit: Unit, kind: str) -> Role:
    # A federation grants roles in the unions below it; a CĐCS chair or officer in its own CĐCS.
    _check(actor, "org.restructure_unit" if unit.kind.is_federation else "org.change_unit", unit)
    if kind in GRASSROOTS_ONLY_ROLES and not unit.kind.is_grassroots:
        raise ValidationError({"kind": _("Vai trò này chỉ dành cho công đoàn cơ sở.")})
    if kind in FEDERATION_ONLY_ROLES and not unit.kind.is_federation:
        raise ValidationError({"kind": _("Vai trò này chỉ dành cho liên đoàn lao động và công đoàn cấp trên.")})
    role, created = Role.objects.get_or_create(user=user, unit=unit, kind=kind)
    if created:
        audit.record(actor, "grant_role", role.unit, scope_path=unit.path, to_state=f"{user.get_username()}: {role}")
    return role


def members_follow(old_prefix: str, new_prefix: str) -> None:
    """core.tree's rewrite for `Member.province_path` (registered in org.apps): the members of
    a subtree that moved into another province take the province of their unit's new path.
    Called after the units' paths were rewritten; a move within a province changes nothing."""
    if min(len(old_prefix), len(new_prefix)) >= PROVINCE_PATH_LENGTH and province_path(old_prefix) == province_path(
        new_prefix
    ):
        return
    units = Unit.objects.filter(path__gte=new_prefix, path__lt=new_prefix + PATH_END)
    moved = Member.objects.filter(unit__in=units.values("pk"))
    if len(new_prefix) >= PROVINCE_PATH_LENGTH:
        moved.update(province_path=province_path(new_prefix))
    else:  # a subtree that became a root: each unit's own province
        own = Unit.objects.filter(pk=OuterRef("unit_id")).values("path")[:1]
        moved.update(province_path=Substr(Subquery(own), 1, PROVINCE_PATH_LENGTH))


# --- counters ------------------------------------------------------------------------------


def recount_members(unit: Unit | None = None, *, unit_ids: list[int] | None = None) -> int:
    """Recompute the per-unit counters from the member rows, in SQL, for a subtree, for the
    given units (an import's), or for all. Bulk writes end with this; it is also the repair
    tool."""
    if unit_ids is not None:
        return sum(_recount(Unit.objects.filter(pk__in=chunk)) for chunk in _chunks(sorted(unit_ids), 500))
    return _recount(Unit.objects.within(unit) if unit is not None else Unit.objects.all())


def _chunks(values: list, size: int):
    for start in range(0, len(values), size):
        yield values[start : start + size]


def _recount(units) -> int:
    counted = (
        Member.objects.filter(unit=OuterRef("pk"))
        .order_by()
        .values("unit")
        .annotate(n=Count("id"), d=Count("id", filter=Q(is_direct_worker=True)))
    )
    return units.update(
        member_count=Coalesce(Subquery(counted.values("n")), 0),
        direct_worker_count=Coalesce(Subquery(counted.values("d")), 0),
    )


__all__ = [
    "UNIT_WORKFLOW",
    "TransitionNotAllowed",
    "create_member",
    "create_unit",
    "deactivate_unit",
    "dissolve_unit",
    "grant_role",
    "members_follow",
    "merge_units",
    "move_unit",
    "rate_many",
    "rate_member",
    "rate_unit",
    "reactivate_unit",
    "recount_members",
    "remove_member",
    "restructure_preview",
    "update_member",
    "update_unit",
]
