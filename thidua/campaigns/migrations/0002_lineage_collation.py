from django.db import migrations

from thidua.core.db import collate_c


class Migration(migrations.Migration):
    dependencies = [("campaigns", "0001_campaigns")]

    # Campaign.lineage is compared as a range (a campaign and the plans implementing it).
    operations = [collate_c("campaigns_campaign", "lineage")]
