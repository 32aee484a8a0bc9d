"""Dashboards and exports read from a PostgreSQL read replica, when there is one.

Set DATABASE_REPLICA_URL (a streaming replica of DATABASE_URL) and the pages listed in
THIDUA_REPLICA_VIEWS — status boards, roll-ups and their Excel exports, the heavy reads of a
deadline day — run their queries on the replica; everything else, and every write, stays on the
primary. A replica lags the primary by a moment (usually well under a second): a report sent a
second ago may not be counted yet on the board, which is why only such overviews go there, never
a page a user just changed something on. Without DATABASE_REPLICA_URL nothing changes.

The middleware marks the request (a context variable: one per thread, so gthread workers keep
requests apart); the router sends reads to the replica while the mark is on.
"""

import contextvars
from contextlib import contextmanager

from django.conf import settings
from django.db import connections

REPLICA = "replica"
_reading = contextvars.ContextVar("thidua_replica_reading", default=False)


def available() -> bool:
    return REPLICA in connections.settings


@contextmanager
def reading():
    """Reads inside this block go to the replica (when one is configured)."""
    token = _reading.set(True)
    try:
        yield
    finally:
        _reading.reset(token)


def read_connection():
    """The connection raw SQL of a read should use (routers do not see raw SQL)."""
    return connections[REPLICA if _reading.get() and available() else "default"]


class ReplicaRouter:
    def db_for_read(self, model, **hints):
        return REPLICA if _reading.get() and available() else "default"

    def db_for_write(self, model, **hints):
        # Never the replica, even for an object read from it (Django would otherwise save an
        # instance where it was read).
        return "default"

    def allow_relation(self, obj1, obj2, **hints):
        return True  # the same data on both

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == "default"


class ReplicaMiddleware:
    """GET/HEAD of the views in THIDUA_REPLICA_VIEWS read from the replica."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.views = frozenset(getattr(settings, "THIDUA_REPLICA_VIEWS", ()))

    def __call__(self, request):
        token = _reading.set(False)  # whatever a previous request on this thread left
        try:
            return self.get_response(request)
        finally:
            _reading.reset(token)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if request.method in ("GET", "HEAD") and match is not None and match.view_name in self.views and available():
            _reading.set(True)
        return None
