"""Health of a running server, for the load balancer and the monitoring.

`/healthz/live/` answers as soon as Django does (no database, no cache): "this process serves".
`/healthz/` checks what a request needs — the database, the cache, the queue's broker, the file
storage — and answers 200 when all work, 503 when one does not, so nginx (or any balancer)
stops sending users to a server that would fail them.

Anonymous callers see only ok/fail per component; a superuser also sees the error and the time
each check took. Each check is one cheap round trip (SELECT 1, a cache set/get, a broker ping,
a tiny file written and deleted), and the result is kept a second in the process, so a flood of
probes costs at most one round of checks a second per process.

Why a small view rather than django-health-check: it is not in this site's package index, and
the four checks are a few lines each; a dependency would bring more checks than we want to keep
green (disk, memory, migrations) and its own URL layout.
"""

import threading
import time
import uuid

from django.conf import settings
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connections
from django.http import HttpResponse, JsonResponse
from django.views.decorators.cache import never_cache

CACHE_SECONDS = 1.0
OK, FAIL, OFF = "ok", "fail", "off"
_lock = threading.Lock()
_last: tuple[float, dict] | None = None


def check_database() -> None:
    for alias in connections:
        with connections[alias].cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()


def check_cache() -> None:
    key = f"healthz:{uuid.uuid4().hex}"
    cache.set(key, "1", timeout=5)
    value = cache.get(key)
    cache.delete(key)
    if value != "1":
        raise RuntimeError("cache did not return what was written")


def check_queue() -> str:
    """The broker answers a ping; 'off' where there is none (tasks run in the web process)."""
    if not settings.CELERY_BROKER_URL:
        return OFF
    import redis  # noqa: PLC0415 — the redis client only where a broker is configured

    client = redis.Redis.from_url(settings.CELERY_BROKER_URL, socket_connect_timeout=2, socket_timeout=2)
    try:
        client.ping()
    finally:
        client.close()
    return OK


def check_storage() -> None:
    """A tiny file written, read back and deleted: catches a full disk, a read-only mount, a
    shared folder gone, wrong credentials of an object store."""
    name = default_storage.save(f"healthz/{uuid.uuid4().hex}.txt", ContentFile(b"ok"))
    try:
        with default_storage.open(name, "rb") as handle:
            if handle.read() != b"ok":
                raise RuntimeError("storage did not return what was written")
    finally:
        default_storage.delete(name)


CHECKS = {"database": check_database, "cache": check_cache, "queue": check_queue, "storage": check_storage}


def run_checks() -> dict:
    """{component: (state, detail, milliseconds)} for every check."""
    results = {}
    for name, check in CHECKS.items():
        start = time.perf_counter()
        try:
            state, detail = (check() or OK), ""
        except Exception as error:  # any failure is the answer, reported as such
            state, detail = FAIL, f"{type(error).__name__}: {error}"[:300]
        results[name] = (state, detail, round((time.perf_counter() - start) * 1000, 1))
    return results


def _cached_checks() -> dict:
    global _last
    with _lock:
        now = time.monotonic()
        if _last is None or now - _last[0] > CACHE_SECONDS:
            _last = (now, run_checks())
        return _last[1]


def reset() -> None:
    """Forget the last result (tests)."""
    global _last
    with _lock:
        _last = None


@never_cache
def ready(request):
    results = _cached_checks()
    healthy = all(state != FAIL for state, _detail, _ms in results.values())
    body = {"status": OK if healthy else FAIL, "checks": {name: state for name, (state, _d, _ms) in results.items()}}
    if request.user.is_authenticated and request.user.is_superuser:
        body["details"] = {name: {"error": detail, "ms": ms} for name, (_s, detail, ms) in results.items()}
    return JsonResponse(body, status=200 if healthy else 503)


@never_cache
def live(request):
    return HttpResponse("ok", content_type="text/plain")
