"""What the awards app adds to the rest of thidua (menu, home panels, council subjects, audit
verbs, demo stage). One function per part of the app; `AwardsConfig.ready` calls them all."""


def register_all() -> None:
    for part in (register_nominations, register_documents, register_figures, register_intake):
        part()


def register_nominations() -> None:
    """Menu, council subject, audit verbs and demo stage of the nomination flow."""


def register_documents() -> None:
    """Decisions, certificates and the honour roll."""


def register_figures() -> None:
    """Awards figures for the dashboard and the campaign review."""


def register_intake() -> None:
    """Excel intake of nomination lists."""
