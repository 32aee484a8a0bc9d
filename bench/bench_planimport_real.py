"""Header fields of real public documents the parser was not written for (issue 17, Build 4).

    .venv/bin/python bench/bench_planimport_real.py [--label before]

thidua/planimport/tests/real/ holds copies of public plans, guidance letters, decisions and
reports from union, school and government sites (expected.json: the source address and the
header fields written by hand from reading each one). Each is read with `read_text` + `parse`
and its header fields (type, number, symbol, issuer and its parent, place, date, summary,
signer) compared with the hand-written values. A field counts when either side has a value:
correct = equal, wrong = found and different, missed = empty where a value was expected.
Accuracy = correct / counted; precision = correct / found; recall = correct / expected.

Results go to bench/results/planimport-real[-before].json and .md; nothing is asserted here
(thidua/planimport/tests/test_real_documents.py holds the test).
"""

from __future__ import annotations

import json
import os
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "thidua.settings")

from bench.common import run_before_after  # noqa: E402 — after the path above

REAL = ROOT / "thidua" / "planimport" / "tests" / "real"


def measure() -> dict:
    from thidua.planimport import parse, read_text
    from thidua.planimport.tests.degrade import HEADER_FIELDS, header_of

    expected = json.loads((REAL / "expected.json").read_text(encoding="utf-8"))
    total: Counter = Counter()
    per_field: dict[str, Counter] = {field: Counter() for field in HEADER_FIELDS}
    details = []
    for name, want in expected.items():
        path = REAL / f"{name}.txt"
        found = header_of(parse(read_text(path.name, path.read_bytes())))
        for field in HEADER_FIELDS:
            got, value = found[field], want[field]
            if got is None and value is None:
                continue
            outcome = "correct" if got == value else ("missed" if got is None else "wrong")
            total[outcome] += 1
            per_field[field][outcome] += 1
            if outcome == "wrong" and value is not None:
                total["wrong_expected"] += 1
                per_field[field]["wrong_expected"] += 1
            if outcome != "correct":
                details.append(f"{name} {field}: {outcome}, found {got!r}, expected {value!r}")
    return {
        "documents": list(expected),
        "total": dict(total),
        "fields": {k: dict(v) for k, v in per_field.items()},
        "details": details,
    }


def rates(tally: dict) -> tuple[float, float | None, float | None]:
    correct, wrong, missed = tally.get("correct", 0), tally.get("wrong", 0), tally.get("missed", 0)
    counted = correct + wrong + missed
    found = correct + wrong
    expected = correct + missed + tally.get("wrong_expected", 0)
    return (
        correct / counted if counted else 1.0,
        correct / found if found else None,
        correct / expected if expected else None,
    )


def markdown(result: dict, before: dict | None) -> str:
    def pct(value):
        return "—" if value is None else f"{100 * value:.1f} %"

    accuracy, precision, recall = rates(result["total"])
    lines = [
        f"{len(result['documents'])} real documents; header fields counted where the hand-written value or the "
        "parse has one.",
        "",
        "| | accuracy | precision | recall | correct | wrong | missed |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    if before:
        b = rates(before["total"])
        t = before["total"]
        lines.append(
            f"| before | {pct(b[0])} | {pct(b[1])} | {pct(b[2])} | {t.get('correct', 0)} | {t.get('wrong', 0)} | "
            f"{t.get('missed', 0)} |"
        )
    t = result["total"]
    lines.append(
        f"| now | {pct(accuracy)} | {pct(precision)} | {pct(recall)} | {t.get('correct', 0)} | {t.get('wrong', 0)} | "
        f"{t.get('missed', 0)} |"
    )
    lines += ["", "| field | precision | recall | wrong | missed |", "|---|---:|---:|---:|---:|"]
    for field, tally in result["fields"].items():
        _a, p, r = rates(tally)
        lines.append(f"| {field} | {pct(p)} | {pct(r)} | {tally.get('wrong', 0)} | {tally.get('missed', 0)} |")
    if result["details"]:
        lines += ["", "Not right:", ""] + [f"- {line}" for line in result["details"]]
    return "\n".join(lines) + "\n"


def main() -> None:
    run_before_after("planimport-real", measure, markdown)


if __name__ == "__main__":
    main()
