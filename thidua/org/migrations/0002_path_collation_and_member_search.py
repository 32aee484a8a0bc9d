from django.db import migrations

from thidua.core.db import collate_c

# The full-text index as this migration first made it, over search_key alone: org.search now
# holds the current one (0008 adds the province), which a database at this step cannot build.
_FTS = "org_member_fts"
SQLITE_SETUP = [
    f"""CREATE VIRTUAL TABLE IF NOT EXISTS {_FTS} USING fts5(
        search_key, content='org_member', content_rowid='id', tokenize='unicode61', prefix='2 3')""",
    f"""CREATE TRIGGER IF NOT EXISTS org_member_fts_ai AFTER INSERT ON org_member BEGIN
        INSERT INTO {_FTS}(rowid, search_key) VALUES (new.id, new.search_key); END""",
    f"""CREATE TRIGGER IF NOT EXISTS org_member_fts_ad AFTER DELETE ON org_member BEGIN
        INSERT INTO {_FTS}({_FTS}, rowid, search_key) VALUES ('delete', old.id, old.search_key); END""",
    f"""CREATE TRIGGER IF NOT EXISTS org_member_fts_au AFTER UPDATE OF search_key ON org_member BEGIN
        INSERT INTO {_FTS}({_FTS}, rowid, search_key) VALUES ('delete', old.id, old.search_key);
        INSERT INTO {_FTS}(rowid, search_key) VALUES (new.id, new.search_key); END""",
    f"INSERT INTO {_FTS}({_FTS}) VALUES ('rebuild')",
]
SQLITE_TEARDOWN = [
    "DROP TRIGGER IF EXISTS org_member_fts_ai",
    "DROP TRIGGER IF EXISTS org_member_fts_ad",
    "DROP TRIGGER IF EXISTS org_member_fts_au",
    f"DROP TABLE IF EXISTS {_FTS}",
]
POSTGRESQL_SETUP = [
    "CREATE INDEX IF NOT EXISTS org_member_search_gin ON org_member "
    "USING gin (to_tsvector('simple'::regconfig, search_key))",
]
POSTGRESQL_TEARDOWN = ["DROP INDEX IF EXISTS org_member_search_gin"]


def install_search_index(apps, schema_editor) -> None:
    vendor = schema_editor.connection.vendor
    for sql in {"sqlite": SQLITE_SETUP, "postgresql": POSTGRESQL_SETUP}.get(vendor, []):
        schema_editor.execute(sql)


def remove_search_index(apps, schema_editor) -> None:
    vendor = schema_editor.connection.vendor
    for sql in {"sqlite": SQLITE_TEARDOWN, "postgresql": POSTGRESQL_TEARDOWN}.get(vendor, []):
        schema_editor.execute(sql)


class Migration(migrations.Migration):
    dependencies = [("org", "0001_initial")]

    operations = [
        collate_c("org_unit", "path"),
        migrations.RunPython(install_search_index, remove_search_index),
    ]
