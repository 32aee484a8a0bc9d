"""The WSGI entry point (settings.WSGI_APPLICATION): `manage.py runserver` and production
servers (gunicorn thidua.wsgi) load the application from here."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "thidua.settings")

application = get_wsgi_application()
