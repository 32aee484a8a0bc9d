"""The member's province beside its search key, in the full-text index (issue 18, item 5).

The column is added with one ALTER TABLE on both databases (Django's own AddField rebuilds
the table on SQLite: a copy of every member, and the full-text triggers dropped with it), filled
from each member's unit in one UPDATE, then the full-text index is built again over both columns
(FTS5 table and triggers on SQLite, the GIN index on PostgreSQL)."""

import importlib

from django.db import migrations, models

from thidua.org.search import PROVINCE_PATH_LENGTH, install_search_index, remove_search_index

# The index as 0002 made it: what going back from here restores.
_0002 = importlib.import_module("thidua.org.migrations.0002_path_collation_and_member_search")

ADD = "ALTER TABLE org_member ADD COLUMN province_path varchar(8) NOT NULL DEFAULT ''"
FILL = (
    "UPDATE org_member SET province_path = "
    f"(SELECT substr(u.path, 1, {PROVINCE_PATH_LENGTH}) FROM org_unit u WHERE u.id = org_member.unit_id)"
)


class Migration(migrations.Migration):
    dependencies = [("org", "0007_unit_dissolved")]

    operations = [
        migrations.RunPython(remove_search_index, _0002.install_search_index),
        migrations.SeparateDatabaseAndState(
            database_operations=[
                migrations.RunSQL(ADD, "ALTER TABLE org_member DROP COLUMN province_path"),
                migrations.RunSQL(FILL, migrations.RunSQL.noop),
            ],
            state_operations=[
                migrations.AddField(
                    model_name="member",
                    name="province_path",
                    field=models.CharField(default="", editable=False, max_length=8),
                ),
            ],
        ),
        migrations.RunPython(install_search_index, remove_search_index),
    ]
