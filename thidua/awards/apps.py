from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AwardsConfig(AppConfig):
    name = "thidua.awards"
    label = "awards"
    verbose_name = _("Khen thưởng")

    def ready(self) -> None:
        # Each part of the app registers its own menu entries, panels, council subject and
        # demo stage from its module's `register()`, so the parts can grow independently.
        from thidua.awards import registrations

        registrations.register_all()
        from thidua.awards import succession as awards_succession
        from thidua.core import succession

        succession.register(awards_succession.STEP)  # a dissolved unit's open work goes to its successor
        from thidua.awards.documents import decision_pdf
        from thidua.documents import printing

        printing.register("awards.decision", decision_pdf)  # signing in thidua renders this print (issue 21)
        printing.register_page("awards.decision", "awards:decision")
