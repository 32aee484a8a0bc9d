"""Initiatives at national scale (issue 6): the counters at the root of the national tree
with 2 million initiatives (target ≤ 200 ms) and the duplicate warning among the 100,000
initiatives of one province (target ≤ 200 ms).

    .venv/bin/python -m bench.bench_initiatives [--initiatives 2000000] [--province 100000] [--runs 20]

The tree is generate.py's at scale 1.0 (63 provinces, ~700 district-level unions, 127,000
CĐCS and their groups), without members: the counters and the search never read them. The
first province (TP Hồ Chí Minh) gets exactly --province initiatives, the others share the
rest. Initiatives and their counter rows (`Tally`, `UnitTally`, as initiatives.services keeps
them) go in with raw executemany in large transactions; titles come from a vocabulary of
union initiatives, so the words the duplicate search looks for are as common as in life.
The database (bench/data/initiatives-*.sqlite3, git-ignored) is reused while its manifest
matches the arguments. Timings go through the project's own queries
(initiatives.queries.counters / counters_by_child / similar), median and p95 of --runs.
"""

import argparse
import datetime
import json
import os
import platform
import random
import sqlite3
import statistics
import time
from collections import defaultdict

from bench.common import DATA_DIR, RESULTS_DIR, setup_django

SEED = 20260601
BATCH = 100_000
VERBS = [
    "Ứng dụng", "Số hóa", "Cải tiến", "Tối ưu hóa", "Xây dựng", "Đổi mới", "Tự động hóa", "Chuẩn hóa",
    "Triển khai", "Nâng cấp", "Sắp xếp lại", "Tin học hóa",
]  # fmt: skip
THINGS = [
    "quy trình tiếp nhận ý kiến đoàn viên", "sổ theo dõi đoàn phí", "lịch trực ca sản xuất",
    "hệ thống chiếu sáng nhà xưởng", "phần mềm quản lý hồ sơ đoàn viên", "bữa ăn ca cho công nhân",
    "công tác kiểm kê kho vật tư", "bảng lương và phụ cấp", "quy trình bảo dưỡng máy may",
    "tủ sách pháp luật", "hộp thư góp ý điện tử", "dây chuyền đóng gói thành phẩm",
    "hệ thống xử lý nước thải", "cấp phát bảo hộ lao động", "sổ tay an toàn vệ sinh lao động",
    "thăm hỏi đoàn viên ốm đau", "quỹ tương trợ công nhân", "công tác thi đua khen thưởng",
    "hồ sơ kết nạp đoàn viên", "phong trào văn nghệ thể thao", "đối thoại tại nơi làm việc",
    "thương lượng thỏa ước lao động tập thể", "nhà trọ công nhân", "điểm giữ trẻ cho con công nhân",
    "kiểm tra chất lượng sản phẩm", "tiết kiệm điện năng", "phân loại rác tại nguồn",
    "đào tạo tay nghề công nhân mới", "bài giảng điện tử", "sổ điểm điện tử",
]  # fmt: skip
MEANS = [
    "bằng mã QR", "trên điện thoại thông minh", "qua Zalo OA", "bằng bảng tính dùng chung",
    "với cảm biến tự động", "theo mô hình 5S", "bằng phần mềm mã nguồn mở", "qua cổng thông tin điện tử",
    "bằng biểu mẫu trực tuyến", "theo phương pháp Kaizen", "", "",
]  # fmt: skip
PLACES = ["tại phân xưởng", "tại tổ công đoàn", "ở trường học", "tại bộ phận kho", "tại văn phòng", "", "", ""]


def _title(rng: random.Random) -> str:
    parts = [rng.choice(VERBS), rng.choice(THINGS), rng.choice(MEANS), rng.choice(PLACES)]
    if rng.random() < 0.5:
        parts.append(f"số {rng.randint(1, 40)}")
    return " ".join(p for p in parts if p)


def _quarter(day: datetime.date) -> int:
    return (day.month - 1) // 3 + 1


def _fresh(path, expected: dict) -> bool:
    manifest = path.with_suffix(".json")
    if path.exists() and manifest.exists() and json.loads(manifest.read_text()) == expected:
        return False
    for suffix in ("", "-wal", "-shm"):
        target = path.with_name(path.name + suffix)
        if target.exists():
            target.unlink()
    manifest.unlink(missing_ok=True)
    return True


def generate(path, total: int, in_province: int, log) -> None:
    from django.core.management import call_command

    from bench.generate import UNIT_COLUMNS, build_tree, unit_tuples
    from thidua.core.text import fold
    from thidua.initiatives.models import Initiative, Programme

    t0 = time.perf_counter()
    call_command("migrate", verbosity=0)
    from django.db import connection

    connection.close()  # the raw connection below switches the journal off: no one else open
    rng = random.Random(SEED)
    units = build_tree(1.0, rng)
    con = sqlite3.connect(path, isolation_level=None)
    for pragma in ("journal_mode=OFF", "synchronous=OFF", "cache_size=-2000000", "temp_store=MEMORY"):
        con.execute(f"PRAGMA {pragma}")
    kind_ids = dict(con.execute("SELECT code, id FROM org_unitkind"))
    con.execute("BEGIN")
    con.executemany(
        f"INSERT INTO org_unit ({', '.join(UNIT_COLUMNS)}) VALUES ({', '.join('?' * len(UNIT_COLUMNS))})",
        unit_tuples(units, kind_ids),
    )
    con.execute("COMMIT")
    log(f"  {len(units):,} units in {time.perf_counter() - t0:.0f} s")

    paths = {u.id: u.path for u in units}
    grassroots = [u for u in units if u.kind == "grassroots"]
    first = [u.id for u in grassroots if u.province == 1]
    others = [u.id for u in grassroots if u.province != 1]
    programmes = list(Programme.objects.order_by("pk").values_list("pk", flat=True))
    fields = [f for f in Initiative._meta.concrete_fields if f.column != "id"]
    columns = [f.column for f in fields]
    insert = f"INSERT INTO initiatives_initiative ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
    start = datetime.date(2021, 9, 1)
    fine: dict[tuple, list] = defaultdict(lambda: [0, 0, 0, 0])
    whole: dict[int, list] = defaultdict(lambda: [0, 0, 0, 0])
    stamp = "2023-09-01 00:00:00"

    def rows():
        for n in range(total):
            unit = rng.choice(first) if n < in_province else rng.choice(others)
            title = _title(rng)
            state = rng.random()
            submitted = None if state < 0.1 else start + datetime.timedelta(days=rng.randrange(730))
            recognised = submitted + datetime.timedelta(days=rng.randrange(120)) if submitted and state > 0.4 else None
            applied = (
                (submitted - datetime.timedelta(days=rng.randrange(200))) if recognised and rng.random() < 0.8 else None
            )
            benefit = rng.randrange(0, 200_000_000, 1000) if recognised and rng.random() < 0.7 else None
            programme = programmes[0] if rng.random() < 0.7 else (programmes[1] if rng.random() < 0.5 else None)
            status = "draft" if submitted is None else ("recognised" if recognised else "submitted")
            if submitted:
                fine[(unit, programme or 0, 0, submitted.year, _quarter(submitted))][0] += 1
                whole[unit][0] += 1
            if recognised:
                deltas = (1, 1 if applied else 0, benefit or 0)
                for counter in (fine[(unit, programme or 0, 0, recognised.year, _quarter(recognised))], whole[unit]):
                    for i, d in enumerate(deltas, start=1):
                        counter[i] += d
            values = {
                "unit_id": unit,
                "unit_path": paths[unit],
                "level_id": unit,
                "kind": "initiative",
                "title": title,
                "problem": "",
                "solution": "Nội dung giải pháp.",
                "novelty": "",
                "application": "",
                "applied_since": applied.isoformat() if applied else None,
                "benefit_amount": str(benefit) if benefit is not None else None,
                "benefit_text": "",
                "programme_id": programme,
                "campaign_id": None,
                "support_team_id": None,
                "status": status,
                "submitted_on": submitted.isoformat() if submitted else None,
                "recognised_on": recognised.isoformat() if recognised else None,
                "search_key": fold(title),
                "created_by_id": None,
                "created_at": stamp,
            }
            yield tuple(values[c] for c in columns)

    t1 = time.perf_counter()
    batch = []
    done = 0
    for row in rows():
        batch.append(row)
        if len(batch) >= BATCH:
            con.execute("BEGIN")
            con.executemany(insert, batch)
            con.execute("COMMIT")
            done += len(batch)
            batch = []
            log(f"  initiatives {done:,} ({done / (time.perf_counter() - t1):,.0f}/s)")
    if batch:
        con.execute("BEGIN")
        con.executemany(insert, batch)
        con.execute("COMMIT")
    con.execute("BEGIN")
    con.executemany(
        "INSERT INTO initiatives_tally (unit_id, unit_path, programme_id, campaign_id, year, quarter, registered,"
        " recognised, applied, benefit) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(key[0], paths[key[0]], *key[1:], *values) for key, values in fine.items()],
    )
    con.executemany(
        "INSERT INTO initiatives_unittally (unit_id, unit_path, registered, recognised, applied, benefit)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        [(unit, paths[unit], *values) for unit, values in whole.items()],
    )
    con.execute("COMMIT")
    log(
        f"  {total:,} initiatives, {len(fine):,} tally rows, {len(whole):,} unit rows in {time.perf_counter() - t1:.0f} s"
    )
    con.execute("ANALYZE")
    con.execute("PRAGMA journal_mode=WAL")
    con.close()


def _time(fn, runs: int) -> dict:
    fn()  # warm: first call pays for opening pages from disk
    samples = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - t) * 1000)
    samples.sort()
    return {
        "median_ms": round(statistics.median(samples), 1),
        "p95_ms": round(samples[min(len(samples) - 1, int(0.95 * len(samples)))], 1),
    }


def _variant(title: str, rng: random.Random) -> str:
    """How a second author would type the same idea: without accents, or words swapped."""
    from thidua.core.text import fold

    words = title.split()
    if rng.random() < 0.5:
        return fold(title)
    i = rng.randrange(len(words) - 1)
    words[i], words[i + 1] = words[i + 1], words[i]
    return " ".join(words)


def measure(runs: int, log) -> dict:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from thidua.initiatives import queries
    from thidua.initiatives.models import Initiative, Programme
    from thidua.org.models import Unit

    root = Unit.objects.get(depth=0)
    province = Unit.objects.get(code="P01")
    programme = Programme.objects.order_by("pk").first()
    in_province = Initiative.objects.within(province).count()
    total = queries.counters(root)
    log(f"  root: {total}")
    results = {
        "initiatives": Initiative.objects.count(),
        "province_initiatives": in_province,
        "root_counters": _time(lambda: queries.counters(root), runs),
        "root_counters_by_province": _time(lambda: queries.counters_by_child(root), runs),
        "root_counters_programme_2022": _time(
            lambda: queries.counters(root, queries.Filters(programme_id=programme.pk, year=2022)), runs
        ),
        "province_counters_quarter": _time(
            lambda: queries.counters(province, queries.Filters(year=2022, quarter=3)), runs
        ),
    }
    rng = random.Random(SEED)
    picked = list(Initiative.objects.within(province).values_list("pk", "title")[:: max(1, in_province // 40)])[:40]
    probes = [(pk, _variant(t, rng)) for pk, t in picked]
    samples, hits, recalled = [], 0, 0
    for pk, probe in probes:
        queries.similar(probe, province)
        t = time.perf_counter()
        with CaptureQueriesContext(connection) as ctx:
            found = queries.similar(probe, province)
        samples.append((time.perf_counter() - t) * 1000)
        hits += bool(found)
        # The same title (the one the probe was typed from) among the five shown? Titles repeat
        # in this vocabulary, so an identical title of another initiative counts as found too.
        original = Initiative.objects.get(pk=pk).search_key
        recalled += any(i.pk == pk or i.search_key == original for i, _score in found)
    samples.sort()
    results["similar_in_province"] = {
        "median_ms": round(statistics.median(samples), 1),
        "p95_ms": round(samples[int(0.95 * (len(samples) - 1))], 1),
        "max_ms": round(samples[-1], 1),
        "queries": len(ctx),
        "probes_with_a_match": f"{hits}/{len(probes)}",
        "probes_finding_their_title": f"{recalled}/{len(probes)}",
    }
    with CaptureQueriesContext(connection) as ctx:
        queries.counters(root)
    results["root_counters"]["queries"] = len(ctx)
    return results


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--initiatives", type=int, default=2_000_000)
    parser.add_argument("--province", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args(argv)
    DATA_DIR.mkdir(exist_ok=True)
    path = DATA_DIR / f"initiatives-{args.initiatives}.sqlite3"
    expected = {"initiatives": args.initiatives, "province": args.province, "seed": SEED, "schema": 3}
    fresh = _fresh(path, expected)
    setup_django(f"sqlite:///{path}")
    if fresh:
        print(f"Generating {args.initiatives:,} initiatives into {path} …")
        t = time.perf_counter()
        generate(path, args.initiatives, args.province, print)
        path.with_suffix(".json").write_text(json.dumps(expected))
        print(f"  generated in {time.perf_counter() - t:.0f} s")
    results = measure(args.runs, print)
    results["machine"] = f"{platform.machine()}, {os.cpu_count()} CPU, SQLite {sqlite3.sqlite_version}"
    results["scale"] = "national tree at scale 1.0 (63 provinces, ~700 district-level unions, 127,000 CĐCS)"
    text = json.dumps(results, indent=2, ensure_ascii=False, default=str)
    RESULTS_DIR.mkdir(exist_ok=True)
    (RESULTS_DIR / f"initiatives-sqlite-{args.initiatives}.json").write_text(text + "\n")
    print(text)


if __name__ == "__main__":
    main()
