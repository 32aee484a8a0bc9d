"""The unit kinds of the union tree before and after the 2025 reform (docs/domain.md). They are
data: an administrator adds or retires kinds without a code change."""

from django.db import migrations

KINDS = [
    # code, name, short name, level, grassroots, group, in use
    ("confederation", "Tổng Liên đoàn Lao động Việt Nam", "Tổng LĐLĐ", 0, False, False, True),
    ("province", "Liên đoàn Lao động tỉnh, thành phố", "LĐLĐ tỉnh/TP", 1, False, False, True),
    ("central-sector", "Công đoàn ngành trung ương", "CĐ ngành TW", 1, False, False, True),
    ("district", "Liên đoàn Lao động quận, huyện", "LĐLĐ quận/huyện", 2, False, False, True),
    ("sectoral", "Công đoàn ngành địa phương", "CĐ ngành", 2, False, False, True),
    ("industrial-zone", "Công đoàn các khu công nghiệp", "CĐ KCN", 2, False, False, True),
    ("commune", "Công đoàn xã, phường, đặc khu", "CĐ xã/phường", 2, False, False, True),
    ("grassroots", "Công đoàn cơ sở", "CĐCS", 3, True, False, True),
    ("group", "Tổ công đoàn, công đoàn bộ phận", "Tổ CĐ", 4, False, True, True),
]


def load(apps, schema_editor):
    UnitKind = apps.get_model("org", "UnitKind")
    for code, name, short, level, grassroots, group, active in KINDS:
        UnitKind.objects.update_or_create(
            code=code,
            defaults={
                "name": name,
                "short_name": short,
                "level": level,
                "is_grassroots": grassroots,
                "is_group": group,
                "is_active": active,
            },
        )


class Migration(migrations.Migration):
    dependencies = [("org", "0002_path_collation_and_member_search")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
