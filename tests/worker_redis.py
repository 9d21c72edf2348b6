"""A Redis database for each pytest-xdist worker.

The suite empties the cache around every test, and Redis empties a whole database at
once (FLUSHDB): two workers sharing one would wipe each other's keys mid-test. Worker
gwN takes the database N below the one configured (15, 14, ... for the default 15).
"""

import os
from urllib.parse import urlsplit, urlunsplit


def for_this_worker(url: str) -> str:
    worker = os.environ.get("PYTEST_XDIST_WORKER", "gw0")
    index = int(worker.removeprefix("gw") or 0)
    parts = urlsplit(url)
    database = int(parts.path.lstrip("/") or 0) - index
    if database < 0:
        raise RuntimeError(
            f"{worker} has no Redis database of its own below {url}: run fewer workers"
        )
    return urlunsplit(parts._replace(path=f"/{database}"))
