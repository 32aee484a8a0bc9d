from django.db import migrations

from thidua.core.db import collate_c


class Migration(migrations.Migration):
    dependencies = [("reports", "0002_rollup_tallies_first_sending")]

    operations = [
        # Compared as a tree path (docs/dangerous.md): byte order on PostgreSQL too, so the range
        # `path >= X AND path < X || '~'` is exactly X's subtree whatever the database's locale.
        collate_c("reports_rolluptally", "unit_path"),
    ]
