"""Redis connections that stop asking a Redis that failed, for a few seconds.

Every use of the cache carries on without it when Redis fails (borderblog.cache_faults),
but a Redis that hangs makes each call wait its socket timeout first: a page asks the
cache four to eight times, so with Redis paused every page took seconds and every tip
page's sidebar logged a line per widget (benchmarks/README.md has the figures). After one
failure, each worker process skips Redis for REDIS_RETRY_AFTER_SECONDS, at once and
without logging, then tries it again: one wait and one line per fault, per worker (the
circuit's; the code that carried on without the cache says nothing more about it).

Django's RedisCache takes the pool as OPTIONS["pool_class"] (settings.CACHES).
"""

import logging
import threading
import time

import redis
from django.conf import settings

from .log_filters import SITE_WIDE

logger = logging.getLogger(__name__)


class RedisSkipped(redis.exceptions.ConnectionError):
    """Redis failed moments ago and is not asked again yet (not a new fault)."""

    already_logged = True  # when the circuit opened


class Circuit:
    """Open for a while after a failure: calls fail at once instead of waiting."""

    def __init__(self):
        self._open_until = 0.0
        self._lock = threading.Lock()

    def check(self):
        if time.monotonic() < self._open_until:
            raise RedisSkipped("Redis failed moments ago; not asked again yet")

    def trip(self, error):
        error.already_logged = True  # borderblog.cache_faults says no more of it
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
            # Names no page: logged whichever request met it, a tip-line one included.
            extra={SITE_WIDE: True},
        )

    def close(self):
        """Ask Redis again from now on (after a test, or once it is known to be back)."""
        self._open_until = 0.0


circuit = Circuit()
FAULTS = (redis.exceptions.ConnectionError, redis.exceptions.TimeoutError)


class CircuitBreaking:
    """Mixed into a redis-py connection class: consult the circuit before talking to
    Redis, and trip it on a fault."""

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


_breaking_classes = {}


def circuit_breaking(connection_class):
    """``connection_class`` (TCP, TLS for rediss://, or a unix socket) with the circuit."""
    if issubclass(connection_class, CircuitBreaking):
        return connection_class
    if connection_class not in _breaking_classes:
        name = f"CircuitBreaking{connection_class.__name__}"
        _breaking_classes[connection_class] = type(name, (CircuitBreaking, connection_class), {})
    return _breaking_classes[connection_class]


class CircuitBreakingPool(redis.ConnectionPool):
    """The connection pool of Django's RedisCache, whatever its URL's kind of connection,
    with the circuit."""

    def __init__(self, connection_class=redis.Connection, **kwargs):
        super().__init__(connection_class=circuit_breaking(connection_class), **kwargs)
