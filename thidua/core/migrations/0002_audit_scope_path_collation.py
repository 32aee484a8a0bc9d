from django.db import migrations

from thidua.core.db import collate_c


class Migration(migrations.Migration):
    dependencies = [("core", "0001_initial")]

    operations = [collate_c("core_auditentry", "scope_path")]
