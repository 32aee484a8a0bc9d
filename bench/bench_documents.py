"""Time the rendering of the seed-000 plan (6 pages) to PDF (Typst) and DOCX (docxtpl).

    .venv/bin/python bench/bench_documents.py [--runs 20]

The first PDF call of a process loads fonts and parses the template; it is reported apart
(`first call`) and not counted in the runs, as a web worker pays it once.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "thidua.settings")


def _timings(render, doc, runs: int) -> list[float]:
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        render(doc)
        timings.append((time.perf_counter() - start) * 1000)
    return timings


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()

    import django

    django.setup()
    from thidua.documents.rendering import render_docx, render_pdf
    from thidua.documents.tests.seed_documents import seed_000

    doc = seed_000()
    for name, render in (("render_pdf", render_pdf), ("render_docx", render_docx)):
        start = time.perf_counter()
        size = len(render(doc))
        first = (time.perf_counter() - start) * 1000
        timings = _timings(render, doc, args.runs)
        print(
            f"{name:12} runs={args.runs} median={statistics.median(timings):7.1f} ms "
            f"p95={_p95(timings):7.1f} ms  first call={first:7.1f} ms  size={size / 1024:.0f} KiB"
        )


if __name__ == "__main__":
    main()
