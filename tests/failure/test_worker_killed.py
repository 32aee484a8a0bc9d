"""A worker killed mid-task (kill -9, as the kernel's OOM killer or a power cut does) — here
after its task sent the email and committed, before it acknowledged the task: the broker gives
the task to another worker, which runs it again, and the effect still happens once — one email
per reminder, no reminder twice; a document number taken by a process killed before it committed is given back, so the
register has neither a gap nor a duplicate."""

import datetime
import os
import signal
import subprocess
import time
from pathlib import Path

import pytest
from celery import Celery
from django.db import transaction

from tests.failure.conftest import python, start_process
from thidua.core.models import Effect
from thidua.documents import services as documents
from thidua.documents.models import RegisterEntry
from thidua.org.models import RoleKind
from thidua.org.tests.factories import SYSTEM, make_user
from thidua.reports import reminders, services
from thidua.reports.models import Reminder
from thidua.reports.tests.conftest import make_quarterly

pytestmark = [pytest.mark.failure, pytest.mark.django_db(transaction=True)]


def _wait_for(condition, what: str, seconds: float = 90):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.05)
    raise AssertionError(f"gave up waiting for {what}")


def _kill(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    if proc.stdout is not None:
        proc.stdout.close()


def _worker(name: str, broker: str, mail_dir: Path, **env) -> subprocess.Popen:
    return start_process(
        [
            python(),
            "-m",
            "celery",
            "-A",
            "thidua",
            "worker",
            "--concurrency=1",
            "--loglevel=WARNING",
            "-n",
            f"{name}@%h",
        ],
        log=mail_dir.parent / f"worker-{name}.log",
        DJANGO_SETTINGS_MODULE="tests.failure.worker_settings",
        REDIS_URL=broker,
        THIDUA_TEST_MAIL_DIR=str(mail_dir),
        # A killed worker's unacknowledged task goes to another worker after this many seconds.
        CELERY_VISIBILITY_TIMEOUT="2",
        THIDUA_TEST_MAIL_DELAY="0.2",
        **env,
    )


@pytest.fixture
def reminders_due(federation, monkeypatch):
    """Three CĐCS with an email address, each reminded of the city's quarterly report; the
    emails not sent yet (their tasks are queued by the test)."""
    officer = make_user("hn_tdkt", RoleKind.EMULATION_OFFICER, federation.city)
    for unit, address in (
        (federation.school, "thcsgiathuy@example.vn"),
        (federation.company, "maydg@example.vn"),
        (federation.gia_lam_cdcs, "xadaton@example.vn"),
    ):
        unit.email = address
        unit.save(update_fields=["email"])
    form = make_quarterly(officer, federation.city)
    services.publish_form(officer, form, today=datetime.date(2023, 8, 16))
    with monkeypatch.context() as patch:
        patch.setattr(reminders, "_queue_email", lambda reminder_id: None)
        reminders.send_reminders(datetime.date(2023, 9, 11))
    return list(Reminder.objects.values_list("pk", flat=True))


def test_worker_killed_while_sending_a_reminder_email_sends_each_email_once(
    postgres, redis_broker, reminders_due, tmp_path
):
    mail_dir = tmp_path / "mail"
    mail_dir.mkdir()
    broker = Celery("failure-test", broker=redis_broker)
    for reminder_id in reminders_due:
        broker.send_task("reports.send_reminder_email", args=[reminder_id])

    first = _worker("first", redis_broker, mail_dir, THIDUA_TEST_PAUSE_AFTER_TASK="120")
    try:
        # The first email is sent and its task returned; the worker has not acknowledged it yet.
        finished = _wait_for(lambda: list(mail_dir.glob("finished-*")), "the first worker to finish a task")
    finally:
        _kill(first)
    task_id = finished[0].name.removeprefix("finished-")

    def runs_of(task: str) -> int:
        runs = tmp_path / "runs.txt"
        return runs.read_text().split().count(task) if runs.exists() else 0

    assert len(list(mail_dir.glob("mail-*"))) == 1

    second = _worker("second", redis_broker, mail_dir)
    try:
        # The broker gives the unacknowledged task to the second worker, with the two others.
        _wait_for(lambda: len(list(mail_dir.glob("mail-*"))) >= 3, "the second worker to send the other emails")
        _wait_for(lambda: runs_of(task_id) >= 2, "the second worker to run the killed worker's task again")
    finally:
        _kill(second)

    sent = sorted(path.read_text().splitlines()[0] for path in mail_dir.glob("mail-*"))
    assert sent == ["maydg@example.vn", "thcsgiathuy@example.vn", "xadaton@example.vn"]
    # The task that was delivered again ran again, found its email claimed and sent nothing.
    assert len(list(mail_dir.glob("started-*"))) == 3
    assert Reminder.objects.count() == 3
    assert sorted(Effect.objects.filter(kind=reminders.EMAIL_EFFECT).values_list("object_id", flat=True)) == sorted(
        reminders_due
    )


TAKE_AND_HANG = """
import datetime, sys, time
import django
django.setup()
from django.db import transaction
from thidua.core.access import system_actor
from thidua.documents import services
from thidua.org.models import Unit
with transaction.atomic():
    entry = services.take_number(system_actor("tests"), Unit.objects.get(pk={unit}), "QĐ", issued_on=datetime.date(2026, 3, 2), title="Quyết định khen thưởng")
    print(entry.number, flush=True)
    time.sleep(120)  # killed here, before the commit
"""


def test_process_killed_holding_a_document_number_leaves_no_gap(postgres, federation):
    with transaction.atomic():
        first = documents.take_number(
            SYSTEM, federation.long_bien, "QĐ", issued_on=datetime.date(2026, 3, 1), title="Quyết định số một"
        )
    assert first.number == 1
    proc = start_process([python(), "-c", TAKE_AND_HANG.format(unit=federation.long_bien.pk)])
    try:
        line = proc.stdout.readline()
        assert line.strip() == "2", line + (proc.stdout.read() if proc.poll() is not None else "")
    finally:
        _kill(proc)
    # The killed process's transaction died with it: number 2 is free again, and taken once.
    with transaction.atomic():
        again = documents.take_number(
            SYSTEM, federation.long_bien, "QĐ", issued_on=datetime.date(2026, 3, 3), title="Quyết định số hai"
        )
    assert again.number == 2
    numbers = list(
        RegisterEntry.objects.filter(unit=federation.long_bien).order_by("number").values_list("number", flat=True)
    )
    assert numbers == [1, 2]
