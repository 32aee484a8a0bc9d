"""The titles members register for at the start of a year (docs/domain.md). Data, not code: an
administrator adds or retires titles as the rules change."""

from django.db import migrations

TITLES = [
    # code, name, order
    ("lao-dong-tien-tien", "Lao động tiên tiến", 10),
    ("lao-dong-gioi", "Lao động giỏi", 20),
    ("chien-si-thi-dua-co-so", "Chiến sĩ thi đua cơ sở", 30),
    ("doan-vien-cong-doan-xuat-sac", "Đoàn viên công đoàn xuất sắc", 40),
]


def load(apps, schema_editor):
    EmulationTitle = apps.get_model("participation", "EmulationTitle")
    for code, name, order in TITLES:
        EmulationTitle.objects.update_or_create(code=code, defaults={"name": name, "order": order})


class Migration(migrations.Migration):
    dependencies = [("participation", "0001_participation")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
