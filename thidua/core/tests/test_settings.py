"""Production settings fail fast with a message that names the missing setting."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]


def load_settings(**env) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DEBUG", "ALLOWED_HOSTS", "DATABASE_URL"}}
    return subprocess.run(
        [
            sys.executable,
            "-c",
            "import django, os; os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'thidua.settings'); django.setup()",
        ],
        env={**clean, **env},
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"DEBUG": "False", "ALLOWED_HOSTS": "thidua.example.vn"}, "SECRET_KEY phải được đặt"),
        ({"DEBUG": "False", "SECRET_KEY": "short", "ALLOWED_HOSTS": "x"}, "SECRET_KEY quá ngắn"),
        ({"DEBUG": "False", "SECRET_KEY": "k" * 60}, "ALLOWED_HOSTS phải được đặt"),
    ],
)
def test_production_settings_refuse_to_start_when_unsafe(env, message):
    result = load_settings(**env)
    assert result.returncode != 0
    assert message in result.stderr


def test_production_settings_start_when_complete():
    result = load_settings(DEBUG="False", SECRET_KEY="k" * 60, ALLOWED_HOSTS="thidua.example.vn")
    assert result.returncode == 0, result.stderr
