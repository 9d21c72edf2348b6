"""The ``cache_backend`` fixture: run a test on local memory and on the real Redis cache.

Production counts rate limits in Redis (REDIS_URL) and development in local memory;
the two differ where it matters (RedisCache.incr raises on a missing key, counters
live in another process), so defences that use the cache are tested on both.

The Redis case needs a server at REDIS_TEST_URL (default redis://127.0.0.1:6379/15; each
xdist worker takes a database of its own below it, tests/worker_redis.py).
Without one it is skipped, with the reason in the ``-ra`` summary; in CI (``CI=true``)
it must run, so there it fails instead. Each test gets its own key prefix and deletes
only its own keys, so runs sharing the database do not disturb each other.

Use it with ``@pytest.mark.usefixtures("cache_backend")`` after importing it.
"""

import os
import uuid

import pytest

from tests.worker_redis import for_this_worker

REDIS_TEST_URL = for_this_worker(os.environ.get("REDIS_TEST_URL", "redis://127.0.0.1:6379/15"))


def _redis_client():
    import redis

    return redis.Redis.from_url(REDIS_TEST_URL, socket_connect_timeout=1, socket_timeout=5)


def _redis_unreachable():
    """Why Redis cannot be used, or None when it answers."""
    import redis

    try:
        _redis_client().ping()
    except redis.exceptions.RedisError as error:
        return f"Redis is not reachable at {REDIS_TEST_URL} ({error}); start redis-server"
    return None


@pytest.fixture(params=["locmem", "redis"])
def cache_backend(request, settings):
    """Which cache the test runs on: "locmem" or "redis" (Django's RedisCache)."""
    prefix = f"borderblog-test-{os.getpid()}-{uuid.uuid4().hex[:12]}"
    if request.param == "locmem":
        settings.CACHES = {
            "default": {
                "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
                "LOCATION": prefix,
            }
        }
        yield "locmem"
        return

    reason = _redis_unreachable()
    if reason:
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI must test on Redis: {reason}")
        pytest.skip(reason)
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_TEST_URL,
            "KEY_PREFIX": prefix,
        }
    }
    yield "redis"
    client = _redis_client()
    keys = list(client.scan_iter(match=f"{prefix}:*"))
    if keys:
        client.delete(*keys)
