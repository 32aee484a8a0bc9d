"""Measure the tree's subtree figures and member search on a generated national-size database.

    python -m bench.run                                  # SQLite, scale 0.02 (generated if missing)
    python -m bench.run --db postgres --scale 0.25       # thidua_bench_s0_25 on 127.0.0.1
    python -m bench.run --db sqlite --scale 1 --generate # regenerate first

Each figure is the project's own code path (thidua.org.queries, the member list page's query),
timed with perf_counter over repeated runs in one connection: the first run (empty page cache of
the connection; the OS cache may be warm) is reported apart, then the median and p95 of the
rest. Results go to bench/results/<db>-s<scale>.json and a table on stdout; BENCHMARKS.md
interprets them.
"""

import argparse
import contextlib
import json
import os
import platform
import random
import re
import sqlite3
import statistics
import time
from datetime import UTC, datetime
from pathlib import Path

from bench.common import DEFAULT_SCALE, PG_BASE_URL, RESULTS_DIR, default_url, read_manifest, scale_tag, setup_django

TARGETS_MS = {"subtree_root": 200, "subtree_district_largest": 20, "subtree_district_median": 20, "search": 100}
SEARCH_QUERIES = 240
REPEAT = 30


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def summary(times_s: list[float]) -> dict:
    ms = [t * 1000 for t in times_s]
    return {
        "n": len(ms),
        "median_ms": round(statistics.median(ms), 2),
        "p95_ms": round(percentile(ms, 95), 2),
        "max_ms": round(max(ms), 2),
    }


def timed(fn, repeat: int) -> tuple[dict, object]:
    """First call apart ("cold": nothing of it in this connection's cache), then `repeat` warm."""
    t0 = time.perf_counter()
    value = fn()
    cold = time.perf_counter() - t0
    times = []
    for _i in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return {"cold_ms": round(cold * 1000, 2), **summary(times)}, value


def machine_info() -> dict:
    from django.db import connection

    meminfo = Path("/proc/meminfo").read_text()
    cpu = re.search(r"model name\s*:\s*(.+)", Path("/proc/cpuinfo").read_text())
    info = {
        "nproc": os.cpu_count(),
        "cpu": cpu.group(1) if cpu else platform.processor(),
        "ram_gib": round(int(re.search(r"MemTotal:\s+(\d+)", meminfo).group(1)) / 2**20, 1),
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
        "loadavg_at_start": [round(x, 2) for x in os.getloadavg()],
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
    }
    if connection.vendor == "postgresql":
        with connection.cursor() as cur:
            cur.execute("SHOW server_version")
            info["postgresql"] = cur.fetchone()[0]
            cur.execute("SHOW shared_buffers")
            info["pg_shared_buffers"] = cur.fetchone()[0]
    else:
        # The local server's version, for the record; a SQLite run does not need one.
        try:
            import psycopg

            with psycopg.connect(f"{PG_BASE_URL}/postgres", connect_timeout=3) as con:
                info["postgresql"] = con.execute("SHOW server_version").fetchone()[0]
        except Exception:  # any failure just means "not recorded"
            info["postgresql"] = None
    return info


def explain(fn) -> list[str]:
    """The plan of the statements `fn` runs (SQLite: EXPLAIN QUERY PLAN; PostgreSQL: EXPLAIN
    ANALYZE, which runs it once more)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as ctx:
        fn()
    plans = []
    with connection.cursor() as cur:
        for q in ctx.captured_queries:
            if connection.vendor == "sqlite":
                cur.execute("EXPLAIN QUERY PLAN " + q["sql"])
                lines = [f"{'  ' * 0}{row[3]}" for row in cur.fetchall()]
            else:
                cur.execute("EXPLAIN (ANALYZE, BUFFERS) " + q["sql"])
                lines = [row[0] for row in cur.fetchall()]
            plans.append("\n".join([q["sql"], *lines]))
    return plans


def pick_units():
    """The root, the province with most members, and the district-level unions with the most
    members and the median number of members (a district target is about a typical one)."""
    from django.db.models import Sum

    from thidua.core.db import PATH_END
    from thidua.org.models import Unit

    root = Unit.objects.get(depth=0)
    by_members = []
    for depth in (1, 2):
        rows = []
        for unit in Unit.objects.filter(depth=depth):
            total = Unit.objects.filter(path__gte=unit.path, path__lt=unit.path + PATH_END).aggregate(
                s=Sum("member_count")
            )["s"]
            rows.append((total, unit.path, unit))
        rows.sort(key=lambda r: (r[0], r[1]))
        by_members.append(rows)
    provinces, districts = by_members
    return {
        "root": root,
        "province_largest": provinces[-1][2],
        "district_largest": districts[-1][2],
        "district_median": districts[len(districts) // 2][2],
    }


def search_queries(units: dict, n: int, seed: int = 7) -> dict[str, list[tuple[str, str]]]:
    """Per scope, `n` queries as an office worker types them: folded full names, names cut short
    while typing, surname + given name, a card number of someone in scope, a single word.
    Returned as (category, query) pairs, drawn with a fixed seed."""
    from thidua.core.db import PATH_END
    from thidua.core.text import fold
    from thidua.org.demo.names import _SURNAME_POOL, GIVEN_FEMALE, GIVEN_MALE, MIDDLE_FEMALE, MIDDLE_MALE
    from thidua.org.models import Member

    rng = random.Random(seed)
    scopes = {"national": None, "province": units["province_largest"], "district": units["district_median"]}
    out = {}
    for scope, unit in scopes.items():
        cards_qs = Member.objects.exclude(card_number=None)
        if unit is not None:
            cards_qs = cards_qs.filter(unit__path__gte=unit.path, unit__path__lt=unit.path + PATH_END)
        # A spread of existing card numbers in scope without reading them all: every k-th id.
        ids = list(cards_qs.order_by("id").values_list("id", flat=True)[:: max(1, cards_qs.count() // 200)][:200])
        cards = list(Member.objects.filter(id__in=ids).values_list("card_number", flat=True))
        queries = []
        for _i in range(n):
            female = rng.random() < 0.5
            surname = fold(rng.choice(_SURNAME_POOL))
            middle = fold(rng.choice(MIDDLE_FEMALE if female else MIDDLE_MALE))
            given = fold(rng.choice(GIVEN_FEMALE if female else GIVEN_MALE))
            r = rng.random()
            if r < 0.40:
                queries.append(("full name", f"{surname} {middle} {given}"))
            elif r < 0.65:
                queries.append(("name being typed", f"{surname} {middle} {given[: rng.randint(1, 2)]}"))
            elif r < 0.75:
                queries.append(("surname + given", f"{surname} {given}"))
            elif r < 0.90:
                queries.append(("card number", rng.choice(cards)))
            else:
                queries.append(("one word", rng.choice([surname, given])))
        out[scope] = queries
    return out


def member_page(scope_unit, query: str) -> tuple[int, int]:
    """What the member list page runs for a search: COUNT for the paginator, then the first 50
    rows ordered by name with their unit (members_for_table's select_related)."""
    from django.conf import settings
    from django.core.paginator import Paginator

    from thidua.org import queries
    from thidua.org.models import Member

    with contextlib.suppress(ImportError):  # the page's own paginator (it caps the count)
        from thidua.core.paging import CappedPaginator as Paginator

    qs = Member.objects.all() if scope_unit is None else Member.objects.within(scope_unit)
    rows = queries.members_for_table(qs.search(query))
    page = Paginator(rows, settings.PAGE_SIZE).get_page(1)
    return page.paginator.count, len(list(page.object_list))


def bench_search(scope_unit, queries: list[tuple[str, str]], passes: int = 2) -> dict:
    """Each query `passes` times: the first pass is what a user meets on a fresh connection,
    the last the warm figure; p95 is over the queries of the last pass. With one pass (national
    size, where a pass takes minutes) a few warm-up queries run first, unmeasured."""
    if passes == 1:
        for _cat, q in queries[:10]:
            member_page(scope_unit, q)
    runs = []
    counts = []
    for pass_no in range(passes):
        times = []
        for _cat, q in queries:
            t0 = time.perf_counter()
            count, _rows = member_page(scope_unit, q)
            times.append(time.perf_counter() - t0)
            if pass_no == 0:
                counts.append(count)
        runs.append(times)
    passes = [runs[0], runs[-1]]
    by_cat: dict[str, list[int]] = {}
    for i, (cat, _q) in enumerate(queries):
        by_cat.setdefault(cat, []).append(i)
    worst = sorted(range(len(queries)), key=lambda i: -passes[1][i])[:5]
    return {
        **summary(passes[1]),
        "first_pass": summary(passes[0]),
        "matches_median": statistics.median(counts),
        "matches_max": max(counts),
        "by_category": {
            cat: {
                **summary([passes[1][i] for i in idx]),
                "matches_median": statistics.median(counts[i] for i in idx),
            }
            for cat, idx in by_cat.items()
        },
        "slowest": [{"query": queries[i][1], "ms": round(passes[1][i] * 1000, 1), "matches": counts[i]} for i in worst],
    }


def run(db: str, scale: float, url: str, repeat: int, n_queries: int, passes: int, search: bool = True) -> dict:
    from thidua.org.models import Unit
    from thidua.org.queries import subtree_totals, totals_for

    units = pick_units()
    result = {
        "db": db,
        "scale": scale,
        "machine": machine_info(),
        "generation": read_manifest(url),
        "units": {k: {"path": u.path, "name": u.name} for k, u in units.items()},
        "subtree": {},
        "search_passes": passes,
        "search": {},
        "plans": {},
    }
    for key in ("root", "province_largest", "district_largest", "district_median"):
        unit = units[key]
        stats, totals = timed(lambda unit=unit: subtree_totals(unit), repeat)
        result["subtree"][key] = {**stats, "totals": totals.__dict__}
        print(f"subtree_totals({key}): {stats}", flush=True)
    children = list(Unit.objects.filter(parent=units["root"]))
    stats, _ = timed(lambda: totals_for(children), max(5, repeat // 3))
    result["subtree"]["totals_for_root_children"] = {**stats, "children": len(children)}
    print(f"totals_for(root children): {stats}", flush=True)

    all_queries = search_queries(units, n_queries) if search else {}
    scopes = {"national": None, "province": units["province_largest"], "district": units["district_median"]}
    for scope, unit in scopes.items() if search else ():
        result["search"][scope] = bench_search(unit, all_queries[scope], passes)
        print(f"search {scope}: {summary_line(result['search'][scope])}", flush=True)

    result["plans"]["subtree_root"] = explain(lambda: subtree_totals(units["root"]))
    result["plans"]["totals_for_root_children"] = explain(lambda: totals_for(children))
    result["plans"]["search_national"] = explain(lambda: member_page(None, "nguyen van an"))
    result["plans"]["search_district"] = explain(lambda: member_page(units["district_median"], "nguyen van an"))
    return result


def summary_line(s: dict) -> str:
    return f"median {s['median_ms']} ms, p95 {s['p95_ms']} ms, max {s['max_ms']} ms (first pass p95 {s['first_pass']['p95_ms']} ms)"


def print_table(result: dict) -> None:
    rows = []
    for key, s in result["subtree"].items():
        target = TARGETS_MS.get(f"subtree_{key}")
        rows.append((f"subtree {key}", s["cold_ms"], s["median_ms"], s["p95_ms"], target, s["p95_ms"]))
    for scope, s in result["search"].items():
        rows.append(
            (f"search {scope} ({s['n']} q)", s["first_pass"]["p95_ms"], s["median_ms"], s["p95_ms"], 100, s["p95_ms"])
        )
    print(f"\n{result['db']} scale {result['scale']} — {result['generation']['members']:,} members")
    print(f"{'measure':38} {'first':>9} {'median':>9} {'p95':>9} {'target':>7}")
    for name, first, med, p95, target, check in rows:
        verdict = "" if target is None else ("ok" if check <= target else "MISS")
        print(f"{name:38} {first:>9.1f} {med:>9.1f} {p95:>9.1f} {target or '':>7} {verdict}")


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--scale", type=float, default=DEFAULT_SCALE, help="1.0 = national size (11.8 M members)")
    parser.add_argument("--generate", action="store_true", help="regenerate the database first")
    parser.add_argument("--repeat", type=int, default=REPEAT)
    parser.add_argument("--queries", type=int, default=SEARCH_QUERIES)
    parser.add_argument("--passes", type=int, default=2, help="search passes (1 at national size)")
    parser.add_argument("--no-search", action="store_true", help="subtree figures only (a quick re-measure)")
    parser.add_argument("--tag", default="", help="suffix of the results file name")
    args = parser.parse_args(argv)
    url = os.environ.get("DATABASE_URL") or default_url(args.db, args.scale)
    setup_django(url)

    manifest = read_manifest(url)
    if args.generate or manifest is None or manifest["scale"] != args.scale:
        from bench.generate import generate

        print(f"generating scale {args.scale} into {url}", flush=True)
        generate(url, args.scale, log=lambda m: print(m, flush=True))

    result = run(args.db, args.scale, url, args.repeat, args.queries, args.passes, not args.no_search)
    RESULTS_DIR.mkdir(exist_ok=True)
    out = RESULTS_DIR / f"{args.db}-s{scale_tag(args.scale)}{args.tag}.json"
    out.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n")
    print_table(result)
    print(f"\nwrote {out.relative_to(RESULTS_DIR.parent.parent)}")


if __name__ == "__main__":
    main()
