"""Conditional GET for the post page: a 304 when nothing the reader would see changed.

The page is assembled from the post, its thread, the sidebar, the queue figures and
what this browser sent (its receipt cookie, its language, the page of the thread it
asked for). The validator hashes all of those, each already cheap to read: the thread
and sidebar versions and the queue figures live in the cache (read together by
cache_reads), and the post's own fields come from the view's one query for the post,
made before any of the page is. Django's ``get_conditional_response`` compares it
with what the browser sent (If-None-Match, and If-Match, as RFC 9110 orders them).

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

from django.middleware.csrf import get_token
from django.utils import translation
from django.utils.cache import get_conditional_response

from ..thread import own_comments

# A browser with something to show once (a message after posting) or a staff user
# (preview banners, admin links) always gets a fresh page.
UNCACHEABLE_COOKIES = ("messages",)
# Readers' browsers may keep the page, but must ask before reusing it.
CACHE_CONTROL = "private, no-cache"
# As long as the cached page around the thread lives (POST_PAGE_CACHE_SECONDS' default).
COPY_CONFIRMED_FOR = 300


def page_etag(request, post, reads, view):
    """The page's validator, or None when this reader must always get a fresh page.

    ``reads``: the page's cached values (cache_reads), None when the cache is down: then
    there is no validator, and every view is a full one. ``view``: the ThreadView asked.
    """
    if reads is None:
        return None
    if request.user.is_authenticated or any(c in request.COOKIES for c in UNCACHEABLE_COOKIES):
        return None
    parts = [
        *post_state(post, view),
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


def post_state(post, view) -> tuple:
    """What of the post's own row its page shows, from the view's one query for it, and
    whether comments are open now; the cached shell's key (shell) hashes it too."""
    return (
        post.pk,
        post.updated_at.isoformat(),
        post.comment_count,
        post.comments_revision,
        view.accepting,
    )


def csrf_secret(request):
    """The secret the browser's CSRF cookie holds; made now on a first visit."""
    get_token(request)  # returns a masked token; it also puts the secret in META
    return request.META["CSRF_COOKIE"]


def answer_if_current(request, etag):
    """Django's conditional answer when the browser's copy is current (a 304, with the
    validator) or a precondition fails (a 412); None when the page must be built."""
    if etag is None:
        return None
    response = get_conditional_response(request, etag=etag)
    if response is not None and response.status_code == 304:
        add_validator(response, etag)
    return response


def add_validator(response, etag):
    response["ETag"] = etag
    response["Cache-Control"] = CACHE_CONTROL
