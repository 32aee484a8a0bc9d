"""Parse cost grows with the input, not with its square (issue 17, Build 3).

No timing is asserted: the work is counted instead. Every character the parser folds
(normalize.fold) and every character it cuts into sentences (normalize.sentence_spans) is added
up while a 300 KB input is parsed; the sum must stay within a small multiple of the input. Before
the fix, 300 KB of short pasted lines folded each growing paragraph again at every line (about
10⁹ characters, 30–105 s), and a flattened plan cut its one paragraph into sentences again for
every date in it. bench/bench_planimport_scaling.py reports the time ratios.
"""

import io
from pathlib import Path

import docx
import pytest

from thidua.planimport import PlanImportError, normalize, parse, read_text

SEED = Path(__file__).resolve().parent / "seeds" / "000_4c023d7e489fd871.txt"
MODULES = ("normalize", "header", "dates", "sections", "closing", "timing", "references", "reward", "parsing")
SIZE = 300_000


@pytest.fixture
def work(monkeypatch):
    """Characters folded and characters split into sentences, counted across the parser's modules."""
    import importlib

    counted = {"fold": 0, "sentences": 0}
    fold, spans = normalize.fold, normalize.sentence_spans

    def counting_fold(text):
        counted["fold"] += len(text)
        return fold(text)

    def counting_spans(text):
        counted["sentences"] += len(text)
        return spans(text)

    for name in MODULES:
        module = importlib.import_module(f"thidua.planimport.{name}")
        if hasattr(module, "fold"):
            monkeypatch.setattr(module, "fold", counting_fold)
        if hasattr(module, "sentence_spans"):
            monkeypatch.setattr(module, "sentence_spans", counting_spans)
    return counted


def _repeat(unit: str) -> str:
    return "KẾ HOẠCH\nThi đua năm 2024\n" + unit * (SIZE // len(unit) + 1)


def test_pasted_short_lines_in_lower_case_are_one_paragraph_read_once(work):
    text = _repeat("các công đoàn cơ sở tổ chức thi đua lao động giỏi\n")
    extract = parse(text)
    # The lines are the summary's tail, one paragraph of 300 KB: too long to be a summary.
    assert (extract.doc_type, extract.title) == ("KẾ HOẠCH", None)
    assert work["fold"] < 20 * len(text)
    assert work["sentences"] < 20 * len(text)


def test_a_plan_flattened_onto_one_line_is_split_once(work):
    seed = SEED.read_text(encoding="utf-8").replace("\n", " ")
    text = _repeat(seed + " ")
    extract = parse(text)
    assert extract.deadlines  # its dates are read, each in its sentence
    assert work["fold"] < 20 * len(text)
    assert work["sentences"] < 20 * len(text)


def test_a_small_word_file_holding_a_long_pasted_text(work):
    """A .docx compresses repeated lines: 20 KB on disk held the paragraph that took 52 s."""
    document = docx.Document()
    paragraph = document.add_paragraph()
    for _ in range(SIZE // 50):
        paragraph.add_run("các công đoàn cơ sở tổ chức thi đua lao động giỏi").add_break()
    buffer = io.BytesIO()
    document.save(buffer)
    assert len(buffer.getvalue()) < 60_000
    text = read_text("ke-hoach.docx", buffer.getvalue())
    parse("KẾ HOẠCH\nThi đua năm 2024\n" + text)
    assert work["fold"] < 20 * len(text)


def test_a_text_beyond_the_caps_is_refused_with_its_size(settings):
    settings.THIDUA_PLAN_IMPORT_MAX_LINES = 1_000
    text = _repeat("1. Tổ chức thi đua\n")
    with pytest.raises(PlanImportError) as refused:
        parse(text)
    assert str(refused.value).startswith("Văn bản quá dài (15.793 dòng, 300.036 ký tự): chỉ đọc văn bản đến 1.000 dòng")
    settings.THIDUA_PLAN_IMPORT_MAX_CHARS = 100_000
    settings.THIDUA_PLAN_IMPORT_MAX_LINES = 100_000
    with pytest.raises(PlanImportError, match="quá dài"):
        parse(_repeat("các công đoàn cơ sở tổ chức thi đua\n"))


def test_many_duties_under_the_organisation_part_are_read_once_each(monkeypatch):
    """ "TỔ CHỨC THỰC HIỆN" with thousands of "1. Đối với …" parts: the part's level was looked
    for again among all parts for each of them (300 KB: 15,000 × 15,000 parts)."""
    import builtins

    from thidua.planimport import parsing

    looked_at = []

    def counting_min(iterable, **kwargs):
        items = list(iterable)
        looked_at.append(len(items))
        return builtins.min(items, **kwargs)

    monkeypatch.setattr(parsing, "min", counting_min, raising=False)
    unit = "1. Đối với công đoàn cơ sở\nTổ chức thi đua.\n"
    extract = parse("KẾ HOẠCH\nThi đua\nI. TỔ CHỨC THỰC HIỆN\n" + unit * (SIZE // len(unit)))
    assert len(extract.responsibilities) > 5_000
    assert sum(looked_at) < 3 * len(extract.sections)


def test_many_deadlines_in_one_sentence(work):
    """A paragraph without a full stop: each deadline's duty was cut from the whole paragraph."""
    text = "KẾ HOẠCH\nThi đua\nI. TỔ CHỨC THỰC HIỆN\n" + "các đơn vị gửi báo cáo trước ngày 15/6/2024, " * (SIZE // 46)
    extract = parse(text)
    assert len(extract.deadlines) > 5_000
    # In a run-on paragraph each duty stops at the dates either side: it read 1,200 characters
    # around its date (26 deadlines' worth here), and the whole paragraph before that.
    assert work["fold"] < 10 * len(text)
    assert all(len(deadline.source) < 100 for deadline in extract.deadlines)
    assert extract.deadlines[1].what == "Các đơn vị gửi báo cáo"


def test_many_issuers_in_one_basis_clause(monkeypatch):
    """ "Hưởng ứng phong trào “…” của LĐLĐ tỉnh, …" repeated: the text before each "của" was
    searched again for quotes, and the clause copied to its end at each one."""
    import re as real_re

    from thidua.planimport import references

    scanned = [0]

    class CountingRe:
        def __getattr__(self, name):
            return getattr(real_re, name)

        def findall(self, pattern, string, *args):
            scanned[0] += len(string)
            return real_re.findall(pattern, string, *args)

        def match(self, pattern, string, *args):
            scanned[0] += len(string)
            return real_re.match(pattern, string, *args)

    monkeypatch.setattr(references, "re", CountingRe())
    text = "KẾ HOẠCH\nThi đua\n" + "Hưởng ứng phong trào “thi đua” của LĐLĐ tỉnh, " * (SIZE // 47)
    extract = parse(text)
    assert len(extract.implements) > 1_000
    assert scanned[0] < 20 * len(text)
