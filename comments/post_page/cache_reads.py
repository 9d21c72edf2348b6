"""The cached values a view of the post page is built from, read in one round trip.

The validator (conditional) and the shell's key (shell) are made of the post's thread
version, the policy rules' version, the sidebar's version and the public queue figures:
read one by one, and each twice, they cost eight round trips to Redis a view. A value
missing from the cache is made by the module that owns it, as a lone read would.
"""

import logging
from dataclasses import dataclass

from django.core.cache import cache

from borderblog.cache_faults import log_cache_unavailable
from posts import sidebar

from .. import queue_figures
from ..thread import cache as thread_cache

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class PageReads:
    thread_versions: tuple[str, str]
    sidebar_version: str | None
    queue_state: dict


def read(post) -> PageReads | None:
    """The values for ``post``'s page, or None when the cache is unavailable."""
    thread_keys = [thread_cache.post_version_key(post.pk), thread_cache.RULES_VERSION_KEY]
    try:
        found = cache.get_many([*thread_keys, sidebar.VERSION_KEY, queue_figures.PUBLIC_STATE_KEY])
        if all(key in found for key in thread_keys):
            thread_versions = tuple(found[key] for key in thread_keys)
        else:
            thread_versions = thread_cache.thread_versions(post.pk)
    except Exception:
        log_cache_unavailable(logger, "Post page of post %s built from the database", post.pk)
        return None
    return PageReads(
        thread_versions=thread_versions,
        sidebar_version=found.get(sidebar.VERSION_KEY) or sidebar.version(),
        queue_state=found.get(queue_figures.PUBLIC_STATE_KEY) or queue_figures.public_queue_state(),
    )
