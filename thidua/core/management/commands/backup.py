import datetime
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connections

from thidua.core.backup import BackupError, backup


class Command(BaseCommand):
    help = (
        "Sao lưu CSDL và tệp tải lên vào một thư mục mới (database.dump hoặc database.sqlite3, media.tar, "
        "manifest.json với số dòng mỗi bảng và mã băm mỗi tệp). Chạy được khi hệ thống đang phục vụ."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--thu-muc",
            dest="folder",
            default="var/backups",
            help="Thư mục chứa các bản sao lưu (mặc định var/backups); mỗi lần tạo một thư mục con theo giờ",
        )

    def handle(self, *args, folder, **options):
        connection = connections["default"]
        target = Path(folder) / f"thidua-{datetime.datetime.now():%Y%m%d-%H%M%S}"
        sqlite_connection = None
        if connection.vendor == "sqlite" and connection.is_in_memory_db():
            connection.ensure_connection()
            sqlite_connection = connection.connection
        try:
            manifest = backup(
                connection.settings_dict, Path(settings.MEDIA_ROOT), target, sqlite_connection=sqlite_connection
            )
        except BackupError as error:
            raise CommandError(str(error)) from error
        rows = sum(manifest["tables"].values())
        self.stdout.write(
            f"Đã sao lưu {rows} dòng trong {len(manifest['tables'])} bảng và {len(manifest['files'])} tệp vào {target}"
        )
