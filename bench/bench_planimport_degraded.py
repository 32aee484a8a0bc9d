"""Header fields of the clean test documents, read again after each degradation (issue 17).

    .venv/bin/python bench/bench_planimport_degraded.py [--label before]

Every clean plan the tests hold (thidua/planimport/tests/seeds and documents/) is parsed as it
is, then after each degradation of thidua/planimport/tests/degrade.py (one line, header on one
line, columns interleaved, "|" rows, PDF font damage, short words dropped). Per degradation and
per header field: correct = equal to the clean parse, wrong = found and different, missed =
empty where the clean parse found a value. Precision = correct / (correct + wrong), recall =
correct / (correct + wrong + missed) over the fields the clean parse found.

Results go to bench/results/planimport-degraded[-before].json and .md.
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


def measure() -> dict:
    from thidua.planimport import parse, read_text
    from thidua.planimport.tests.degrade import DEGRADATIONS, HEADER_FIELDS, documents, header_of, same

    table: dict = {}
    misses: dict = {}
    for path in documents():
        text = read_text(path.name, path.read_bytes())
        clean = header_of(parse(text))
        # The clean parse against the extraction written by hand (expected/, documents/expected/).
        written = _expected(path)
        if written is not None:
            for field in HEADER_FIELDS:
                want, got = written.get(field), clean[field]
                if want is None and got is None:
                    continue
                tally = table.setdefault("clean", {}).setdefault(field, Counter())
                if got == want:
                    tally["correct"] += 1
                elif got is None:
                    tally["missed"] += 1
                else:
                    tally["wrong"] += 1
                    tally["expected"] += want is not None
                    misses.setdefault("clean", []).append(f"{path.stem} {field}: {got!r} instead of {want!r}")
        for name, degrade in DEGRADATIONS.items():
            try:
                found = header_of(parse(degrade(text)))
            except Exception as exc:  # a refusal counts every field missed
                found = dict.fromkeys(HEADER_FIELDS)
                misses.setdefault(name, []).append(f"{path.stem}: {exc}")
            for field in HEADER_FIELDS:
                want, got = clean[field], found[field]
                if want is None and got is None:
                    continue
                tally = table.setdefault(name, {}).setdefault(field, Counter())
                if want is not None and same(field, want, got, name):
                    tally["correct"] += 1
                elif got is None:
                    tally["missed"] += 1
                    misses.setdefault(name, []).append(f"{path.stem} {field}: missed {want!r}")
                else:
                    tally["wrong"] += 1
                    if want is not None:
                        tally["expected"] += 1
                    misses.setdefault(name, []).append(f"{path.stem} {field}: {got!r} instead of {want!r}")
    return {"documents": [p.name for p in documents()], "table": table, "misses": misses}


def _expected(path: Path) -> dict | None:
    for folder in (path.parent / "expected", path.parent.parent / "expected"):
        candidate = folder / f"{path.stem}.json"
        if candidate.exists():
            return json.loads(candidate.read_text(encoding="utf-8"))
    return None


def _totals(fields: dict) -> Counter:
    total = Counter()
    for tally in fields.values():
        total.update(tally)
    return total


def rates(tally) -> tuple[float | None, float | None]:
    correct, wrong = tally.get("correct", 0), tally.get("wrong", 0)
    expected = correct + tally.get("missed", 0) + tally.get("expected", 0)
    precision = correct / (correct + wrong) if correct + wrong else None
    recall = correct / expected if expected else None
    return precision, recall


def markdown(result: dict, before: dict | None) -> str:
    def pct(value):
        return "—" if value is None else f"{100 * value:.0f} %"

    lines = [
        f"{len(result['documents'])} clean documents (5 seeds, {len(result['documents']) - 5} in other styles); "
        "header fields doc_type, number, symbol, issuer, issuer_parent, place, date, title, signer_title, "
        "signer_name compared with the clean parse. Precision = correct / found, recall = correct / found in the "
        "clean parse" + (" — before the fixes of issue 17, then now." if before else "."),
        "",
        ("| degradation | precision before | recall before | precision | recall | wrong | missed |" if before
         else "| degradation | precision | recall | wrong | missed |"),
        "|---|" + "---:|" * (6 if before else 4),
    ]  # fmt: skip
    for name, fields in result["table"].items():
        total = _totals(fields)
        precision, recall = rates(total)
        row = f"| {name} | "
        if before:
            old_p, old_r = rates(_totals(before["table"].get(name, {})))
            row += f"{pct(old_p)} | {pct(old_r)} | "
        lines.append(row + f"{pct(precision)} | {pct(recall)} | {total['wrong']} | {total['missed']} |")
    lines += [
        "",
        "Precision / recall per field (now): `clean` is the clean parse against the fields written by hand; "
        "each degradation against the clean parse.",
        "",
    ]
    names = list(result["table"])
    fields = list(next(iter(result["table"].values())))
    lines += ["| field | " + " | ".join(names) + " |", "|---|" + "---:|" * len(names)]
    for field in fields:
        cells = []
        for name in names:
            precision, recall = rates(result["table"][name].get(field, {}))
            cells.append(f"{pct(precision)} / {pct(recall)}")
        lines.append(f"| {field} | " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def main() -> None:
    run_before_after("planimport-degraded", measure, markdown)


if __name__ == "__main__":
    main()
