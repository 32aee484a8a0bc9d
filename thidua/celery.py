"""Celery application.

In production (REDIS_URL set) tasks go to Redis and a worker runs them. On the embedded
default there is no broker: `task_always_eager` runs them in-process, so `make run` needs
nothing but Python.
"""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "thidua.settings")

app = Celery("thidua")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
