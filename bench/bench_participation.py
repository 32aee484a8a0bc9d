"""Participation overview of a province with 5,000 CĐCS (Taking part issue: ≤ 300 ms, fixed
query count).

    .venv/bin/python -m bench.bench_participation [--cdcs 5000] [--runs 20] [--db sqlite|postgres]

Builds the same throwaway province as bench_coverage (50 districts sharing the CĐCS, a plan
issued to every CĐCS through the real service), then gives the CĐCS registrations, models and
works with articles and photos in mixed states (rows written in bulk: the page reads them, it
does not care how they came), and times GET /tham-gia/<id>/tong-hop/ through Django's test
client as the province's emulation officer and as a district's, counting queries.
"""

import argparse
import statistics
import time

from bench.bench_coverage import _fresh_database, build, measure
from bench.common import setup_django


def participate(plan) -> dict[str, int]:
    from django.contrib.contenttypes.models import ContentType
    from django.db import transaction
    from django.utils import timezone

    from thidua.campaigns.models import Deployment
    from thidua.core.models import Attachment
    from thidua.participation.models import Evidence, ModelProject, Registration, Work

    deployments = list(Deployment.objects.filter(campaign=plan).values_list("unit_id", "unit__path"))
    now = timezone.now()
    with transaction.atomic():
        Registration.objects.bulk_create(
            (
                Registration(campaign=plan, unit_id=u, targets="Chỉ tiêu", registered_at=now, is_late=n % 7 == 0)
                for n, (u, _p) in enumerate(deployments)
                if n % 4
            ),
            batch_size=2000,
        )
        ModelProject.objects.bulk_create(
            (
                ModelProject(campaign=plan, unit_id=u, name="Mô hình", field="Dân vận", registered_at=now)
                for n, (u, _p) in enumerate(deployments)
                if n % 3
            ),
            batch_size=2000,
        )
        statuses = ("registered", "completed", "inaugurated")
        Work.objects.bulk_create(
            (
                Work(
                    campaign=plan,
                    unit_id=u,
                    name=f"Công trình {n}",
                    status=statuses[n % 3],
                    article_count=n % 3,
                    photo_count=(n % 3) * 2,
                    late_count=1 if n % 11 == 0 else 0,
                )
                for n, (u, _p) in enumerate(deployments)
                if n % 5
            ),
            batch_size=2000,
        )
        # The gallery reads the newest photos: give it a few hundred real rows to choose from.
        work_type = ContentType.objects.get_for_model(Work)
        paths = dict(deployments)
        works = list(Work.objects.filter(campaign=plan, photo_count__gt=0).values_list("pk", "unit_id")[:400])
        attachments = Attachment.objects.bulk_create(
            Attachment(
                owner_type=work_type,
                owner_id=w,
                scope_path=paths[u],
                kind="image",
                file=f"attachments/bench/{w}.jpg",
                original_name="anh.jpg",
                content_type="image/jpeg",
                size=1000,
            )
            for w, u in works
        )
        Evidence.objects.bulk_create(
            Evidence(work_id=w, kind="photo", attachment=a, submitted_at=now, is_late=w % 11 == 0)
            for (w, _u), a in zip(works, attachments, strict=True)
        )
    return {
        "registrations": Registration.objects.count(),
        "models": ModelProject.objects.count(),
        "works": Work.objects.count(),
        "photos": Evidence.objects.count(),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cdcs", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--db", choices=["sqlite", "postgres"], default="sqlite")
    args = parser.parse_args()
    setup_django(_fresh_database(args.db))
    start = time.perf_counter()
    plan, province_officer, district_officer = build(args.cdcs)
    counts = participate(plan)
    if args.db == "postgres":
        # A live database has statistics (autovacuum); a freshly bulk-loaded one does not, and
        # PostgreSQL then plans every table as one row.
        from django.db import connection

        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    print(f"built {args.cdcs} CĐCS, {counts} in {time.perf_counter() - start:.1f} s ({args.db})")
    floor, _queries = measure("/dang-nhap/", None, args.runs)
    floor_median = statistics.median(floor)
    print(f"login page (floor)         : median {floor_median:6.1f} ms")
    for label, user in (("province", province_officer), ("district", district_officer)):
        timings, queries = measure(f"/tham-gia/{plan.pk}/tong-hop/", user, args.runs)
        ordered = sorted(timings)
        p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
        median = statistics.median(timings)
        print(
            f"participation at {label:8}: median {median:6.1f} ms  p95 {p95:6.1f} ms  "
            f"= {median / floor_median:4.1f}x the floor  queries {queries}"
        )


if __name__ == "__main__":
    main()
