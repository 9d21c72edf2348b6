"""Border Blog settings.

One module for every environment: whatever differs between a laptop and production comes
from environment variables (see docs/operations.md). Defaults are the embedded set-up
(SQLite, local files, local-memory cache); production turns DEBUG off, which makes
SECRET_KEY mandatory and the security settings strict.
"""

import os
from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
# A development checkout keeps its settings in a git-ignored .env, which `make run` writes
# once (DEBUG=1 and a generated key), so that every manage.py command works there as
# `make run` does. The process environment always wins over the file. ENV_FILE names
# another file; ENV_FILE= (empty) reads none, as the test suite and production do.
ENV_FILE = os.environ.get("ENV_FILE", str(BASE_DIR / ".env"))
if ENV_FILE and Path(ENV_FILE).is_file():
    env.read_env(ENV_FILE)

DEBUG = env.bool("DEBUG", default=False)

SECRET_KEY = env.str("SECRET_KEY", default="")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "Set SECRET_KEY. In a development checkout, `make run` writes one to .env."
        )
    SECRET_KEY = "insecure-development-key-only-used-with-DEBUG"  # noqa: S105 (DEBUG only)

ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "crispy_forms",
    "crispy_bootstrap5",
    "csp",
    "posts",
    "comments",
    "tips",
    "blogger",
    "demo",
]

MIDDLEWARE = [
    "borderblog.head_requests.HeadWithoutBodyMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Ahead of whitenoise, so that static files carry these headers too.
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "borderblog.headers.CrossOriginResourcePolicyMiddleware",
    # The redirect to HTTPS, but for the tip line's onion service (borderblog.onion).
    "borderblog.onion.HttpsRedirectMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    # ETag and 304s for responses that do not vary per visitor (feeds, sitemap, robots).
    "django.middleware.http.ConditionalGetMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    # Before the CSRF check, the first to read a POST body (borderblog.refusals).
    "borderblog.refusals.RefuseUnreadableBodies",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "borderblog.urls"
WSGI_APPLICATION = "borderblog.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "borderblog.context_processors.site",
            ],
        },
    },
]

# Database: SQLite by default. WAL lets readers carry on while a comment is written,
# the busy timeout makes concurrent writers wait instead of failing with "database is
# locked", and IMMEDIATE transactions take the write lock up front so that a transaction
# never has to upgrade a read lock half-way (the classic SQLite deadlock under load).
DATABASES = {"default": env.db_url("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Connections persist (CONN_MAX_AGE) on SQLite too, so the PRAGMAs below run once per
    # worker rather than on every request.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": (
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=20000;"
        ),
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env.str("REDIS_URL", default="")
# A Redis that is down refuses at once, but one that hangs (a full disk, a paused VM)
# accepts connections and answers nothing: without timeouts every worker would wait on it
# until gunicorn killed it. Each call waits this long at most, then the site carries on
# without the cache, as it does when Redis is down.
REDIS_TIMEOUT_SECONDS = env.float("REDIS_TIMEOUT_SECONDS", default=0.25)
# After Redis fails, each worker carries on without it for this long before asking again,
# instead of waiting out a timeout on every call (borderblog.redis_circuit).
REDIS_RETRY_AFTER_SECONDS = env.float("REDIS_RETRY_AFTER_SECONDS", default=5)
REDIS_CACHE_OPTIONS = {
    "socket_connect_timeout": REDIS_TIMEOUT_SECONDS,
    "socket_timeout": REDIS_TIMEOUT_SECONDS,
    "pool_class": "borderblog.redis_circuit.CircuitBreakingPool",
}
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "borderblog",
            "OPTIONS": REDIS_CACHE_OPTIONS,
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("es", _("Spanish"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
# The newsroom works on border time; every stored time is UTC.
TIME_ZONE = env.str("TIME_ZONE", default="America/Chicago")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(env.str("STATIC_ROOT", default=str(BASE_DIR / "staticfiles")))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env.str("MEDIA_ROOT", default=str(BASE_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# Messages travel in a signed cookie so that anonymous readers never create a server-side
# session just by commenting.
MESSAGE_STORAGE = "django.contrib.messages.storage.cookie.CookieStorage"

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

CSRF_FAILURE_VIEW = "borderblog.views.csrf_failure"

# The site loads nothing from anywhere but itself: readers' and sources' anonymity
# depends on no third party seeing them arrive.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'none'"],
        "object-src": ["'none'"],
    }
}
# No page of the site uses a device's sensors, camera, microphone or position, and none
# may be made to ask: a tip page asking for a source's location would be the worst case.
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "ambient-light-sensor",
        "autoplay",
        "browsing-topics",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "hid",
        "idle-detection",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "screen-wake-lock",
        "serial",
        "usb",
        "xr-spatial-tracking",
    )
}
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"

# borderblog.onion redirects to HTTPS, not SecurityMiddleware (which cannot leave the
# onion service on http); its own check stands in for Django's security.W008.
SECURE_SSL_REDIRECT = False
HTTPS_REDIRECT = False
SILENCED_SYSTEM_CHECKS = ["security.W008"]
# The proxy's health check asks the app itself, over plain http on its own port: a
# redirect there would read as "down".
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
if not DEBUG:
    HTTPS_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=60 * 60 * 24 * 365)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"

# Outgoing mail as one URL, e.g. smtp+tls://user:password@relay.example:587 (editors'
# alerts must reach a real relay). The demo prints mail on the console.
globals().update(
    env.email_url("EMAIL_URL", default="consolemail://" if DEBUG else "smtp://localhost:25")
)
# Editors' alerts are sent from the reader's request that makes one due: a relay that
# hangs holds that request this long (per socket operation), then the alert waits five
# minutes before it is tried again (comments.notifications).
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=5)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="Border Blog <noreply@localhost>")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "quiet_tip_line": {"()": "borderblog.log_filters.QuietTipLine"},
        "refusals_in_one_line": {"()": "borderblog.log_filters.RefusalsInOneLine"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["quiet_tip_line", "refusals_in_one_line"],
        },
    },
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    # Request logging would write readers' paths next to their timing; errors still
    # reach the console through django.request at ERROR level. Django's warnings about
    # refused requests (400, 403, 404) are kept, except on the tip line.
    "loggers": {
        "django": {"handlers": ["console"], "level": "INFO", "propagate": False},
        "django.server": {"handlers": ["console"], "level": "WARNING", "propagate": False},
    },
}

# --- Border Blog ----------------------------------------------------------------------

BLOG_TITLE = env.str("BLOG_TITLE", default="Border Blog")
BLOG_TAGLINE = env.str("BLOG_TAGLINE", default="") or _(
    "Reporting on the drug cartels along the line between the US and Mexico"
)
POSTS_PER_PAGE = 10

# Readers are recognised for rate limits and bans by an HMAC of their address, never the
# address itself. The key changes every SUBMITTER_HASH_ROTATION_DAYS days so that hashes
# stored in different periods cannot be joined into one long history of a reader.
SUBMITTER_HASH_SECRET = env.str("SUBMITTER_HASH_SECRET", default=SECRET_KEY)
SUBMITTER_HASH_ROTATION_DAYS = env.int("SUBMITTER_HASH_ROTATION_DAYS", default=30)
# How many reverse proxies stand in front of the app and append to X-Forwarded-For.
# 0 means REMOTE_ADDR is the reader's address (runserver, or gunicorn on a bare port).
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)

COMMENT_MAX_LENGTH = 5000
COMMENT_AUTHOR_MAX_LENGTH = 60


# Defences against floods and abuse (docs/moderation-defences.md explains each).
# Comments one submitter may send: at most this many a minute and an hour.
COMMENT_RATE_PER_MINUTE = env.int("COMMENT_RATE_PER_MINUTE", default=5)
COMMENT_RATE_PER_HOUR = env.int("COMMENT_RATE_PER_HOUR", default=30)
# Reports one submitter may send an hour.
REPORT_RATE_PER_HOUR = env.int("REPORT_RATE_PER_HOUR", default=10)
# A comment form older than this is refused with "reload the page" (seconds).
COMMENT_FORM_MAX_AGE = env.int("COMMENT_FORM_MAX_AGE", default=24 * 60 * 60)
# A comment sent sooner than this after the page loaded is flagged (never spammed).
COMMENT_FORM_MIN_SECONDS = env.int("COMMENT_FORM_MIN_SECONDS", default=3)
# More links than this flag a comment for the editor.
COMMENT_MAX_LINKS = env.int("COMMENT_MAX_LINKS", default=2)
# The same words on the same post within this many hours are refused as a duplicate.
COMMENT_DUPLICATE_WINDOW_HOURS = env.int("COMMENT_DUPLICATE_WINDOW_HOURS", default=24)
# Close comments this many days after publication (per-post override); None keeps
# them open, so that old posts such as the 2010 demo post stay open.
COMMENTS_CLOSE_AFTER_DAYS = env.int("COMMENTS_CLOSE_AFTER_DAYS", default=None)
# How long the rendered comment thread (comments.thread.cache) and the post page around it
# (comments.post_page.shell) may stay in the cache, in seconds; every change either shows
# refreshes it sooner. 0 keeps the post page out of the cache.
COMMENT_THREAD_CACHE_SECONDS = env.int("COMMENT_THREAD_CACHE_SECONDS", default=300)
POST_PAGE_CACHE_SECONDS = env.int("POST_PAGE_CACHE_SECONDS", default=300)
# With Redis, each worker keeps its last few threads and pages (comments/post_page/local_copies.py)
# rather than fetching 220 KB on every view; with local memory it would be a second copy.
POST_PAGE_LOCAL_COPIES = env.int("POST_PAGE_LOCAL_COPIES", default=64 if REDIS_URL else 0)
# Mail the Editors group when more comments than this are pending, or when the oldest
# pending comment is older than MODERATION_ALERT_AGE_HOURS (manage.py alert_editors).
MODERATION_ALERT_PENDING = env.int("MODERATION_ALERT_PENDING", default=50)
MODERATION_ALERT_AGE_HOURS = env.int("MODERATION_ALERT_AGE_HOURS", default=6)

# --- The tip line (docs/tips.md) -------------------------------------------------------

# Tip attachments live in a storage of their own that nothing serves: never under
# MEDIA_ROOT (a system check refuses that). In production, point STORAGES["tips"] at a
# private bucket instead, or keep TIPS_ROOT on an encrypted disk that is backed up.
TIPS_ROOT = Path(env.str("TIPS_ROOT", default=str(BASE_DIR / "private" / "tips")))
STORAGES["tips"] = {
    "BACKEND": "tips.storage.PrivateFileSystemStorage",
    "OPTIONS": {
        "location": TIPS_ROOT,
        "base_url": None,
        "file_permissions_mode": 0o600,
        "directory_permissions_mode": 0o700,
    },
}
TIPS_MAX_FILES = env.int("TIPS_MAX_FILES", default=10)
TIPS_MAX_FILE_SIZE = env.int("TIPS_MAX_FILE_MB", default=25) * 2**20
TIPS_MAX_TIP_SIZE = env.int("TIPS_MAX_TIP_MB", default=100) * 2**20
TIPS_MESSAGE_MAX_LENGTH = env.int("TIPS_MESSAGE_MAX_LENGTH", default=20_000)
# Larger images are refused as possible decompression bombs; 64 megapixels still takes
# the 48 and 50 megapixel photos of current phones.
TIPS_MAX_IMAGE_PIXELS = env.int("TIPS_MAX_IMAGE_PIXELS", default=64_000_000)
# e.g. "http://<56 characters>.onion": sent as Onion-Location and shown on the tip page.
TIPS_ONION_ADDRESS = env.str("TIPS_ONION_ADDRESS", default="")
# Keys the receipt-code lookup digest. Changing it makes every existing code useless.
TIPS_RECEIPT_SECRET = env.str("TIPS_RECEIPT_SECRET", default=SECRET_KEY)
# Each receipt-code check costs a slow hash: limited per address (Tor users share exit
# addresses, hence generous) and for everybody together.
TIPS_RECEIPT_CHECKS_PER_HOUR = env.int("TIPS_RECEIPT_CHECKS_PER_HOUR", default=30)
TIPS_RECEIPT_CHECKS_PER_HOUR_FOR_ALL = env.int("TIPS_RECEIPT_CHECKS_PER_HOUR_FOR_ALL", default=2000)
TIPS_SUBMISSIONS_PER_HOUR = env.int("TIPS_SUBMISSIONS_PER_HOUR", default=20)
# Behind the onion service every source arrives from the same local address, so new
# tips there share one allowance (tips.limits).
TIPS_ONION_SUBMISSIONS_PER_HOUR = env.int("TIPS_ONION_SUBMISSIONS_PER_HOUR", default=100)
# Uploads over this size stream to temporary files instead of memory (Django's default,
# stated because tips carry up to TIPS_MAX_TIP_SIZE): a 100 MB tip never sits in memory.
# Put FILE_UPLOAD_TEMP_DIR on a memory-backed or encrypted disk; files there are
# deleted at the end of each request.
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
FILE_UPLOAD_TEMP_DIR = env.str("FILE_UPLOAD_TEMP_DIR", default="") or None
# The only pages that take files (by URL name), and the largest body each takes; any
# other page refuses a multipart body larger than DATA_UPLOAD_MAX_MEMORY_SIZE unread and
# skips the files in a smaller one (borderblog.refusals). The tip line's own limits on each
# file and on the tip apply within its allowance, which leaves room for the source's
# words to be read back to them when their files are too large.
STAFF_UPLOAD_MAX_SIZE = env.int("STAFF_UPLOAD_MAX_MB", default=30) * 2**20
FILE_UPLOAD_LIMITS = {
    "tips:submit": 2 * TIPS_MAX_TIP_SIZE,
    "tips:status": 2 * TIPS_MAX_TIP_SIZE,
    "admin:posts_post_add": STAFF_UPLOAD_MAX_SIZE,
    "admin:posts_post_change": STAFF_UPLOAD_MAX_SIZE,
}
