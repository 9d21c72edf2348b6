"""Fixed-window rate limits in Django's cache (Redis in production), keyed by submitter hash.

Counting happens in the cache so that every worker process shares the same counters;
with the local-memory cache (development) each process counts on its own.
"""

import logging
import time
from dataclasses import dataclass

from django.core.cache import cache

from .cache_faults import log_cache_unavailable

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Limit:
    count: int
    seconds: int


@dataclass(frozen=True)
class Verdict:
    allowed: bool
    retry_after: int = 0  # seconds until the window that refused this resets


def hit(scope: str, who: str, limits: list[Limit], now: float | None = None) -> Verdict:
    """Count one action by ``who`` in ``scope``; refuse it when any limit is exceeded.

    A refused action still counts, so that hammering a limit does not reopen it.
    ``retry_after`` is when every exceeded limit has reset, not only the first one.
    """
    now = time.time() if now is None else now
    retry_after = 0
    for limit in limits:
        window = int(now // limit.seconds)
        key = f"ratelimit:{scope}:{who}:{limit.seconds}:{window}"
        try:
            count = _count(key, limit.seconds + 1)
        except Exception:
            # The cache (Redis) is down. Refusing everyone, or failing with a 500, would
            # lose readers' words; the moderation queue still stands between a flood
            # and the page, so the site lets the action through and says so in the log.
            log_cache_unavailable(logger, "Rate limit %s not checked", scope)
            continue
        if count > limit.count:
            retry_after = max(retry_after, int((window + 1) * limit.seconds - now) + 1)
    return Verdict(allowed=not retry_after, retry_after=retry_after)


def _count(key, timeout):
    """Add one to the counter at ``key``, creating it; the new count.

    add() is atomic (SET NX on Redis), so of many first hits at once exactly one
    creates the key and the others increment it. Django's RedisCache.incr raises
    ValueError for a key that is gone, as local memory does: the window's key expired
    between add() and incr(), so this hit starts it again, without overwriting a
    counter another process may have created meanwhile.
    """
    for _attempt in range(3):
        if cache.add(key, 1, timeout=timeout):
            return 1
        try:
            return cache.incr(key)
        except ValueError:
            continue
    return 1
