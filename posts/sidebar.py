"""The sidebar's archive and label lists: one aggregate query each, cached.

They change only when a post is published, changed or removed, or when a scheduled post's
time comes. The first three bump a version (see the receivers connected in
PostsConfig.ready); the last is covered by never caching past the next scheduled
publication time. So readers never see a stale count, and the queries run once per
change instead of once per page view.
"""

from datetime import timedelta

from django.core.cache import cache
from django.db.models import Count
from django.db.models.functions import TruncMonth
from django.utils import timezone

from .models import Label, Post

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
    """Changes whenever the archive or label lists may have changed."""
    return cache.get_or_set(VERSION_KEY, 1, timeout=None)


def refresh(**_signal_kwargs):
    """Forget the cached lists; the next page view recomputes them."""
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, 1, timeout=None)


def _cached(name, compute):
    key = f"posts:sidebar:{name}:{version()}"
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, timeout=_seconds_until_next_change())
    return value


def _seconds_until_next_change():
    """Until the next scheduled post appears, at most an hour."""
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
