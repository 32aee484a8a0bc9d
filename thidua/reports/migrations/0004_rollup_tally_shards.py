from django.db import migrations, models


class Migration(migrations.Migration):
    """Tallies sharded (reports.tallies): existing rows become shard 0 of their unit, which keeps
    every sum exact, so nothing is recomputed; new reports add to the shard of their unit."""

    dependencies = [("reports", "0003_rollup_tally_path_collation")]

    operations = [
        migrations.AddField(
            model_name="rolluptally",
            name="shard",
            field=models.PositiveSmallIntegerField(default=0),
        ),
        migrations.RemoveConstraint(model_name="rolluptally", name="reports_tally_key"),
        migrations.AddConstraint(
            model_name="rolluptally",
            constraint=models.UniqueConstraint(
                fields=("period", "unit", "indicator_pk", "shard"), name="reports_tally_shard_key"
            ),
        ),
    ]
