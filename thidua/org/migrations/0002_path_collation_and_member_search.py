from django.db import migrations

from thidua.core.db import collate_c
from thidua.org.search import install_search_index, remove_search_index


class Migration(migrations.Migration):
    dependencies = [("org", "0001_initial")]

    operations = [
        collate_c("org_unit", "path"),
        migrations.RunPython(install_search_index, remove_search_index),
    ]
