"""Handing a unit's open work to its successor when the unit is dissolved or merged (2025 reform).

org.services (`dissolve_unit`, `merge_units`) owns the tree; the work a unit has open lives in
higher apps (campaigns it issued, report forms, award quotas and nominations it handles…),
which org may not import. Each app registers here, in `AppConfig.ready`, one `Step`:

- `count(unit)`: how many of its rows the unit's end would hand over (the preview page);
- `hand_over(actor, unit, successor)`: re-point them to the successor, audited, in the caller's
  transaction; returns the number handed over.

And `register_freeze(freeze)`: `freeze(unit)` runs before any path of the unit's subtree changes,
so what is printed from the tree (a letterhead's superior line) is fixed as it was at issue.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.utils.functional import Promise

from thidua.core import audit


@dataclass(frozen=True)
class Step:
    key: str
    label: str | Promise  # lazily translated, Vietnamese: "Kế hoạch đang thực hiện"
    count: Callable  # (unit) -> int
    hand_over: Callable  # (actor, unit, successor) -> int
    order: int = 100


_STEPS: dict[str, Step] = {}
_FREEZES: list[Callable] = []
_PAPER_COUNTS: list[Callable] = []


def register(step: Step) -> None:
    _STEPS[step.key] = step


def steps() -> list[Step]:
    return sorted(_STEPS.values(), key=lambda s: (s.order, s.key))


def register_freeze(freeze: Callable, count: Callable | None = None) -> None:
    """`count(unit)`: how many issued papers of the subtree keep their letterhead (preview)."""
    if freeze not in _FREEZES:
        _FREEZES.append(freeze)
    if count is not None and count not in _PAPER_COUNTS:
        _PAPER_COUNTS.append(count)


def count_papers(unit) -> int:
    return sum(count(unit) for count in _PAPER_COUNTS)


def freeze(unit) -> int:
    """Fix whatever is read live from the tree under `unit` before the tree changes."""
    return sum(f(unit) or 0 for f in _FREEZES)


def preview(unit) -> list[tuple[Step, int]]:
    return [(step, step.count(unit)) for step in steps()]


def hand_over(actor, unit, successor) -> dict[str, int]:
    return {step.key: step.hand_over(actor, unit, successor) for step in steps()}


def record_handover(actor, obj, unit, successor) -> None:
    """The audit line of one handed-over object, on the object (its history says who took it
    over from whom, and when); scoped at the successor, where it is read from now on."""

    audit.record(actor, "hand_over", obj, scope_path=successor.path, from_state=unit.name, to_state=successor.name)


def record_bulk(actor, key: str, ids: list[int], unit, successor) -> None:
    """One audit line on the successor listing the ids of many handed-over rows of one kind."""

    if ids:
        audit.record(
            actor,
            "hand_over",
            successor,
            scope_path=successor.path,
            from_state=unit.name,
            to_state=successor.name,
            changes={key: sorted(ids)},
        )
