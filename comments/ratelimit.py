"""Fixed-window rate limits in Django's cache (Redis in production), keyed by submitter hash.

Counting happens in the cache so that every worker process shares the same counters;
with the local-memory cache (development) each process counts on its own.
"""

import time
from dataclasses import dataclass

from django.core.cache import cache


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
    """
    now = time.time() if now is None else now
    verdict = Verdict(True)
    for limit in limits:
        window = int(now // limit.seconds)
        key = f"ratelimit:{scope}:{who}:{limit.seconds}:{window}"
        # add() is a no-op when the key exists, so concurrent first hits do not reset it.
        cache.add(key, 0, timeout=limit.seconds + 1)
        try:
            count = cache.incr(key)
        except ValueError:  # expired between add() and incr()
            cache.set(key, 1, timeout=limit.seconds + 1)
            count = 1
        if count > limit.count and verdict.allowed:
            verdict = Verdict(False, retry_after=int((window + 1) * limit.seconds - now) + 1)
    return verdict
