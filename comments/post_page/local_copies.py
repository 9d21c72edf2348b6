"""A worker's own copies of what the shared cache keeps under versioned keys.

A rendered thread or a page's shell never changes under its key: any change makes a new
key (comments.thread.cache, shell). So a copy read once stays right as long as the
shared cache would keep it, and a worker that keeps the last few need not fetch the
same large values from Redis on every view. With the local-memory cache this would only
be a second copy, so it is off there (POST_PAGE_LOCAL_COPIES).

The one thing a copy can be late for is what changes with time rather than a save: a
scheduled post reaches the sidebar of a page a worker holds at most LOCAL_COPY_SECONDS
after the shared cache's copy expired.
"""

import threading
import time
from collections import OrderedDict

from django.conf import settings

LOCAL_COPY_SECONDS = 10


class LocalCopies:
    def __init__(self, size: int, seconds: float = LOCAL_COPY_SECONDS, clock=time.monotonic):
        self.size, self.seconds, self.clock = size, seconds, clock
        self._copies: OrderedDict[str, tuple[float, object]] = OrderedDict()
        # runserver and threaded WSGI servers share a worker between threads.
        self._lock = threading.Lock()

    def get_many(self, keys) -> dict[str, object]:
        if not self.size:
            return {}
        now, found = self.clock(), {}
        with self._lock:
            for key in keys:
                copy = self._copies.get(key)
                if copy is None:
                    continue
                expires, value = copy
                if expires <= now:
                    del self._copies[key]
                    continue
                self._copies.move_to_end(key)
                found[key] = value
        return found

    def set_many(self, values: dict[str, object], seconds: float | None = None) -> None:
        """Keep ``values``; for ``seconds`` when the shared cache keeps them less long."""
        if not self.size:
            return
        expires = self.clock() + min(self.seconds, seconds or self.seconds)
        with self._lock:
            for key, value in values.items():
                self._copies[key] = (expires, value)
                self._copies.move_to_end(key)
            while len(self._copies) > self.size:
                self._copies.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._copies.clear()


copies = LocalCopies(settings.POST_PAGE_LOCAL_COPIES)
