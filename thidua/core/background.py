"""Running long work (large imports) outside the request.

With a broker (REDIS_URL) the Celery task is queued after commit and a worker runs it. On the
embedded default there is no broker and no worker: the task runs in a daemon thread of the web
process, so the progress page still works on `make run`. Tests run it inline.
"""

import threading

from django.conf import settings
from django.db import close_old_connections, transaction


def enqueue(task, *args, in_process: bool = False) -> None:
    """`in_process`: without a broker, run the task in this process after the commit rather
    than in a thread (a management command ends before its threads do)."""

    def start() -> None:
        if settings.CELERY_BROKER_URL:
            task.delay(*args)
        elif settings.THIDUA_BACKGROUND_INLINE or in_process:
            task.apply(args=args)
        else:
            threading.Thread(target=_run_in_thread, args=(task, args), daemon=True).start()

    transaction.on_commit(start)


def _run_in_thread(task, args) -> None:
    close_old_connections()
    try:
        task.apply(args=args)
    finally:
        close_old_connections()
