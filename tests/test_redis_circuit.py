"""After Redis fails, each worker skips it for a moment instead of waiting on every call."""

import logging
import time

import pytest
from django.core.cache import cache
from redis.exceptions import RedisError

from borderblog.redis_circuit import (
    CircuitBreaking,
    CircuitBreakingPool,
    RedisSkipped,
    circuit_breaking,
)
from tests.faults import redis_down, redis_hung  # noqa: F401 (fixtures)

pytestmark = pytest.mark.cache_outage


def circuit_lines(caplog):
    return [r for r in caplog.records if r.name == "borderblog.redis_circuit"]


@pytest.mark.parametrize("outage", ["redis_down", "redis_hung"])
def test_after_one_failure_redis_is_not_asked_again_for_a_while(request, outage, caplog):
    request.getfixturevalue(outage)
    with pytest.raises(RedisError) as first:
        cache.get("anything")
    assert not isinstance(first.value, RedisSkipped)

    for _ in range(5):
        with pytest.raises(RedisSkipped):
            cache.get("anything")
    (line,) = circuit_lines(caplog)
    assert line.getMessage().startswith("Redis failed (")
    assert line.getMessage().endswith("carrying on without it for 5 s")


@pytest.mark.usefixtures("redis_down")
def test_redis_is_asked_again_once_the_moment_has_passed(settings, caplog):
    settings.REDIS_RETRY_AFTER_SECONDS = 0.1
    with pytest.raises(RedisError):
        cache.get("anything")
    time.sleep(0.2)
    with pytest.raises(RedisError) as again:
        cache.get("anything")
    assert not isinstance(again.value, RedisSkipped)
    assert len(circuit_lines(caplog)) == 2


@pytest.mark.usefixtures("redis_hung")
def test_a_page_waits_on_a_hung_redis_once_not_on_every_call(client, db, caplog):
    caplog.set_level(logging.INFO)
    assert client.get("/").status_code == 200
    assert client.get("/policy/").status_code == 200
    assert len(circuit_lines(caplog)) == 1
    # One line per fault: the code that carried on without the cache adds none.
    assert not [r for r in caplog.records if "the cache is unavailable" in r.getMessage()]


@pytest.mark.parametrize(
    "url", ["redis://127.0.0.1:6379/0", "rediss://cache.example:6380/0", "unix:///run/redis.sock"]
)
def test_every_kind_of_redis_connection_gets_the_circuit(url):
    connection_class = CircuitBreakingPool.from_url(url).connection_class
    assert issubclass(connection_class, CircuitBreaking)
    assert connection_class is circuit_breaking(connection_class)


def test_production_settings_give_redis_timeouts_and_the_circuit():
    import json
    import os
    import subprocess
    import sys

    env = {**os.environ, "ENV_FILE": "", "DEBUG": "0", "SECRET_KEY": "s" * 50}
    env.update(REDIS_URL="redis://127.0.0.1:6379/3", DJANGO_SETTINGS_MODULE="borderblog.settings")
    printed = subprocess.run(
        [
            sys.executable,
            "-c",
            "import json, django; django.setup(); from django.conf import settings; "
            "print(json.dumps(settings.CACHES['default']))",
        ],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    cache = json.loads(printed)
    assert cache["BACKEND"] == "django.core.cache.backends.redis.RedisCache"
    assert cache["OPTIONS"]["socket_timeout"] < 1
    assert cache["OPTIONS"]["socket_connect_timeout"] < 1
    assert cache["OPTIONS"]["pool_class"] == "borderblog.redis_circuit.CircuitBreakingPool"
