"""`manage.py load_demo`: the demo federation (org.demo.federation), then the stages other apps
register (core.demo), then the table of demo logins. Safe to rerun: see the builder."""

import datetime
import time

from django.core.management.base import BaseCommand, CommandError
from django.test.utils import override_settings
from django.utils.translation import gettext as _

from thidua.core.demo import anchored, run_stages
from thidua.org.demo import federation

URL = "http://127.0.0.1:8000"


class Command(BaseCommand):
    # Plain strings: argparse formats help text with re.sub, which a lazy translation breaks
    # (`load_demo --help` crashed with a TypeError).
    help = "Nạp liên đoàn mẫu (Hà Nội – Long Biên – Gia Lâm, Lai Châu) và các tài khoản dùng thử."

    def add_arguments(self, parser):
        parser.add_argument(
            "--scale",
            type=float,
            default=1.0,
            help=_("Hệ số số đoàn viên (1 = khoảng 5.000; kiểm thử dùng số nhỏ). Cây tổ chức và tài khoản không đổi."),
        )
        parser.add_argument(
            "--dia-chi",
            dest="url",
            default=URL,
            help="Địa chỉ in ra cuối danh sách tài khoản (make run đưa vào địa chỉ và cổng nó phục vụ).",
        )
        parser.add_argument(
            "--hom-nay",
            dest="today",
            default=None,
            help="Ngày coi là hôm nay khi nạp (YYYY-MM-DD); mặc định là ngày chạy lệnh. Các thời hạn, kỳ báo cáo "
            "mẫu tính từ ngày này.",
        )

    def handle(self, *args, scale: float, today: str | None = None, url: str = URL, **options):
        if not 0 < scale <= 10:
            raise CommandError(_("--scale phải lớn hơn 0 và không quá 10."))
        try:
            anchor = datetime.date.fromisoformat(today) if today else None
        except ValueError:
            raise CommandError(_("--hom-nay phải là một ngày dạng YYYY-MM-DD.")) from None
        started = time.perf_counter()
        # The demo's own notices (a decision's email to its CĐCS…) are sent in this process and
        # kept in memory: on `make run` the console backend printed them after the logins table,
        # from a thread the command did not wait for.
        with override_settings(
            THIDUA_BACKGROUND_INLINE=True, EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"
        ):
            try:
                result = federation.build(scale=scale, log=self.stdout.write)
            except federation.DemoConflict as exc:
                raise CommandError(str(exc)) from exc
            with anchored(anchor) as day:
                self.stdout.write(_("Hôm nay của dữ liệu mẫu: %(day)s") % {"day": f"{day:%d/%m/%Y}"})
                run_stages(self.stdout.write)
        elapsed = time.perf_counter() - started
        done = (
            _("Đã nạp dữ liệu mẫu (%(seconds).1f s).")
            if result.built
            else _("Dữ liệu mẫu đã có sẵn (%(seconds).1f s).")
        )
        self.stdout.write(self.style.SUCCESS(done % {"seconds": elapsed}))
        self.stdout.write("")
        self.stdout.write(
            _("Tài khoản dùng thử — mật khẩu chung: %(password)s") % {"password": federation.DEMO_PASSWORD}
        )
        self.stdout.write(federation.format_logins(result.logins))
        self.stdout.write("")
        self.stdout.write(_("Mở %(url)s và đăng nhập bằng một tài khoản ở trên.") % {"url": url})
