"""Conditional GET for the post page: a 304 when nothing the reader would see changed.

The page is assembled from the post, its thread, the sidebar, the queue figures and
what this browser sent (its receipt cookie, its language, the page of the thread it
asked for). The validator hashes all of those, each already cheap to read: the thread
and sidebar versions and the queue figures live in the cache (read together by
comments.page_reads), and the post's own fields come from the view's one query for the
post, made before any of the page is.

The ETag is weak: the form's CSRF token and timestamp differ byte for byte between two
renders of the same page, but the copy the browser holds stays valid for it, as long
as it keeps the CSRF cookie it had then (which is why the cookie is part of the hash).

Some of the page changes with time alone, which no version tracks: comments close a
set number of days after publication (whether they are open now is hashed), a
scheduled post appears in the sidebar and the newer/older links, and the form's signed
time ages. So a copy is confirmed for one time window at most (COPY_CONFIRMED_FOR);
the next window's first view is a full one.
"""

import hashlib
import time

from django.http import HttpResponseNotModified
from django.middleware.csrf import get_token
from django.utils import translation
from django.utils.http import parse_etags

from .. import closing
from ..thread import own_comments

# A browser with something to show once (a message after posting) or a staff user
# (preview banners, admin links) always gets a fresh page.
UNCACHEABLE_COOKIES = ("messages",)
# Readers' browsers may keep the page, but must ask before reusing it.
CACHE_CONTROL = "private, no-cache"
# As long as the cached page around the thread lives (POST_PAGE_CACHE_SECONDS' default).
COPY_CONFIRMED_FOR = 300


def page_etag(request, post, reads):
    """The page's validator, or None when this reader must always get a fresh page.

    ``reads``: the page's cached values (comments.page_reads), None when the cache is
    down: then there is no validator, and every view is a full one.
    """
    if reads is None:
        return None
    if request.user.is_authenticated or any(c in request.COOKIES for c in UNCACHEABLE_COOKIES):
        return None
    parts = [
        *post_state(post),
        int(time.time() // COPY_CONFIRMED_FOR),
        *reads.thread_versions,
        reads.sidebar_version,
        sorted(reads.queue_state.items()),
        translation.get_language(),
        request.get_full_path(),
        request.COOKIES.get(own_comments.COOKIE_NAME, ""),
        # The copy a browser holds has a form token tied to its CSRF cookie: a browser
        # whose cookies were cleared must get a fresh page, or its next comment would
        # be refused.
        csrf_secret(request),
    ]
    digest = hashlib.sha256(repr(parts).encode()).hexdigest()[:32]
    return f'W/"{digest}"'


def post_state(post) -> tuple:
    """What of the post's own row its page shows, from the view's one query for it; the
    cached page's key (comments.page_cache) hashes it too."""
    return (
        post.pk,
        post.updated_at.isoformat(),
        post.comment_count,
        post.comments_revision,
        closing.accepts_comments(post),
    )


def csrf_secret(request):
    """The secret the browser's CSRF cookie holds; made now on a first visit."""
    get_token(request)  # returns a masked token; it also puts the secret in META
    return request.META["CSRF_COOKIE"]


def is_current(request, etag) -> bool:
    """True when the browser's copy (If-None-Match) is the page it would get now."""
    asked = request.headers.get("If-None-Match")
    return bool(etag and asked and etag in parse_etags(asked))


def not_modified():
    response = HttpResponseNotModified()
    response["Cache-Control"] = CACHE_CONTROL
    return response
