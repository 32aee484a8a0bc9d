"""The programmes the seeds and the Confederation name (docs/domain.md). Data, not code: an
administrator adds others and retires these."""

import datetime

from django.db import migrations

PROGRAMMES = [
    # name, starts_on, ends_on (Hướng dẫn 46/HD-TLĐ: counted 01/09/2021 – 01/09/2023)
    ("Chương trình “01 triệu sáng kiến”", datetime.date(2021, 9, 1), datetime.date(2023, 9, 1)),
    ("Phong trào “Đổi mới, sáng tạo, hiệu quả trong hoạt động của tổ chức Công đoàn”", datetime.date(2019, 4, 1), None),
]


def load(apps, schema_editor):
    Programme = apps.get_model("initiatives", "Programme")
    for name, starts_on, ends_on in PROGRAMMES:
        Programme.objects.update_or_create(name=name, defaults={"starts_on": starts_on, "ends_on": ends_on})


class Migration(migrations.Migration):
    dependencies = [("initiatives", "0001_initiatives")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
