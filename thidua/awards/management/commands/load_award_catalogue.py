"""`manage.py load_award_catalogue`: the award kinds, their standing criteria and the default
dossier requirements (awards.catalogue).

Help texts are translated when the command is loaded (after the apps are ready): argparse
cannot format a lazy string (`load_demo --help` fails on one). Safe to rerun; `--reset` puts the defaults back over an
administrator's edits."""

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from thidua.awards.catalogue import load_catalogue
from thidua.awards.models import AwardKind, Criterion, DossierRequirement


class Command(BaseCommand):
    help = _("Nạp danh mục danh hiệu, hình thức khen thưởng, tiêu chuẩn và thành phần hồ sơ mặc định.")

    def add_arguments(self, parser):
        parser.add_argument(
            "--reset",
            action="store_true",
            help=_("Ghi đè các dòng đã có bằng giá trị mặc định (mất các chỉnh sửa của quản trị viên)."),
        )

    def handle(self, *args, reset: bool, **options):
        load_catalogue(reset=reset)
        self.stdout.write(
            self.style.SUCCESS(
                _(
                    "Danh mục khen thưởng: %(kinds)d danh hiệu, hình thức; %(criteria)d tiêu chuẩn; %(docs)d thành phần hồ sơ."
                )
                % {
                    "kinds": AwardKind.objects.count(),
                    "criteria": Criterion.objects.filter(campaign=None).count(),
                    "docs": DossierRequirement.objects.filter(campaign=None).count(),
                }
            )
        )
