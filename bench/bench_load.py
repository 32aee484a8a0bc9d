"""Deadline-day load on the production stack (Production issue): 60 % report submissions,
20 % status boards, 20 % nominations with a dossier upload, from users of many CĐCS, against two gunicorn app servers on
one PostgreSQL with Redis for sessions, cache and the Celery queue — loopback only, bounded.

    .venv/bin/python -m bench.bench_load [--duration 30] [--concurrency 24] [--profile] [--build-only]

The national dataset (bench_reports' tree: 63 provinces, 1,260 districts, 127,000 CĐCS, one
national report period already reported on; plus a CĐCS chair account for 30,000 CĐCS, an
emulation officer for every district, a plan and a work for every CĐCS chair) is built once in
its own database, thidua_bench_load, and reused (bench/data/pg-thidua_bench_load.json says it is
complete; --rebuild starts again). Every run adds a fresh deadline period with a pending report
for each of the 127,000 CĐCS, so submissions never repeat.

Each run: collectstatic; two gunicorn processes (ports 8101, 8102; 2 workers × 4 threads each),
one Celery worker (thumbnails); sessions written straight into Redis for every user who will
act (the login page's PBKDF2 would cost 0.4 s of CPU per user before the first request);
a warm-up, then the ceiling — a trivial view (/healthz/live/) for --duration seconds at the
same concurrency — then the mix for --duration seconds. Where the time went: CPU seconds of
the app servers, the worker, PostgreSQL's backends of this database, Redis and this driver,
over the mix phase; with --profile, py-spy samples one app worker (top functions by own time).
Results print as a Markdown section for BENCHMARKS.md and go to bench/results/load.md.

Nominations with uploads, through the awards views as a CĐCS chair does it: the award catalogue
is loaded (awards.catalogue.load_catalogue, idempotent) and every run issues a fresh national
campaign (so a CĐCS nominates itself once per run) offering one collective award kind, with a
quota of one for each of the 2,000 nominating CĐCS; each operation is two requests — the
nomination form (POST /khen-thuong/ke-hoach/<campaign>/de-nghi/them/ → the new nomination) and
one PDF of its dossier (POST /khen-thuong/de-nghi/<id>/ho-so/<requirement>/) — timed together.
"""

import argparse
import collections
import datetime
import http.client
import io
import itertools
import json
import os
import random
import resource
import signal
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
from pathlib import Path

from bench.common import DATA_DIR, PG_BASE_URL, RESULTS_DIR, manifest_path, setup_django

DB_NAME = "thidua_bench_load"
URL = f"{PG_BASE_URL}/{DB_NAME}"
REDIS_URL = "redis://127.0.0.1:6379/6"  # a Redis database of its own: never CI's nor another bench's
PORTS = (8101, 8102)
MEDIA = Path("/tmp/thidua-bench-load-media")  # noqa: S108 - a throwaway upload folder
SERVER_LOG = Path("/tmp/thidua-bench-load-servers.log")  # noqa: S108 - the servers' errors, if any
CSRF = "benchcsrftoken0123456789abcdefgh"  # 32 characters: Django accepts an unmasked secret
SECRET = "bench-load-" + "k" * 60
ROOT = Path(__file__).resolve().parent.parent
CDCS_USERS = 30000
SERVER_ENV = {
    "DATABASE_URL": URL,
    "REDIS_URL": REDIS_URL,
    "DEBUG": "False",
    "SECRET_KEY": SECRET,
    "ALLOWED_HOSTS": "127.0.0.1,localhost",
    "SESSION_COOKIE_SECURE": "False",
    "CSRF_COOKIE_SECURE": "False",
    # Plain HTTP on 127.0.0.1: no nginx, so no HTTPS redirect.
    "SECURE_SSL_REDIRECT": "False",
    "MEDIA_ROOT": str(MEDIA),
    "CONN_MAX_AGE": "600",
    "LOG_LEVEL": "ERROR",
}


def _psql(sql: str, db: str = "postgres") -> str:
    return subprocess.run(  # noqa: S603
        ["psql", "-h", "127.0.0.1", "-U", "postgres", "-d", db, "-Atqc", sql],  # noqa: S607
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()


# -- the dataset ------------------------------------------------------------------------------


def build(cdcs: int, log=print) -> dict:
    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import make_password
    from django.core.management import call_command
    from django.db import connection, transaction

    from bench import bench_reports
    from thidua.campaigns import services as campaigns
    from thidua.core.access import system_actor
    from thidua.org.models import Role, RoleKind, Unit
    from thidua.participation.models import Work

    start = time.perf_counter()
    call_command("migrate", verbosity=0)
    root, _period, _p, _d = bench_reports.build_province(50)
    national = bench_reports.build_country(root, cdcs)
    log(f"tree of {cdcs} CĐCS and a national period reported on: {time.perf_counter() - start:.0f} s")
    User = get_user_model()
    password = make_password("thidua2026")  # one hash for all: PBKDF2 per account would take hours
    grassroots = list(
        Unit.objects.filter(code__startswith="N", kind__code="grassroots").order_by("pk").values_list("pk", flat=True)
    )
    chosen = grassroots[:: max(1, len(grassroots) // CDCS_USERS)][:CDCS_USERS]
    districts = list(
        Unit.objects.filter(kind__code="district", depth=2).exclude(parent__code="P").values_list("pk", flat=True)
    )
    with transaction.atomic():
        plan = campaigns.create_campaign(
            system_actor("bench_load"),
            issuer=root,
            title="Phong trào thi đua năm 2026",
            plan_date=datetime.date(2026, 1, 5),
        )
        users = User.objects.bulk_create(
            [User(username=f"cdcs{pk}", password=password) for pk in chosen]
            + [User(username=f"huyen{pk}", password=password) for pk in districts],
            batch_size=5000,
        )
        by_name = {u.username: u.pk for u in users}
        Role.objects.bulk_create(
            [Role(user_id=by_name[f"cdcs{pk}"], unit_id=pk, kind=RoleKind.GRASSROOTS_CHAIR) for pk in chosen]
            + [Role(user_id=by_name[f"huyen{pk}"], unit_id=pk, kind=RoleKind.EMULATION_OFFICER) for pk in districts],
            batch_size=5000,
        )
        Work.objects.bulk_create(
            [Work(campaign=plan, unit_id=pk, name="Công trình chào mừng Đại hội") for pk in chosen], batch_size=5000
        )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    manifest = {
        "cdcs": cdcs,
        "form": national.form_id,
        "campaign": plan.pk,
        "cdcs_users": len(chosen),
        "district_users": len(districts),
        "built_seconds": round(time.perf_counter() - start),
    }
    DATA_DIR.mkdir(exist_ok=True)
    manifest_path(URL).write_text(json.dumps(manifest))
    log(f"built in {manifest['built_seconds']} s: {manifest}")
    return manifest


def ensure_dataset(cdcs: int, rebuild: bool, log=print) -> dict:
    path = manifest_path(URL)
    exists = _psql(f"SELECT 1 FROM pg_database WHERE datname = '{DB_NAME}'") == "1"
    if exists and path.exists() and not rebuild:
        return json.loads(path.read_text())
    _psql(f"DROP DATABASE IF EXISTS {DB_NAME}")
    _psql(f"CREATE DATABASE {DB_NAME}")
    path.unlink(missing_ok=True)
    return build(cdcs, log)


def deadline_period(manifest: dict):
    """A new period of the national form, due in a month, with a pending report for every CĐCS
    (one INSERT … SELECT): what the deadline day starts from."""
    from django.db import connection
    from django.utils import timezone

    from thidua.reports.models import ReportForm, ReportPeriod

    # Datasets built before bench_reports set it: a published form without its publishing moment
    # had its indicators read on every request (services.indicators_of caches only published forms).
    ReportForm.objects.filter(pk=manifest["form"], published_at__isnull=True).update(published_at=timezone.now())
    today = datetime.date.today()
    # One period per start day: the first free day counting back (counting the periods collided
    # with the dataset's own period once enough runs had been made).
    taken = set(ReportPeriod.objects.filter(form_id=manifest["form"]).values_list("starts_on", flat=True))
    starts_on = today - datetime.timedelta(days=60)
    while starts_on in taken:
        starts_on -= datetime.timedelta(days=1)
    period = ReportPeriod.objects.create(
        form_id=manifest["form"],
        label=f"Thử tải {datetime.datetime.now():%d/%m/%Y %H:%M:%S}",
        starts_on=starts_on,
        ends_on=today,
        due_on=today + datetime.timedelta(days=30),
    )
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO reports_submission (period_id, unit_id, status, is_late, version, return_reason) "
            "SELECT %s, u.id, 'pending', false, 0, '' FROM org_unit u JOIN org_unitkind k ON k.id = u.kind_id "
            "WHERE k.code = 'grassroots' AND u.code LIKE 'N%%'",
            [period.pk],
        )
        cursor.execute("ANALYZE reports_submission")
    return period


def nomination_campaign(manifest: dict, units: list[int]) -> dict:
    """A national campaign issued today offering one collective award kind, a quota of one for
    each of `units`, and the dossier document a CĐCS uploads: what the nominations of the mix need."""
    from django.db import transaction

    from thidua.awards import services as awards
    from thidua.awards.catalogue import load_catalogue
    from thidua.awards.models import AwardKind, CampaignAward, Quota, SubjectKind
    from thidua.campaigns import services as campaigns
    from thidua.campaigns.models import Campaign, CampaignStatus
    from thidua.core.access import system_actor

    load_catalogue()
    issuer = Campaign.objects.get(pk=manifest["campaign"]).issuer
    kind = (
        AwardKind.objects.filter(subject__in=[SubjectKind.COLLECTIVE, SubjectKind.BOTH], cap_of__isnull=True)
        .order_by("order", "pk")
        .first()
    )
    with transaction.atomic():
        campaign = campaigns.create_campaign(
            system_actor("bench_load"),
            issuer=issuer,
            title=f"Khen thưởng thử tải {datetime.datetime.now():%d/%m/%Y %H:%M:%S}",
            plan_date=datetime.date.today(),
        )
        Campaign.objects.filter(pk=campaign.pk).update(status=CampaignStatus.ISSUED, is_public=True)
        CampaignAward.objects.create(
            campaign=campaign, award_kind=kind, due_on=datetime.date.today() + datetime.timedelta(days=30)
        )
        Quota.objects.bulk_create(
            [Quota(campaign=campaign, unit_id=unit, award_kind=kind, count=1) for unit in units], batch_size=5000
        )
    requirement = next(r for r in awards.requirements_for(campaign, SubjectKind.COLLECTIVE) if not r.generated)
    return {"campaign": campaign.pk, "award_kind": kind.pk, "requirement": requirement.pk, "kind_name": kind.name}


def sessions(usernames: list[str]) -> dict[str, str]:
    """A logged-in session for each user, written where the servers read them (Redis)."""
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model
    from django.contrib.sessions.backends.cache import SessionStore

    keys = {}
    for user in get_user_model().objects.filter(username__in=usernames).iterator(chunk_size=2000):
        store = SessionStore()
        store[SESSION_KEY] = str(user.pk)
        store[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
        store[HASH_SESSION_KEY] = user.get_session_auth_hash()
        store.create()
        keys[user.username] = store.session_key
    return keys


# -- the servers ------------------------------------------------------------------------------


def start_servers(workers: int, threads: int) -> list[subprocess.Popen]:
    env = {**os.environ, **SERVER_ENV}
    bin_dir = Path(sys.executable).parent
    log = SERVER_LOG.open("w")
    procs = []
    for port in PORTS:
        procs.append(
            subprocess.Popen(  # noqa: S603
                [
                    str(bin_dir / "gunicorn"),
                    "thidua.wsgi",
                    f"--bind=127.0.0.1:{port}",
                    f"--workers={workers}",
                    "--worker-class=gthread",
                    f"--threads={threads}",
                    "--backlog=2048",
                    "--timeout=60",
                    "--log-level=warning",
                ],
                cwd=ROOT,
                env=env,
                start_new_session=True,
                stdout=log,
                stderr=log,
            )
        )
    procs.append(
        subprocess.Popen(  # noqa: S603
            [
                str(bin_dir / "celery"),
                "-A",
                "thidua",
                "worker",
                "--concurrency=1",
                "--loglevel=WARNING",
                "-n",
                "bench@%h",
            ],
            cwd=ROOT,
            env=env,
            start_new_session=True,
            stdout=log,
            stderr=log,
        )
    )
    deadline = time.monotonic() + 60
    for port in PORTS:
        while True:
            try:
                status, _body = request(_conn(port), "GET", "/healthz/")
                if status == 200:
                    break
            except OSError:
                pass
            if time.monotonic() > deadline:
                stop(procs)
                raise SystemExit(f"app server on {port} did not answer /healthz/ in 60 s")
            time.sleep(0.5)
    return procs


def stop(procs) -> None:
    for proc in procs:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGTERM)
    for proc in procs:
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)


def _children(pid: int) -> list[int]:
    try:
        out = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True).stdout  # noqa: S603, S607
    except FileNotFoundError:
        return []
    return [int(p) for p in out.split()]


def _cpu_seconds(pids) -> float:
    tick = os.sysconf("SC_CLK_TCK")
    total = 0.0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += (int(fields[11]) + int(fields[12])) / tick
    return total


def _pg_pids() -> list[int]:
    out = _psql(f"SELECT pid FROM pg_stat_activity WHERE datname = '{DB_NAME}' AND pid <> pg_backend_pid()")
    return [int(p) for p in out.split()]


class WaitSampler(threading.Thread):
    """What this database's backends are doing, sampled every 0.2 s during the mix: running,
    waiting for a lock, for the disk, or idle — where a request's time goes on the server side."""

    def __init__(self):
        super().__init__(daemon=True)
        self.stop = threading.Event()
        self.counts: collections.Counter = collections.Counter()
        self.waiting: collections.Counter = collections.Counter()  # statements waiting on a lock
        self.samples = 0

    def run(self) -> None:
        import psycopg

        with psycopg.connect("host=127.0.0.1 user=postgres dbname=postgres", autocommit=True) as admin:
            while not self.stop.is_set():
                rows = admin.execute(
                    "SELECT coalesce(wait_event_type, 'CPU'), state, count(*) FROM pg_stat_activity "
                    "WHERE datname = %s AND pid <> pg_backend_pid() GROUP BY 1, 2",
                    [DB_NAME],
                ).fetchall()
                for wait, state, count in rows:
                    key = "idle" if state == "idle" else "idle in transaction" if state.startswith("idle in") else wait
                    self.counts[key] += count
                for (statement,) in admin.execute(
                    "SELECT left(regexp_replace(query, '\\s+', ' ', 'g'), 48) FROM pg_stat_activity "
                    "WHERE datname = %s AND wait_event_type = 'Lock'",
                    [DB_NAME],
                ).fetchall():
                    self.waiting[statement] += 1
                self.samples += 1
                self.stop.wait(0.2)

    def summary(self) -> str:
        if not self.samples:
            return ""
        text = ", ".join(f"{key} {n / self.samples:.1f}" for key, n in self.counts.most_common())
        if self.waiting:
            text += ". Statements found waiting on a lock (share of samples): " + "; ".join(
                f"`{statement}…` {100 * n / sum(self.waiting.values()):.0f} %"
                for statement, n in self.waiting.most_common(4)
            )
        return text


def _redis_pids() -> list[int]:
    out = subprocess.run(["pgrep", "-x", "redis-server"], capture_output=True, text=True).stdout  # noqa: S607
    return [int(p) for p in out.split()]


# -- the load ---------------------------------------------------------------------------------


def _conn(port: int) -> http.client.HTTPConnection:
    return http.client.HTTPConnection("127.0.0.1", port, timeout=30)


def request(conn, method: str, path: str, body: bytes | None = None, headers: dict | None = None):
    conn.request(method, path, body=body, headers=headers or {})
    response = conn.getresponse()
    data = response.read()
    if response.getheader("Connection", "").lower() == "close":
        conn.close()
    return response.status, (data, response.getheader("Location", ""))


def _pdf() -> bytes:
    """A one-page scanned-looking PDF of about 100 kB, as a CĐCS uploads a signed document."""
    from PIL import Image

    out = io.BytesIO()
    Image.effect_noise((600, 800), 20).convert("RGB").save(out, format="PDF", resolution=100, quality=60)
    return out.getvalue()


def _multipart(boundary: str, fields: dict[str, str], files: dict[str, tuple[str, str, bytes]]) -> bytes:
    parts = [
        f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode()
        for name, value in fields.items()
    ]
    for name, (filename, content_type, data) in files.items():
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="{filename}"\r\n'
            f"Content-Type: {content_type}\r\n\r\n".encode()
            + data
            + b"\r\n"
        )
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts)


class Load:
    def __init__(self, plan: dict, concurrency: int, seed: int = 5):
        self.plan = plan
        self.concurrency = concurrency
        self.lock = threading.Lock()
        self.submissions = iter(plan["submissions"])
        self.nominators = iter(plan["nominators"])  # a CĐCS nominates itself once per campaign
        self.rng = random.Random(seed)
        self.pdf = _pdf()
        self.results: dict[str, list[float]] = collections.defaultdict(list)
        self.errors: collections.Counter = collections.Counter()
        self.error_samples: list[str] = []
        self.last: dict[int, str] = {}  # the last URL each thread asked for (error samples)

    def _op(self, kind: str, conn) -> tuple[int, bool]:
        plan = self.plan
        if kind == "live":
            status, _ = request(conn, "GET", "/healthz/live/")
            return status, status == 200
        if kind == "submit":
            with self.lock:
                try:
                    username, pk = next(self.submissions)
                except StopIteration:
                    return 0, False
            body = urllib.parse.urlencode({**plan["answers"], "action": "submit", "csrfmiddlewaretoken": CSRF}).encode()
            headers = {
                "Cookie": f"sessionid={plan['sessions'][username]}; csrftoken={CSRF}",
                "Content-Type": "application/x-www-form-urlencoded",
            }
            status, (_data, location) = request(conn, "POST", f"/bao-cao/nop/{pk}/", body, headers)
            return status, status == 302 and location.rstrip("/").endswith(str(pk))
        if kind == "board":
            username = self.rng.choice(plan["district_users"])
            headers = {"Cookie": f"sessionid={plan['sessions'][username]}"}
            self.last[threading.get_ident()] = f"{username} /bao-cao/ky/{plan['period']}/"
            status, _ = request(conn, "GET", f"/bao-cao/ky/{plan['period']}/", headers=headers)
            return status, status == 200
        # nomination with an upload: the CĐCS nominates itself, then adds one document to the dossier
        with self.lock:
            try:
                username = next(self.nominators)
            except StopIteration:
                return 0, False
        awards = plan["awards"]
        cookie = f"sessionid={plan['sessions'][username]}; csrftoken={CSRF}"
        body = urllib.parse.urlencode(
            {
                "award_kind": awards["award_kind"],
                "subject": "collective",
                "subject_unit": plan["nominator_units"][username],
                "achievement": "Hoàn thành xuất sắc nhiệm vụ năm 2026; 100 % đoàn viên tham gia phong trào.",
                "csrfmiddlewaretoken": CSRF,
            }
        ).encode()
        headers = {"Cookie": cookie, "Content-Type": "application/x-www-form-urlencoded"}
        self.last[threading.get_ident()] = f"{username} nomination_create"
        status, (_data, location) = request(
            conn, "POST", f"/khen-thuong/ke-hoach/{awards['campaign']}/de-nghi/them/", body, headers
        )
        nomination = location.rstrip("/").rsplit("/", 1)[-1]
        if status != 302 or not nomination.isdigit():
            return status, False
        boundary = f"----thidua{self.rng.getrandbits(64):x}"
        body = _multipart(
            boundary, {"csrfmiddlewaretoken": CSRF}, {"file": ("bien-ban.pdf", "application/pdf", self.pdf)}
        )
        headers = {"Cookie": cookie, "Content-Type": f"multipart/form-data; boundary={boundary}"}
        self.last[threading.get_ident()] = f"{username} upload {nomination}"
        status, (_data, location) = request(
            conn, "POST", f"/khen-thuong/de-nghi/{nomination}/ho-so/{awards['requirement']}/", body, headers
        )
        return status, status == 302 and f"/khen-thuong/de-nghi/{nomination}/" in location

    def _worker(self, index: int, kinds, stop_at: float) -> None:
        port = PORTS[index % len(PORTS)]
        conn = _conn(port)
        rng = random.Random(index)
        while time.monotonic() < stop_at:
            kind = kinds[0] if len(kinds) == 1 else rng.choices(kinds, weights=(60, 20, 20))[0]
            start = time.perf_counter()
            try:
                status, ok = self._op(kind, conn)
            except (OSError, http.client.HTTPException) as error:
                conn.close()
                conn = _conn(port)
                status, ok = type(error).__name__, False
            elapsed = (time.perf_counter() - start) * 1000
            if status == 0:  # no pending report left
                return
            with self.lock:
                self.results[kind].append(elapsed)
                if not ok:
                    self.errors[kind] += 1
                    if len(self.error_samples) < 10:
                        self.error_samples.append(f"{kind}: {status} ({self.last.get(threading.get_ident(), '')})")
        conn.close()

    def run(self, kinds, seconds: float) -> float:
        stop_at = time.monotonic() + seconds
        threads = [threading.Thread(target=self._worker, args=(i, kinds, stop_at)) for i in range(self.concurrency)]
        start = time.perf_counter()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        return time.perf_counter() - start


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))] if ordered else float("nan")


def _row(label: str, values: list[float], errors: int, seconds: float) -> str:
    if not values:
        return f"| {label} | 0 | – | – | – | – | {errors} |"
    return (
        f"| {label} | {len(values)} | {len(values) / seconds:.1f} | {statistics.median(values):.0f} | "
        f"{_pct(values, 0.95):.0f} | {_pct(values, 0.99):.0f} | {errors} |"
    )


def profile_top(folded: Path, limit: int = 14) -> list[str]:
    """Own-time share of the hottest functions in py-spy's folded stacks."""
    own: collections.Counter = collections.Counter()
    total = 0
    for line in folded.read_text().splitlines():
        stack, _, count = line.rpartition(" ")
        if not stack:
            continue
        n = int(count)
        total += n
        own[stack.split(";")[-1]] += n
    return [f"{100 * n / total:5.1f} %  {frame}" for frame, n in own.most_common(limit)] if total else []


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cdcs", type=int, default=127000)
    parser.add_argument("--duration", type=float, default=30)
    parser.add_argument("--concurrency", type=int, default=24)
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers per app server")
    parser.add_argument("--threads", type=int, default=4, help="threads per gunicorn worker")
    parser.add_argument("--profile", action="store_true", help="py-spy one app worker during the mix")
    parser.add_argument(
        "--only-submit",
        action="store_true",
        help="the second phase sends report submissions only: its CPU per operation is a submission's",
    )
    parser.add_argument(
        "--only",
        choices=("submit", "board", "upload"),
        help="the second phase runs this operation only (upload: a nomination with its dossier file)",
    )
    parser.add_argument("--build-only", action="store_true")
    parser.add_argument("--rebuild", action="store_true")
    args = parser.parse_args(argv)
    if args.only_submit:
        args.only = "submit"
    for key, value in SERVER_ENV.items():
        os.environ[key] = value
    setup_django(URL)
    manifest = ensure_dataset(args.cdcs, args.rebuild)
    if args.build_only:
        return

    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.db import connection

    from thidua.participation.models import Work
    from thidua.reports.models import Indicator, Submission, SubmissionStatus

    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))  # stop the servers on the way out
    call_command("migrate", verbosity=0)  # the dataset outlives schema changes
    call_command("collectstatic", "--noinput", verbosity=0)
    MEDIA.mkdir(exist_ok=True)
    subprocess.run(["redis-cli", "-n", "6", "FLUSHDB"], check=True, capture_output=True)  # noqa: S607
    period = deadline_period(manifest)
    answers = {}
    for indicator in Indicator.objects.filter(form_id=manifest["form"]).order_by("order"):
        answers[indicator.field_name] = {"number": "125", "percent": "87.5", "yes_no": "yes"}.get(indicator.kind, "x")
    cdcs_users = {
        f"cdcs{u}": u for u in Work.objects.filter(campaign_id=manifest["campaign"]).values_list("unit_id", flat=True)
    }
    units_to_user = {unit: name for name, unit in cdcs_users.items()}
    rng = random.Random(3)
    pending = [
        (units_to_user[unit], pk)
        for pk, unit in Submission.objects.filter(period=period, unit_id__in=list(units_to_user)).values_list(
            "pk", "unit_id"
        )
    ]
    rng.shuffle(pending)
    # A CĐCS submits once; the nominators are the last 2,000 in the submitters' queue, which a
    # run does not reach, so submitters and nominators are different CĐCS, as on the day.
    nominator_units = [cdcs_users[name] for name, _pk in pending[-2000:]]
    award_setup = nomination_campaign(manifest, nominator_units)
    nominators = [units_to_user[unit] for unit in nominator_units]
    # huyen<pk>, the national tree's district officers; not bench_reports' own "huyen", whose
    # district lies outside the national form (the 1–2 board 404s of earlier runs).
    district_users = list(
        get_user_model().objects.filter(username__regex=r"^huyen[0-9]+$").values_list("username", flat=True)
    )
    need = [name for name, _pk in pending] + nominators + district_users
    t0 = time.perf_counter()
    keys = sessions(sorted(set(need)))
    print(
        f"deadline period {period.pk}: {len(pending)} CĐCS with an account can submit; {len(keys)} sessions in {time.perf_counter() - t0:.0f} s"
    )
    connection.close()

    plan = {
        "submissions": pending,
        "sessions": keys,
        "answers": answers,
        "period": period.pk,
        "district_users": district_users,
        "nominators": nominators,
        "nominator_units": {units_to_user[unit]: unit for unit in nominator_units},
        "awards": award_setup,
    }
    procs = start_servers(args.workers, args.threads)
    try:
        load = Load(plan, args.concurrency)
        load.run(["submit", "board", "upload"], 5)  # warm-up: connections, caches, imports
        before_mix = Submission.objects.filter(period_id=period.pk, status=SubmissionStatus.SUBMITTED).count()
        connection.close()
        load.results.clear()
        load.errors.clear()
        load.error_samples.clear()

        ceiling = Load(plan, args.concurrency)
        ceiling_seconds = ceiling.run(["live"], args.duration)

        app_pids = [pid for proc in procs[:2] for pid in _children(proc.pid)]
        worker_pids = [procs[2].pid, *_children(procs[2].pid)]
        pg_pids, redis_pids = _pg_pids(), _redis_pids()
        cpu_before = {
            "app": _cpu_seconds(app_pids),
            "worker": _cpu_seconds(worker_pids),
            "pg": _cpu_seconds(pg_pids),
            "redis": _cpu_seconds(redis_pids),
        }
        driver_before = resource.getrusage(resource.RUSAGE_SELF)
        load_before = os.getloadavg()
        spy = None
        folded = Path("/tmp/thidua-bench-load-profile.folded")  # noqa: S108 - py-spy's raw stacks
        if args.profile and app_pids:
            spy = subprocess.Popen(  # noqa: S603
                [
                    str(Path(sys.executable).parent / "py-spy"),
                    "record",
                    "--pid",
                    str(app_pids[0]),
                    "--duration",
                    str(int(args.duration)),
                    "--format",
                    "raw",
                    "--output",
                    str(folded),
                    "--nonblocking",
                ],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        sampler = WaitSampler()
        sampler.start()
        mix_seconds = load.run([args.only] if args.only else ["submit", "board", "upload"], args.duration)
        sampler.stop.set()
        sampler.join()
        load_after = os.getloadavg()
        pg_pids = sorted(set(pg_pids) | set(_pg_pids()))
        cpu = {
            "app": _cpu_seconds(app_pids) - cpu_before["app"],
            "worker": _cpu_seconds(worker_pids) - cpu_before["worker"],
            "pg": _cpu_seconds(pg_pids) - cpu_before["pg"],
            "redis": _cpu_seconds(redis_pids) - cpu_before["redis"],
        }
        driver_after = resource.getrusage(resource.RUSAGE_SELF)
        cpu["driver"] = (driver_after.ru_utime + driver_after.ru_stime) - (
            driver_before.ru_utime + driver_before.ru_stime
        )
        if spy is not None:
            spy.wait(timeout=args.duration + 30)
    finally:
        stop(procs)

    setup_done = Submission.objects.filter(period_id=period.pk, status=SubmissionStatus.SUBMITTED).count() - before_mix
    ok_submits = len(load.results["submit"]) - load.errors["submit"]
    total = sum(len(v) for v in load.results.values())
    errors = sum(load.errors.values())
    lines = [
        f"### Deadline-day load ({datetime.date.today():%Y-%m-%d})",
        "",
        f"Two gunicorn app servers ({args.workers} workers × {args.threads} threads each), one Celery worker, "
        f"PostgreSQL and Redis on this machine ({os.cpu_count()} cores); {manifest['cdcs']:,} CĐCS, "
        f"{args.concurrency} concurrent clients (threads of this driver, same machine), {args.duration:.0f} s per phase; "
        f"roll-up tallies in {settings.THIDUA_TALLY_SHARDS} shard(s). "
        f"Load average {load_before[0]:.2f} before the mix, {load_after[0]:.2f} after.",
        "",
        "| phase / request | requests | per second | p50 ms | p95 ms | p99 ms | errors |",
        "|---|---|---|---|---|---|---|",
        _row("ceiling: trivial view /healthz/live/", ceiling.results["live"], ceiling.errors["live"], ceiling_seconds),
        _row("mix: all requests", list(itertools.chain(*load.results.values())), errors, mix_seconds),
        _row("mix: report submissions (60 %)", load.results["submit"], load.errors["submit"], mix_seconds),
        _row("mix: status boards (20 %)", load.results["board"], load.errors["board"], mix_seconds),
        _row(
            "mix: nominations with a dossier upload (20 %; 2 requests each)",
            load.results["upload"],
            load.errors["upload"],
            mix_seconds,
        ),
        "",
        f"Submissions: {ok_submits / mix_seconds:.1f}/s = {ok_submits / mix_seconds / (len(ceiling.results['live']) / ceiling_seconds):.3f}× "
        f"the trivial view's rate; the mix ran at {total / mix_seconds / (len(ceiling.results['live']) / ceiling_seconds):.2f}× it. "
        f"Reports found submitted in the database afterwards: {setup_done} (successful submit requests: {ok_submits}).",
        "",
        f"CPU seconds during the {mix_seconds:.0f} s of the mix (2 cores = {2 * mix_seconds:.0f} s available): "
        + ", ".join(f"{k} {v:.1f}" for k, v in cpu.items())
        + ".",
        "",
        # Issue 18 item 6: the cost of an operation whatever the box lends the bench.
        f"CPU per operation of the {f'{args.only}-only phase' if args.only else 'mix'} "
        f"({total} operations; a nomination is 2 requests): app {1000 * cpu['app'] / max(total, 1):.1f} ms + "
        f"PostgreSQL {1000 * cpu['pg'] / max(total, 1):.1f} ms + worker {1000 * cpu['worker'] / max(total, 1):.1f} ms "
        f"(per request: {1000 * (cpu['app'] + cpu['pg']) / max(total + len(load.results['upload']), 1):.1f} ms app + PostgreSQL); "
        f"load average {os.getloadavg()[0]:.1f} at the end (the bench's own driver, servers and database included; more means other processes shared the box).",
        "",
        f"PostgreSQL backends of this database, average over the mix: {sampler.summary()}.",
    ]
    if load.error_samples:
        lines += ["", "Errors seen: " + "; ".join(load.error_samples)]
    if args.profile and folded.exists():
        lines += ["", "py-spy, one app worker during the mix, own time:", "", "```", *profile_top(folded), "```"]
    text = "\n".join(lines)
    print(text)
    RESULTS_DIR.mkdir(exist_ok=True)
    (RESULTS_DIR / "load.md").write_text(text + "\n")


if __name__ == "__main__":
    main()
