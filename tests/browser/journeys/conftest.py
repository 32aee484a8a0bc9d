"""Journey tests: a seed played end to end in the browser, on the demo federation, by the demo
logins (README "Tài khoản dùng thử"). See README.md in this folder for how to write one.

The browser and the artifacts folder come from tests/browser/conftest.py, one browser for the
whole run (a conftest importing that session fixture started a second Playwright inside the
first one's event loop: every journey errored when run after the other browser tests). Here the
demo is loaded into the live server's database (`load_demo --scale 0.03`, as `make demo` does at full size) and
`journey.as_user("lb_thiduakt")` hands out one logged-in page per demo login."""

import importlib

import pytest

from tests.browser.journeys.steps import Journey
from thidua.org.tests.demo_snapshot import load_demo

# Catalogues that data migrations load. A transactional test's flush empties them and, in a
# browser test, serialized_rollback cannot bring them back (see the root conftest's unit_kinds).
CATALOGUES = (
    ("thidua.org.migrations.0003_default_unit_kinds", "org", "UnitKind"),
    ("thidua.participation.migrations.0002_default_titles", "participation", "EmulationTitle"),
    ("thidua.initiatives.migrations.0002_default_programmes", "initiatives", "Programme"),
)


@pytest.fixture
def demo(transactional_db, settings, tmp_path):
    """The demo federation, loaded the way a newcomer loads it, with uploads kept in tmp_path."""
    from django.apps import apps
    from django.contrib.contenttypes.models import ContentType

    settings.MEDIA_ROOT = tmp_path / "media"
    ContentType.objects.clear_cache()
    for module, app, model in CATALOGUES:
        if not apps.get_model(app, model).objects.exists():
            importlib.import_module(module).load(apps, None)
    load_demo(scale=0.03)


@pytest.fixture
def journey(browser, live_server, artifacts, demo):
    journey = Journey(browser, live_server.url, artifacts)
    yield journey
    journey.close()
