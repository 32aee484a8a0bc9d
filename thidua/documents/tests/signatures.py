"""Reading a paper's signature block back (issue 15): the PDF's text by pdftotext -layout, and
a check that the signer's title lines and name come in order, each on a line of its own."""

import re
import shutil
import subprocess

import pytest


def pdf_lines(pdf: bytes) -> list[str]:
    """The PDF's text lines as laid out: the signature column sits right of "Nơi nhận"."""
    pdftotext = shutil.which("pdftotext")
    if pdftotext is None:
        pytest.skip("pdftotext is missing: apt-get install -y poppler-utils")
    out = subprocess.run([pdftotext, "-layout", "-", "-"], input=pdf, capture_output=True, check=True).stdout
    return [line for line in out.decode("utf-8").splitlines() if line.strip()]


def _last_column(line: str) -> str:
    return " ".join(re.split(r"\s{2,}", line.strip())[-1].split())


def assert_signed(lines: list[str], *parts: str, after: str = "") -> None:
    """`parts` (the title's lines, then the name) are the right-hand text of successive lines,
    in this order, below the line holding `after` when given."""
    at = next((i for i, line in enumerate(lines) if after in line), None) if after else 0
    assert at is not None, f"{after!r} not found"
    start = at
    for part in parts:
        found = next((i for i in range(at, len(lines)) if _last_column(lines[i]) == part), None)
        assert found is not None, (
            f"{part!r} is not a line of its own after {lines[at - 1] if at else 'the top'!r}: "
            + (" | ".join(_last_column(line) for line in lines[start:]))
        )
        at = found + 1
