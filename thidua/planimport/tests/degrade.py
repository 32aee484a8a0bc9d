"""The damage real copies of a plan carry, applied to the clean documents the tests hold
(issue 17, Build 1). Used by test_degradation.py and bench/bench_planimport_degraded.py.

Each degradation takes a document's text and returns it as an office may paste it:
- ``one_line``: the whole document on one line (copied out of a web page or a PDF);
- ``header_one_line``: the letterhead, type and title on one line, the body as it was;
- ``interleaved``: the letterhead's two columns interleaved line by line onto one line
  ("LĐLĐ TP … CỘNG HÒA … LĐLĐ QUẬN … Độc lập … Số: 32/KH-LĐLĐ Long Biên, ngày …");
- ``pipes``: the letterhead as "left | right" rows, a Word table flattened with bars;
- ``font_damage``: a PDF's font that lost letters: "đoàn" → "đồn", "công" → "cơng",
  "yêu" → "u", "không" → "khơng" (ô → ơ, oà → ồ, yêu → u);
- ``short_words_dropped``: every other word of one or two letters lost ("Căn [cứ] Kế hoạch …").
"""

from __future__ import annotations

import re
from pathlib import Path

from thidua.planimport.normalize import fold

HERE = Path(__file__).resolve().parent
HEADER_FIELDS = (
    "doc_type", "number", "symbol", "issuer", "issuer_parent", "place", "date", "title", "signer_title", "signer_name",
)  # fmt: skip


def documents() -> list[Path]:
    """Every clean plan the tests hold: the seeds, the documents in other styles and the real copies."""
    return (
        sorted((HERE / "seeds").glob("*.txt"))
        + sorted(p for p in (HERE / "documents").iterdir() if p.suffix in (".txt", ".md"))
        + sorted((HERE / "real").glob("*.txt"))
    )


_BODY_START = re.compile(r"^(?:can cu|thuc hien|huong ung|tren co so|kinh gui|theo|i\s*[.)/:-]|phan i\b|#)")
_DOC_TYPE = re.compile(
    r"^\W*(?:ke hoach|huong dan|quyet dinh|thong bao|bao cao|chuong trinh|cong van|nghi quyet|v\s*/\s*v)\b"
)
_RIGHT = re.compile(r"cong hoa xa hoi|doc lap\s*[-–]|dang cong san|,\s*ngay\b|^[\s\-–_*=~.]+$")


def _split(text: str) -> tuple[list[str], list[str], list[str]]:
    """(letterhead lines, type and title lines, the rest) of a document, by its raw lines."""
    lines = [line for line in text.split("\n") if line.strip()]
    letterhead: list[str] = []
    title: list[str] = []
    index = 0
    while index < len(lines) and index < 14:
        folded = fold(lines[index].strip().strip("*#| "))
        if _BODY_START.match(folded) and not _DOC_TYPE.match(folded):
            break
        if _DOC_TYPE.match(folded) or title:
            title.append(lines[index])
        else:
            letterhead.append(lines[index])
        index += 1
    if not title:  # no type line: the letterhead ran into the body; keep it as letterhead only
        return letterhead, [], lines[index:]
    return letterhead, title, lines[index:]


def _columns(letterhead: list[str]) -> tuple[list[str], list[str]]:
    left: list[str] = []
    right: list[str] = []
    for line in letterhead:
        cells = [c.strip() for c in re.split(r"\t+| {3,}|\s\|\s|^\||\|$", line.strip()) if c.strip()]
        for cell in cells:
            (right if _RIGHT.search(fold(cell)) else left).append(cell)
    return left, right


def one_line(text: str) -> str:
    return " ".join(line.strip() for line in text.split("\n") if line.strip())


def header_one_line(text: str) -> str:
    letterhead, title, rest = _split(text)
    head = " ".join(line.strip() for line in letterhead + title)
    return "\n".join([head, *rest])


def interleaved(text: str) -> str:
    letterhead, title, rest = _split(text)
    left, right = _columns(letterhead)
    mixed: list[str] = []
    for index in range(max(len(left), len(right))):
        mixed += left[index : index + 1] + right[index : index + 1]
    return "\n".join([" ".join(mixed), *title, *rest])


def pipes(text: str) -> str:
    letterhead, title, rest = _split(text)
    left, right = _columns(letterhead)
    rows = [
        f"{left[i] if i < len(left) else ''} | {right[i] if i < len(right) else ''}".strip(" |")
        for i in range(max(len(left), len(right)))
    ]
    return "\n".join([*rows, *title, *rest])


_FONT = (("ô", "ơ"), ("Ô", "Ơ"), ("oà", "ồ"), ("OÀ", "Ồ"), ("Oà", "Ồ"), ("yêu", "u"), ("YÊU", "U"), ("Yêu", "U"))


def font_damage(text: str) -> str:
    for clean, damaged in _FONT:
        text = text.replace(clean, damaged)
    return text


def short_words_dropped(text: str) -> str:
    count = 0

    def drop(match: re.Match) -> str:
        nonlocal count
        count += 1
        return "" if count % 2 else match.group()

    return re.sub(r"(?<![\w/.-])[^\W\d_]{1,2}(?![\w/-])[ \t]?", drop, text)


DEGRADATIONS = {
    "one_line": one_line,
    "header_one_line": header_one_line,
    "interleaved": interleaved,
    "pipes": pipes,
    "font_damage": font_damage,
    "short_words_dropped": short_words_dropped,
}


def header_of(extract) -> dict:
    values = {name: getattr(extract, name) for name in HEADER_FIELDS}
    return {k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in values.items()}


def same(field: str, clean, degraded, degradation: str) -> bool:
    """A degraded value equals the clean one; under font damage, the clean one as the damage
    prints it (a name "Hoàng" read "Hồng" cannot be known) or repaired."""
    if clean == degraded:
        return True
    if not isinstance(clean, str) or not isinstance(degraded, str):
        return False
    if degradation == "font_damage":
        return font_damage(clean) == font_damage(degraded)
    if degradation == "short_words_dropped":
        return _short_words_lost(clean.split(), degraded.split())
    return False


def _short_words_lost(clean: list[str], degraded: list[str]) -> bool:
    """`degraded` is `clean` as printed with some words of one or two letters lost."""
    index = 0
    for word in clean:
        if index < len(degraded) and degraded[index] == word:
            index += 1
        elif len(word.strip('.,:;“”"()')) > 2:
            return False
    return index == len(degraded)
