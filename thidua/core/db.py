"""Database specifics that the ORM does not express, kept in one place.

Tree paths are compared as ranges (path >= P and path < P + "~"). That is only a prefix test
when the column sorts byte by byte: SQLite's default BINARY collation does, PostgreSQL's
locale collations need not — so on PostgreSQL such columns get COLLATE "C", which also lets
the ordinary B-tree index serve the range and LIKE 'P%'.
"""

from django.db import migrations

PATH_STEP = 4
PATH_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
# Sorts after every character of PATH_ALPHABET: path < P + PATH_END means "starts with P".
PATH_END = "~"


def collate_c(table: str, column: str, max_length: int = 255) -> migrations.RunPython:
    def forwards(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(
                f'ALTER TABLE "{table}" ALTER COLUMN "{column}" TYPE varchar({max_length}) COLLATE "C"'
            )

    return migrations.RunPython(forwards, migrations.RunPython.noop, elidable=False)
