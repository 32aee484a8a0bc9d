from pathlib import Path

import environ
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connections

from thidua.core.backup import BackupError, restore


class Command(BaseCommand):
    help = (
        "Phục hồi một bản sao lưu (lệnh backup) vào CSDL trống và thư mục tệp trống, rồi đối chiếu "
        "số dòng từng bảng và mã băm từng tệp với bản sao lưu; sai lệch thì báo lỗi."
    )

    def add_arguments(self, parser):
        parser.add_argument("source", help="Thư mục bản sao lưu, vd. var/backups/thidua-20260315-020000")
        parser.add_argument(
            "--database-url",
            help="CSDL trống để phục hồi vào (mặc định: CSDL trong cấu hình, DATABASE_URL)",
        )
        parser.add_argument("--media-root", help="Thư mục trống cho tệp tải lên (mặc định: MEDIA_ROOT)")

    def handle(self, *args, source, database_url=None, media_root=None, **options):
        db = environ.Env.db_url_config(database_url) if database_url else connections["default"].settings_dict
        media = Path(media_root) if media_root else Path(settings.MEDIA_ROOT)
        try:
            summary = restore(Path(source), db, media)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"Đã phục hồi {summary['rows']} dòng trong {summary['tables']} bảng và {summary['files']} tệp; "
            "khớp bản sao lưu."
        )
