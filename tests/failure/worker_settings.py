"""Settings of the Celery worker the failure tests start: the site's own, with a mail backend
that writes each message to a folder the test reads, and — for the worker the test kills — a
pause after each task has done its work and committed, before the worker acknowledges it: the
moment a kill -9 makes the broker deliver a finished task again."""

import os
import time
from pathlib import Path

from celery.signals import task_postrun, task_prerun

from thidua.settings import *  # noqa: F403

EMAIL_BACKEND = "tests.failure.slow_mail.SlowFileBackend"
EMAIL_FILE_PATH = os.environ["THIDUA_TEST_MAIL_DIR"]
PAUSE_AFTER_TASK = float(os.environ.get("THIDUA_TEST_PAUSE_AFTER_TASK", "0"))


@task_postrun.connect
def _pause_before_acknowledging(task_id=None, **kwargs):
    if PAUSE_AFTER_TASK:
        (Path(EMAIL_FILE_PATH) / f"finished-{task_id}").touch()
        time.sleep(PAUSE_AFTER_TASK)


@task_prerun.connect
def _note_each_run(task_id=None, **kwargs):
    # One line per run of a task, whichever worker runs it: the test waits for the killed
    # worker's task to have run a second time rather than for Redis's queue to look empty (a
    # loaded machine makes the broker hand out slow tasks again after the short visibility
    # timeout, so the queue may not empty for minutes; the extra runs are harmless).
    with open(Path(EMAIL_FILE_PATH).parent / "runs.txt", "a") as runs:
        runs.write(f"{task_id}\n")
