"""awards split along its layers (issue 19 item 5): the reads in `queries`, the writes in the
`services` package, one module per stage of the flow, each under 600 lines; `services.X` still
answers every caller, with the same function `queries` holds (no second copy to drift)."""

import ast
import inspect
import pathlib

from thidua.awards import queries, services

READS = [
    "procedure_of",
    "due_date",
    "handling_level",
    "requirements_for",
    "subject_kind",
    "missing_requirements",
    "living",
    "quota_left",
    "quota_units",
    "is_form",
    "is_small_collective",
]


def test_the_reads_live_in_queries_and_services_answers_with_the_same_function():
    for name in READS:
        assert getattr(services, name) is getattr(queries, name), name
        assert getattr(queries, name).__module__ == "thidua.awards.queries", name


def test_queries_never_import_the_writes():
    tree = ast.parse(inspect.getsource(queries))
    imported = {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module is not None}
    assert not {m for m in imported if m.startswith("thidua.awards.services")}


def test_each_stage_of_the_services_stays_readable():
    folder = pathlib.Path(services.__file__).parent
    sizes = {path.name: len(path.read_text().splitlines()) for path in folder.glob("*.py")}
    assert {"setup.py", "nominating.py", "review.py", "deciding.py"} <= set(sizes)
    assert max(sizes.values()) <= 600, sizes
