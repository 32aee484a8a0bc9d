"""Generate a national-size union tree into a fresh database, fast.

    python -m bench.generate --db sqlite --scale 0.02      # bench/data/thidua-s0_02.sqlite3
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/thidua_bench python -m bench.generate --scale 0.1

Scale 1.0 is the confederation's size (docs/flows.md): 63 provinces, ~700 district-level unions,
127,000 CĐCS, 11.8 million members. The 63 provinces stay at every scale (the root's fan-out is
what the tree browser shows); district-level unions shrink with √scale and CĐCS and members
linearly, so a small scale keeps tens of CĐCS per district rather than one.

The schema comes from the project's own migrations; the rows go in with raw bulk statements
(executemany in large transactions on SQLite, COPY on PostgreSQL) — an ORM save per row would
take days at 11.8 M. The full-text index is rebuilt once after the load, with the project's
own statements (thidua.org.search), because maintaining it row by row is most of the cost.
Everything is drawn from one seeded generator: the same scale and seed give the same data.
"""

import argparse
import json
import math
import random
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from bench.common import DATA_DIR, DEFAULT_SCALE, default_url, manifest_path, setup_django

NATIONAL_DISTRICTS = 700
NATIONAL_GRASSROOTS = 127_000
NATIONAL_MEMBERS = 11_800_000
SEED = 20250101
STAMP = "2025-01-01 00:00:00"
BATCH = 100_000

# Roughly by number of union members, largest first: the weights below follow this order.
PROVINCES = [
    "TP Hồ Chí Minh", "Hà Nội", "Bình Dương", "Đồng Nai", "Hải Phòng", "Long An", "Bắc Ninh",
    "Thanh Hóa", "Nghệ An", "Bắc Giang", "Hải Dương", "Vĩnh Phúc", "Thái Nguyên", "Đà Nẵng",
    "Bà Rịa - Vũng Tàu", "Tây Ninh", "Hưng Yên", "Nam Định", "Thái Bình", "Quảng Ninh", "Hà Nam",
    "Tiền Giang", "Cần Thơ", "Khánh Hòa", "Quảng Nam", "Phú Thọ", "An Giang", "Đồng Tháp",
    "Ninh Bình", "Bình Định", "Thừa Thiên Huế", "Kiên Giang", "Đắk Lắk", "Lâm Đồng", "Quảng Ngãi",
    "Hà Tĩnh", "Vĩnh Long", "Bến Tre", "Sóc Trăng", "Bình Thuận", "Gia Lai", "Trà Vinh",
    "Bình Phước", "Cà Mau", "Bạc Liêu", "Hậu Giang", "Quảng Bình", "Quảng Trị", "Phú Yên",
    "Ninh Thuận", "Hòa Bình", "Yên Bái", "Tuyên Quang", "Lào Cai", "Sơn La", "Lạng Sơn", "Hà Giang",
    "Cao Bằng", "Điện Biên", "Lai Châu", "Bắc Kạn", "Đắk Nông", "Kon Tum",
]  # fmt: skip
assert len(PROVINCES) == 63


@dataclass
class UnitRow:
    id: int
    name: str
    code: str
    kind: str
    parent_id: int | None
    path: str
    sector: str = ""
    ownership: str = ""
    member_count: int = 0
    direct_worker_count: int = 0
    province: int = 0  # 1-based province number, for card numbers
    children: list["UnitRow"] = field(default_factory=list)

    @property
    def depth(self) -> int:
        return len(self.path) // 4 - 1


def _apportion(total: int, weights: list[float], minimum: int = 0) -> list[int]:
    """Split `total` in proportion to `weights` (largest remainders), each part ≥ minimum."""
    total = max(total, minimum * len(weights))
    spare = total - minimum * len(weights)
    s = sum(weights)
    exact = [spare * w / s for w in weights]
    parts = [math.floor(x) for x in exact]
    order = sorted(range(len(weights)), key=lambda i: parts[i] - exact[i])
    for i in order[: spare - sum(parts)]:
        parts[i] += 1
    return [p + minimum for p in parts]


def _member_size(rng: random.Random, sector: str) -> float:
    """Members of one CĐCS before rescaling: most 20–150, a tail of enterprises in thousands."""
    if sector == "enterprise":
        if rng.random() < 0.04:
            return min(rng.lognormvariate(math.log(600), 0.9), 60_000)
        return rng.lognormvariate(math.log(60), 0.8)
    if sector == "school":
        return rng.lognormvariate(math.log(40), 0.5)
    return rng.lognormvariate(math.log(30), 0.6)


def build_tree(scale: float, rng: random.Random) -> list[UnitRow]:
    """All units in path order (ids follow it), with their own member counts set."""
    from thidua.org.services import encode_step

    units: list[UnitRow] = []

    def add(parent: UnitRow | None, **kw) -> UnitRow:
        path = encode_step(1) if parent is None else parent.path + encode_step(len(parent.children) + 1)
        unit = UnitRow(id=len(units) + 1, parent_id=parent.id if parent else None, path=path, **kw)
        units.append(unit)
        if parent is not None:
            parent.children.append(unit)
        return unit

    root = add(None, name="Tổng Liên đoàn Lao động Việt Nam", code="TLD", kind="confederation")
    province_w = [1 / (rank + 2) ** 0.9 for rank in range(len(PROVINCES))]
    n_districts = _apportion(round(NATIONAL_DISTRICTS * math.sqrt(scale)), [w**0.5 for w in province_w], 2)
    n_grassroots = _apportion(round(NATIONAL_GRASSROOTS * scale), province_w, 1)

    grassroots: list[UnitRow] = []
    for p, name in enumerate(PROVINCES, start=1):
        prov = add(root, name=f"Liên đoàn Lao động {name}", code=f"P{p:02d}", kind="province", province=p)
        # District-level unions of a province: an industrial-zone union where there is
        # industry, one education union, the rest districts — with very uneven CĐCS counts.
        kinds = ["district"] * n_districts[p - 1]
        if len(kinds) >= 3:
            kinds[1] = "sectoral"
        if p <= 30:
            kinds[0] = "industrial-zone"
        districts = []
        for d, kind in enumerate(kinds, start=1):
            label = {
                "industrial-zone": f"Công đoàn các Khu công nghiệp {name}",
                "sectoral": f"Công đoàn Giáo dục {name}",
            }.get(kind, f"Liên đoàn Lao động huyện số {d} - {name}")
            districts.append(add(prov, name=label, code=f"P{p:02d}-D{d:02d}", kind=kind, province=p))
        weights = [rng.lognormvariate(0, 0.9) * (3.0 if u.kind == "industrial-zone" else 1.0) for u in districts]
        for district, count in zip(districts, _apportion(n_grassroots[p - 1], weights), strict=True):
            for g in range(1, count + 1):
                if district.kind == "industrial-zone":
                    sector = "enterprise"
                elif district.kind == "sectoral":
                    sector = "school"
                else:
                    sector = rng.choices(["enterprise", "school", "public_service"], [40, 35, 25])[0]
                ownership = (
                    rng.choices(["state", "non_state", "fdi"], [10, 60, 30])[0] if sector == "enterprise" else "state"
                )
                kind_word = {"enterprise": "Công ty", "school": "Trường", "public_service": "Cơ quan"}[sector]
                grassroots.append(
                    add(
                        district,
                        name=f"Công đoàn cơ sở {kind_word} số {g} - {district.code}",
                        code=f"{district.code}-G{g:04d}",
                        kind="grassroots",
                        sector=sector,
                        ownership=ownership,
                        province=p,
                    )
                )

    # Member counts: drawn skewed, then rescaled so the national total is 11.8 M × scale.
    sizes = [_member_size(rng, g.sector) for g in grassroots]
    factor = NATIONAL_MEMBERS * scale / sum(sizes)
    for g, size in zip(grassroots, sizes, strict=True):
        g.member_count = max(3, round(size * factor))

    # Big CĐCS have tổ công đoàn (groups) under them, holding part of their members.
    for g in grassroots:
        if g.member_count >= 1000:
            n_groups = min(20, g.member_count // 400)
            share = g.member_count // (n_groups + 1)
            for t in range(1, n_groups + 1):
                add(
                    g,
                    name=f"Tổ công đoàn số {t} - {g.code}",
                    code=f"{g.code}-T{t:02d}",
                    kind="group",
                    sector=g.sector,
                    ownership=g.ownership,
                    member_count=share,
                    province=g.province,
                )
            g.member_count -= share * n_groups
    units.sort(key=lambda u: u.path)
    return units


def member_rows(units: list[UnitRow], rng: random.Random) -> Iterator[tuple]:
    """Member rows in unit (path) order, as tuples in MEMBER_COLUMNS order. Also sets each
    unit's direct_worker_count from what it generated."""
    from thidua.org.demo.names import _SURNAME_POOL as SURNAMES
    from thidua.org.demo.names import GIVEN_FEMALE, GIVEN_MALE, MIDDLE_FEMALE, MIDDLE_MALE, position
    from thidua.org.search import member_search_key, province_path

    folded: dict[str, str] = {}
    next_card = [0] * (len(PROVINCES) + 1)
    member_id = 0
    random_ = rng.random
    for unit in units:
        if not unit.member_count:
            continue
        # Enterprises are mostly workers on the line; schools and offices mostly not (~30 % overall).
        p_direct = 0.32 if unit.sector == "enterprise" else 0.03
        p_female = 0.6 if unit.sector in ("enterprise", "school") else 0.5
        direct = 0
        province = province_path(unit.path)
        for _i in range(unit.member_count):
            member_id += 1
            female = random_() < p_female
            surname = SURNAMES[int(random_() * len(SURNAMES))]
            if female:
                name = (
                    f"{surname} {MIDDLE_FEMALE[int(random_() * 12)]} {GIVEN_FEMALE[int(random_() * len(GIVEN_FEMALE))]}"
                )
            else:
                name = f"{surname} {MIDDLE_MALE[int(random_() * 12)]} {GIVEN_MALE[int(random_() * len(GIVEN_MALE))]}"
            key = folded.get(name)
            if key is None:
                # member_search_key(name, None) is the folded name; the card number is appended
                # below exactly as member_search_key does it (the fold dominates the cost).
                key = folded[name] = member_search_key(name, None)
            is_direct = random_() < p_direct
            direct += is_direct
            born = 1965 + int(random_() * 40)
            joined_year = min(2024, born + 18 + int(random_() * 20))
            joined = f"{joined_year}-{1 + int(random_() * 12):02d}-{1 + int(random_() * 28):02d}"
            if random_() < 0.92:
                next_card[unit.province] += 1
                card = f"{unit.province:02d}{next_card[unit.province]:08d}"
                search_key = f"{key} {card}"
            else:
                card = None  # joined recently, card not issued yet
                search_key = key
            officer = "part_time" if random_() < 0.03 else "none"
            yield (
                member_id,
                name,
                "female" if female else "male",
                born,
                position(rng, unit.sector),
                is_direct,
                officer,
                joined,
                card,
                search_key,
                STAMP,
                STAMP,
                None,
                unit.id,
                province,
            )
        unit.direct_worker_count = direct


UNIT_COLUMNS = [
    "id",
    "name",
    "code",
    "path",
    "depth",
    "sector",
    "ownership",
    "email",
    "phone",
    "address",
    "status",
    "member_count",
    "direct_worker_count",
    "created_at",
    "updated_at",
    "merged_into_id",
    "parent_id",
    "kind_id",
]
MEMBER_COLUMNS = [
    "id",
    "full_name",
    "gender",
    "birth_year",
    "position",
    "is_direct_worker",
    "officer_type",
    "joined_on",
    "card_number",
    "search_key",
    "created_at",
    "updated_at",
    "user_id",
    "unit_id",
    "province_path",
]


def unit_tuples(units: list[UnitRow], kind_ids: dict[str, int]) -> list[tuple]:
    return [
        (
            u.id,
            u.name,
            u.code,
            u.path,
            u.depth,
            u.sector,
            u.ownership,
            "",
            "",
            "",
            "active",
            u.member_count,
            u.direct_worker_count,
            STAMP,
            STAMP,
            None,
            u.parent_id,
            kind_ids[u.kind],
        )
        for u in units
    ]


def _batches(rows: Iterator[tuple], size: int) -> Iterator[list[tuple]]:
    batch = []
    for row in rows:
        batch.append(row)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def load_sqlite(path: str, units: list[UnitRow], rng: random.Random, log) -> dict:
    import sqlite3

    from thidua.org.search import SQLITE_SETUP, SQLITE_TEARDOWN

    con = sqlite3.connect(path, isolation_level=None)
    kind_ids = dict(con.execute("SELECT code, id FROM org_unitkind"))
    # A throw-away file being filled once: no journal, no fsync, a big page cache.
    con.execute("PRAGMA journal_mode=OFF")
    con.execute("PRAGMA synchronous=OFF")
    con.execute("PRAGMA cache_size=-4000000")
    con.execute("PRAGMA temp_store=MEMORY")
    # The FTS triggers would index row by row; one 'rebuild' at the end is far cheaper.
    for sql in SQLITE_TEARDOWN:
        if sql.startswith("DROP TRIGGER"):
            con.execute(sql)
    timings = {}
    t0 = time.perf_counter()
    insert = f"INSERT INTO org_member ({', '.join(MEMBER_COLUMNS)}) VALUES ({', '.join('?' * len(MEMBER_COLUMNS))})"
    n = 0
    for batch in _batches(member_rows(units, rng), BATCH * 5):
        con.execute("BEGIN")
        con.executemany(insert, batch)
        con.execute("COMMIT")
        n += len(batch)
        log(f"  members {n:,} ({n / (time.perf_counter() - t0):,.0f}/s)")
    # Units after members: their direct-worker counts come from the generated members.
    con.execute("BEGIN")
    con.executemany(
        f"INSERT INTO org_unit ({', '.join(UNIT_COLUMNS)}) VALUES ({', '.join('?' * len(UNIT_COLUMNS))})",
        unit_tuples(units, kind_ids),
    )
    con.execute("COMMIT")
    timings["load_s"] = time.perf_counter() - t0
    t1 = time.perf_counter()
    # The project's own statements: CREATE VIRTUAL TABLE (already there), the three
    # triggers, then 'rebuild', which indexes every row once.
    for sql in SQLITE_SETUP:
        con.execute(sql)
    timings["search_index_s"] = time.perf_counter() - t1
    t2 = time.perf_counter()
    con.execute("ANALYZE")
    timings["analyze_s"] = time.perf_counter() - t2
    con.execute("PRAGMA journal_mode=WAL")  # as the app runs it (settings: init_command)
    con.close()
    return timings


def load_postgres(url: str, units: list[UnitRow], rng: random.Random, log) -> dict:
    import psycopg

    from thidua.org.search import POSTGRESQL_SETUP, POSTGRESQL_TEARDOWN

    timings = {}
    with psycopg.connect(url, autocommit=True) as con:
        kind_ids = dict(con.execute("SELECT code, id FROM org_unitkind").fetchall())
        # Secondary indexes are built faster once over sorted data than row by row; the GIN
        # index goes with them and comes back with the project's own statement.
        for sql in POSTGRESQL_TEARDOWN:
            con.execute(sql)
        secondary = con.execute(
            """SELECT indexname, indexdef FROM pg_indexes i
               WHERE tablename = 'org_member' AND NOT EXISTS (
                 SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)"""
        ).fetchall()
        for name, _def in secondary:
            con.execute(f'DROP INDEX "{name}"')
        t0 = time.perf_counter()
        with con.transaction():
            # FK checks per row (the generator guarantees them) would double the load time.
            con.execute("SET LOCAL session_replication_role = replica")
            with con.cursor() as cur:
                with cur.copy(f"COPY org_member ({', '.join(MEMBER_COLUMNS)}) FROM STDIN") as copy:
                    n = 0
                    for batch in _batches(member_rows(units, rng), BATCH):
                        copy.write("".join(_copy_line(row) for row in batch))
                        n += len(batch)
                        if n % (BATCH * 5) == 0:
                            log(f"  members {n:,} ({n / (time.perf_counter() - t0):,.0f}/s)")
                with cur.copy(f"COPY org_unit ({', '.join(UNIT_COLUMNS)}) FROM STDIN") as copy:
                    copy.write("".join(_copy_line(row) for row in unit_tuples(units, kind_ids)))
            # Ids were given explicitly: move the sequences past them for later inserts.
            for table in ("org_unit", "org_member"):
                con.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT max(id) FROM {table}))")
        timings["load_s"] = time.perf_counter() - t0
        t1 = time.perf_counter()
        con.execute("SET maintenance_work_mem = '2GB'")
        for _name, definition in secondary:
            con.execute(definition)
        timings["btree_indexes_s"] = time.perf_counter() - t1
        t2 = time.perf_counter()
        for sql in POSTGRESQL_SETUP:
            con.execute(sql)
        timings["search_index_s"] = time.perf_counter() - t2
        t3 = time.perf_counter()
        # What autovacuum would have done by the time anyone queries: statistics, and the
        # visibility map that index-only scans need.
        con.execute("VACUUM ANALYZE org_unit")
        con.execute("VACUUM ANALYZE org_member")
        timings["analyze_s"] = time.perf_counter() - t3
    return timings


def _copy_text(value) -> str:
    if value is None:
        return r"\N"
    if value is True:
        return "t"
    if value is False:
        return "f"
    return str(value)  # generated text has no tab, newline or backslash to escape


def _copy_line(row: tuple) -> str:
    return "\t".join(map(_copy_text, row)) + "\n"


def fresh_database(url: str, force: bool) -> None:
    """Drop and recreate the target. Refuses anything that does not look like a bench
    database, so a stray DATABASE_URL cannot wipe the dev or a production database."""
    if url.startswith("sqlite"):
        path = Path(url.removeprefix("sqlite:///").removeprefix("sqlite://"))
        if not path.is_absolute():
            path = Path.cwd() / path
        allowed = path.resolve().is_relative_to(DATA_DIR) or path.resolve().is_relative_to(tempfile.gettempdir())
        if not (allowed or force):
            sys.exit(f"refusing to overwrite {path}: use a file under {DATA_DIR} or /tmp, or --force")
        path.parent.mkdir(parents=True, exist_ok=True)
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        return
    import psycopg

    base, name = url.rsplit("/", 1)
    if "bench" not in name and not force:
        sys.exit(f"refusing to drop database {name!r}: its name must contain 'bench' (or use --force)")
    with psycopg.connect(f"{base}/postgres", autocommit=True) as con:
        con.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        con.execute(f'CREATE DATABASE "{name}"')


def generate(url: str, scale: float, seed: int = SEED, force: bool = False, log=print) -> dict:
    """Build the database at `url` from nothing; Django must already be set up on that URL."""
    from django.core.management import call_command
    from django.db import connections

    manifest = manifest_path(url)
    manifest.unlink(missing_ok=True)  # a crashed run must not look complete
    started = time.perf_counter()
    fresh_database(url, force)
    call_command("migrate", verbosity=0, interactive=False)
    connections.close_all()
    rng = random.Random(seed)
    t0 = time.perf_counter()
    units = build_tree(scale, rng)
    log(f"tree: {len(units):,} units in {time.perf_counter() - t0:.1f}s; loading members")
    if url.startswith("sqlite"):
        from django.conf import settings

        timings = load_sqlite(str(settings.DATABASES["default"]["NAME"]), units, rng, log)
    else:
        timings = load_postgres(url, units, rng, log)
    kinds = {}
    for u in units:
        kinds[u.kind] = kinds.get(u.kind, 0) + 1
    grassroots_sizes = sorted(
        u.member_count + sum(c.member_count for c in u.children) for u in units if u.kind == "grassroots"
    )
    info = {
        "url": url,
        "scale": scale,
        "seed": seed,
        "units": len(units),
        "units_by_kind": kinds,
        "members": sum(u.member_count for u in units),
        "direct_workers": sum(u.direct_worker_count for u in units),
        "grassroots_members_median": grassroots_sizes[len(grassroots_sizes) // 2],
        "grassroots_members_p99": grassroots_sizes[int(len(grassroots_sizes) * 0.99)],
        "grassroots_members_max": grassroots_sizes[-1],
        "timings_s": {k: round(v, 1) for k, v in timings.items()},
        "total_s": round(time.perf_counter() - started, 1),
    }
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    manifest.write_text(json.dumps(info, indent=2, ensure_ascii=False))
    log(json.dumps(info, indent=2, ensure_ascii=False))
    return info


def main(argv=None) -> None:
    import os

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--scale", type=float, default=DEFAULT_SCALE, help="1.0 = national size (11.8 M members)")
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--force", action="store_true", help="allow a target outside bench/data or without 'bench'")
    args = parser.parse_args(argv)
    url = os.environ.get("DATABASE_URL") or default_url(args.db, args.scale)
    setup_django(url)
    generate(url, args.scale, args.seed, args.force, log=lambda m: print(m, flush=True))


if __name__ == "__main__":
    main()
