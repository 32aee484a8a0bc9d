"""The 2025 reorganisation at scale (issue 14, item 4): dissolving a district federation moves its
CĐCS under the successor with `org.services.dissolve_unit`. Is the work SQL over the materialised
path (per moved child: one UPDATE of its path range, and the copies' rewrites, core.tree) or a
walk in Python over the rows below?

    .venv/bin/python -m bench.bench_reorganisation [--sizes 100,400,1600] [--groups 2] [--runs 2]

A fresh SQLite database (bench/data/reorganisation.sqlite3, git-ignored) gets a province with one
district per size; each CĐCS has --groups groups (rows the path UPDATE rewrites but that are not
children of the district) and an initiatives counter row (`UnitTally`, a copy of the path that
core.tree rewrites). Each district is dissolved into the province, in a transaction rolled back
after the measurement, --runs times. What to read: statements per moved CĐCS (constant, whatever
the rows below it: a walk of the rows would grow with --groups) and the time per moved CĐCS
(flat across sizes: the work is linear in the CĐCS moved, not quadratic).
"""

import argparse
import collections
import datetime
import json
import os
import platform
import statistics
import time

from bench.common import DATA_DIR, RESULTS_DIR, setup_django


def build(sizes: list[int], groups: int):
    from django.contrib.auth import get_user_model

    from thidua.initiatives.models import UnitTally
    from thidua.org.models import Unit, UnitKind
    from thidua.org.services import encode_step

    kinds = {k.code: k for k in UnitKind.objects.all()}
    root = Unit.objects.create(name="Tổng LĐLĐ", code="ROOT", kind=kinds["confederation"], path="0001", depth=0)
    province = Unit.objects.create(
        name="LĐLĐ tỉnh Bắc Ninh", code="P", kind=kinds["province"], parent=root, path="00010001", depth=1
    )
    districts = []
    for d, size in enumerate(sizes, start=1):
        path = province.path + encode_step(d)
        district = Unit.objects.create(
            name=f"LĐLĐ huyện {d}", code=f"D{d}", kind=kinds["district"], parent=province, path=path, depth=2
        )
        cdcs = Unit.objects.bulk_create(
            [
                Unit(
                    name=f"CĐCS {d}-{i}",
                    code=f"C{d}-{i}",
                    kind=kinds["grassroots"],
                    parent=district,
                    path=path + encode_step(i),
                    depth=3,
                    sector="enterprise",
                )
                for i in range(1, size + 1)
            ]
        )
        cdcs = list(Unit.objects.filter(parent=district).order_by("path"))
        Unit.objects.bulk_create(
            [
                Unit(
                    name=f"Tổ {c.code}-{g}",
                    code=f"G{c.code}-{g}",
                    kind=kinds["group"],
                    parent=c,
                    path=c.path + encode_step(g),
                    depth=4,
                )
                for c in cdcs
                for g in range(1, groups + 1)
            ],
            batch_size=5000,
        )
        UnitTally.objects.bulk_create(
            [UnitTally(unit=c, unit_path=c.path, registered=3, recognised=1) for c in cdcs], batch_size=5000
        )
        districts.append(district)
    admin = get_user_model().objects.create_superuser("bench_admin", password="x")
    return province, districts, admin


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="100,400,1600")
    parser.add_argument("--groups", type=int, default=2)
    parser.add_argument("--runs", type=int, default=2)
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    DATA_DIR.mkdir(exist_ok=True)
    path = DATA_DIR / "reorganisation.sqlite3"
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(f"{path}{suffix}"):
            os.remove(f"{path}{suffix}")
    setup_django(f"sqlite:///{path}")
    from django.core.management import call_command
    from django.db import connection, transaction
    from django.test.utils import CaptureQueriesContext

    from thidua.initiatives import queries as initiative_queries
    from thidua.org import services

    call_command("migrate", verbosity=0)
    # CaptureQueriesContext reads Django's log of the last 9,000 statements by default; a large
    # district issues more.
    connection.queries_log = collections.deque(maxlen=1_000_000)
    province, districts, admin = build(sizes, args.groups)
    rows = []
    for district, size in zip(districts, sizes, strict=True):
        times, statements = [], 0
        for _run in range(args.runs):

            class Rollback(Exception):
                pass

            try:
                with transaction.atomic():
                    with CaptureQueriesContext(connection) as captured:
                        started = time.perf_counter()
                        services.dissolve_unit(admin, district, province, reason="bench")
                        times.append(time.perf_counter() - started)
                    statements = len(captured)
                    # Checked, not timed: the counters followed (hand count = roll-up).
                    assert initiative_queries.counters(district).registered == 0
                    assert initiative_queries.counters(province).registered == 3 * sum(sizes)
                    raise Rollback
            except Rollback:
                pass
        median = statistics.median(times)
        rows.append(
            {
                "cdcs": size,
                "units_below": size * (1 + args.groups),
                "seconds_median": round(median, 3),
                "ms_per_cdcs": round(1000 * median / size, 3),
                "statements": statements,
                "statements_per_cdcs": round(statements / size, 2),
            }
        )
        print(rows[-1])
    result = {
        "bench": "reorganisation",
        "when": datetime.datetime.now().isoformat(timespec="seconds"),
        "machine": platform.processor() or platform.machine(),
        "loadavg_at_start": os.getloadavg()[0],
        "groups_per_cdcs": args.groups,
        "runs": args.runs,
        "rows": rows,
    }
    RESULTS_DIR.mkdir(exist_ok=True)
    (RESULTS_DIR / "reorganisation.json").write_text(json.dumps(result, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
