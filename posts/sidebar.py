"""The sidebar's archive and label lists: one aggregate query each, cached.

They change only when a post is published, changed or removed, or when a scheduled post's
time comes. The first three bump a version (see the receivers connected in
PostsConfig.ready); the last is covered by never caching past the next scheduled
publication time. So readers never see a stale count, and the queries run once per
change instead of once per page view.
"""

import logging
import secrets
from datetime import timedelta

from django.core.cache import cache
from django.db import transaction
from django.db.models import Count
from django.db.models.functions import TruncMonth
from django.utils import timezone, translation

from borderblog.cache_faults import log_cache_unavailable

from .models import Label, Post

logger = logging.getLogger(__name__)

VERSION_KEY = "posts:sidebar-version"
LONGEST = timedelta(hours=1)


def archive_months():
    """[(year, posts that year, [(month date, posts that month), …]), …], newest first.

    Months are truncated in the site's time zone so a post published late on the 31st
    lands in the month readers see on it.
    """
    return _cached("archive", _archive_months)


def labels_with_counts():
    """Labels with the number of published posts carrying each, by name."""
    return _cached("labels", _labels_with_counts)


def version():
    """Changes whenever the archive or label lists may have changed; None if the cache
    is down (then nothing is cached, and every page computes the lists itself)."""
    try:
        return cache.get_or_set(VERSION_KEY, _new_token, timeout=None)
    except Exception:
        log_cache_unavailable(logger, "Sidebar version not read")
        return None


def refresh(**_signal_kwargs):
    """Forget the cached lists; the next page view recomputes them.

    Once now, and once more after the change commits: a page view in between would
    otherwise store the lists as they were before the change under the new version.
    """
    _bump()
    transaction.on_commit(_bump)


def _new_token():
    # Random, not a counter: a version evicted from the cache comes back as a new
    # token, never as an old one that stale lists are still stored under.
    return secrets.token_hex(6)


def _bump():
    try:
        cache.set(VERSION_KEY, _new_token(), timeout=None)
    except Exception:
        # The lists' own lifetime (at most an hour) still bounds how stale they get.
        log_cache_unavailable(logger, "Sidebar lists not refreshed")


def _cached(name, compute):
    """``compute()``, kept under the lists' version until the next scheduled publication."""
    current = version()
    if current is None:
        return compute()
    key = f"posts:sidebar:{name}:{current}"
    try:
        value = cache.get(key)
    except Exception:
        log_cache_unavailable(logger, "Sidebar %s not read", name)
        return compute()
    if value is None:
        value = compute()
        try:
            cache.set(key, value, timeout=seconds_until_next_change())
        except Exception:
            log_cache_unavailable(logger, "Sidebar %s not stored", name)
    return value


def rendered(name, variant, render):
    """A widget's HTML, kept like the lists it shows (same version, same lifetime), one
    copy per language and ``variant`` (a word: which month is open). Rendering the archive
    of a blog with years of months costs more than the rest of most pages."""
    return _cached(f"{name}-html:{translation.get_language()}:{variant}", render)


def seconds_until_next_change():
    """Until the next scheduled post appears, at most an hour: how long anything showing
    the list of published posts may be kept."""
    now = timezone.now()
    upcoming = (
        Post.objects.filter(status=Post.Status.PUBLISHED, publish_at__gt=now)
        .order_by("publish_at")
        .values_list("publish_at", flat=True)
        .first()
    )
    until = min(upcoming - now, LONGEST) if upcoming else LONGEST
    return max(1, int(until.total_seconds()))


def _archive_months():
    rows = (
        Post.objects.published()
        .annotate(month=TruncMonth("publish_at"))
        .values("month")
        .annotate(count=Count("id"))
        .order_by("-month")
    )
    years = {}
    for row in rows:
        years.setdefault(row["month"].year, []).append((row["month"], row["count"]))
    return [(year, sum(count for _, count in months), months) for year, months in years.items()]


def _labels_with_counts():
    return list(
        Label.objects.filter(posts__in=Post.objects.published())
        .annotate(post_count=Count("posts"))
        .order_by("name")
    )
