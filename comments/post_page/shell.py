"""The post page kept whole in the cache, with stand-ins for what differs between requests.

The page around the thread costs more to render than the rest of a request, and changes
only when the post, the list of posts or the reader's language does; docs/decisions.md
("The post page kept whole, with holes") says why this design and not ``cache_page``.
Each request fills the stand-ins in (``fill``):

- ``csrf``: this browser's masked CSRF token;
- ``timestamp``: the comment form's signed time, now, so the form's age is this view's;
- ``queue``: the form's line about the moderation queue (it changes with every comment);
- ``thread``: the thread from its own cache (comments.thread), so a decision shows at
  once, with this visitor's own comments.

The stand-ins derive from SECRET_KEY, so no text anyone writes can contain one. Shells
are served only to GETs without a session cookie or a waiting message (``serves``), and
kept only for the page's own addresses (``storable``), so made-up query strings cannot
fill the cache. Their key holds everything the shell shows (``shell_key``); they live
POST_PAGE_CACHE_SECONDS at most, and never past the next scheduled publication, which
changes the sidebar without a save. If the cache is down, the page is rendered and
filled the same way, just not kept.
"""

import hashlib
import logging
from dataclasses import dataclass, fields
from functools import cache as memoize

from django.conf import settings
from django.core.cache import cache
from django.middleware.csrf import get_token
from django.utils import timezone, translation
from django.utils.crypto import salted_hmac
from django.utils.html import escape

from borderblog.cache_faults import log_cache_unavailable
from posts import sidebar

from ..forms import sign_timestamp
from ..queue_figures import queue_notice
from ..thread import cache as thread_cache
from ..thread.build import page_of, paginates, view_query
from ..thread.html import RenderedThread
from ..thread.section import thread_as_seen_by
from . import conditional, local_copies

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Holes:
    """The stand-ins a shell carries; letters and digits only, so escaping keeps them."""

    csrf: str
    timestamp: str
    queue: str
    thread: str


@memoize
def holes() -> Holes:
    # The salt keeps its first module's name: a new one would change the stand-ins, and a
    # shell kept before the change would then be served with its stand-ins unfilled.
    secret = salted_hmac("comments.page_cache.holes", "holes").hexdigest()[:24]
    return Holes(**{hole.name: f"pagehole{hole.name}{secret}" for hole in fields(Holes)})


def shell_context() -> dict:
    """What the view adds to its context to render a shell: the tags' stand-ins, and the
    CSRF token's (the view's context overrides the one the context processor gives)."""
    return {"page_holes": holes(), "csrf_token": holes().csrf}


def serves(request) -> bool:
    """Whether this request may be answered from a shell."""
    return (
        settings.POST_PAGE_CACHE_SECONDS > 0
        and request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and not any(name in request.COOKIES for name in conditional.UNCACHEABLE_COOKIES)
    )


def storable(request, post, view) -> bool:
    """Whether the shell of this address may be kept: only the page's own addresses."""
    pages = page_of(post.comment_count, paginates(post)) if post.comment_count else 1
    if view.page is not None and view.page > pages:
        return False
    query = view_query(view.page, view.order, pages)
    return request.get_full_path() == post.get_absolute_url() + query


def shell_key(request, post, reads, view) -> str | None:
    """Where this page's shell is kept; None when the cache is down."""
    if reads is None or reads.sidebar_version is None:
        return None
    parts = [
        *conditional.post_state(post, view),
        reads.sidebar_version,
        translation.get_language(),
        timezone.get_current_timezone_name(),
        request.scheme,
        request.get_host(),
        request.get_full_path(),
    ]
    return "comments:page-shell:" + hashlib.sha256(repr(parts).encode()).hexdigest()


@dataclass(frozen=True)
class Found:
    key: str | None
    shell: str | None
    thread: RenderedThread | None


def lookup(request, post, reads, view) -> Found:
    """The page's shell and its thread's cached RenderedThread: this worker's copies
    (local_copies), or one round trip to the cache for what it lacks."""
    key = shell_key(request, post, reads, view)
    if key is None:
        return Found(None, None, None)
    thread_key = thread_cache.fragment_key(post, view, versions=reads.thread_versions)
    found = local_copies.copies.get_many([key, thread_key])
    missing = [k for k in (key, thread_key) if k not in found]
    if missing:
        try:
            fetched = cache.get_many(missing)
        except Exception:
            log_cache_unavailable(logger, "Post page not read from the cache")
            return Found(None, None, None)
        local_copies.copies.set_many(fetched)
        found.update(fetched)
    return Found(key, found.get(key), found.get(thread_key))


def store(key, shell) -> None:
    if key is None:
        return
    seconds = min(settings.POST_PAGE_CACHE_SECONDS, sidebar.seconds_until_next_change())
    try:
        cache.set(key, shell, seconds)
    except Exception:
        log_cache_unavailable(logger, "Post page not stored in the cache")
        return
    local_copies.copies.set_many({key: shell}, seconds)


def fill(shell: str, request, post, view, *, reads=None, thread=None) -> str:
    """The page for this request: the shell with its stand-ins filled in. ``reads`` and
    ``thread``: what the caller read from the cache already (see lookup)."""
    stand_in = holes()
    return (
        shell.replace(stand_in.csrf, get_token(request))
        .replace(stand_in.timestamp, sign_timestamp(post))
        .replace(stand_in.queue, escape(queue_notice(reads and reads.queue_state)))
        # Last: the section is most of the page, and nothing after it needs a search.
        .replace(stand_in.thread, thread_as_seen_by(request, post, view, rendered=thread))
    )
