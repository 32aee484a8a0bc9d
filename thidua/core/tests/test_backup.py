"""Backup and restore: a backup restored into an empty database gives back the same rows and the
same files, and the restore refuses what would mix two sites or hides a difference."""

import io
import json
import shutil
import sqlite3
import uuid
from pathlib import Path

import psycopg
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection, transaction
from PIL import Image

from thidua.core import attachments
from thidua.core.backup import _pg_conninfo
from thidua.core.models import Attachment
from thidua.org.models import Unit
from thidua.org.tests.factories import SYSTEM

pytestmark = pytest.mark.django_db(transaction=True)


def _photo() -> SimpleUploadedFile:
    out = io.BytesIO()
    Image.new("RGB", (64, 48), (10, 120, 40)).save(out, format="PNG")
    return SimpleUploadedFile("khanh-thanh.png", out.getvalue(), content_type="image/png")


@pytest.fixture
def site(federation, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    with transaction.atomic():
        attachment = attachments.attach(SYSTEM, federation.school, _photo(), scope_path=federation.school.path)
    return attachment


@pytest.fixture
def empty_database(tmp_path):
    """A new empty database of the same engine; dropped afterwards (PostgreSQL)."""
    db = dict(connection.settings_dict)
    if connection.vendor == "sqlite":
        yield {**db, "NAME": str(tmp_path / "restored.sqlite3")}
        return
    if shutil.which("pg_dump") is None or shutil.which("pg_restore") is None:
        pytest.skip("cần pg_dump và pg_restore (gói postgresql-client) để sao lưu PostgreSQL")
    name = f"test_thidua_restore_{uuid.uuid4().hex[:10]}"
    admin = psycopg.connect(_pg_conninfo({**db, "NAME": "postgres"}), autocommit=True)
    admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield {**db, "NAME": name}
    finally:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()


def _url(db: dict) -> str:
    if "sqlite" in db["ENGINE"]:
        return f"sqlite:///{db['NAME']}"
    return f"postgres://{db.get('USER') or 'postgres'}@{db.get('HOST') or '127.0.0.1'}:{db.get('PORT') or 5432}/{db['NAME']}"


def _rows(db: dict, sql: str) -> list:
    if "sqlite" in db["ENGINE"]:
        with sqlite3.connect(db["NAME"]) as restored:
            return restored.execute(sql).fetchall()
    with psycopg.connect(_pg_conninfo(db)) as restored:
        return [tuple(row) for row in restored.execute(sql).fetchall()]


def _only_backup(folder: Path) -> Path:
    (backup,) = list(folder.iterdir())
    return backup


def test_backup_restored_into_an_empty_database_gives_the_same_rows_and_files(site, tmp_path, empty_database, capsys):
    call_command("backup", "--thu-muc", str(tmp_path / "backups"))
    backup = _only_backup(tmp_path / "backups")
    manifest = json.loads((backup / "manifest.json").read_text())
    assert manifest["tables"]["org_unit"] == Unit.objects.count() == 8
    assert manifest["tables"]["core_attachment"] == 1

    restored_media = tmp_path / "restored-media"
    call_command("restore", str(backup), "--database-url", _url(empty_database), "--media-root", str(restored_media))
    assert "khớp bản sao lưu" in capsys.readouterr().out

    assert _rows(empty_database, "SELECT code, name, path FROM org_unit ORDER BY code") == list(
        Unit.objects.order_by("code").values_list("code", "name", "path")
    )
    assert _rows(empty_database, "SELECT file, original_name, size FROM core_attachment") == [
        (site.file.name, "khanh-thanh.png", site.size)
    ]
    assert (restored_media / site.file.name).read_bytes() == Path(site.file.path).read_bytes()
    # The restored site can be migrated again: nothing left unapplied or half-applied.
    applied = _rows(empty_database, "SELECT count(*) FROM django_migrations")[0][0]
    assert applied == manifest["tables"]["django_migrations"] > 0


def test_restore_refuses_a_database_that_already_has_tables(site, tmp_path):
    call_command("backup", "--thu-muc", str(tmp_path / "backups"))
    backup = _only_backup(tmp_path / "backups")
    target = dict(connection.settings_dict)
    if connection.vendor == "sqlite":
        target = {**target, "NAME": str(tmp_path / "busy.sqlite3")}
        with sqlite3.connect(target["NAME"]) as busy:
            busy.execute("CREATE TABLE org_unit (id integer)")
    with pytest.raises(CommandError, match="chỉ phục hồi vào CSDL trống"):
        call_command("restore", str(backup), "--database-url", _url(target), "--media-root", str(tmp_path / "m"))
    assert Attachment.objects.count() == 1  # the live site is untouched


def test_restore_that_does_not_match_its_manifest_fails_loudly(site, tmp_path, empty_database):
    call_command("backup", "--thu-muc", str(tmp_path / "backups"))
    backup = _only_backup(tmp_path / "backups")
    manifest = json.loads((backup / "manifest.json").read_text())
    manifest["tables"]["org_unit"] += 1  # a unit the dump does not hold
    manifest["files"][site.file.name]["sha256"] = "0" * 64  # a file altered since
    (backup / "manifest.json").write_text(json.dumps(manifest))
    with pytest.raises(CommandError) as error:
        call_command(
            "restore", str(backup), "--database-url", _url(empty_database), "--media-root", str(tmp_path / "m")
        )
    assert "bảng org_unit: sao lưu 9 dòng, phục hồi 8 dòng" in str(error.value)
    assert f"tệp {site.file.name}: khác bản sao lưu" in str(error.value)
