"""borderblog.ratelimit.hit: fixed windows in the cache, the same on local memory and Redis."""

import pytest
from django.core.cache import caches
from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache

from borderblog.ratelimit import Limit, hit
from tests.comments.cache_backends import cache_backend  # noqa: F401 (a fixture)

pytestmark = pytest.mark.usefixtures("cache_backend")

HOUR_START = 1_800_000_000 - 1_800_000_000 % 3600  # a whole hour, so windows are known
PER_MINUTE = [Limit(3, 60)]


def test_the_fixture_really_uses_the_backend_it_names(cache_backend):  # noqa: F811
    expected = {"locmem": LocMemCache, "redis": RedisCache}[cache_backend]
    assert isinstance(caches["default"], expected)


def test_hits_up_to_the_limit_are_allowed():
    verdicts = [hit("test", "reader", PER_MINUTE, now=HOUR_START + i) for i in range(3)]
    assert all(v.allowed for v in verdicts)


def test_the_hit_over_the_limit_is_refused_until_the_window_resets():
    for i in range(3):
        hit("test", "reader", PER_MINUTE, now=HOUR_START + i)
    refused = hit("test", "reader", PER_MINUTE, now=HOUR_START + 20)
    assert not refused.allowed
    assert refused.retry_after == 41  # the minute ends 40 s later; +1 so it has ended


def test_a_new_window_allows_again():
    for i in range(4):
        hit("test", "reader", PER_MINUTE, now=HOUR_START + i)
    assert hit("test", "reader", PER_MINUTE, now=HOUR_START + 60).allowed


def test_refused_hits_still_count_so_hammering_does_not_reopen_the_limit():
    limits = [Limit(3, 60), Limit(5, 3600)]
    for i in range(6):
        hit("test", "reader", limits, now=HOUR_START + i)
    assert not hit("test", "reader", limits, now=HOUR_START + 61).allowed


def test_retry_after_waits_for_every_exceeded_limit():
    limits = [Limit(1, 60), Limit(1, 3600)]
    hit("test", "reader", limits, now=HOUR_START)
    refused = hit("test", "reader", limits, now=HOUR_START + 10)
    assert refused.retry_after == 3600 - 10 + 1


def test_submitters_are_counted_apart():
    for i in range(3):
        hit("test", "reader-one", PER_MINUTE, now=HOUR_START + i)
    assert hit("test", "reader-two", PER_MINUTE, now=HOUR_START + 3).allowed
    assert not hit("test", "reader-one", PER_MINUTE, now=HOUR_START + 3).allowed


def test_scopes_are_counted_apart():
    for i in range(3):
        hit("comment", "reader", PER_MINUTE, now=HOUR_START + i)
    assert hit("report", "reader", PER_MINUTE, now=HOUR_START + 3).allowed


def test_a_counter_that_expires_between_add_and_incr_starts_again(monkeypatch):
    # Simulate the race: add() finds the key, which is gone by the time incr() runs.
    # Django's RedisCache.incr raises ValueError for a missing key; so does local memory.
    backend = caches["default"]
    real_add = backend.add
    calls = []

    def add_that_loses_the_race(key, value, timeout=None):
        calls.append(key)
        if len(calls) == 1:
            return False
        return real_add(key, value, timeout=timeout)

    monkeypatch.setattr(backend, "add", add_that_loses_the_race)
    verdict = hit("test", "reader", PER_MINUTE, now=HOUR_START)
    assert verdict.allowed
    assert len(calls) == 2
    monkeypatch.undo()
    for i in range(2):
        assert hit("test", "reader", PER_MINUTE, now=HOUR_START + 1 + i).allowed
    assert not hit("test", "reader", PER_MINUTE, now=HOUR_START + 3).allowed


@pytest.mark.cache_outage
def test_an_unreachable_cache_lets_the_action_through(monkeypatch):
    from borderblog import ratelimit

    def broken(*args, **kwargs):
        raise ConnectionError("redis is down")

    monkeypatch.setattr(ratelimit, "_count", broken)
    verdict = ratelimit.hit("comment", "who", [ratelimit.Limit(0, 60)])
    assert verdict.allowed
