"""The table of documents papers cite (documents.LegalDocument) and its initial rows."""

import datetime

from django.db import migrations, models

# The documents thidua's papers cite, with the days each is in force (docs/domain.md "Legal base").
# role, type, number, title, issuer, signed, in force from, in force until (last day)
D = datetime.date
DOCUMENTS = [
    (
        "law",
        "Luật",
        "15/2003/QH11",
        "Thi đua, khen thưởng",
        "Quốc hội",
        D(2003, 11, 26),
        D(2004, 7, 1),
        D(2023, 12, 31),
    ),
    (
        "law",
        "Luật",
        "39/2013/QH13",
        "sửa đổi, bổ sung một số điều của Luật Thi đua, khen thưởng",
        "Quốc hội",
        D(2013, 11, 16),
        D(2014, 6, 1),
        D(2023, 12, 31),
    ),
    (
        "law",
        "Luật",
        "06/2022/QH15",
        "Thi đua, khen thưởng",
        "Quốc hội",
        D(2022, 6, 15),
        D(2024, 1, 1),
        None,
    ),
    (
        "decree",
        "Nghị định",
        "91/2017/NĐ-CP",
        "quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng",
        "Chính phủ",
        D(2017, 7, 31),
        D(2017, 10, 1),
        D(2023, 12, 31),
    ),
    (
        "decree",
        "Nghị định",
        "98/2023/NĐ-CP",
        "quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng",
        "Chính phủ",
        D(2023, 12, 31),
        D(2024, 1, 1),
        D(2025, 6, 30),
    ),
    (
        "decree",
        "Nghị định",
        "152/2025/NĐ-CP",
        "quy định về phân cấp, phân quyền trong lĩnh vực thi đua, khen thưởng; quy định chi tiết "
        "và hướng dẫn thi hành một số điều của Luật Thi đua, khen thưởng",
        "Chính phủ",
        D(2025, 6, 14),
        D(2025, 7, 1),
        None,
    ),
    (
        "union_rules",
        "Quyết định",
        "1689/QĐ-TLĐ",
        "ban hành Quy chế khen thưởng của tổ chức Công đoàn",
        "Đoàn Chủ tịch Tổng Liên đoàn Lao động Việt Nam",
        D(2019, 12, 26),
        D(2019, 12, 26),
        D(2024, 5, 28),
    ),
    (
        "union_rules",
        "Quyết định",
        "999/QĐ-TLĐ",
        "ban hành Quy chế khen thưởng của tổ chức Công đoàn",
        "Đoàn Chủ tịch Tổng Liên đoàn Lao động Việt Nam",
        D(2024, 5, 29),
        D(2024, 5, 29),
        None,
    ),
    (
        "initiatives",
        "Nghị định",
        "13/2012/NĐ-CP",
        "ban hành Điều lệ Sáng kiến",
        "Chính phủ",
        D(2012, 3, 2),
        D(2012, 4, 20),
        None,
    ),
]


def load(apps, schema_editor):
    """Rows found by number and created when missing: an administrator's edits stay."""
    LegalDocument = apps.get_model("documents", "LegalDocument")
    for role, doc_type, number, title, issuer, signed, start, end in DOCUMENTS:
        LegalDocument.objects.get_or_create(
            number=number,
            defaults={
                "role": role,
                "doc_type": doc_type,
                "title": title,
                "issuer": issuer,
                "signed_on": signed,
                "in_force_from": start,
                "in_force_until": end,
            },
        )


class Migration(migrations.Migration):
    dependencies = [
        ("documents", "0002_register_entry_letterhead"),
    ]

    operations = [
        migrations.CreateModel(
            name="LegalDocument",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                (
                    "role",
                    models.CharField(
                        choices=[
                            ("law", "Luật Thi đua, khen thưởng"),
                            ("decree", "Nghị định hướng dẫn Luật Thi đua, khen thưởng"),
                            ("union_rules", "Quy chế khen thưởng của tổ chức Công đoàn"),
                            ("initiatives", "Điều lệ Sáng kiến"),
                            ("other", "Văn bản khác"),
                        ],
                        max_length=20,
                        verbose_name="vai trò",
                    ),
                ),
                (
                    "doc_type",
                    models.CharField(
                        help_text="Ví dụ: Luật, Nghị định, Quyết định", max_length=40, verbose_name="loại văn bản"
                    ),
                ),
                (
                    "number",
                    models.CharField(
                        help_text="Ví dụ: 999/QĐ-TLĐ", max_length=60, unique=True, verbose_name="số, ký hiệu"
                    ),
                ),
                (
                    "title",
                    models.CharField(
                        help_text="Với luật: tên luật sau chữ “Luật”, ví dụ “Thi đua, khen thưởng”; với văn bản khác: nội dung sau cơ quan ban hành, ví dụ “ban hành Quy chế khen thưởng của tổ chức Công đoàn”.",
                        max_length=300,
                        verbose_name="trích yếu",
                    ),
                ),
                ("issuer", models.CharField(max_length=200, verbose_name="cơ quan ban hành")),
                ("signed_on", models.DateField(verbose_name="ngày ký, thông qua")),
                ("in_force_from", models.DateField(verbose_name="có hiệu lực từ ngày")),
                (
                    "in_force_until",
                    models.DateField(
                        blank=True,
                        help_text="Ngày cuối cùng còn hiệu lực; để trống nếu còn hiệu lực.",
                        null=True,
                        verbose_name="hết hiệu lực sau ngày",
                    ),
                ),
            ],
            options={
                "verbose_name": "văn bản pháp lý làm căn cứ",
                "verbose_name_plural": "văn bản pháp lý làm căn cứ",
                "ordering": ["role", "signed_on"],
                "constraints": [
                    models.CheckConstraint(
                        condition=models.Q(("in_force_from__gte", models.F("signed_on"))),
                        name="documents_legal_in_force_after_signed",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            ("in_force_until__isnull", True),
                            ("in_force_until__gte", models.F("in_force_from")),
                            _connector="OR",
                        ),
                        name="documents_legal_until_after_from",
                    ),
                ],
            },
        ),
        migrations.RunPython(load, migrations.RunPython.noop),
    ]
