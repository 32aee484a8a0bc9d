"""Profile of one GET of a period's status board (issue 18 item 3): CPU per GET and where it goes.

    .venv/bin/pytest bench/profile_board.py -q -s -p no:cacheprovider [--create-db]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/thidua_<you> .venv/bin/pytest bench/profile_board.py -q -s --create-db

A pytest module (run explicitly; outside testpaths, asserts nothing). Long Biên's emulation officer
opens the board of a quarterly period with UNITS CĐCS below the district: a full page of rows
(PAGE_SIZE), every state on it (on time, late, resent, returned, not sent). Printed, and written to
bench/results/board-<db>.txt: the statements, app CPU (and the PostgreSQL backend's) per GET
without the profiler, then cProfile of the same number of GETs (PROF=<file> keeps its stats for pstats).
"""

import collections
import cProfile
import datetime
import io
import os
import pstats
import time
from pathlib import Path

from django.db import connection
from django.test import Client
from django.utils import timezone

from bench.common import page_cost
from thidua.org.models import RoleKind
from thidua.org.tests.factories import make_unit, make_user
from thidua.reports import services
from thidua.reports.models import Aggregation, IndicatorKind, ReportForm, Submission, SubmissionStatus

UNITS = int(os.environ.get("UNITS", "80"))
ROUNDS = int(os.environ.get("ROUNDS", "200"))
RESULTS = Path(__file__).resolve().parent / "results"


def test_profile_the_status_board(federation):
    officer = make_user("lb_tdkt", RoleKind.EMULATION_OFFICER, federation.long_bien)
    for n in range(UNITS):
        make_unit(federation.long_bien, "grassroots", f"CĐCS đo {n}", code=f"LB-P{n:03d}")
    form: ReportForm = services.create_form(
        officer,
        issuer=federation.long_bien,
        title="Báo cáo quý",
        period="quarter",
        due_rule="last_month_day",
        due_day=15,
    )
    services.save_indicator(officer, form, label="Số đoàn viên", kind=IndicatorKind.NUMBER, aggregation=Aggregation.SUM)
    period = services.publish_form(officer, form, today=datetime.date(2023, 8, 16))
    now = timezone.now()
    S = SubmissionStatus
    for n, s in enumerate(Submission.objects.filter(period=period).order_by("pk")):
        kind = n % 5  # on time, late, resent, returned, not sent
        if kind < 3:
            s.status, s.is_late = S.SUBMITTED, kind == 1
            s.first_submitted_at, s.submitted_at, s.version = now, now, 2 if kind == 2 else 1
        elif kind == 3:
            s.status, s.first_submitted_at, s.submitted_at, s.version = S.RETURNED, now, now, 1
        s.save()
    client = Client()
    client.force_login(officer)
    url = f"/bao-cao/ky/{period.pk}/"
    half = ROUNDS // 2
    statements, cpu_ms, pg_ms = page_cost(client, url, half)
    profiler = cProfile.Profile(time.process_time)
    for _ in range(half):
        profiler.enable()
        client.get(url)
        profiler.disable()
    lines = [
        f"Database: {connection.vendor}; status board of {Submission.objects.filter(period=period).count()} units "
        f"(a page of rows); {len(statements)} statements; per GET over {half}: app CPU {cpu_ms:.1f} ms, "
        f"database backend CPU {pg_ms:.1f} ms; load average {os.getloadavg()[0]:.1f}",
        "",
    ]
    lines += [f"{n:3d} {s[:160]}" for n, s in enumerate(statements, 1)]
    out = io.StringIO()
    if os.environ.get("PROF"):
        profiler.dump_stats(os.environ["PROF"])
    stats = pstats.Stats(profiler, stream=out)
    stats.sort_stats("cumulative").print_stats(50)
    stats.sort_stats("tottime").print_stats(25)
    lines += ["", out.getvalue()]
    text = "\n".join(lines)
    print(text)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / f"board-{connection.vendor}.txt").write_text(text)
    assert collections.Counter(statements)  # keeps the module honest: the page made statements
