"""The demo federation for tests: built once per test run and per way of building it, then
copied into each test's database that asks for it.

Why: `load_demo` runs every app's services (10–30 s at scale 0.03 on CI's two busy cores), and
some thirty tests start from the demo — the seed journeys, the crawl, the home pages, the
initiatives' pages, the reorganisation. The first of them pays for one real `load_demo`; the
others get the same rows back in a fraction of a second. Every table is copied, catalogues
(content types, unit kinds) included, so the ids the rows point at agree; the files the demo
wrote under MEDIA_ROOT are copied into the test's MEDIA_ROOT.

Rules for a test using it: call `load_demo(...)` before creating anything of its own (what was
in the database is replaced), with the same options it would give `manage.py load_demo`; the
clock (`timezone.localdate()`) is part of the key, so a test that fixes the day gets a demo
built on that day. Tests *of* the demo (a rerun adds nothing, --hom-nay, a stage alone) keep
calling the command itself."""

from io import StringIO
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection, transaction
from django.utils import timezone

from thidua.org.search import FTS_TABLE, NAME_WORDS_TABLE

_SNAPSHOTS: dict[tuple, "_Snapshot"] = {}


class _Snapshot:
    def __init__(self, tables: dict[str, object], files: dict[str, bytes]):
        self.tables, self.files = tables, files


def load_demo(**options) -> None:
    from thidua.core import demo  # the stages a test may have narrowed are part of the key

    key = (connection.vendor, timezone.localdate().isoformat(), tuple(sorted(options.items())), tuple(demo._STAGES))
    snapshot = _SNAPSHOTS.get(key)
    if snapshot is None:
        # The legal table is migration data a browser test's flush may have emptied; a test
        # that narrows the stages skips the stage that reloads it, and the demo's papers cite it.
        from thidua.documents.legal import ensure_defaults

        ensure_defaults()
        call_command("load_demo", stdout=StringIO(), **options)
        _SNAPSHOTS[key] = _take()
        return
    _restore(snapshot)


def _tables(cursor) -> list[str]:
    return [
        info.name
        for info in connection.introspection.get_table_list(cursor)
        # sqlite_stat1 and friends belong to SQLite; the members' full-text index (a virtual
        # table and its shadow tables) and PostgreSQL's name words follow org_member through
        # its triggers.
        if info.type == "t"
        and info.name not in ("django_migrations", NAME_WORDS_TABLE)
        and not info.name.startswith(("sqlite_", FTS_TABLE))
    ]


def _take() -> _Snapshot:
    tables: dict[str, object] = {}
    with connection.cursor() as cursor:
        for table in _tables(cursor):
            quoted = connection.ops.quote_name(table)
            if connection.vendor == "postgresql":
                # COPY gives back exactly what it read (json, dates, decimals), and fast.
                with cursor.cursor.copy(f"COPY {quoted} TO STDOUT") as copy:
                    tables[table] = b"".join(bytes(block) for block in copy)
            else:
                cursor.execute(f"SELECT * FROM {quoted}")
                columns = [column[0] for column in cursor.description]
                tables[table] = (columns, cursor.fetchall())
    root = Path(settings.MEDIA_ROOT)
    files = {}
    if root.is_dir():
        files = {str(path.relative_to(root)): path.read_bytes() for path in root.rglob("*") if path.is_file()}
    return _Snapshot(tables, files)


def _restore(snapshot: _Snapshot) -> None:
    with transaction.atomic(), connection.cursor() as cursor:
        # Django declares foreign keys DEFERRABLE INITIALLY DEFERRED on both databases: tables
        # can be emptied and filled in any order, the references are checked at commit.
        present = _tables(cursor)
        if connection.vendor == "postgresql":
            cursor.execute("TRUNCATE " + ", ".join(connection.ops.quote_name(t) for t in present))
        else:
            for table in present:
                cursor.execute(f"DELETE FROM {connection.ops.quote_name(table)}")
        for table, data in snapshot.tables.items():
            quoted = connection.ops.quote_name(table)
            if connection.vendor == "postgresql":
                if data:
                    with cursor.cursor.copy(f"COPY {quoted} FROM STDIN") as copy:
                        copy.write(data)
                continue
            columns, rows = data
            if rows:
                names = ", ".join(connection.ops.quote_name(c) for c in columns)
                marks = ", ".join(["%s"] * len(columns))
                cursor.executemany(f"INSERT INTO {quoted} ({names}) VALUES ({marks})", rows)
        if connection.vendor == "postgresql":
            models = [m for m in apps.get_models(include_auto_created=True) if m._meta.managed]
            for statement in connection.ops.sequence_reset_sql(no_style(), models):
                cursor.execute(statement)
    ContentType.objects.clear_cache()
    root = Path(settings.MEDIA_ROOT)
    for relative, content in snapshot.files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
