"""The site without its cache: what it does when Redis is down or hung, and what it logs.

The cache only ever makes pages faster or figures cheaper; nothing a reader or an
editor does may fail because it is unavailable. The rules that depend on it decide for
themselves what "unavailable" means (a rate limit lets the action through, for one);
the helpers here serve the plain cases, a value computed without it and a key that
cannot be forgotten now.
"""

import logging
import sys

from django.core.cache import cache

logger = logging.getLogger(__name__)


def log_cache_unavailable(logger, what, *args):
    """Log that ``what`` (a %-format taking ``args``) happened because the cache failed,
    and how it failed; call it from the ``except`` block that carries on without it.

    One line, not a traceback: with Redis down every request meets several of these, and
    the error's own words (connection refused, timed out) say all there is to say.
    """
    error = sys.exc_info()[1]
    if getattr(error, "already_logged", False):
        return  # the circuit logged the fault when it happened (borderblog.redis_circuit)
    logger.error(what + ": the cache is unavailable (%s: %s)", *args, type(error).__name__, error)


def cached_or_computed(key, compute, seconds):
    """The value cached at ``key``, else ``compute()`` kept there for ``seconds``; computed
    afresh, uncached, when the cache fails."""
    try:
        value = cache.get(key)
    except Exception:
        log_cache_unavailable(logger, "%s computed afresh", key)
        return compute()
    if value is None:
        value = compute()
        keep(key, value, seconds)
    return value


def keep(key, value, seconds):
    """Store ``value`` at ``key`` if the cache can take it now."""
    try:
        cache.set(key, value, seconds)
    except Exception:
        log_cache_unavailable(logger, "%s not stored", key)


def forget(key):
    """Delete ``key`` if the cache can be reached; its own lifetime bounds it otherwise."""
    try:
        cache.delete(key)
    except Exception:
        log_cache_unavailable(logger, "%s not forgotten", key)
