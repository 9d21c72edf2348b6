"""Figures about the moderation queue, for readers (the comment form) and editors."""

import logging
import math
from datetime import timedelta

from django.core.cache import cache
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from borderblog.cache_faults import log_cache_unavailable

from .models import Comment

logger = logging.getLogger(__name__)

REVIEW_WINDOW = timedelta(days=7)
# Enough decisions for a stable figure; a busy week must not make the query unbounded.
REVIEW_SAMPLE = 5000
PUBLIC_STATE_KEY = "comments:public-queue-state"
PUBLIC_STATE_SECONDS = 60


def review_durations(now=None, window=REVIEW_WINDOW):
    """How long comments decided within ``window`` waited for their first decision."""
    now = now or timezone.now()
    rows = (
        Comment.objects.filter(decided_at__gte=now - window, decided_at__isnull=False)
        .order_by("-decided_at")
        .values_list("created_at", "decided_at")[:REVIEW_SAMPLE]
    )
    return sorted(decided - created for created, decided in rows)


def percentile(sorted_durations, fraction):
    """The duration below which ``fraction`` of the sorted durations fall (nearest rank)."""
    if not sorted_durations:
        return None
    rank = max(1, math.ceil(fraction * len(sorted_durations)))
    return sorted_durations[rank - 1]


def public_queue_state():
    """{"pending": n, "most_within": duration or None}, cached for a minute.

    "Most" is the 80th percentile of review times over the last 7 days: a promise the
    newsroom actually keeps four times out of five, not its best case.
    """
    try:
        state = cache.get(PUBLIC_STATE_KEY)
    except Exception:
        log_cache_unavailable(logger, "Queue figures not read")
        state = None
    if state is None:
        state = {
            "pending": Comment.objects.pending().count(),
            "most_within": percentile(review_durations(), 0.8),
        }
        try:
            cache.set(PUBLIC_STATE_KEY, state, PUBLIC_STATE_SECONDS)
        except Exception:
            log_cache_unavailable(logger, "Queue figures not stored")
    return state


def humane_duration(duration):
    """A reader-facing upper bound: "15 minutes", "2 hours", "3 days" (always rounded up)."""
    minutes = max(1, math.ceil(duration.total_seconds() / 60))
    if minutes < 60:
        minutes = min(60, 5 * math.ceil(minutes / 5))
        if minutes < 60:
            return ngettext("%(n)d minute", "%(n)d minutes", minutes) % {"n": minutes}
    hours = math.ceil(minutes / 60)
    if hours <= 48:
        return ngettext("%(n)d hour", "%(n)d hours", hours) % {"n": hours}
    days = math.ceil(hours / 24)
    return ngettext("%(n)d day", "%(n)d days", days) % {"n": days}


def queue_notice(state=None):
    """The queue's state in the words the form shows, e.g. "12 comments in the moderation
    queue; most are reviewed within 2 hours". Never "awaiting moderation": those words
    are kept for the submitter's own notice so the two never read alike. ``state``: the
    public queue state when the caller has read it already.
    """
    state = state or public_queue_state()
    waiting = ngettext(
        "%(count)d comment in the moderation queue",
        "%(count)d comments in the moderation queue",
        state["pending"],
    ) % {"count": state["pending"]}
    if state["most_within"] is None:
        return waiting + "."
    return _("%(waiting)s; most are reviewed within %(duration)s.") % {
        "waiting": waiting,
        "duration": humane_duration(state["most_within"]),
    }
