"""Benchmark: province-wide member search with words out of name order (issue 18, item 5).

    .venv/bin/python -m bench.generate --scale 0.1            # once: ~1.2 M members, bench/data
    .venv/bin/python bench/bench_member_search.py --scale 0.1 [--queries 200]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/thidua_<you>_bench_s0_1 \\
        .venv/bin/python bench/bench_member_search.py --scale 0.1

Target: p95 ≤ 100 ms for a search scoped to the largest province, as the member list runs it
(the scope of an officer of that province through `visible_to`, the capped paginator's COUNT,
then the first page in name order). The queries are what `bench.run` lacks: words out of the
name's order, drawn from members of the province ("an nguyen van", "hoa le"), and the same
shapes drawn from the name pools, which may match nobody in the province ("phan khanh") — the
case where a full-text engine walks national posting lists before it knows.
Reports median / p95 per kind, wall and CPU (SQLite runs in this process, so its CPU time is
the database's too), and the load average: the machine is shared.
"""

import argparse
import json
import os
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import RESULTS_DIR, backend_cpu_seconds, backend_pid, default_url, scale_tag, setup_django


def _percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def _officer_of(province):
    """A user acting as the province's emulation officer, unsaved: `visible_to` reads the role."""

    from django.contrib.auth import get_user_model

    from thidua.org.models import Role, RoleKind

    user = get_user_model()(username="bench_search", is_active=True)
    user.acting_role = Role(user=user, unit=province, kind=RoleKind.EMULATION_OFFICER)
    return user


def _queries(province, n: int, seed: int = 18) -> list[tuple[str, str]]:
    from thidua.core.db import PATH_END
    from thidua.core.text import fold
    from thidua.org.demo.names import _SURNAME_POOL, GIVEN_FEMALE, GIVEN_MALE
    from thidua.org.models import Member

    rng = random.Random(seed)
    in_scope = Member.objects.filter(unit__path__gte=province.path, unit__path__lt=province.path + PATH_END)
    ids = list(in_scope.order_by("id").values_list("id", flat=True)[:: max(1, in_scope.count() // (2 * n))])
    names = list(Member.objects.filter(id__in=rng.sample(ids, min(len(ids), n))).values_list("full_name", flat=True))
    queries = []
    for i in range(n):
        words = fold(names[i % len(names)]).split()
        r = rng.random()
        if r < 0.35:  # the given name first: "an nguyen van"
            queries.append(("given name first", " ".join([words[-1], *words[:-1]])))
        elif r < 0.65:  # given + surname: "hoa le"
            queries.append(("given + surname", f"{words[-1]} {words[0]}"))
        elif r < 0.85:  # pools: may be nobody in the province
            female = rng.random() < 0.5
            given = fold(rng.choice(GIVEN_FEMALE if female else GIVEN_MALE))
            queries.append(("pool given + surname", f"{given} {fold(rng.choice(_SURNAME_POOL))}"))
        else:  # three words shuffled
            shuffled = words[:]
            rng.shuffle(shuffled)
            queries.append(("words shuffled", " ".join(shuffled)))
    return queries


def _page(user, query: str) -> int:
    from django.conf import settings

    from thidua.core.paging import CappedPaginator
    from thidua.org import queries
    from thidua.org.models import Member

    rows = queries.members_for_table(Member.objects.visible_to(user).search(query))
    page = CappedPaginator(rows, settings.PAGE_SIZE).get_page(1)
    list(page.object_list)
    return page.paginator.count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=0.1)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--tag", default="")
    args = parser.parse_args()
    url = os.environ.get("DATABASE_URL") or default_url("sqlite", args.scale)
    setup_django(url)
    from django.db import connection
    from django.db.models import Sum

    from thidua.core.db import PATH_END
    from thidua.org.models import Unit

    provinces = []
    for unit in Unit.objects.filter(depth=1):
        total = Unit.objects.filter(path__gte=unit.path, path__lt=unit.path + PATH_END).aggregate(
            s=Sum("member_count")
        )["s"]
        provinces.append((total or 0, unit.path, unit))
    members, _path, province = max(provinces)
    user = _officer_of(province)
    queries = _queries(province, args.queries)
    for _kind, q in queries[:10]:  # warm the caches: the figures are a working server's
        _page(user, q)
    load = os.getloadavg()[0]
    pid = backend_pid()  # read once: the timed loop runs no extra statement
    wall, cpu, counts = [], [], []
    for _kind, q in queries:
        t0, c0, s0 = time.perf_counter(), time.process_time(), (backend_cpu_seconds(pid) or 0.0)
        counts.append(_page(user, q))
        wall.append(time.perf_counter() - t0)
        # App + database CPU (the backend's clock ticks at 10 ms: read the median, not one query).
        cpu.append(time.process_time() - c0 + (backend_cpu_seconds(pid) or 0.0) - s0)
    kinds: dict[str, list[int]] = {}
    for i, (kind, _q) in enumerate(queries):
        kinds.setdefault(kind, []).append(i)

    def ms(values):
        return {"median": round(statistics.median(values) * 1000, 1), "p95": round(_percentile(values, 95) * 1000, 1)}

    result = {
        "database": connection.vendor,
        "scale": args.scale,
        "province": province.name,
        "province_members": members,
        "members": Unit.objects.aggregate(s=Sum("member_count"))["s"],
        "queries": len(queries),
        "loadavg_at_start": load,
        "loadavg_at_end": os.getloadavg()[0],
        "cores": os.cpu_count(),
        "wall_ms": ms(wall),
        "cpu_ms": ms(cpu),
        "by_kind": {
            k: {"wall_ms": ms([wall[i] for i in idx]), "matches_median": statistics.median(counts[i] for i in idx)}
            for k, idx in kinds.items()
        },
        "slowest": [
            {"query": queries[i][1], "ms": round(wall[i] * 1000, 1), "matches": counts[i]}
            for i in sorted(range(len(queries)), key=lambda i: -wall[i])[:5]
        ],
        "not_found": sum(1 for i, (k, _q) in enumerate(queries) if k != "pool given + surname" and not counts[i]),
    }
    print(json.dumps(result, ensure_ascii=False, indent=1))
    name = f"member-search-{connection.vendor}-s{scale_tag(args.scale)}{'-' + args.tag if args.tag else ''}.json"
    (RESULTS_DIR / name).write_text(json.dumps(result, ensure_ascii=False, indent=1) + "\n")


if __name__ == "__main__":
    main()
