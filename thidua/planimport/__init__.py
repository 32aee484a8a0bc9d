"""Read a higher level's plan (text, Markdown or Word) into a structure a draft campaign is made from.

Pure Python, no database: ``read_text(filename, data)`` turns an upload into text,
``parse(text)`` turns text into a :class:`PlanExtract`. The campaigns app decides what
to do with it (thidua.campaigns.plan_import).
"""

from .structure import (
    Deadline,
    Periodic,
    PlanExtract,
    PlanImportError,
    Reference,
    Responsibility,
    Section,
)

__all__ = [
    "Deadline",
    "Periodic",
    "PlanExtract",
    "PlanImportError",
    "Reference",
    "Responsibility",
    "Section",
    "parse",
    "read_text",
]


def read_text(filename: str, data: bytes) -> str:
    from .reading import read_text as _read_text  # noqa: PLC0415 — keeps the package's import cheap

    return _read_text(filename, data)


def parse(text: str) -> PlanExtract:
    from .parsing import parse as _parse  # noqa: PLC0415 — keeps the package's import cheap

    return _parse(text)
