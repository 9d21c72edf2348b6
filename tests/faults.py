"""Services failing the way they fail in production, for tests in the test client.

``redis_down``: the cache is Django's RedisCache pointed at a port where nothing
listens (connection refused, as when Redis is stopped or killed). ``redis_hung``: a
server that accepts connections and never answers (Redis under SIGSTOP, a paused VM);
only the socket timeouts in settings.CACHES get a caller out. Both are real RedisCache
clients with the production OPTIONS, not mocks of the cache's methods.

``site_log(caplog)``: the records the site's own console handler would print, after its
filters (borderblog.log_filters.QuietTipLine), formatted as it would print them.
"""

import logging
import socket
import threading

import pytest


def _redis_cache_at(settings, port):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{port}/0",
            "OPTIONS": settings.REDIS_CACHE_OPTIONS,
        }
    }


def _free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def redis_down(settings):
    """The cache is a Redis server that is not running."""
    _redis_cache_at(settings, _free_port())


@pytest.fixture
def redis_hung(settings):
    """The cache is a Redis server that accepts connections and never answers."""
    server = socket.create_server(("127.0.0.1", 0), backlog=128)
    accepted, stop = [], threading.Event()

    def accept_and_say_nothing():
        server.settimeout(0.1)
        while not stop.is_set():
            try:
                accepted.append(server.accept()[0])
            except TimeoutError:
                continue

    thread = threading.Thread(target=accept_and_say_nothing, daemon=True)
    thread.start()
    _redis_cache_at(settings, server.getsockname()[1])
    yield
    stop.set()
    thread.join()
    for connection in accepted:
        connection.close()
    server.close()


def _console_handler():
    (console,) = [h for h in logging.getLogger("django").handlers if h.get_name() == "console"]
    return console


def site_log(caplog):
    """What the site's console would print of the captured records, line by line."""
    console = _console_handler()
    formatter = logging.Formatter()
    printed = []
    for record in caplog.records:
        if console.filter(record):
            printed.extend(formatter.format(record).splitlines())
    return printed
