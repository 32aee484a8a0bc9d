"""Stages of the demo federation (`manage.py load_demo`). The org app builds the tree, members
and users; higher apps register their stages (campaigns, initiatives, reports…) in
`AppConfig.ready`, so the command never imports them. Each stage must be deterministic and safe
to rerun.

The demo is a living year: the work it leaves open (deadlines, report periods, registrations)
is dated from one anchor, "today" as the demo sees it (`today()`), so a login always opens on
current work, some of it late. The anchor is the day `load_demo` runs unless `--hom-nay` (or a
test through `anchored`) fixes it, which keeps the loaded dates deterministic. The seeds' own
papers keep their printed numbers and dates: they are archived history, not moved.
"""

import contextlib
import datetime
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from django.utils import timezone

from thidua.core.access import system_actor

# Who the demo's actions are done by: the system, named, so its audit entries say "load_demo"
# and every service still checks (and is never handed None).
SYSTEM = system_actor("load_demo")


@dataclass(frozen=True)
class DemoStage:
    name: str
    run: Callable  # (log: Callable[[str], None]) -> None
    order: int = 100


_STAGES: dict[str, DemoStage] = {}


def register_stage(stage: DemoStage) -> None:
    _STAGES[stage.name] = stage


def run_stages(log: Callable[[str], None]) -> None:
    for stage in sorted(_STAGES.values(), key=lambda s: s.order):
        log(f"… {stage.name}")
        stage.run(log)


_anchor: datetime.date | None = None


def today() -> datetime.date:
    """The day the demo is loaded as: the anchor when one is set, else the local date."""
    return _anchor or timezone.localdate()


def days_from_today(days: int) -> datetime.date:
    return today() + datetime.timedelta(days=days)


@contextlib.contextmanager
def anchored(day: datetime.date | None) -> Iterator[datetime.date]:
    """Load the demo as of `day` (None: the real local date) for the duration of the block."""
    global _anchor
    previous, _anchor = _anchor, day
    try:
        yield today()
    finally:
        _anchor = previous
