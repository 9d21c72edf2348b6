"""The smoke tests' servers: started once per module, on one xdist worker, stopped by PID.

They run in every `make test`: `make run` and gunicorn need nothing the suite does not.
The fault tests also need redis-server (a server of their own); without it they are
skipped, saying so, except in CI (``CI=true``), where they fail instead.
"""

import os
import shutil

import pytest

from .servers import RedisServer, database_of_its_own, demo_server, production_server

IN_CI = os.environ.get("CI") == "true"


def pytest_collection_modifyitems(items):
    for item in items:
        if "/smoke/" in str(item.path):
            # One worker runs a module's tests, so its servers start once.
            item.add_marker(pytest.mark.xdist_group("smoke-" + item.path.stem))
            item.add_marker(pytest.mark.smoke)


def require(tool):
    if shutil.which(tool) is None:
        reason = f"{tool} is not installed; the fault tests start one of their own"
        if IN_CI:
            pytest.fail(f"CI must run the fault tests: {reason}")
        pytest.skip(reason)


def pass_database_url():
    """The database of this pass of the suite: PostgreSQL in CI's second pass."""
    return os.environ.get("DATABASE_URL", "")


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    server = demo_server(tmp_path_factory.mktemp("demo-server"))
    yield server
    server.stop()


def production_database(folder):
    """(URL, cleanup) of a fresh database for one gunicorn server."""
    own = database_of_its_own(pass_database_url())
    if own is None:
        return f"sqlite:///{folder / 'production.sqlite3'}", lambda: None
    url, _name, _admin_url, drop = own
    return url, drop


@pytest.fixture(scope="module")
def production(tmp_path_factory):
    folder = tmp_path_factory.mktemp("production-server")
    url, drop = production_database(folder)
    try:
        server = production_server(folder, url)
        yield server
        server.stop()
    finally:
        drop()


@pytest.fixture(scope="module")
def redis_of_its_own(tmp_path_factory):
    require("redis-server")
    redis = RedisServer(tmp_path_factory.mktemp("redis")).start()
    yield redis
    redis.stop()
