"""The rendered public thread of a post, kept in the cache until something changes it.

Key: one entry per post and ThreadView (page, order, replies open), UI language and time
zone, under two versions: the post's thread version, retired after every decision and
redaction of its comments (comments.services, after commit) and every approved comment
stored; and a site-wide version, retired when a policy rule changes (placeholders cite
rules by number; the receivers are connected in CommentsConfig.ready). The post's
``comment_count``, ``comments_revision`` and ``updated_at``, loaded with the post anyway,
are in the key too: they catch edits of the post and, with the local-memory cache where
each process has its own cache, every decision made in another process.

Versions are random tokens, not counters: a version evicted from the cache comes back
as a new token, never as an old one that stale threads are still stored under. Threads
live COMMENT_THREAD_CACHE_SECONDS at most, a safety net for a change that forgot to
retire a version. Only what every reader sees is cached; the visitor's own parts are
added per request (section). If the cache is down, threads are rendered uncached and
the error is logged: slower pages, never a broken one.
"""

import logging
import secrets
from functools import partial

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.utils import timezone, translation

from borderblog.cache_faults import log_cache_unavailable

logger = logging.getLogger(__name__)

FRAGMENT_SECONDS = settings.COMMENT_THREAD_CACHE_SECONDS
RULES_VERSION_KEY = "comments:thread-version:rules"


def post_version_key(post_id) -> str:
    return f"comments:thread-version:{post_id}"


def _new_version() -> str:
    return secrets.token_hex(6)


def _versions(post_id) -> tuple[str, str]:
    keys = [post_version_key(post_id), RULES_VERSION_KEY]
    found = cache.get_many(keys)
    if len(found) < len(keys):
        for key in keys:
            if key not in found:
                cache.add(key, _new_version(), timeout=None)
        found = cache.get_many(keys)
    return found[keys[0]], found[keys[1]]


def thread_versions(post_id) -> tuple[str, str]:
    """The post's thread version and the site-wide rules version, as the cache holds them."""
    return _versions(post_id)


def fragment_key(post, view, versions=None) -> str:
    """Where ``view`` (a ThreadView) of ``post``'s thread is kept. ``versions``: the
    thread versions, when the caller has read them already."""
    post_version, rules_version = versions or _versions(post.pk)
    return ":".join(
        [
            # Not "comments:thread": those held bare strings, before badge slots were kept.
            "comments:rendered-thread",
            str(post.pk),
            post_version,
            rules_version,
            str(post.comment_count),
            str(post.comments_revision),
            str(int(post.updated_at.timestamp())),
            str(view.page or "-"),
            view.order,
            translation.get_language() or "-",
            timezone.get_current_timezone_name(),
            "open" if view.accepting else "closed",
        ]
    )


def cached_thread(post, view, render):
    """The rendered thread (a RenderedThread) for ``view`` of ``post``, from the cache
    or from ``render()``.

    ``render`` returns (rendered, cacheable); a page asked for that does not exist is
    shown (as the nearest page) but not stored, so made-up ?cpage values cannot fill the
    cache. The version is read before the database is, so a thread rendered from data
    that a decision has just changed is stored under the version that decision retired.
    """
    try:
        key = fragment_key(post, view)
        rendered = cache.get(key)
    except Exception:
        log_cache_unavailable(logger, "Comment thread of post %s not cached", post.pk)
        return render()[0]
    if rendered is not None:
        return rendered
    rendered, cacheable = render()
    if cacheable:
        try:
            cache.set(key, rendered, FRAGMENT_SECONDS)
        except Exception:
            log_cache_unavailable(logger, "Comment thread of post %s not stored", post.pk)
    return rendered


def invalidate_thread(post_id) -> None:
    """Forget every cached page of this post's thread (a new version for the post)."""
    try:
        cache.set(post_version_key(post_id), _new_version(), timeout=None)
    except Exception:
        # The fragment's TTL still bounds how long the change goes unseen.
        log_cache_unavailable(logger, "Comment thread of post %s not invalidated", post_id)


def invalidate_all_threads() -> None:
    """Forget every cached thread: placeholders cite policy rules, which just changed."""
    try:
        cache.set(RULES_VERSION_KEY, _new_version(), timeout=None)
    except Exception:
        log_cache_unavailable(logger, "Comment threads not invalidated")


def rule_changed(sender, instance, **kwargs):
    """Receiver (CommentsConfig.ready): a policy rule was edited or deleted in the admin."""
    transaction.on_commit(invalidate_all_threads)


def comment_deleted(sender, instance, **kwargs):
    """Receiver (CommentsConfig.ready): only superusers delete comments, in the admin;
    the thread loses a number."""
    transaction.on_commit(partial(invalidate_thread, instance.post_id))
