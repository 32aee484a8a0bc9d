"""Backup and restore of a whole site: the database and the uploaded files, with a manifest
that lets the restore prove it gave back the same rows and the same files.

A backup is a folder:

    database.dump     PostgreSQL: pg_dump's custom format (pg_restore reads it)
    database.sqlite3  SQLite: a copy made with SQLite's online backup (the site may keep running)
    media.tar         every file under MEDIA_ROOT
    manifest.json     engine, time, row count of every table, size and SHA-256 of every file

On PostgreSQL the row counts and the dump read the same snapshot (pg_export_snapshot + pg_dump
--snapshot), so a backup taken while users work still matches its manifest exactly. The restore
goes into an empty database only (it refuses otherwise: merging two sites is never what an
operator wants at 2 a.m.), then counts the rows and hashes the files it restored and fails
loudly on the first difference.
"""

import datetime
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from pathlib import Path

import psycopg

MANIFEST = "manifest.json"
FORMAT = 1


class BackupError(Exception):
    """What went wrong, in words an operator can act on (Vietnamese)."""


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1024 * 1024), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _media_files(media_root: Path) -> dict[str, dict]:
    files = {}
    if media_root.exists():
        for path in sorted(media_root.rglob("*")):
            if path.is_file():
                files[path.relative_to(media_root).as_posix()] = {"size": path.stat().st_size, "sha256": _sha256(path)}
    return files


def _pg_env(db: dict) -> dict:
    env = {**os.environ}
    for key, setting in (
        ("PGHOST", "HOST"),
        ("PGPORT", "PORT"),
        ("PGUSER", "USER"),
        ("PGPASSWORD", "PASSWORD"),
        ("PGDATABASE", "NAME"),
    ):
        if db.get(setting):
            env[key] = str(db[setting])
    return env


def _pg_conninfo(db: dict) -> str:
    parts = {
        "host": db.get("HOST"),
        "port": db.get("PORT"),
        "user": db.get("USER"),
        "password": db.get("PASSWORD"),
        "dbname": db["NAME"],
    }
    return psycopg.conninfo.make_conninfo(**{k: str(v) for k, v in parts.items() if v})


def _pg_tables(cursor) -> list[str]:
    cursor.execute(
        "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename",
    )
    return [row[0] for row in cursor.fetchall()]


def _pg_counts(cursor) -> dict[str, int]:
    counts = {}
    for table in _pg_tables(cursor):
        cursor.execute(f'SELECT count(*) FROM "{table}"')
        counts[table] = cursor.fetchone()[0]
    return counts


def _sqlite_counts(connection: sqlite3.Connection) -> dict[str, int]:
    tables = [
        row[0]
        for row in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
        )
    ]
    return {table: connection.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0] for table in tables}


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        raise BackupError(f"Không tìm thấy lệnh {name}: cài gói postgresql-client cùng phiên bản với máy chủ.")
    return path


def backup(db: dict, media_root: Path, target: Path, *, sqlite_connection=None) -> dict:
    """Write a backup of database `db` (a Django DATABASES entry) and `media_root` into the new
    folder `target`; returns the manifest. `sqlite_connection`: an open sqlite3 connection to
    copy from (an in-memory test database has no file)."""
    target.mkdir(parents=True, exist_ok=False)
    engine = "postgresql" if "postgresql" in db["ENGINE"] else "sqlite" if "sqlite" in db["ENGINE"] else None
    if engine is None:
        raise BackupError(f"Chưa hỗ trợ sao lưu CSDL loại {db['ENGINE']}.")
    if engine == "postgresql":
        with psycopg.connect(_pg_conninfo(db)) as connection:
            connection.isolation_level = psycopg.IsolationLevel.REPEATABLE_READ
            with connection.transaction(), connection.cursor() as cursor:
                cursor.execute("SELECT pg_export_snapshot(), current_setting('server_version')")
                snapshot, server_version = cursor.fetchone()
                counts = _pg_counts(cursor)
                result = subprocess.run(  # noqa: S603 - our own arguments, no shell
                    [
                        _tool("pg_dump"),
                        "--format=custom",
                        f"--snapshot={snapshot}",
                        "--file",
                        str(target / "database.dump"),
                    ],
                    env=_pg_env(db),
                    capture_output=True,
                    text=True,
                )
                if result.returncode != 0:
                    raise BackupError(f"pg_dump thất bại: {result.stderr.strip()}")
    else:
        server_version = sqlite3.sqlite_version
        source = sqlite_connection or sqlite3.connect(db["NAME"])
        destination = sqlite3.connect(target / "database.sqlite3")
        try:
            source.backup(destination)
            counts = _sqlite_counts(destination)
        finally:
            destination.close()
            if sqlite_connection is None:
                source.close()
    files = _media_files(media_root)
    with tarfile.open(target / "media.tar", "w") as archive:
        for name in files:
            archive.add(media_root / name, arcname=name, recursive=False)
    manifest = {
        "format": FORMAT,
        "created_at": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "engine": engine,
        "server_version": server_version,
        "tables": counts,
        "files": files,
    }
    (target / MANIFEST).write_text(json.dumps(manifest, indent=1, ensure_ascii=False, sort_keys=True))
    return manifest


def read_manifest(source: Path) -> dict:
    path = source / MANIFEST
    if not path.exists():
        raise BackupError(f"{source} không phải bản sao lưu của thidua (thiếu {MANIFEST}).")
    manifest = json.loads(path.read_text())
    if manifest.get("format") != FORMAT:
        raise BackupError(f"Bản sao lưu định dạng {manifest.get('format')}, lệnh này đọc định dạng {FORMAT}.")
    return manifest


def restore(source: Path, db: dict, media_root: Path) -> dict:
    """Restore the backup in `source` into the empty database `db` and the empty (or missing)
    folder `media_root`, then check rows and files against the manifest. Returns a summary."""
    manifest = read_manifest(source)
    engine = "postgresql" if "postgresql" in db["ENGINE"] else "sqlite" if "sqlite" in db["ENGINE"] else None
    if engine != manifest["engine"]:
        raise BackupError(f"Bản sao lưu là CSDL {manifest['engine']}, nơi phục hồi là {engine}.")
    if media_root.exists() and any(p.is_file() for p in media_root.rglob("*")):
        raise BackupError(f"Thư mục tệp tải lên {media_root} đã có tệp: chỉ phục hồi vào thư mục trống.")
    if engine == "postgresql":
        with psycopg.connect(_pg_conninfo(db), autocommit=True) as connection, connection.cursor() as cursor:
            if _pg_tables(cursor):
                raise BackupError(f"CSDL {db['NAME']} đã có bảng: chỉ phục hồi vào CSDL trống (tạo mới bằng createdb).")
        result = subprocess.run(  # noqa: S603 - our own arguments, no shell
            [
                _tool("pg_restore"),
                "--no-owner",
                "--no-privileges",
                "--exit-on-error",
                "--dbname",
                _pg_conninfo(db),
                str(source / "database.dump"),
            ],
            env=_pg_env(db),
            capture_output=True,
            text=True,
        )
        if result.returncode != 0:
            raise BackupError(f"pg_restore thất bại: {result.stderr.strip()}")
        with psycopg.connect(_pg_conninfo(db)) as connection, connection.cursor() as cursor:
            counts = _pg_counts(cursor)
    else:
        path = Path(db["NAME"])
        if path.exists() and path.stat().st_size > 0:
            check = sqlite3.connect(path)
            try:
                if _sqlite_counts(check):
                    raise BackupError(f"CSDL {path} đã có bảng: chỉ phục hồi vào CSDL trống.")
            finally:
                check.close()
        path.parent.mkdir(parents=True, exist_ok=True)
        with (
            tempfile.NamedTemporaryFile(dir=path.parent, delete=False) as partial,
            (source / "database.sqlite3").open("rb") as dump,
        ):
            shutil.copyfileobj(dump, partial)
        os.replace(partial.name, path)
        connection = sqlite3.connect(path)
        try:
            counts = _sqlite_counts(connection)
        finally:
            connection.close()
    media_root.mkdir(parents=True, exist_ok=True)
    with tarfile.open(source / "media.tar") as archive:
        archive.extractall(media_root, filter="data")
    files = _media_files(media_root)
    problems = [
        f"bảng {table}: sao lưu {expected} dòng, phục hồi {counts.get(table)} dòng"
        for table, expected in manifest["tables"].items()
        if counts.get(table) != expected
    ]
    problems += [
        f"tệp {name}: khác bản sao lưu" if name in files else f"tệp {name}: thiếu"
        for name, meta in manifest["files"].items()
        if files.get(name) != meta
    ]
    if problems:
        raise BackupError("Phục hồi không khớp bản sao lưu: " + "; ".join(problems[:20]))
    return {"tables": len(counts), "rows": sum(counts.values()), "files": len(files)}
