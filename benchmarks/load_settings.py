"""Production settings for the load benchmark (benchmarks/serve_load.py): DEBUG off, a
throwaway database, plain HTTP on loopback, and one extra URL with a fixed page."""

import os

os.environ.setdefault("SECRET_KEY", "benchmark-only-secret-key-never-used-by-any-real-site-0123")
os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1,localhost")
os.environ.setdefault("SECURE_SSL_REDIRECT", "0")

from borderblog.settings import *  # noqa: F403

ROOT_URLCONF = "benchmarks.load_urls"
# Static files as in production: collected (serve_load.py runs collectstatic into its
# throwaway folder) and named by the manifest, so WhiteNoise and {% static %} do the
# work they do on the live site.
STATIC_ROOT = os.environ["BENCH_STATIC_ROOT"]
LOGGING = {"version": 1, "disable_existing_loggers": False, "root": {"level": "ERROR"}}
