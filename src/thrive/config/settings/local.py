"""The embedded demo: SQLite in var/, debug pages, a fixed development key."""

from .base import *  # noqa: F403

DEBUG = True
SECRET_KEY = "thrive-local-demo-key-not-for-production"  # noqa: S105
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
# Serve static files straight from the build folder; production runs collectstatic instead.
STATIC_ROOT = None
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.console.EmailBackend"}}
