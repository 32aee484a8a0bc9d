"""Panels of the home page. Higher apps (campaigns, reports, awards…) add theirs in
`AppConfig.ready`, so the home page — owned by a lower app — never imports them."""

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.utils import timezone


@dataclass(frozen=True)
class HomePanel:
    name: str
    template: str
    context: Callable  # (request) -> dict | None; None hides the panel
    order: int = 100


_PANELS: dict[str, HomePanel] = {}


def register(panel: HomePanel) -> None:
    _PANELS[panel.name] = panel


def panels_for(request) -> list[dict]:
    shown = []
    for panel in sorted(_PANELS.values(), key=lambda p: p.order):
        context = panel.context(request)
        if context is not None:
            shown.append({"template": panel.template, "context": context})
    return shown


# --------------------------------------------------------------------------- tasks
# "What must I do now": every app adds the open work of the acting role (and the user's own
# items) as HomeTask rows; the home page sorts them all by one rule, so a task from any app
# lands in its place: late first, then due soonest, then undated; closed work (a campaign that
# has ended) is kept out of the way behind a fold.

LATE, DUE_SOON, UPCOMING, UNDATED = "late", "due_soon", "upcoming", "undated"
# A task's state: open work, work sent back with a reason (to fix), or work of a campaign that
# has ended (shown folded).
OPEN, RETURNED, CLOSED = "open", "returned", "closed"


@dataclass(frozen=True)
class HomeTask:
    title: str  # what to do, in the user's words: "Nộp báo cáo quý IV/2026"
    url: str  # the page where it is done
    due_on: datetime.date | None = None  # the whole of that day counts (DOMAIN: "chậm nhất ngày …")
    state: str = OPEN
    note: str = ""  # a line under the title, e.g. the return's reason
    source: str = ""  # where it comes from: "Báo cáo", "Kế hoạch 01/KH-LĐLĐ"…
    own: bool = False  # the user's own item (their initiative, registration, nomination)
    # An own item that waits for the user themselves (a draft to finish, a title to register):
    # listed among the work to do as well as under "Của tôi".
    needs_action: bool = False

    def urgency(self, today: datetime.date) -> str:
        if self.due_on is None:
            return UNDATED
        if self.due_on < today:
            return LATE
        if (self.due_on - today).days <= settings.THIDUA_DUE_SOON_DAYS:
            return DUE_SOON
        return UPCOMING

    def sort_key(self, today: datetime.date) -> tuple:
        # Late first (the longest overdue first), then due soonest; a returned item among
        # undated ones goes first, since someone waits for the fix.
        late = self.due_on is not None and self.due_on < today
        return (
            0 if late else 1,
            self.due_on or datetime.date.max,
            0 if self.state == RETURNED else 1,
            self.title,
        )


TaskProvider = Callable  # (request, today: date) -> Iterable[HomeTask]; a fixed number of queries

_TASKS: dict[str, TaskProvider] = {}


def register_tasks(name: str, provider: TaskProvider) -> None:
    _TASKS[name] = provider


@dataclass
class TaskList:
    today: datetime.date
    open: list[dict]  # {"task": HomeTask, "urgency": str}, most urgent first
    own: list[dict]  # the user's own items, same order
    closed: list[dict]  # work of ended campaigns, folded


def tasks_for(request, today: datetime.date | None = None) -> TaskList:
    today = today or timezone.localdate()
    tasks: list[HomeTask] = []
    for name in sorted(_TASKS):
        tasks.extend(_TASKS[name](request, today) or ())
    tasks.sort(key=lambda t: t.sort_key(today))
    rows = [{"task": t, "urgency": t.urgency(today)} for t in tasks]
    return TaskList(
        today=today,
        open=[r for r in rows if r["task"].state != CLOSED and (not r["task"].own or r["task"].needs_action)],
        own=[r for r in rows if r["task"].own and not r["task"].needs_action],
        closed=[r for r in rows if r["task"].state == CLOSED and not r["task"].own],
    )
