"""Reports at scale (Reports issue): the status board of a province with 5,000 CĐCS (≤ 300 ms,
fixed query count) and the national roll-up of one period over 127,000 CĐCS (≤ 500 ms).

    .venv/bin/python -m bench.bench_reports [--cdcs 5000] [--national 127000] [--runs 20] [--db sqlite|postgres]

Builds a throwaway database (SQLite file in /tmp, or PostgreSQL database thidua_bench_reports).
The province: 50 districts sharing the CĐCS, a quarterly form issued by the province and sent to
every CĐCS through the real service, reports in mixed states with their answers; the board is
timed through Django's test client as the province's and a district's officer, counting queries.
The country: 63 provinces, 1,260 districts and the CĐCS written with raw bulk inserts, one
period, a report from 85 % of the CĐCS with three indicators each, the roll-up's per-ancestor
totals rebuilt from them; the roll-up at the confederation (one row per province) is timed from
the totals and, for comparison, as the scan of every report it replaced; then the roll-up page.
"""

import argparse
import datetime
import os
import random
import statistics
import subprocess
import time

from bench.common import setup_django

PG_URL = "postgres://postgres@127.0.0.1:5432/thidua_bench_reports"
SQLITE_PATH = "/tmp/thidua-bench-reports.sqlite3"  # noqa: S108 - a throwaway benchmark database
DUE = datetime.date(2026, 3, 14)


def _system():
    """The actor of the bench's own setup (services refuse to act for nobody)."""
    from thidua.core.access import system_actor

    return system_actor("bench_reports")


def _fresh_database(db: str) -> str:
    if db == "sqlite":
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(SQLITE_PATH + suffix):
                os.remove(SQLITE_PATH + suffix)
        return f"sqlite:///{SQLITE_PATH}"
    for sql in ("DROP DATABASE IF EXISTS thidua_bench_reports", "CREATE DATABASE thidua_bench_reports"):
        subprocess.run(["psql", "-h", "127.0.0.1", "-U", "postgres", "-qc", sql], check=True)  # noqa: S603, S607
    return PG_URL


def _units(parent, kind, count: int, prefix: str, depth: int, start: int = 1, **extra):
    from thidua.org.models import Unit
    from thidua.org.services import encode_step

    return [
        Unit(
            name=f"{prefix} {n}",
            code=f"{parent.code}-{prefix[:1]}{n}",
            kind=kind,
            parent=parent,
            path=parent.path + encode_step(n),
            depth=depth,
            **extra,
        )
        for n in range(start, start + count)
    ]


def _form(issuer):
    from thidua.reports import services
    from thidua.reports.models import Aggregation, IndicatorKind

    form = services.create_form(
        _system(), issuer=issuer, title="Báo cáo quý", period="quarter", due_rule="last_month_day", due_day=15
    )
    for label, kind, aggregation in (
        ("Số đoàn viên được phổ biến", IndicatorKind.NUMBER, Aggregation.SUM),
        ("Tỷ lệ CNLĐ được ký thỏa ước", IndicatorKind.PERCENT, Aggregation.AVERAGE),
        ("Đã tổ chức Hội nghị người lao động", IndicatorKind.YES_NO, Aggregation.SHARE_YES),
    ):
        services.save_indicator(_system(), form, label=label, kind=kind, aggregation=aggregation)
    return form


def _fill(period, rng: random.Random) -> None:
    """Mixed states, and answers for every report sent: one executemany per table."""
    from django.db import connection

    from thidua.reports.models import Answer, Submission

    indicators = list(period.form.indicators.order_by("order"))
    states = ["submitted"] * 5 + ["accepted"] * 12 + ["returned", "draft", "pending"]
    rows = []
    for pk in period.submissions.values_list("pk", flat=True):
        rows.append((rng.choice(states), rng.random() < 0.2, pk))
    with connection.cursor() as cursor:
        table = Submission._meta.db_table
        cursor.executemany(f"UPDATE {table} SET status = %s, is_late = %s WHERE id = %s", rows)
        sent = [pk for state, _late, pk in rows if state in ("submitted", "accepted")]
        answers = []
        for pk in sent:
            answers += [
                (pk, indicators[0].pk, rng.randint(10, 400), None, ""),
                (pk, indicators[1].pk, round(rng.uniform(40, 100), 2), None, ""),
                (pk, indicators[2].pk, None, rng.random() < 0.7, ""),
            ]
        cursor.executemany(
            f"INSERT INTO {Answer._meta.db_table} (submission_id, indicator_id, number, flag, text) "
            "VALUES (%s, %s, %s, %s, %s)",
            answers,
        )


def build_province(cdcs: int):
    from django.contrib.auth import get_user_model
    from django.db import transaction

    from thidua.org.models import Role, RoleKind, Unit, UnitKind
    from thidua.reports import services, tallies

    kinds = {k.code: k for k in UnitKind.objects.all()}
    with transaction.atomic():
        root = Unit.objects.create(name="Tổng Liên đoàn", code="TLD", kind=kinds["confederation"], path="0001", depth=0)
        province = Unit.objects.create(
            name="LĐLĐ tỉnh Thử nghiệm", code="P", kind=kinds["province"], parent=root, path="00010001", depth=1
        )
        districts = Unit.objects.bulk_create(_units(province, kinds["district"], 50, "LĐLĐ huyện", 2))
        rows = []
        for d, district in enumerate(districts):
            share = cdcs // 50 + (1 if d < cdcs % 50 else 0)
            rows += _units(district, kinds["grassroots"], share, "CĐCS", 3, sector="enterprise", member_count=100)
        Unit.objects.bulk_create(rows, batch_size=2000)
        form = _form(province)
        period = services.publish_form(_system(), form, today=datetime.date(2026, 2, 1))
        _fill(period, random.Random(7))
        tallies.rebuild([period.pk])  # the raw updates of _fill bypass the services
    User = get_user_model()
    province_officer = User.objects.create_user("tinh", password="x")
    Role.objects.create(user=province_officer, unit=province, kind=RoleKind.EMULATION_OFFICER)
    district_officer = User.objects.create_user("huyen", password="x")
    Role.objects.create(user=district_officer, unit=districts[0], kind=RoleKind.EMULATION_OFFICER)
    return root, period, province_officer, district_officer


def build_country(root, cdcs: int):
    """63 provinces, 20 districts each, `cdcs` CĐCS spread over them; one period reported on."""
    from django.db import connection, transaction
    from django.utils import timezone

    from thidua.org.models import Unit, UnitKind
    from thidua.org.services import encode_step
    from thidua.reports.models import ReportPeriod

    kinds = {k.code: k for k in UnitKind.objects.all()}
    rng = random.Random(11)
    with transaction.atomic():
        # Step 1 under the root is the province built first: the country's provinces follow it.
        provinces = Unit.objects.bulk_create(_units(root, kinds["province"], 63, "Tỉnh", 1, start=2))
        districts = []
        for province in provinces:
            districts += _units(province, kinds["district"], 20, "Huyện", 2)
        Unit.objects.bulk_create(districts, batch_size=5000)
        columns = "name, code, kind_id, parent_id, path, depth, sector, ownership, email, phone, address, status, member_count, direct_worker_count, created_at, updated_at"
        now = "2026-01-01 00:00:00"
        rows = []
        districts = list(Unit.objects.filter(kind=kinds["district"], depth=2).exclude(parent__code="P"))
        for n in range(cdcs):
            district = districts[n % len(districts)]
            step = encode_step(n // len(districts) + 1)
            rows.append(
                (
                    f"CĐCS {n}",
                    f"N{n}",
                    kinds["grassroots"].pk,
                    district.pk,
                    district.path + step,
                    3,
                    "enterprise",
                    "",
                    "",
                    "",
                    "",
                    "active",
                    100,
                    30,
                    now,
                    now,
                )
            )
        with connection.cursor() as cursor:
            placeholders = ", ".join(["%s"] * 16)
            cursor.executemany(f"INSERT INTO org_unit ({columns}) VALUES ({placeholders})", rows)
        form = _form(root)
        form.status = "published"
        form.published_at = timezone.now()  # as publish_form sets it: its indicators are then read once per process
        form.save(update_fields=["status", "published_at"])
        period = ReportPeriod.objects.create(
            form=form,
            label="Quý I năm 2026",
            starts_on=datetime.date(2026, 1, 1),
            ends_on=datetime.date(2026, 3, 31),
            due_on=DUE,
        )
        ids = list(Unit.objects.filter(code__startswith="N", kind=kinds["grassroots"]).values_list("pk", flat=True))
        with connection.cursor() as cursor:
            cursor.executemany(
                "INSERT INTO reports_submission (period_id, unit_id, status, is_late, version, return_reason) "
                "VALUES (%s, %s, 'pending', %s, 0, '')",
                [(period.pk, pk, False) for pk in ids],
            )
        _fill(period, rng)
    return period


def build_tallies(period) -> float:
    """The raw inserts bypass the services: build the roll-up's per-ancestor totals as the
    migration does (reports.tallies.rebuild); returns the seconds it took."""
    from django.db import transaction

    from thidua.reports import tallies

    start = time.perf_counter()
    with transaction.atomic():
        rows = tallies.rebuild([period.pk])
    seconds = time.perf_counter() - start
    print(f"built {rows} roll-up tallies in {seconds:.1f} s")
    return seconds


def analyze() -> None:
    """The database as a running site has it: statistics (autovacuum on PostgreSQL) — without
    them the planner guesses row counts of freshly bulk-inserted tables — and, on SQLite, the
    write-ahead log folded back into the file."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
        if connection.vendor == "sqlite":
            # A running site's WAL is checkpointed as it goes; right after a bulk build every
            # page would be read through a WAL of hundreds of megabytes instead.
            cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def measure(url: str, user, runs: int) -> tuple[list[float], int]:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    if user is not None:
        client.force_login(user)
    first = client.get(url)
    assert first.status_code == 200, (url, first.status_code, first.content[:500])
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        response = client.get(url)
        timings.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    return timings, len(queries)


def _line(label: str, timings: list[float], queries: int | None = None, floor: float | None = None) -> str:
    ordered = sorted(timings)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    median = statistics.median(timings)
    text = f"{label:34}: median {median:6.1f} ms  p95 {p95:6.1f} ms"
    if floor:
        text += f"  = {median / floor:4.1f}x the floor"
    if queries is not None:
        text += f"  queries {queries}"
    return text


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cdcs", type=int, default=5000)
    parser.add_argument("--national", type=int, default=127000)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--db", choices=["sqlite", "postgres"], default="sqlite")
    args = parser.parse_args()
    setup_django(_fresh_database(args.db))
    from django.contrib.auth import get_user_model
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    start = time.perf_counter()
    root, period, province_officer, district_officer = build_province(args.cdcs)
    analyze()
    print(f"built a province of {args.cdcs} CĐCS with their reports in {time.perf_counter() - start:.1f} s ({args.db})")
    floor, _q = measure("/dang-nhap/", None, args.runs)
    floor_median = statistics.median(floor)
    print(_line("login page (floor)", floor))
    for label, user in (("province", province_officer), ("district", district_officer)):
        for page, path in (("status board", ""), ("roll-up", "tong-hop/")):
            timings, queries = measure(f"/bao-cao/ky/{period.pk}/{path}", user, args.runs)
            print(_line(f"{page} at {label}", timings, queries, floor_median))

    start = time.perf_counter()
    national = build_country(root, args.national)
    analyze()
    print(f"built {args.national} CĐCS under 63 provinces with their reports in {time.perf_counter() - start:.1f} s")
    build_tallies(national)
    analyze()
    from thidua.reports import queries

    # Before (the scan of every report below, as the roll-up read until the tallies) and after,
    # interleaved so both see the same load.
    results = {}
    for _ in range(max(5, args.runs // 2)):
        for label, rollup in (("scan", queries.recount_by_child), ("tallies", queries.rollup_by_child)):
            begin, begin_cpu = time.perf_counter(), time.process_time()
            results[label] = rollup(national, root)
            timing, cpu = results.setdefault(f"{label}-times", ([], []))
            timing.append((time.perf_counter() - begin) * 1000)
            cpu.append((time.process_time() - begin_cpu) * 1000)
    for label in ("scan", "tallies"):
        timing, cpu = results[f"{label}-times"]
        print(_line(f"national roll-up ({label})", timing))
        # SQLite runs in this process: its CPU time is the figure the shared machine's load spoils least.
        print(_line(f"national roll-up ({label}, CPU)", cpu))
    (whole, children), (counted, _rows) = results["tallies"], results["scan"]
    assert whole.reports == counted.reports, (whole.reports, counted.reports)
    print(f"    {whole.reports} reports rolled up into {len(children)} provinces (tallies = scan)")
    admin = get_user_model().objects.create_superuser("admin", password="x")
    timings, count = measure(f"/bao-cao/ky/{national.pk}/tong-hop/?don-vi={root.pk}", admin, max(5, args.runs // 2))
    print(_line("national roll-up page", timings, count, floor_median))


if __name__ == "__main__":
    main()
