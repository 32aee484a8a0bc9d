"""manage.py import_plan FILE [--json]."""

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

REPO = Path(__file__).resolve().parents[3]
SEED = Path(__file__).resolve().parent / "seeds" / "000_4c023d7e489fd871.txt"
EXPECTED = Path(__file__).resolve().parent / "expected" / "000_4c023d7e489fd871.json"


def _need_seed():
    if not SEED.exists():
        pytest.skip(f"seed {SEED} is not on this machine")


def test_json_output_is_the_seeds_extraction():
    _need_seed()
    out = io.StringIO()
    call_command("import_plan", str(SEED), "--json", stdout=out)
    text = out.getvalue()
    assert json.loads(text) == json.loads(EXPECTED.read_text(encoding="utf-8"))
    assert "Nguyễn Trường Giang" in text  # ensure_ascii=False: Vietnamese as written
    assert text.startswith('{\n  "doc_type"')  # indented by 2


def test_summary_reads_in_vietnamese():
    _need_seed()
    out = io.StringIO()
    call_command("import_plan", str(SEED), stdout=out)
    text = out.getvalue()
    assert "Số, ký hiệu: 32/KH-LDLĐ" in text
    assert "Thời gian thi đua: 16/08/2023 → 15/09/2023" in text
    assert "  - 18/09/2023: Ban chấp hành công đoàn cơ sở triển khai thực hiện tốt kế hoạch" in text


def test_unreadable_file_is_a_vietnamese_error(tmp_path):
    empty = tmp_path / "kehoach.txt"
    empty.write_bytes(b"   \n")
    with pytest.raises(CommandError, match="Tệp trống"):
        call_command("import_plan", str(empty))


def test_exit_status_is_one_on_a_bad_file(tmp_path):
    old_word = tmp_path / "kehoach.doc"
    old_word.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    result = subprocess.run(
        [sys.executable, str(REPO / "manage.py"), "import_plan", str(old_word)],
        capture_output=True,
        text=True,
        cwd=REPO,
        check=False,
    )
    assert result.returncode == 1
    assert "lưu lại dưới dạng .docx" in result.stderr
