"""Settings for the test suite: production settings with test-only keys filled in.

The suite runs with DEBUG off, like production, so the production-only switches that
would get in the way of the test client (HTTPS redirect, manifest static files) are
turned off here and nowhere else.
"""

import os

# The suite never reads a development checkout's .env (DEBUG=1 there).
os.environ["ENV_FILE"] = ""
os.environ.setdefault("SECRET_KEY", "test-suite-only-secret-key-not-for-any-real-site")
os.environ.setdefault("SECURE_SSL_REDIRECT", "0")

from borderblog.settings import *  # noqa: F403
from tests.worker_redis import for_this_worker

if REDIS_URL:  # noqa: F405
    CACHES["default"]["LOCATION"] = for_this_worker(REDIS_URL)  # noqa: F405

STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Static files come straight from the app folders, as in development: the suite never
# runs collectstatic.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

# SQLite tests use a file, not the default shared in-memory database: concurrency tests
# need real SQLite locking (WAL, busy timeout, IMMEDIATE transactions) as production has
# it, and shared-cache memory databases lock whole tables instead. One file per process
# keeps simultaneous runs apart; pytest-django deletes it at the end.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    import tempfile

    DATABASES["default"]["TEST"] = {  # noqa: F405
        "NAME": os.path.join(tempfile.gettempdir(), f"borderblog-test-{os.getpid()}.sqlite3")
    }
