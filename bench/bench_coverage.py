"""Coverage page of a province with 5,000 CĐCS (Campaigns issue: ≤ 300 ms, fixed query count).

    .venv/bin/python -m bench.bench_coverage [--cdcs 5000] [--runs 20] [--db sqlite|postgres]

Builds a throwaway database (SQLite file in /tmp, or PostgreSQL database thidua_bench_coverage),
a province with 50 districts sharing the CĐCS, a campaign issued to every CĐCS through the real
service, deployments in mixed states, then times GET /ke-hoach/<id>/tien-do/ through Django's
test client as the province's emulation officer and as a district's, counting queries.
"""

import argparse
import datetime
import os
import random
import statistics
import subprocess
import time

from bench.common import setup_django

PG_URL = "postgres://postgres@127.0.0.1:5432/thidua_bench_coverage"
SQLITE_PATH = "/tmp/thidua-bench-coverage.sqlite3"  # noqa: S108 - a throwaway benchmark database


def _fresh_database(db: str) -> str:
    if db == "sqlite":
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(SQLITE_PATH + suffix):
                os.remove(SQLITE_PATH + suffix)
        return f"sqlite:///{SQLITE_PATH}"
    for sql in ("DROP DATABASE IF EXISTS thidua_bench_coverage", "CREATE DATABASE thidua_bench_coverage"):
        subprocess.run(["psql", "-h", "127.0.0.1", "-U", "postgres", "-qc", sql], check=True)  # noqa: S603, S607
    return PG_URL


def build(cdcs: int):
    from django.core.management import call_command
    from django.db import transaction

    from thidua.campaigns import services as campaigns
    from thidua.campaigns.models import Campaign, Deployment, DeploymentStatus, TargetMode
    from thidua.org.models import Role, RoleKind, Unit, UnitKind
    from thidua.org.services import encode_step

    call_command("migrate", verbosity=0)
    kinds = {k.code: k for k in UnitKind.objects.all()}
    rng = random.Random(7)
    with transaction.atomic():
        root = Unit.objects.create(name="Tổng Liên đoàn", code="TLD", kind=kinds["confederation"], path="0001", depth=0)
        province = Unit.objects.create(
            name="LĐLĐ tỉnh Thử nghiệm", code="P", kind=kinds["province"], parent=root, path="00010001", depth=1
        )
        districts = Unit.objects.bulk_create(
            Unit(
                name=f"LĐLĐ huyện {d}",
                code=f"D{d}",
                kind=kinds["district"],
                parent=province,
                path=province.path + encode_step(d),
                depth=2,
            )
            for d in range(1, 51)
        )
        rows = []
        for n in range(cdcs):
            district = districts[n % len(districts)]
            members = rng.randint(20, 400)
            rows.append(
                Unit(
                    name=f"CĐCS số {n}",
                    code=f"C{n}",
                    kind=kinds["grassroots"],
                    parent=district,
                    path=district.path + encode_step(n // len(districts) + 1),
                    depth=3,
                    sector="enterprise",
                    member_count=members,
                    direct_worker_count=members // 3,
                )
            )
        Unit.objects.bulk_create(rows, batch_size=2000)
    from django.contrib.auth import get_user_model

    User = get_user_model()
    province_officer = User.objects.create_user("tinh", password="x")
    Role.objects.create(user=province_officer, unit=province, kind=RoleKind.EMULATION_OFFICER)
    district_officer = User.objects.create_user("huyen", password="x")
    Role.objects.create(user=district_officer, unit=districts[0], kind=RoleKind.EMULATION_OFFICER)
    with transaction.atomic():
        plan = campaigns.create_campaign(
            None,
            issuer=province,
            title="Kế hoạch thử nghiệm",
            plan_date=datetime.date(2026, 1, 5),
            signer_title="TM. BAN THƯỜNG VỤ",
            signer_name="Người Ký",
        )
        campaigns.set_targets(None, plan, mode=TargetMode.ALL_GRASSROOTS)
        campaigns.issue_campaign(None, Campaign.objects.get(pk=plan.pk))
    ids = list(Deployment.objects.filter(campaign=plan).values_list("pk", flat=True))
    rng.shuffle(ids)
    third = len(ids) // 3
    Deployment.objects.filter(pk__in=ids[:third]).update(status=DeploymentStatus.ACKNOWLEDGED)
    Deployment.objects.filter(pk__in=ids[third : 2 * third]).update(
        status=DeploymentStatus.LAUNCHED, launched_on=datetime.date(2026, 1, 10), members_reached=100
    )
    return plan, province_officer, district_officer


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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cdcs", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--db", choices=["sqlite", "postgres"], default="sqlite")
    args = parser.parse_args()
    setup_django(_fresh_database(args.db))
    start = time.perf_counter()
    plan, province_officer, district_officer = build(args.cdcs)
    print(f"built {args.cdcs} CĐCS and issued the plan in {time.perf_counter() - start:.1f} s ({args.db})")
    # The login page, measured in the same run, is the floor of any page here: the machine is
    # shared and noisy, so the ratio to it is the figure to compare across runs.
    floor, _queries = measure("/dang-nhap/", None, args.runs)
    floor_median = statistics.median(floor)
    print(f"login page (floor)        : median {floor_median:6.1f} ms")
    for label, user in (("province", province_officer), ("district", district_officer)):
        timings, queries = measure(f"/ke-hoach/{plan.pk}/tien-do/", user, args.runs)
        ordered = sorted(timings)
        p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
        median = statistics.median(timings)
        print(
            f"coverage page at {label:8}: median {median:6.1f} ms  p95 {p95:6.1f} ms  "
            f"= {median / floor_median:4.1f}x the floor  queries {queries}"
        )


if __name__ == "__main__":
    main()
