"""Time the plan importer on the five seeds and score its extraction field by field.

    .venv/bin/python bench/bench_planimport.py [--runs 50]

Timing: `parse()` of each seed's text (read once), the median and the slowest of `--runs`
calls after one warm-up call; `read_text()` apart; and one 2 MB plan (seed 000's body
repeated), read and parsed once. Target: ≤ 20 ms per seed document.

Scoring, against thidua/planimport/tests/expected/<seed>.json (written by hand):
- a scalar field (doc_type, number, date, signer_name…) counts, per seed, one true positive
  when found and equal, one false positive when found and different (plus one false negative
  if a value was expected), one false negative when expected and not found; both empty counts
  nothing;
- a list field (implements, deadlines, sections, recipients…) is compared as a multiset of
  items, each item whole (for objects every key must match: a deadline with the right date
  and a different `what` is one false positive and one false negative); true positives are
  the items in both, false positives the extra found, false negatives the expected missed.
Precision = TP / (TP + FP), recall = TP / (TP + FN), summed over the five seeds; "—" where a
field was neither expected nor found in any seed.

The seeds are also what the parser was written against: these figures say it reads them as a
careful reader does, not how it does on plans it has never seen.

The same scoring runs over the plans in thidua/planimport/tests/documents/ that have a
hand-written expected/<name>.json: plans in other offices' styles (a province's flattened
letterhead, a sectoral union, a school and an enterprise CĐCS, a guidance, a decision, a notice,
a công văn, Markdown) written for the tests, never seen by the parser when they were written.
`--label before` stores that table as planimport-unseen-before.json (the figures before the
parser was changed for them); the report shows it beside the current one.

Results go to bench/results/planimport.json and bench/results/planimport.md.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "thidua.settings")

SEEDS = ROOT / "thidua" / "planimport" / "tests" / "seeds"
EXPECTED = ROOT / "thidua" / "planimport" / "tests" / "expected"
DOCUMENTS = ROOT / "thidua" / "planimport" / "tests" / "documents"
RESULTS = ROOT / "bench" / "results"
TARGET_MS = 20.0


def _key(item) -> str:
    return json.dumps(item, ensure_ascii=False, sort_keys=True)


def score(expected: dict, found: dict, totals: dict, misses: dict, seed: str) -> None:
    for field, want in expected.items():
        got = found.get(field)
        tally = totals.setdefault(field, Counter())
        if isinstance(want, list):
            want_items, got_items = Counter(map(_key, want)), Counter(map(_key, got or []))
            common = want_items & got_items
            tally["tp"] += sum(common.values())
            tally["fp"] += sum((got_items - common).values())
            tally["fn"] += sum((want_items - common).values())
            for item in (want_items - common).elements():
                misses.setdefault(field, []).append(f"{seed}: thiếu {item}")
            for item in (got_items - common).elements():
                misses.setdefault(field, []).append(f"{seed}: thừa {item}")
            continue
        if want is None and got is None:
            continue
        if want is not None and got == want:
            tally["tp"] += 1
            continue
        if got is not None:
            tally["fp"] += 1
        if want is not None:
            tally["fn"] += 1
        misses.setdefault(field, []).append(f"{seed}: cần {want!r}, đọc được {got!r}")


def _ratio(numerator: int, denominator: int) -> float | None:
    return round(numerator / denominator, 3) if denominator else None


def _fields(totals: dict) -> dict:
    return {
        field: {
            **tally,
            "precision": _ratio(tally["tp"], tally["tp"] + tally["fp"]),
            "recall": _ratio(tally["tp"], tally["tp"] + tally["fn"]),
        }
        for field, tally in totals.items()
    }


def score_unseen(parse, read_text, only: set[str] | None = None, exclude: set[str] = frozenset()) -> dict:
    """Precision and recall over the test documents that have a hand-written expected JSON
    (`only` / `exclude`: file names)."""
    totals: dict[str, Counter] = {}
    misses: dict[str, list[str]] = {}
    names = []
    for expected_path in sorted((DOCUMENTS / "expected").glob("*.json")):
        source = next(DOCUMENTS.glob(f"{expected_path.stem}.*"), None)
        if source is None or (only is not None and source.name not in only) or source.name in exclude:
            continue
        names.append(source.name)
        extract = parse(read_text(source.name, source.read_bytes()))
        expected = json.loads(expected_path.read_text(encoding="utf-8"))
        score(expected, extract.as_json(), totals, misses, expected_path.stem)
    return {"documents": names, "fields": _fields(totals), "misses": misses}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--label", default="", help="'before': store the unseen-document table as the baseline")
    args = parser.parse_args()
    import django

    django.setup()
    from thidua.planimport import parse, read_text

    seeds = sorted(SEEDS.glob("*.txt"))
    if not seeds:
        sys.exit(f"no seeds in {SEEDS}")
    timing = []
    totals: dict[str, Counter] = {}
    misses: dict[str, list[str]] = {}
    for path in seeds:
        data = path.read_bytes()
        start = time.perf_counter()
        text = read_text(path.name, data)
        read_ms = (time.perf_counter() - start) * 1000
        parse(text)  # warm-up: regex compilation and imports are paid once per process
        runs, cpu = [], []
        for _ in range(args.runs):
            start, start_cpu = time.perf_counter(), time.process_time()
            extract = parse(text)
            runs.append((time.perf_counter() - start) * 1000)
            cpu.append((time.process_time() - start_cpu) * 1000)
        timing.append(
            {
                "seed": path.stem,
                "bytes": len(data),
                "read_ms": round(read_ms, 2),
                "parse_median_ms": round(statistics.median(runs), 2),
                "parse_max_ms": round(max(runs), 2),
                # CPU time of the process: what the parser costs when the machine is shared
                "parse_cpu_median_ms": round(statistics.median(cpu), 2),
            }
        )
        expected_path = EXPECTED / f"{path.stem}.json"
        if expected_path.exists():
            score(
                json.loads(expected_path.read_text(encoding="utf-8")), extract.as_json(), totals, misses, path.stem[:3]
            )

    seed = seeds[0].read_text(encoding="utf-8")
    body, closing = seed.split("Nơi nhận:")
    start_at = body.index("I. ")
    repeats = (2 * 1024 * 1024) // len(body[start_at:].encode()) + 1
    big = (body + body[start_at:] * repeats + "Nơi nhận:" + closing).encode()
    start = time.perf_counter()
    big_text = read_text("big.txt", big)
    big_read = (time.perf_counter() - start) * 1000
    start = time.perf_counter()
    parse(big_text)
    big_parse = (time.perf_counter() - start) * 1000

    fields = _fields(totals)
    RESULTS.mkdir(exist_ok=True)
    before_path = RESULTS / "planimport-unseen-before.json"
    if args.label == "before":
        before_path.write_text(
            json.dumps(score_unseen(parse, read_text), ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )
    before = json.loads(before_path.read_text(encoding="utf-8")) if before_path.exists() else None
    # The documents of the baseline are scored apart from those written later (after a first
    # round of fixes, to check that they generalise): only the former have "before" figures.
    first = set(before["documents"]) if before else None
    unseen = score_unseen(parse, read_text, only=first)
    later = score_unseen(parse, read_text, exclude=first) if first else None
    later_before_path = RESULTS / "planimport-unseen-later-before.json"
    if later and later_before_path.exists():
        later["before"] = json.loads(later_before_path.read_text(encoding="utf-8"))
    result = {
        "load": ", ".join(f"{x:.1f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "?",
        "runs": args.runs,
        "target_ms": TARGET_MS,
        "timing": timing,
        "two_megabytes": {"bytes": len(big), "read_ms": round(big_read, 1), "parse_ms": round(big_parse, 1)},
        "fields": fields,
        "misses": misses,
        "unseen": unseen,
        "unseen_before": before,
        "unseen_later": later,
    }
    (RESULTS / "planimport.json").write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    markdown = _markdown(result)
    (RESULTS / "planimport.md").write_text(markdown, encoding="utf-8")
    print(markdown)


def _fmt(value) -> str:
    return "—" if value is None else f"{value:.2f}"


def _markdown(result: dict) -> str:
    lines = [
        "## Plan import",
        "",
        f"`bench/bench_planimport.py --runs {result['runs']}`: `parse()` of each seed's text, median and slowest "
        f"of {result['runs']} calls after a warm-up; target ≤ {result['target_ms']:g} ms per seed document. "
        f"Wall-clock times rise with the machine's load (it is shared); the CPU median is the process's own time. "
        f"Load average at the start of the run: {result.get('load', '?')}.",
        "",
        "| seed | size | read_text | parse median | parse slowest | parse CPU median |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for row in result["timing"]:
        lines.append(
            f"| {row['seed'][:3]} | {row['bytes'] / 1024:.1f} KiB | {row['read_ms']:.2f} ms | "
            f"{row['parse_median_ms']:.2f} ms | {row['parse_max_ms']:.2f} ms | {row['parse_cpu_median_ms']:.2f} ms |"
        )
    big = result["two_megabytes"]
    lines += [
        "",
        f"A {big['bytes'] / 1024 / 1024:.1f} MB plan (seed 000's parts repeated): read {big['read_ms']:.0f} ms, "
        f"parse {big['parse_ms']:.0f} ms, once.",
        "",
        "Precision and recall per JSON field over the five seeds (scalars: one per seed when expected or found; "
        "lists: items as a multiset, an item counts only when all its keys match):",
        "",
        "| field | TP | FP | FN | precision | recall |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for field, tally in result["fields"].items():
        lines.append(
            f"| {field} | {tally.get('tp', 0)} | {tally.get('fp', 0)} | {tally.get('fn', 0)} | "
            f"{_fmt(tally['precision'])} | {_fmt(tally['recall'])} |"
        )
    lines += ["", "What misses on the seeds:", ""]
    if result["misses"]:
        for field, items in result["misses"].items():
            for item in items:
                lines.append(f"- `{field}` {item}")
    else:
        lines.append("- nothing. The seeds are the documents the parser was written against.")
    unseen, before = result["unseen"], result.get("unseen_before")
    lines += [
        "",
        f"### Plans in other offices' styles ({len(unseen['documents'])} documents)",
        "",
        "thidua/planimport/tests/documents/ with expected/<name>.json written by hand before the parser was "
        "changed for them: "
        + ", ".join(f"`{name}`" for name in unseen["documents"])
        + ". Scored the same way"
        + (" — before: the parser as it was when they were written; after: now." if before else "."),
        "",
    ]
    if before:
        lines += [
            "| field | TP | FP | FN | precision before | recall before | precision | recall |",
            "|---|---:|---:|---:|---:|---:|---:|---:|",
        ]
    else:
        lines += ["| field | TP | FP | FN | precision | recall |", "|---|---:|---:|---:|---:|---:|"]
    sums, sums_before = Counter(), Counter()
    for field, tally in unseen["fields"].items():
        sums.update({k: tally.get(k, 0) for k in ("tp", "fp", "fn")})
        row = f"| {field} | {tally.get('tp', 0)} | {tally.get('fp', 0)} | {tally.get('fn', 0)} | "
        if before:
            old = before["fields"].get(field, {})
            sums_before.update({k: old.get(k, 0) for k in ("tp", "fp", "fn")})
            row += f"{_fmt(old.get('precision'))} | {_fmt(old.get('recall'))} | "
        lines.append(row + f"{_fmt(tally['precision'])} | {_fmt(tally['recall'])} |")
    total = f"| all fields | {sums['tp']} | {sums['fp']} | {sums['fn']} | "
    if before:
        total += (
            f"{_fmt(_ratio(sums_before['tp'], sums_before['tp'] + sums_before['fp']))} | "
            f"{_fmt(_ratio(sums_before['tp'], sums_before['tp'] + sums_before['fn']))} | "
        )
    total += (
        f"{_fmt(_ratio(sums['tp'], sums['tp'] + sums['fp']))} | {_fmt(_ratio(sums['tp'], sums['tp'] + sums['fn']))} |"
    )
    lines.append(total)
    later = result.get("unseen_later")
    if later and later["documents"]:
        tally = Counter()
        for field_tally in later["fields"].values():
            tally.update({k: field_tally.get(k, 0) for k in ("tp", "fp", "fn")})
        lines += [
            "",
            f"Written after the first round of fixes, to check they generalise ({len(later['documents'])} documents: "
            + ", ".join(f"`{name}`" for name in later["documents"])
            + f"): all fields TP {tally['tp']}, FP {tally['fp']}, FN {tally['fn']}, precision "
            f"{_fmt(_ratio(tally['tp'], tally['tp'] + tally['fp']))}, recall "
            f"{_fmt(_ratio(tally['tp'], tally['tp'] + tally['fn']))}.",
        ]
        if later.get("before"):
            old = Counter()
            for field_tally in later["before"]["fields"].values():
                old.update({k: field_tally.get(k, 0) for k in ("tp", "fp", "fn")})
            lines[-1] += (
                f" At first sight (parser {later['before'].get('parser', '')}): TP {old['tp']}, FP {old['fp']}, "
                f"FN {old['fn']}, precision {_fmt(_ratio(old['tp'], old['tp'] + old['fp']))}, recall "
                f"{_fmt(_ratio(old['tp'], old['tp'] + old['fn']))}."
            )
    lines += ["", "What still misses on them:", ""]
    all_misses = {**unseen["misses"]}
    for field, items in (later or {}).get("misses", {}).items():
        all_misses.setdefault(field, []).extend(items)
    if all_misses:
        for field, items in all_misses.items():
            for item in items:
                lines.append(f"- `{field}` {item}")
    else:
        lines.append("- nothing on these documents; plans written in yet other ways will still miss.")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    main()
