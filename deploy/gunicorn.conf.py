"""gunicorn settings for thidua (`make web`, `make serve`, or `gunicorn -c deploy/gunicorn.conf.py thidua.wsgi`).

Every value can be changed from the environment (or .env through the Makefile):
GUNICORN_BIND, WEB_CONCURRENCY (worker processes), GUNICORN_THREADS, GUNICORN_TIMEOUT.
"""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# Processes: about two per core. Threads let a process overlap the waits on PostgreSQL/Redis.
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2))
worker_class = "gthread"
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
# Large imports and PDF exports run in the worker, not here: a request longer than this is a bug.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "60"))
graceful_timeout = 30
keepalive = 5
# A worker is replaced after this many requests (with jitter), bounding any slow memory growth.
max_requests = 5000
max_requests_jitter = 500
backlog = 2048
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-")
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
# nginx in front sets X-Forwarded-For/Proto; trust them from these addresses only.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
