"""Production settings for the load benchmark (benchmarks/serve_load.py): DEBUG off, a
throwaway database, plain HTTP on loopback, and one extra URL with a fixed page."""

import os

os.environ.setdefault("SECRET_KEY", "benchmark-only-secret-key-never-used-by-any-real-site-0123")
os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1,localhost")
os.environ.setdefault("SECURE_SSL_REDIRECT", "0")

from borderblog.settings import *  # noqa: F403

ROOT_URLCONF = "benchmarks.load_urls"
# Static files are never requested by the benchmark; plain storage needs no manifest.
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
LOGGING = {"version": 1, "disable_existing_loggers": False, "root": {"level": "ERROR"}}
