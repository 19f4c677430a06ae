"""Settings shared by every environment. Environment-specific modules override these."""

import os
from pathlib import Path
from typing import Any

import dj_database_url
from django.utils.csp import CSP

SRC_DIR = Path(__file__).resolve().parents[3]
PROJECT_DIR = SRC_DIR.parent
PACKAGE_DIR = SRC_DIR / "thrive"

SECRET_KEY = os.environ.get("THRIVE_SECRET_KEY", "")
DEBUG = False
ALLOWED_HOSTS: list[str] = []

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rest_framework",
    "drf_spectacular",
    "django_tasks_db",
    "thrive.core",
    "thrive.accounts",
    "thrive.people",
    "thrive.assessments",
    "thrive.advice",
    "thrive.plans",
    "thrive.quality",
    "thrive.portal",
    "thrive.disputes",
    "thrive.queues",
    "thrive.returns",
    "thrive.improvement",
    "thrive.forecasting",
    "thrive.benchmarks",
    "thrive.insight",
    "thrive.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "thrive.core.audit.AuditContextMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "thrive.accounts.middleware.AccessEndsMiddleware",  # time-limited accounts signed out
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "thrive.config.urls"
WSGI_APPLICATION = "thrive.config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "thrive.core.context_processors.service",
            ],
            "builtins": ["thrive.core.templatetags.govuk"],
        },
    }
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{PROJECT_DIR / 'var' / 'thrive.sqlite3'}", conn_max_age=60
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the demo server read while the generator or a worker writes.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "accounts:sign_in"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "accounts:sign_in"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
SESSION_COOKIE_AGE = 60 * 60 * 8  # a working day
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = False
USE_TZ = True

MEDIA_ROOT = Path(os.environ.get("THRIVE_MEDIA_ROOT", PROJECT_DIR / "var" / "uploads"))
FILE_UPLOAD_PERMISSIONS = 0o640

STATIC_URL = "/static/"
STATIC_ROOT: Path | None = PROJECT_DIR / "var" / "staticfiles"
STATICFILES_DIRS = [PACKAGE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": ["rest_framework.authentication.SessionAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["thrive.accounts.api.CanDoCaseWork"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
    "EXCEPTION_HANDLER": "thrive.core.api.exception_handler",
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Thrive API",
    "DESCRIPTION": "EHC needs assessment cases and their statutory deadlines.",
    "VERSION": "0.1.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "COMPONENT_SPLIT_REQUEST": True,
}

# Background work: django.tasks with the database backend; run `thrive db_worker` beside the
# web server (make demo does).
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# Notifications: email through Django's mail settings by default; GOV.UK Notify when a key and
# a template are configured. The template needs ((subject)) and ((body)) placeholders.
THRIVE_NOTIFY_API_KEY = os.environ.get("THRIVE_NOTIFY_API_KEY", "")
THRIVE_NOTIFY_TEMPLATE_ID = os.environ.get("THRIVE_NOTIFY_TEMPLATE_ID", "")
DEFAULT_FROM_EMAIL = os.environ.get("THRIVE_FROM_EMAIL", "thrive@localhost")
MAILERS = {
    "default": {
        "BACKEND": os.environ.get(
            "THRIVE_EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend"
        )
    }
}
THRIVE_BASE_URL = os.environ.get("THRIVE_BASE_URL", "http://127.0.0.1:8000")

# Figures about fewer children than this are suppressed outside the case work team and in
# every export (DfE statistics practice for small numbers; see insight/suppression.py).
THRIVE_SUPPRESSION_THRESHOLD = int(os.environ.get("THRIVE_SUPPRESSION_THRESHOLD", "5"))
# Where the dashboard finds the 0-25 population for rates per 10,000.
THRIVE_POPULATION_0_TO_25 = "thrive.benchmarks.selectors.population_0_to_25"

# The council that runs this Thrive (shown in the header and on documents).
THRIVE_COUNCIL_NAME = os.environ.get("THRIVE_COUNCIL_NAME", "Thrive demonstration council")
THRIVE_SERVICE_NAME = "Thrive SEND services"

LOGGING: dict[str, Any] = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": "INFO"},
}

# The council's DfE local authority number (3 digits). The demo uses a fictional council with
# the number of a real one, so its identifiers pass the DfE checks.
THRIVE_LA_CODE = os.environ.get("THRIVE_LA_CODE", "938")
