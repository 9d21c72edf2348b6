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
from contextlib import contextmanager
from dataclasses import dataclass

import pytest


def _redis_cache_at(settings, port):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{port}/0",
            "OPTIONS": settings.REDIS_CACHE_OPTIONS,
        }
    }


def free_port():
    """A port on 127.0.0.1 where nothing listens (connections to it are refused)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class SilentServer:
    port: int
    connections: int = 0


@contextmanager
def silent_server():
    """A server on 127.0.0.1 that accepts connections and never says a word, as a hung
    Redis or mail relay does; counts the connections it accepted."""
    listener = socket.create_server(("127.0.0.1", 0), backlog=128)
    server, accepted, stop = SilentServer(listener.getsockname()[1]), [], threading.Event()

    def accept_and_say_nothing():
        listener.settimeout(0.1)
        while not stop.is_set():
            try:
                accepted.append(listener.accept()[0])
                server.connections += 1
            except TimeoutError:
                continue

    thread = threading.Thread(target=accept_and_say_nothing, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        stop.set()
        thread.join()
        for connection in accepted:
            connection.close()
        listener.close()


@pytest.fixture
def redis_down(settings):
    """The cache is a Redis server that is not running."""
    _redis_cache_at(settings, free_port())


@pytest.fixture
def redis_hung(settings):
    """The cache is a Redis server that accepts connections and never answers."""
    with silent_server() as server:
        _redis_cache_at(settings, server.port)
        yield


def _console_handler():
    (console,) = [h for h in logging.getLogger("django").handlers if h.get_name() == "console"]
    return console


def _configured_level(logger_name):
    """The level settings.LOGGING gives a logger (tests lower it to capture everything;
    a library's DEBUG record never reaches the site's console)."""
    from django.conf import settings

    config = settings.LOGGING
    name = logger_name
    while name:
        if name in config.get("loggers", {}) and "level" in config["loggers"][name]:
            return logging.getLevelName(config["loggers"][name]["level"])
        name = name.rpartition(".")[0]
    return logging.getLevelName(config["root"]["level"])


def site_log(caplog):
    """What the site's console would print of the captured records, line by line."""
    console = _console_handler()
    formatter = logging.Formatter()
    printed = []
    for record in caplog.records:
        if record.levelno >= _configured_level(record.name) and console.filter(record):
            printed.extend(formatter.format(record).splitlines())
    return printed
