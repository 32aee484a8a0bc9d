import datetime

from django.core.management.base import BaseCommand
from django.utils import timezone

from thidua.reports.reminders import send_reminders


class Command(BaseCommand):
    help = "Nhắc các đơn vị nộp báo cáo sắp đến hạn và quá hạn (email và thông báo trong thidua); chạy hằng ngày."

    def add_arguments(self, parser):
        parser.add_argument("--ngay", dest="day", help="Ngày chạy, dạng YYYY-MM-DD (mặc định hôm nay)")

    def handle(self, *args, day=None, **options):
        today = datetime.date.fromisoformat(day) if day else timezone.localdate()
        sent = send_reminders(today)
        self.stdout.write(f"Đã gửi {sent} lời nhắc ({today:%d/%m/%Y}).")
