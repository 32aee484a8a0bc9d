from django.core.management.base import BaseCommand
from django.db import transaction

from thidua.reports import queries, tallies
from thidua.reports.models import ReportPeriod


class Command(BaseCommand):
    help = (
        "Tính lại số liệu tổng hợp theo từng cấp (RollupTally) từ các báo cáo đã nộp — sau khi nạp dữ liệu "
        "trực tiếp vào cơ sở dữ liệu; --kiem-tra chỉ so sánh với số đếm lại, không ghi gì."
    )

    def add_arguments(self, parser):
        parser.add_argument("--ky", dest="periods", type=int, nargs="*", help="Mã các kỳ báo cáo (mặc định: tất cả)")
        parser.add_argument("--kiem-tra", dest="check", action="store_true", help="Chỉ kiểm tra, không ghi")

    def handle(self, *args, periods=None, check=False, **options):
        chosen = ReportPeriod.objects.select_related("form__issuer")
        if periods:
            chosen = chosen.filter(pk__in=periods)
        if check:
            wrong = []
            for period in chosen:
                whole, _children = queries.rollup_by_child(period, period.form.issuer)
                counted, _rows = queries.recount_by_child(period, period.form.issuer)
                if whole.reports != counted.reports:
                    wrong.append(f"{period.pk} ({whole.reports} ≠ {counted.reports})")
            self.stdout.write("Sai lệch ở các kỳ: " + ", ".join(wrong) if wrong else "Số liệu tổng hợp khớp.")
            return
        with transaction.atomic():
            rows = tallies.rebuild(None if not periods else [p.pk for p in chosen])
        self.stdout.write(f"Đã tính lại {rows} dòng số liệu tổng hợp.")
