"""What generate.py and run.py share: where a scale's database lives, and Django set-up.

Django reads DATABASE_URL when settings are imported, so the URL must be in the environment
before `django.setup()`: every entry point calls `setup_django()` first thing.
"""

import json
import os
import sys
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
DATA_DIR = BENCH_DIR / "data"  # git-ignored: national-size databases are gigabytes
RESULTS_DIR = BENCH_DIR / "results"
DEFAULT_SCALE = 0.02
PG_BASE_URL = "postgres://postgres@127.0.0.1:5432"


def scale_tag(scale: float) -> str:
    return f"{scale:g}".replace(".", "_")


def default_url(db: str, scale: float) -> str:
    if db == "sqlite":
        return f"sqlite:///{DATA_DIR / f'thidua-s{scale_tag(scale)}.sqlite3'}"
    return f"{PG_BASE_URL}/thidua_bench_s{scale_tag(scale)}"


def manifest_path(url: str) -> Path:
    """A side file that says the database at `url` was generated completely, and how."""
    name = url.rstrip("/").rsplit("/", 1)[-1].removesuffix(".sqlite3")
    kind = "sqlite" if url.startswith("sqlite") else "pg"
    return DATA_DIR / f"{kind}-{name}.json"


def read_manifest(url: str) -> dict | None:
    path = manifest_path(url)
    if not path.exists():
        return None
    return json.loads(path.read_text())


def setup_django(url: str) -> None:
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "thidua.settings")
    root = str(BENCH_DIR.parent)
    if root not in sys.path:
        sys.path.insert(0, root)
    import django

    django.setup()
    from django.conf import settings

    # DEBUG keeps every SQL statement in connection.queries: memory and time we do not measure.
    settings.DEBUG = False


def run_before_after(name: str, measure, markdown) -> None:
    """The accuracy benches' entry point: `--label before` keeps the figures as the baseline
    (`<name>-before.json`/`.md` in results/); a plain run writes `<name>.json`/`.md` with the
    baseline beside it, as `markdown(result, before)` lays them out."""
    import argparse

    import django

    parser = argparse.ArgumentParser()
    parser.add_argument("--label", default="")
    args = parser.parse_args()
    django.setup()
    result = measure()
    RESULTS_DIR.mkdir(exist_ok=True)
    suffix = "-before" if args.label == "before" else ""
    (RESULTS_DIR / f"{name}{suffix}.json").write_text(
        json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    before_path = RESULTS_DIR / f"{name}-before.json"
    before = json.loads(before_path.read_text(encoding="utf-8")) if before_path.exists() and not suffix else None
    text = markdown(result, before)
    (RESULTS_DIR / f"{name}{suffix}.md").write_text(text, encoding="utf-8")
    print(text)


def backend_pid() -> int | None:
    """The PostgreSQL backend serving Django's connection (None on SQLite)."""
    from django.db import connection

    if connection.vendor != "postgresql":
        return None
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        return cursor.fetchone()[0]


def backend_cpu_seconds(pid: int | None = None) -> float | None:
    """CPU seconds (user + system) of that backend — on a shared box the server's share of the
    work — or None (SQLite, or a server on another machine). A bench timing a loop passes the
    pid it read once, so the loop runs no extra statement."""
    pid = pid if pid is not None else backend_pid()
    if pid is None:
        return None
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def page_cost(client, url: str, rounds: int) -> tuple[list[str], float, float]:
    """A page as a signed-in test client opens it: the statements of one GET (after a warm-up
    GET that must answer 200), then the app's and the database backend's CPU milliseconds per
    GET over `rounds` more (the profile scripts' board figures)."""
    import time

    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    assert client.get(url).status_code == 200  # warm: imports, templates, caches
    with CaptureQueriesContext(connection) as seen:
        client.get(url)
    statements = [q["sql"] for q in seen.captured_queries]  # now: each request clears the log
    cpu0, pg0 = time.process_time(), (backend_cpu_seconds() or 0.0)
    for _ in range(rounds):
        client.get(url)
    cpu, pg = time.process_time() - cpu0, (backend_cpu_seconds() or 0.0) - pg0
    return statements, 1000 * cpu / rounds, 1000 * pg / rounds
