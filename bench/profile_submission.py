"""Profile of one report submission (issue 18 item 1): the SQL statements of the POST that sends
a CĐCS's report, and the CPU it costs per function, on the database DATABASE_URL names.

    .venv/bin/pytest bench/profile_submission.py -q -s -p no:cacheprovider [--create-db]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/thidua_<you> .venv/bin/pytest bench/profile_submission.py -q -s --create-db

A pytest module (run explicitly; it is outside testpaths and asserts nothing) so that it builds the
tests' federation and needs no dataset. The form is bench_load's national one: a number, a
percentage and a yes/no. Each of ROUNDS CĐCS of Long Biên has its chair send its report through
the page (the test client: middleware, session, view, service, redirect), as bench_load's
clients do. Printed, and written to bench/results/submission-<db>.txt:

- the statements of one submission, in order, with their kind (SELECT/INSERT/UPDATE/…);
- CPU per submission: this process (app; SQLite's work too, it runs in-process) and, on
  PostgreSQL, the server backend serving this connection (/proc/<pid>/stat);
- cProfile over all ROUNDS submissions: the functions by cumulative time, thidua's own first.

Inside the test's transaction `atomic` blocks are savepoints: SAVEPOINT / RELEASE appear where a
real request has BEGIN / COMMIT (which Django does not log).
"""

import collections
import cProfile
import io
import os
import pstats
import time
from pathlib import Path

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from bench.common import backend_cpu_seconds, page_cost
from thidua.org.models import RoleKind
from thidua.org.tests.factories import make_unit, make_user
from thidua.reports import services
from thidua.reports.models import Aggregation, IndicatorKind, ReportForm, Submission

ROUNDS = int(os.environ.get("ROUNDS", "60"))
RESULTS = Path(__file__).resolve().parent / "results"
ANSWERS = {"number": "125", "percent": "87.5", "yes_no": "yes"}  # as bench_load posts them


@pytest.fixture
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def _national_form(officer, issuer) -> ReportForm:
    form = services.create_form(
        officer, issuer=issuer, title="Báo cáo quý", period="quarter", due_rule="last_month_day", due_day=15
    )
    for label, kind, aggregation in (
        ("Số đoàn viên được phổ biến", IndicatorKind.NUMBER, Aggregation.SUM),
        ("Tỷ lệ CNLĐ được ký thỏa ước", IndicatorKind.PERCENT, Aggregation.AVERAGE),
        ("Đã tổ chức Hội nghị người lao động", IndicatorKind.YES_NO, Aggregation.SHARE_YES),
    ):
        services.save_indicator(officer, form, label=label, kind=kind, aggregation=aggregation)
    return form


def _kind(sql: str) -> str:
    word = sql.lstrip().split(" ", 1)[0].upper()
    return "RELEASE" if word == "RELEASE" else word


def test_profile_one_submission(federation, _media):
    officer = make_user("lb_tdkt", RoleKind.EMULATION_OFFICER, federation.long_bien)
    for n in range(ROUNDS + 2):
        make_unit(federation.long_bien, "grassroots", f"CĐCS đo {n}", code=f"LB-P{n:03d}")
    form = _national_form(officer, federation.long_bien)
    import datetime

    period = services.publish_form(officer, form, today=datetime.date(2023, 8, 16))
    body = {i.field_name: ANSWERS[i.kind] for i in form.indicators.all()} | {"action": "submit"}
    submissions = list(
        Submission.objects.filter(period=period, unit__name__startswith="CĐCS đo").select_related("unit")
    )
    chairs = [make_user(f"chair{n}", RoleKind.GRASSROOTS_CHAIR, s.unit) for n, s in enumerate(submissions)]

    clients = []
    for chair in chairs:  # logged in beforehand: the measured requests are the POSTs alone
        one_client = Client()
        one_client.force_login(chair)
        session = one_client.session
        session["acting_role_id"] = chair.acting_role.pk
        session.save()
        clients.append(one_client)

    def send(k: int):
        response = clients[k].post(f"/bao-cao/nop/{submissions[k].pk}/", body)
        assert response.status_code == 302, response.content.decode()[:2000]

    send(0)  # warm: content types, permissions, templates, imports
    with CaptureQueriesContext(connection) as one:
        send(1)
    lines = [f"Database: {connection.vendor}; form of 3 indicators (number, percent, yes/no); {ROUNDS} submissions"]
    statements = [q["sql"] for q in one.captured_queries]
    kinds = collections.Counter(_kind(s) for s in statements)
    lines += ["", f"Statements of one submission : {len(statements)} — {dict(kinds)}", ""]
    lines += [f"{n:3d} {s[:220]}" for n, s in enumerate(statements, 1)]

    # CPU first without the profiler (its overhead would count), then the same number profiled.
    half = ROUNDS // 2
    cpu0, pg0, wall0 = time.process_time(), (backend_cpu_seconds() or 0.0), time.perf_counter()
    for k in range(2, half + 2):
        send(k)
    cpu, pg, wall = time.process_time() - cpu0, (backend_cpu_seconds() or 0.0) - pg0, time.perf_counter() - wall0
    profiler = cProfile.Profile(time.process_time)  # CPU, not wall: waits on the database are not the app's cost
    for k in range(half + 2, ROUNDS + 2):
        profiler.enable()
        send(k)
        profiler.disable()
    lines += [
        "",
        f"Per submission over {half} (no profiler): app CPU {1000 * cpu / half:.1f} ms, "
        f"database backend CPU {1000 * pg / half:.1f} ms, wall {1000 * wall / half:.1f} ms; "
        f"load average {os.getloadavg()[0]:.1f}. cProfile below: the other {ROUNDS - half}.",
    ]
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out)
    stats.sort_stats("cumulative").print_stats(
        r"thidua/(?!.*tests)|middleware|sessions|auth/|csrf|messages|handlers|compiler.py.*(execute_sql|as_sql)", 70
    )
    stats.sort_stats("tottime").print_stats(25)
    lines += ["", out.getvalue()]
    # The status board of the same period, as Long Biên's officer opens it (bench_load's board).
    board = Client()
    board.force_login(officer)
    statements, cpu_ms, pg_ms = page_cost(board, f"/bao-cao/ky/{period.pk}/", half)
    lines += [
        "",
        f"Status board of the period ({len(submissions)} CĐCS, all sent): {len(statements)} statements — "
        f"{dict(collections.Counter(_kind(s) for s in statements))}; per GET over {half}: app CPU "
        f"{cpu_ms:.1f} ms, database backend CPU {pg_ms:.1f} ms",
        "",
    ]
    lines += [f"{n:3d} {s[:160]}" for n, s in enumerate(statements, 1)]
    text = "\n".join(lines)
    print(text)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / f"submission-{connection.vendor}.txt").write_text(text)
