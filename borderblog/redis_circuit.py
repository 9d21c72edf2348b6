"""Redis connections that stop asking a Redis that failed, for a few seconds.

Every use of the cache carries on without it when Redis fails (borderblog.cache_faults),
but a Redis that hangs makes each call wait its socket timeout first: a page asks the
cache four to eight times, so with Redis paused every page took seconds and every tip
page's sidebar logged a line per widget (benchmarks/README.md has the figures). After one
failure, each worker process skips Redis for REDIS_RETRY_AFTER_SECONDS, at once and
without logging, then tries it again: one wait and one line per fault, per worker.

Django's RedisCache takes the pool as OPTIONS["pool_class"] (settings.CACHES).
"""

import logging
import threading
import time

import redis
from django.conf import settings

logger = logging.getLogger(__name__)


class RedisSkipped(redis.exceptions.ConnectionError):
    """Redis failed moments ago and is not asked again yet (not a new fault)."""


class Circuit:
    """Open for a while after a failure: calls fail at once instead of waiting."""

    def __init__(self):
        self._open_until = 0.0
        self._lock = threading.Lock()

    def check(self):
        if time.monotonic() < self._open_until:
            raise RedisSkipped("Redis failed moments ago; not asked again yet")

    def trip(self, error):
        seconds = settings.REDIS_RETRY_AFTER_SECONDS
        with self._lock:
            now = time.monotonic()
            # A fault met while connecting trips the circuit twice (the handshake's
            # command, then the connection): it is one fault, logged once.
            already_open, self._open_until = now < self._open_until, now + seconds
        if already_open:
            return
        logger.error(
            "Redis failed (%s: %s); carrying on without it for %s s",
            type(error).__name__,
            error,
            seconds,
        )

    def close(self):
        """Ask Redis again from now on (after a test, or once it is known to be back)."""
        self._open_until = 0.0


circuit = Circuit()
FAULTS = (redis.exceptions.ConnectionError, redis.exceptions.TimeoutError)


class CircuitBreakingConnection(redis.Connection):
    """A redis-py connection that consults the circuit before talking to Redis."""

    def connect(self):
        circuit.check()
        return self._watched(super().connect)

    def send_packed_command(self, command, check_health=True):
        circuit.check()
        return self._watched(super().send_packed_command, command, check_health)

    def read_response(self, *args, **kwargs):
        return self._watched(super().read_response, *args, **kwargs)

    def _watched(self, call, *args, **kwargs):
        try:
            return call(*args, **kwargs)
        except RedisSkipped:
            raise
        except FAULTS as error:
            circuit.trip(error)
            raise


class CircuitBreakingPool(redis.ConnectionPool):
    """The connection pool of Django's RedisCache, with circuit-breaking TCP connections."""

    def __init__(self, connection_class=redis.Connection, **kwargs):
        if connection_class is redis.Connection:
            connection_class = CircuitBreakingConnection
        super().__init__(connection_class=connection_class, **kwargs)
