"""Running work in several threads at the same instant, each with its own connection."""

import threading
from concurrent.futures import ThreadPoolExecutor

from django.db import connection


def run_together(count, work):
    """Start ``count`` calls of work(i) at the same instant; return their results."""
    barrier = threading.Barrier(count)

    def one(i):
        try:
            barrier.wait(timeout=30)
            return work(i)
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=count) as pool:
        return list(pool.map(one, range(count)))
