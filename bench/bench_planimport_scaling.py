"""Does the plan importer's cost grow linearly with its input? (issue 17, Build 3)

    .venv/bin/python bench/bench_planimport_scaling.py [--sizes 10000,100000,300000,1000000]

Each input shape is built at each size (characters of text) and read with `read_text` +
`parse`; the CPU time of the process (time.process_time, the best of a few runs for the small
sizes) is reported, and the ratio time(1 MB) / time(100 KB): about 10 means linear, 100 means
quadratic. The shapes are those that were quadratic or are the worst a plan editor can send:

- pasted: short lines in lower case without final punctuation, as copied out of a PDF (each
  line is the tail of the one above: 300 KB took 30–105 s);
- flat: seed 000 flattened onto one line, repeated (one paragraph with many dates);
- seed: seed 000 repeated as it is;
- headings: short numbered lines, each a heading;
- duties: "TỔ CHỨC THỰC HIỆN" with hundreds of "1. Đối với …" parts under it (each part's level
  was looked for among all parts: quadratic until issue 17);
- deadlines: one paragraph without a full stop, a deadline every 46 characters (each duty was
  cut from the whole paragraph: quadratic until issue 17);
- docx: the pasted lines inside a Word file (a 20 KB .docx took 52 s).

Results go to bench/results/planimport-scaling.json and .md; no timing is asserted anywhere.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "thidua.settings")

SEED = ROOT / "thidua" / "planimport" / "tests" / "seeds" / "000_4c023d7e489fd871.txt"
RESULTS = ROOT / "bench" / "results"
HEAD = "KẾ HOẠCH\nThi đua năm 2024\n"


def _repeat(unit: str, size: int) -> str:
    return HEAD + unit * (max(size - len(HEAD), 0) // len(unit) + 1)


def build(shape: str, size: int) -> tuple[str, bytes]:
    """(file name, bytes) of `shape` at about `size` characters of text."""
    seed = SEED.read_text(encoding="utf-8")
    if shape == "pasted":
        return "dan.txt", _repeat("các công đoàn cơ sở tổ chức thi đua lao động giỏi\n", size).encode()
    if shape == "flat":
        return "phang.txt", _repeat(seed.replace("\n", " ") + " ", size).encode()
    if shape == "seed":
        return "ke-hoach.txt", _repeat(seed + "\n", size).encode()
    if shape == "duties":
        return "nhiem-vu.txt", _repeat(
            "I. TỔ CHỨC THỰC HIỆN\n" + "1. Đối với công đoàn cơ sở\nTổ chức thi đua.\n" * 400, size
        ).encode()
    if shape == "deadlines":
        unit = "các đơn vị gửi báo cáo trước ngày 15/6/2024, "
        return "han.txt", (HEAD + "I. TỔ CHỨC THỰC HIỆN\n" + unit * (size // len(unit))).encode()
    if shape == "headings":
        return "muc.txt", _repeat("1. Tổ chức thi đua\n", size).encode()
    if shape == "docx":
        import docx

        document = docx.Document()
        paragraph = document.add_paragraph()
        for line in _repeat("các công đoàn cơ sở tổ chức thi đua lao động giỏi\n", size).split("\n"):
            paragraph.add_run(line).add_break()
        buffer = io.BytesIO()
        document.save(buffer)
        return "ke-hoach.docx", buffer.getvalue()
    raise ValueError(shape)


def cpu_seconds(name: str, data: bytes, runs: int) -> float:
    from thidua.planimport import parse, read_text

    best = float("inf")
    for _ in range(runs):
        start = time.process_time()
        parse(read_text(name, data))
        best = min(best, time.process_time() - start)
    return best


SHAPES = ("pasted", "flat", "seed", "headings", "duties", "deadlines", "docx")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="10000,100000,300000,1000000")
    parser.add_argument("--shapes", default=",".join(SHAPES))
    args = parser.parse_args()
    import django

    django.setup()
    sizes = [int(s) for s in args.sizes.split(",")]
    rows = []
    for shape in args.shapes.split(","):
        row = {"shape": shape, "seconds": {}, "bytes": {}}
        for size in sizes:
            name, data = build(shape, size)
            row["bytes"][size] = len(data)
            row["seconds"][size] = round(cpu_seconds(name, data, 3 if size <= 100_000 else 1), 4)
        if 100_000 in row["seconds"] and 1_000_000 in row["seconds"]:
            row["ratio"] = round(row["seconds"][1_000_000] / row["seconds"][100_000], 1)
        rows.append(row)
        print(shape, row["seconds"], row.get("ratio"), flush=True)
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "planimport-scaling.json").write_text(json.dumps({"load": load, "rows": rows}, indent=2) + "\n")
    lines = [
        f"CPU seconds of `read_text` + `parse` (load average {load}); ratio = time(1 MB) / time(100 KB), 10 is linear.",
        "",
        "| shape | " + " | ".join(f"{s // 1000} K chars" for s in sizes) + " | ratio 1M/100K |",
        "|---|" + "---:|" * (len(sizes) + 1),
    ]
    for row in rows:
        cells = " | ".join(f"{row['seconds'][s]:.3f}" for s in sizes)
        lines.append(f"| {row['shape']} | {cells} | {row.get('ratio', '—')} |")
    markdown = "\n".join(lines) + "\n"
    (RESULTS / "planimport-scaling.md").write_text(markdown, encoding="utf-8")
    print(markdown)


if __name__ == "__main__":
    main()
