"""Failure tests: what a production site lives through — a worker killed mid-task, PostgreSQL
cut off during load, a full disk during an upload. Each one skips, saying why, where the
service it needs is missing (a bare machine has neither PostgreSQL nor Redis); CI's PostgreSQL
pass runs them all. They use their own Redis database number and the test database only."""

import datetime
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection

from thidua.campaigns import services as campaigns
from thidua.campaigns.models import Campaign, TargetMode
from thidua.org.models import RoleKind
from thidua.org.tests.factories import make_user

ROOT = Path(__file__).resolve().parents[2]
# Redis database 12: no other test, bench or CI step uses it; emptied before and after.
REDIS_TEST_URL = "redis://127.0.0.1:6379/12"


def _answers(host: str, port: int) -> bool:
    with socket.socket() as sock:
        sock.settimeout(1)
        return sock.connect_ex((host, port)) == 0


@pytest.fixture
def postgres():
    if connection.vendor != "postgresql":
        pytest.skip("cần PostgreSQL: CI chạy lại bộ kiểm thử trên PostgreSQL (DATABASE_URL=postgres://…)")


@pytest.fixture
def redis_broker():
    if not _answers("127.0.0.1", 6379):
        pytest.skip("cần Redis ở 127.0.0.1:6379 cho hàng đợi Celery")
    import redis

    client = redis.Redis.from_url(REDIS_TEST_URL)
    client.flushdb()
    yield REDIS_TEST_URL
    client.flushdb()
    client.close()


def database_url() -> str:
    db = connection.settings_dict
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    return f"postgres://{db.get('USER') or 'postgres'}{password}@{db.get('HOST') or '127.0.0.1'}:{db.get('PORT') or 5432}/{db['NAME']}"


def start_process(args: list[str], log: Path | None = None, **env) -> subprocess.Popen:
    """A process of our own on the test database, in its own process group (killed as one);
    its output goes to `log`, or to a pipe the test reads."""
    output = log.open("w") if log is not None else subprocess.PIPE
    try:
        return subprocess.Popen(
            args,
            cwd=ROOT,
            env={**os.environ, "DATABASE_URL": database_url(), "PYTHONPATH": str(ROOT), **env},
            start_new_session=True,
            stdout=output,
            stderr=subprocess.STDOUT,
            text=True,
        )
    finally:
        if log is not None:
            output.close()


def python() -> str:
    return sys.executable


@pytest.fixture
def campaign(federation):
    officer = make_user("lb_tdkt", RoleKind.EMULATION_OFFICER, federation.long_bien)
    plan = campaigns.create_campaign(
        officer,
        issuer=federation.long_bien,
        kind="peak",
        title="Đợt thi đua cao điểm chào mừng Đại hội Công đoàn quận",
        plan_date=datetime.date(2023, 8, 21),
        starts_on=datetime.date(2023, 8, 16),
        ends_on=datetime.date(2023, 9, 15),
        signer_title="TM. BAN THƯỜNG VỤ\nCHỦ TỊCH",
        signer_name="Nguyễn Trường Giang",
    )
    campaigns.set_targets(officer, plan, mode=TargetMode.ALL_GRASSROOTS)
    campaigns.issue_campaign(officer, Campaign.objects.get(pk=plan.pk))
    return Campaign.objects.get(pk=plan.pk)
