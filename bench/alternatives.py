"""Measure the proposed member-search shape against the current one, on a copy of a bench DB.

    python -m bench.alternatives --db sqlite --scale 1     # copies thidua-s1 to exp-s1 first

The member list search misses its target at national size because a full-text AND over the
most common words ("nguyen" is in 38 % of names) costs the engine a walk of millions of
postings, then every match is fetched to COUNT and sorted by name. The proposal (BENCHMARKS.md,
"Proposed fix"): people type a name from its start, so

  1. a B-tree index on the folded `(search_key, unit_id)` (and one on `(unit_id, search_key)`
     for district lists) answers "nguyen van an…" as one index range, already in name order;
  2. the COUNT is capped (the page says "more than 1,000"), so a one-word query does not count
     1.5 million rows;
  3. digits only → the card number's unique index;
  4. only when the name range finds nothing (words out of order, "le hung") the full-text index
     runs as today — in a small scope as a scan of the scope's members instead, which is
     cheaper there than the national posting lists.

This script adds those indexes to a *copy* of the generated database (never the measured one)
and times the same 200+ queries as bench.run, through the same connection layer.
"""

import argparse
import json
import os
import shutil
import time

from bench.common import DATA_DIR, RESULTS_DIR, default_url, scale_tag, setup_django

COUNT_CAP = 1000
SMALL_SCOPE = 100_000  # members: below this a scan of the scope beats the national FTS lists
PAGE = 50

SELECT = """SELECT m.id, m.full_name, m.card_number, u.id, u.name FROM org_member m
JOIN org_unit u ON u.id = m.unit_id WHERE {where} ORDER BY m.search_key, m.id LIMIT %s"""


def _range(prefix: str) -> list[str]:
    # "~" sorts after every character a folded key holds (same trick as tree paths).
    return [prefix, prefix + "~"]


def proposed_page(scope, members_in_scope: int, query: str) -> tuple[int, int, str]:
    """(count capped at COUNT_CAP + 1, rows on page 1, which path answered)."""
    from django.db import connection

    from thidua.core.text import search_terms
    from thidua.org.search import FTS_TABLE

    terms = search_terms(query)
    small = scope is not None and members_in_scope < SMALL_SCOPE
    scope_sql, scope_params = "", []
    if small:
        # A district: its few hundred unit ids drive the (unit_id, search_key) index.
        scope_sql = " AND m.unit_id IN (SELECT id FROM org_unit WHERE path >= %s AND path < %s)"
        scope_params = [scope.path, scope.path + "~"]
    elif scope is not None:
        # A province holds ~20,000 units: listing them costs more than checking each match's
        # unit by primary key, so the name range drives and the unit is checked per row.
        scope_sql = " AND EXISTS (SELECT 1 FROM org_unit su WHERE su.id = m.unit_id AND su.path >= %s AND su.path < %s)"
        scope_params = [scope.path, scope.path + "~"]
    if terms and all(t.isdigit() for t in terms):
        way, where, params = "card", "m.card_number >= %s AND m.card_number < %s", _range(terms[0])
    else:
        way, where, params = "name range", "m.search_key >= %s AND m.search_key < %s", _range(" ".join(terms))
    with connection.cursor() as cur:
        for attempt in range(2):
            cur.execute(
                f"SELECT count(*) FROM (SELECT 1 FROM org_member m WHERE {where}{scope_sql} LIMIT %s) t",
                [*params, *scope_params, COUNT_CAP + 1],
            )
            count = cur.fetchone()[0]
            if count or attempt or not terms:
                break
            # Nothing starts with these words: fall back to "all words anywhere".
            if small:
                way = "scope scan"
                conds = ["(' ' || m.search_key || ' ') LIKE %s" for _t in terms[:-1]]
                conds.append("(' ' || m.search_key) LIKE %s")
                where = " AND ".join(conds)
                params = [f"% {t} %" for t in terms[:-1]] + [f"% {terms[-1]}%"]
                continue
            way = "full text"
            # Nationally the engine may stop after COUNT_CAP + 1 matches (the page then says
            # "more than 1,000, type more"); in a province it must see them all to filter.
            cap = f" LIMIT {COUNT_CAP + 1}" if scope is None else ""
            if connection.vendor == "sqlite":
                fts = " AND ".join([*terms[:-1], terms[-1] + "*"])
                where = f"m.id IN (SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s{cap})"
            else:
                fts = " & ".join([*terms[:-1], terms[-1] + ":*"])
                where = (
                    "m.id IN (SELECT id FROM org_member WHERE to_tsvector('simple'::regconfig, search_key)"
                    f" @@ to_tsquery('simple'::regconfig, %s){cap})"
                )
            params = [fts]
        rows = []
        if count:
            cur.execute(SELECT.format(where=where + scope_sql), [*params, *scope_params, PAGE])
            rows = cur.fetchall()
    return count, len(rows), way


def prepare_copy(db: str, scale: float) -> str:
    """A copy of the generated DB with the proposed indexes; the measured DB stays as the
    migrations make it."""
    import sqlite3

    import psycopg

    source = default_url(db, scale)
    if db == "sqlite":
        src = DATA_DIR / f"thidua-s{scale_tag(scale)}.sqlite3"
        dst = DATA_DIR / f"exp-s{scale_tag(scale)}.sqlite3"
        if not dst.exists():
            shutil.copyfile(src, dst)
        con = sqlite3.connect(dst)
        con.execute("PRAGMA cache_size=-2000000")
        # unit_id rides along so a scoped count reads the index only, not 1 row per match.
        con.execute("DROP INDEX IF EXISTS exp_member_search_key")
        con.execute("CREATE INDEX IF NOT EXISTS exp_member_search_key_unit ON org_member (search_key, unit_id)")
        con.execute("CREATE INDEX IF NOT EXISTS exp_member_unit_search_key ON org_member (unit_id, search_key)")
        con.execute("ANALYZE org_member")
        con.close()
        return f"sqlite:///{dst}"
    base, name = source.rsplit("/", 1)
    exp = f"{name}_exp"
    with psycopg.connect(f"{base}/postgres", autocommit=True) as con:
        if not con.execute("SELECT 1 FROM pg_database WHERE datname = %s", [exp]).fetchone():
            con.execute(f'CREATE DATABASE "{exp}" TEMPLATE "{name}"')
    with psycopg.connect(f"{base}/{exp}", autocommit=True) as con:
        # COLLATE "C" as for tree paths (core.db.collate_c): byte order, so the range is a prefix.
        con.execute('ALTER TABLE org_member ALTER COLUMN search_key TYPE varchar(300) COLLATE "C"')
        con.execute("SET maintenance_work_mem = '1GB'")
        con.execute("CREATE INDEX IF NOT EXISTS exp_member_search_key_unit ON org_member (search_key, unit_id)")
        con.execute("CREATE INDEX IF NOT EXISTS exp_member_unit_search_key ON org_member (unit_id, search_key)")
        con.execute("VACUUM ANALYZE org_member")
    return f"{base}/{exp}"


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--queries", type=int, default=200)
    args = parser.parse_args(argv)
    t0 = time.perf_counter()
    url = prepare_copy(args.db, args.scale)
    prepare_s = time.perf_counter() - t0
    os.environ["DATABASE_URL"] = url
    setup_django(url)
    from bench.run import machine_info, pick_units, search_queries, summary
    from thidua.org.queries import subtree_totals

    units = pick_units()
    all_queries = search_queries(units, args.queries)
    scopes = {"national": None, "province": units["province_largest"], "district": units["district_median"]}
    result = {"db": args.db, "scale": args.scale, "machine": machine_info(), "prepare_s": round(prepare_s, 1)}
    for scope, unit in scopes.items():
        size = subtree_totals(unit).members if unit is not None else 0
        queries = all_queries[scope]
        for _cat, q in queries[:10]:  # warm-up, unmeasured
            proposed_page(unit, size, q)
        times, ways, by_cat = [], {}, {}
        for cat, q in queries:
            t = time.perf_counter()
            _count, _rows, way = proposed_page(unit, size, q)
            elapsed = time.perf_counter() - t
            times.append(elapsed)
            ways.setdefault(way, []).append(elapsed)
            by_cat.setdefault(cat, []).append(elapsed)
        result[scope] = {
            **summary(times),
            "by_way": {w: summary(ts) for w, ts in ways.items()},
            "by_category": {c: summary(ts) for c, ts in by_cat.items()},
        }
        print(f"proposed search {scope}: {result[scope]}", flush=True)
    RESULTS_DIR.mkdir(exist_ok=True)
    out = RESULTS_DIR / f"{args.db}-s{scale_tag(args.scale)}-proposed-search.json"
    out.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n")
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
