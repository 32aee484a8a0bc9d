"""Settings, read from the environment (12-factor).

Development needs nothing: SQLite in var/, a generated secret in var/secret_key, DEBUG on.
Production (DEBUG off) refuses to start when a setting is missing or unsafe, with a message
that says which one — a half-configured server is worse than none.
"""

import datetime
from pathlib import Path

import environ
from celery.schedules import crontab
from csp import constants as csp_constants
from django.core.exceptions import ImproperlyConfigured
from django.core.management.utils import get_random_secret_key

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = BASE_DIR / "var"

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

DEBUG = env.bool("DEBUG", default=True)


def _dev_secret_key() -> str:
    # A per-checkout secret kept out of git, so no secret ever lives in code.
    VAR_DIR.mkdir(exist_ok=True)
    path = VAR_DIR / "secret_key"
    if not path.exists():
        path.write_text(get_random_secret_key())
    return path.read_text().strip()


SECRET_KEY = env.str("SECRET_KEY", default="")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY phải được đặt khi DEBUG=False (SECRET_KEY must be set in production).")
    SECRET_KEY = _dev_secret_key()
elif not DEBUG and (len(SECRET_KEY) < 50 or SECRET_KEY.startswith("django-insecure")):
    raise ImproperlyConfigured("SECRET_KEY quá ngắn hoặc không an toàn (need ≥ 50 random characters).")

ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]", "testserver"] if DEBUG else [])
if not DEBUG and not ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS phải được đặt khi DEBUG=False.")
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_htmx",
    "template_partials",
    "django_filters",
    "rules.apps.AutodiscoverRulesConfig",
    "axes",
    "csp",
    "thidua.core",
    "thidua.org",
    "thidua.documents",
    "thidua.campaigns",
    "thidua.planimport",
    "thidua.participation",
    "thidua.reports",
    "thidua.councils",
    "thidua.initiatives",
    "thidua.awards",
    # The REST API (issue 20): last, it reads every app above and nothing imports it.
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "thidua.api",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "thidua.core.middleware.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "thidua.org.middleware.ActingRoleMiddleware",
    "thidua.core.replica.ReplicaMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into the login page's message.
    "axes.middleware.AxesMiddleware",
]

# Content-Security-Policy on every page (django-csp): scripts, styles, images and fonts from our
# own origin only — no inline <script>, on* handler or style="…" attribute (the templates use
# classes from core/thidua.css and data-* behaviours from core/thidua.js; htmx's indicator rules
# live in thidua.css too, base.html's htmx-config keeps htmx from injecting them or calling eval).
# Bootstrap's CSS draws its icons (menu button, select arrow) as data: images. No page may be
# framed, nor post a form elsewhere. Downloads of uploaded files (core.views) carry their own
# stricter, sandboxed policy, which the middleware leaves as it is.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [csp_constants.SELF],
        "script-src": [csp_constants.SELF],
        "style-src": [csp_constants.SELF],
        "img-src": [csp_constants.SELF, "data:"],
        "font-src": [csp_constants.SELF],
        "connect-src": [csp_constants.SELF],
        "object-src": [csp_constants.NONE],
        "base-uri": [csp_constants.SELF],
        "frame-ancestors": [csp_constants.NONE],
        "form-action": [csp_constants.SELF],
    },
}

ROOT_URLCONF = "thidua.urls"
WSGI_APPLICATION = "thidua.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "thidua.core.context_processors.navigation",
            ],
        },
    },
]

# SQLite (WAL, see core.apps) by default; PostgreSQL through DATABASE_URL.
VAR_DIR.mkdir(exist_ok=True)
DATABASES = {"default": env.db_url("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'thidua.sqlite3'}")}
# PostgreSQL with prepared statements: values bound by the server, and a statement a connection
# has run DATABASE_PREPARE_THRESHOLD times is prepared, so PostgreSQL stops parsing and planning
# it again — a report submission's backend CPU 3.1 → 1.9 ms (issue 18, BENCHMARKS.md). Django
# leaves them off for connection poolers: a transaction-pooling PgBouncer older than 1.21 cannot
# carry them, so DATABASE_PREPARED_STATEMENTS=False there.
PREPARED_STATEMENTS = env.bool("DATABASE_PREPARED_STATEMENTS", default=True)
PREPARE_THRESHOLD = env.int("DATABASE_PREPARE_THRESHOLD", default=2)


def _postgresql(database: dict) -> None:
    database.setdefault("CONN_MAX_AGE", env.int("CONN_MAX_AGE", default=60))
    database.setdefault("CONN_HEALTH_CHECKS", True)
    if PREPARED_STATEMENTS and "postgresql" in database["ENGINE"]:
        database.setdefault("OPTIONS", {}).update({"server_side_binding": True, "prepare_threshold": PREPARE_THRESHOLD})


if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Wait for a lock rather than fail at once: imports and the web share one file.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "timeout": 20,
            "transaction_mode": "IMMEDIATE",
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    )
else:
    _postgresql(DATABASES["default"])
# A streaming replica for the heavy overviews (core.replica): status boards, roll-ups, exports.
DATABASE_REPLICA_URL = env.str("DATABASE_REPLICA_URL", default="")
if DATABASE_REPLICA_URL:
    DATABASES["replica"] = env.db_url_config(DATABASE_REPLICA_URL)
    _postgresql(DATABASES["replica"])
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
DATABASE_ROUTERS = ["thidua.core.replica.ReplicaRouter"]
THIDUA_REPLICA_VIEWS = ["reports:board", "reports:board_export", "reports:rollup", "reports:rollup_export"]
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env.str("REDIS_URL", default="")
if REDIS_URL:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}}
    SESSION_ENGINE = "django.contrib.sessions.backends.cache"
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

CELERY_BROKER_URL = REDIS_URL or None
CELERY_RESULT_BACKEND = None
CELERY_TASK_ALWAYS_EAGER = not REDIS_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TIMEZONE = "Asia/Ho_Chi_Minh"
CELERY_TASK_ACKS_LATE = True
# A task whose worker dies (kill -9, out of memory, power) is run again rather than dropped:
# Redis hands an unacknowledged task to another worker after the visibility timeout — longer
# than the longest task (a national import), or it would start twice — and a pool process that
# dies makes its worker give the task back at once. Every task is written to be run twice.
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": env.int("CELERY_VISIBILITY_TIMEOUT", default=3600)}
# With a broker, `celery -A thidua beat` sends the reports' reminders every morning; without
# one, cron runs `manage.py send_report_reminders` (idempotent, so both may run).
CELERY_BEAT_SCHEDULE = {
    "reports-reminders": {"task": "reports.send_reminders", "schedule": crontab(hour=7, minute=0)},
    # Imports left "running" by a worker that died: claimed again once their lease runs out.
    "org-resume-imports": {"task": "org.resume_imports", "schedule": crontab(minute="*/5")},
}
# Background jobs (large imports) without a broker run in a thread of the web process, so the
# progress page works on `make run`; tests set this to True to run them inline.
THIDUA_BACKGROUND_INLINE = env.bool("THIDUA_BACKGROUND_INLINE", default=False)

EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
globals().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="thidua@localhost")

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    # First: refuses a locked-out account or address before any password is checked.
    "thidua.core.login_guard.LoginGuardBackend",
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Failed logins (django-axes): after THIDUA_LOGIN_FAILURE_LIMIT wrong passwords for one account,
# or from one address, both are refused for THIDUA_LOGIN_LOCKOUT_MINUTES (or until an
# administrator unlocks them in the admin's "Access attempts"). A correct login clears the count.
AXES_FAILURE_LIMIT = env.int("THIDUA_LOGIN_FAILURE_LIMIT", default=10)
AXES_COOLOFF_TIME = datetime.timedelta(minutes=env.int("THIDUA_LOGIN_LOCKOUT_MINUTES", default=30))
# Counted per account and per address, in this order (core.login_guard.LoginGuardHandler reads
# them so): an address, which a whole office may share, locks only at its own higher limit.
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_HANDLER = "thidua.core.login_guard.LoginGuardHandler"
THIDUA_LOGIN_ADDRESS_FAILURE_LIMIT = env.int("THIDUA_LOGIN_ADDRESS_FAILURE_LIMIT", default=100)
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "thidua.core.login_guard.locked_out"
AXES_USERNAME_FORM_FIELD = "username"
# Behind nginx every request comes from 127.0.0.1: THIDUA_PROXY_COUNT=1 reads the address
# nginx puts last in X-Forwarded-For, so one office is not locked for another's mistakes.
THIDUA_PROXY_COUNT = env.int("THIDUA_PROXY_COUNT", default=0)
AXES_CLIENT_IP_CALLABLE = "thidua.core.login_guard.client_address"
# How long a login lasts without being used again (seconds; two weeks by default).
SESSION_COOKIE_AGE = env.int("SESSION_COOKIE_AGE", default=14 * 24 * 3600)
PASSWORD_RESET_TIMEOUT = env.int("PASSWORD_RESET_TIMEOUT", default=24 * 3600)
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
# thidua/formats/vi: thousands grouped as Vietnamese writes them (3.916), Django's own otherwise.
FORMAT_MODULE_PATH = ["thidua.formats"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = []
try:
    import xstatic.pkg.bootstrap as xstatic_bootstrap

    STATICFILES_DIRS.append(("bootstrap", xstatic_bootstrap.BASE_DIR))
except ImportError:  # pragma: no cover - the package is a hard dependency
    raise ImproperlyConfigured("Thiếu gói xstatic-bootstrap: chạy `make install`.") from None
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
# In development WhiteNoise serves straight from the apps' and packages' static folders.
WHITENOISE_USE_FINDERS = DEBUG
WHITENOISE_AUTOREFRESH = DEBUG
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")
MEDIA_URL = "media/"
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
# Spreadsheets above this are refused at the form, with a message.
THIDUA_IMPORT_MAX_BYTES = env.int("THIDUA_IMPORT_MAX_BYTES", default=200 * 1024 * 1024)
# Photos and scans attached as evidence above this are refused with a message (core.attachments).
THIDUA_ATTACHMENT_MAX_BYTES = env.int("THIDUA_ATTACHMENT_MAX_BYTES", default=10 * 1024 * 1024)
THIDUA_THUMBNAIL_PX = 400
# Signed originals of issued papers (issue 21, documents.signing): the PEM roots a signer's
# certificate must chain to (a file of roots or a folder of .pem/.crt files: the national root
# CA of the government's signing services, or a test root), and the largest signed PDF taken.
THIDUA_SIGNING_TRUST_ROOTS = env.str("THIDUA_SIGNING_TRUST_ROOTS", default="")
THIDUA_SIGNED_MAX_BYTES = env.int("THIDUA_SIGNED_MAX_BYTES", default=20 * 1024 * 1024)
# Signing in thidua (issue 21, item 3): the Fernet key (urlsafe base64, 32 bytes) a unit's stored
# PKCS#12 certificate is encrypted with at rest (documents.signing_keys). Empty: no unit may store one.
THIDUA_SIGNING_KEY = env.str("THIDUA_SIGNING_KEY", default="")

if not DEBUG:
    # Production is served over HTTPS, ended by nginx in front of gunicorn (deploy/nginx.conf,
    # docs/deployment.md "HTTPS"): cookies travel only over HTTPS, plain HTTP is redirected, and
    # browsers are told (HSTS) to use HTTPS for a year. Each can be set from the environment.
    SESSION_COOKIE_SECURE = env.bool("SESSION_COOKIE_SECURE", default=True)
    CSRF_COOKIE_SECURE = env.bool("CSRF_COOKIE_SECURE", default=True)
    # nginx writes X-Forwarded-Proto itself ($scheme, replacing what a browser sent), so the
    # header says whether the browser used HTTPS — trusted only while gunicorn is reachable
    # through nginx alone; THIDUA_BEHIND_HTTPS_PROXY=False where something else ends HTTPS.
    if env.bool("THIDUA_BEHIND_HTTPS_PROXY", default=True):
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
    # The load balancer probes the app servers directly over HTTP (docs/deployment.md).
    SECURE_REDIRECT_EXEMPT = [r"^healthz/"]
    SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=365 * 24 * 3600)
    # Off by default: other hosts of the union's domain may not all speak HTTPS (check --deploy's
    # W005 and W021, explained in docs/deployment.md).
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=False)
    SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=False)
    SECURE_CONTENT_TYPE_NOSNIFF = True

PAGE_SIZE = 50

# The REST API (thidua/api, docs/api.md): personal tokens (`Authorization: Bearer …`) only — the
# documentation page at /api/ also takes the signed-in session. Requests per token are limited
# (THIDUA_API_RATE, "<n>/second|minute|hour|day"); answers are paginated (?page=, ?page_size=).
THIDUA_API_RATE = env.str("THIDUA_API_RATE", default="600/minute")
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": ["thidua.api.authentication.BearerTokenAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["thidua.api.permissions.TokenAccess"],
    "DEFAULT_THROTTLE_CLASSES": ["thidua.api.authentication.TokenRateThrottle"],
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_PAGINATION_CLASS": "thidua.api.pagination.Pagination",
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "thidua.api.errors.handler",
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "thidua API",
    "DESCRIPTION": "Dữ liệu thi đua – khen thưởng cho các hệ thống khác, theo đúng phạm vi của vai trò gắn với khóa API.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    "ENUM_NAME_OVERRIDES": {},
}
# A deadline is "due soon" on the home page and calendar this many days ahead.
THIDUA_DUE_SOON_DAYS = env.int("THIDUA_DUE_SOON_DAYS", default=7)
# Rows each roll-up total is spread over (reports.tallies); 1 puts every report of a period on
# the Confederation's one row (the bench's A/B). Safe to change on a live database: the reads sum
# whatever shards there are; `manage.py rebuild_report_tallies` lays them out again.
THIDUA_TALLY_SHARDS = env.int("THIDUA_TALLY_SHARDS", default=16)
# How long after a closed emulation window a plan may still set a deadline (result reports,
# dossiers: seed 000 closes on 15/9 and asks for the report by 18/9).
THIDUA_DEADLINE_GRACE_DAYS = env.int("THIDUA_DEADLINE_GRACE_DAYS", default=60)
# A collective of at most this many members counts as a "small collective" on an award
# (issue 8: "chú trọng khen thưởng tập thể nhỏ"; the honour roll's share of small collectives).
THIDUA_SMALL_COLLECTIVE_MAX = env.int("THIDUA_SMALL_COLLECTIVE_MAX", default=30)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="WARNING")},
}
