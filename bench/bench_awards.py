"""Award documents at a district's year-end size (issue 8): a Quyết định khen thưởng with 5,000
awardees to PDF and DOCX (target ≤ 10 s each) and the certificates of a decision as one PDF
(target ≥ 30 certificates per second).

    .venv/bin/python -m bench.bench_awards [--awardees 5000] [--certificates 500] [--runs 3]

A fresh SQLite database (bench/data/awards-bench.sqlite3, git-ignored) is migrated and filled
with a district, 50 CĐCS, the awardees' members (raw bulk inserts: the services' per-member
work is not what is measured) and `--runs` decisions of `--awardees` awards each, every one
with other names: Typst memoises layouts, so rendering the same decision twice would measure
its cache, not the work. The timings go through the app's own functions
(awards.documents.decision_pdf / decision_docx / certificates_pdf), database reads included.
The first PDF call of a process also loads the fonts and parses the templates; it is reported
apart, as a web worker pays it once. Results: bench/results/awards.json and awards.md.
"""

import argparse
import datetime
import json
import os
import platform
import random
import statistics
import time

from bench.common import DATA_DIR, RESULTS_DIR, setup_django

SEED = 20261215
FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô"]
MIDDLE = ["Thị", "Văn", "Đức", "Ngọc", "Minh", "Thu", "Hữu", "Thanh", "Quang", "Bích"]
GIVEN = ["Hằng", "An", "Bình", "Cường", "Dung", "Giang", "Hà", "Hải", "Hương", "Khánh", "Lan", "Long", "Mai", "Nam"]
POSITIONS = ["Giáo viên", "Công nhân may", "Kế toán", "Tổ trưởng sản xuất", "Nhân viên kỹ thuật", "Y sĩ"]
ACHIEVEMENTS = [
    "Hoàn thành xuất sắc nhiệm vụ năm 2026, tích cực tham gia phong trào thi đua “Lao động giỏi, Lao động sáng tạo”",
    "Có sáng kiến cải tiến quy trình được Hội đồng sáng kiến công nhận, làm lợi 120 triệu đồng/năm",
    "Vượt 15% định mức sản xuất, không để xảy ra sai sót, gương mẫu chấp hành nội quy lao động",
    "Tích cực tham gia công tác công đoàn, vận động 100% người lao động gia nhập công đoàn",
]


def _cpu() -> float:
    """CPU seconds of this process and of its finished children (isolated Typst compiles)."""
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def _rows(name: str, data: bytes) -> str:
    """What was rendered, to check that every awardee is there: pages of the PDF, table rows
    of the DOCX (header, group titles and one per awardee)."""
    import io
    import re
    import zipfile

    if name.endswith("pdf"):
        return f"{len(re.findall(rb'/Type/Page[^s]', data))} pages"
    xml = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml")
    return f"{xml.count(b'<w:tr>') + xml.count(b'<w:tr ')} table rows"


def build(awardees: int, decisions: int, certificates: int, log) -> dict:
    """The database: a district, its CĐCS, members and the decisions to render."""
    from django.core.management import call_command
    from django.db import transaction

    from thidua.awards.models import Award, AwardCategory, AwardKind, Decision, DecisionStatus, SubjectKind
    from thidua.documents.models import DocType
    from thidua.documents.services import take_number
    from thidua.org.models import Member, Unit, UnitKind
    from thidua.org.tests.factories import make_unit

    start = time.perf_counter()
    call_command("migrate", verbosity=0)
    log(f"migrated in {time.perf_counter() - start:.0f} s")
    rng = random.Random(SEED)
    if not UnitKind.objects.exists():
        raise SystemExit("unit kinds missing after migrate")
    city = make_unit(
        make_unit(None, "confederation", "Tổng Liên đoàn Lao động Việt Nam"), "province", "LĐLĐ thành phố Hà Nội"
    )
    district = make_unit(city, "district", "LĐLĐ quận Long Biên")
    cdcs = [make_unit(district, "grassroots", f"CĐCS Trường THCS số {n}", sector="school") for n in range(1, 51)]
    kinds = {}
    for code, name, category, order in (
        ("lao-dong-tien-tien", "Lao động tiên tiến", AwardCategory.STATE_TITLE, 10),
        ("giay-khen-cap-tren-co-so", "Giấy khen của Công đoàn cấp trên trực tiếp cơ sở", AwardCategory.FORM, 80),
    ):
        kinds[code], _ = AwardKind.objects.update_or_create(
            code=code,
            defaults={
                "name": name,
                "category": category,
                "subject": SubjectKind.BOTH,
                "issuer_level": 2,
                "order": order,
            },
        )
    sizes = [awardees] * decisions + [certificates]
    total = sum(sizes)
    members = [
        Member(
            full_name=f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)} {n}",
            gender="female",
            unit=cdcs[n % len(cdcs)],
            position=rng.choice(POSITIONS),
        )
        for n in range(total)
    ]
    Member.objects.bulk_create(members, batch_size=2000)
    members = list(Member.objects.order_by("pk").values_list("pk", "full_name", "unit_id", "position"))
    unit_names = dict(Unit.objects.values_list("pk", "name"))
    ids = []
    offset = 0
    for n, size in enumerate(sizes):
        with transaction.atomic():
            day = datetime.date(2026, 12, 15)
            decision = Decision.objects.create(
                unit=district, title="Về việc khen thưởng năm 2026", status=DecisionStatus.ISSUED, issued_on=day
            )
            decision.register_entry = take_number(None, district, DocType.DECISION, issued_on=day, title=decision.title)
            decision.save(update_fields=["register_entry"])
            Award.objects.bulk_create(
                [
                    Award(
                        award_kind=kinds["lao-dong-tien-tien" if i % 3 else "giay-khen-cap-tren-co-so"],
                        year=2026,
                        decision=decision,
                        unit_id=unit_id,
                        member_id=pk,
                        name=name,
                        position=f"{position}, {unit_names[unit_id]}",
                        achievement=rng.choice(ACHIEVEMENTS),
                        order=i,
                    )
                    for i, (pk, name, unit_id, position) in enumerate(members[offset : offset + size])
                ],
                batch_size=2000,
            )
        offset += size
        ids.append(decision.pk)
        log(f"decision {n + 1}/{len(sizes)}: {size} awards")
    return {"decisions": ids[:-1], "certificates": ids[-1]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--awardees", type=int, default=5000)
    parser.add_argument("--certificates", type=int, default=500)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()

    DATA_DIR.mkdir(exist_ok=True)
    path = DATA_DIR / "awards-bench.sqlite3"
    for suffix in ("", "-wal", "-shm"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)
    setup_django(f"sqlite:///{path}")

    def log(message: str) -> None:
        print(message, flush=True)

    load_start = os.getloadavg()
    ids = build(args.awardees, args.runs, args.certificates, log)

    from thidua.awards import documents
    from thidua.awards.models import Decision

    result: dict = {
        "machine": f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores",
        "load_at_start": [round(x, 2) for x in load_start],
        "awardees": args.awardees,
        "runs": args.runs,
        "certificates": args.certificates,
    }
    for name, render in (("decision_pdf", documents.decision_pdf), ("decision_docx", documents.decision_docx)):
        timings, cpu = [], []
        for n, pk in enumerate(ids["decisions"]):
            decision = Decision.objects.get(pk=pk)
            start, cpu_start = time.perf_counter(), _cpu()
            data = render(decision)
            timings.append(time.perf_counter() - start)
            cpu.append(_cpu() - cpu_start)
            size = len(data)
            log(f"{name} #{n + 1}: {timings[-1]:.2f} s, {size / 1024:.0f} KiB, {_rows(name, data)}")
        # The first call of the process includes font loading and template parsing.
        result[name] = {
            "first_s": round(timings[0], 2),
            "later_median_s": round(statistics.median(timings[1:]), 2) if len(timings) > 1 else None,
            "max_s": round(max(timings), 2),
            "cpu_median_s": round(statistics.median(cpu), 2),
            "size_kib": round(size / 1024),
            "check": _rows(name, data),
            "target_s": 10,
        }
    decision = Decision.objects.get(pk=ids["certificates"])
    start, cpu_start = time.perf_counter(), _cpu()
    pdf = documents.certificates_pdf(decision)
    seconds = time.perf_counter() - start
    cpu_seconds = _cpu() - cpu_start
    result["certificates_pdf"] = {
        "certificates": args.certificates,
        "seconds": round(seconds, 2),
        "per_second": round(args.certificates / seconds, 1),
        "per_cpu_second": round(args.certificates / cpu_seconds, 1),
        "size_kib": round(len(pdf) / 1024),
        "target_per_second": 30,
    }
    log(f"certificates_pdf: {args.certificates} in {seconds:.2f} s = {args.certificates / seconds:.0f}/s")
    award = decision.awards.first()
    timings = []
    for _ in range(10):
        start = time.perf_counter()
        documents.certificate_pdf(award)
        timings.append((time.perf_counter() - start) * 1000)
    result["certificate_pdf_ms"] = {"median": round(statistics.median(timings), 1), "p95": round(_p95(timings), 1)}
    result["load_at_end"] = [round(x, 2) for x in os.getloadavg()]
    import resource

    # Peak memory of this process (the web worker's part): documents above
    # documents.ISOLATE_ABOVE rows are compiled in a child process, whose memory is not here.
    result["worker_peak_rss_mib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024

    RESULTS_DIR.mkdir(exist_ok=True)
    (RESULTS_DIR / "awards.json").write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    markdown = _markdown(result)
    (RESULTS_DIR / "awards.md").write_text(markdown, encoding="utf-8")
    print(markdown)


def _markdown(r: dict) -> str:
    pdf, docx, certs = r["decision_pdf"], r["decision_docx"], r["certificates_pdf"]

    def later(d):
        return f"{d['later_median_s']:.2f} s" if d["later_median_s"] is not None else "—"

    return "\n".join(
        [
            "## Awards",
            "",
            f"`bench/bench_awards.py --awardees {r['awardees']} --runs {r['runs']} --certificates {r['certificates']}`: "
            f"{r['runs']} decisions of {r['awardees']:,} awardees each (other names in each, so no Typst cache "
            f"helps), read from SQLite and rendered by `awards.documents`. Load average at the start "
            f"{', '.join(map(str, r['load_at_start']))}, at the end {', '.join(map(str, r['load_at_end']))} "
            f"({r['machine']}).",
            "",
            "| measure | first call of the process | later calls (median) | slowest | CPU (median) | target |",
            "|---|---:|---:|---:|---:|---|",
            f"| decision with {r['awardees']:,} awardees → PDF ({pdf['size_kib']:,} KiB, {pdf['check']}) | "
            f"{pdf['first_s']:.2f} s | "
            f"{later(pdf)} | {pdf['max_s']:.2f} s | {pdf['cpu_median_s']:.2f} s | ≤ 10 s {'ok' if pdf['max_s'] <= 10 else 'MISS'} |",
            f"| decision with {r['awardees']:,} awardees → DOCX ({docx['size_kib']:,} KiB, {docx['check']}) | "
            f"{docx['first_s']:.2f} s | "
            f"{later(docx)} | {docx['max_s']:.2f} s | {docx['cpu_median_s']:.2f} s | ≤ 10 s {'ok' if docx['max_s'] <= 10 else 'MISS'} |",
            "",
            f"Certificates: {certs['certificates']} in one PDF in {certs['seconds']:.2f} s = "
            f"**{certs['per_second']:.0f} per second** ({certs['per_cpu_second']:.0f} per CPU-second; target ≥ 30: "
            f"{'ok' if certs['per_second'] >= 30 else 'MISS'}); one awardee's certificate "
            f"{r['certificate_pdf_ms']['median']:.0f} ms median, {r['certificate_pdf_ms']['p95']:.0f} ms p95. "
            f"Peak memory of the rendering process: {r['worker_peak_rss_mib']} MiB.",
            "",
        ]
    )


if __name__ == "__main__":
    main()
