import logging

import pytest

from tests import builders


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    """Uploaded and generated files go to a fresh folder for each test."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _default_language():
    """A test that switches to Spanish must not leave the next one in Spanish."""
    from django.utils import translation

    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def _fresh_cache():
    from django.core.cache import cache

    from borderblog.redis_circuit import circuit
    from comments.post_page.local_copies import copies

    cache.clear()
    copies.clear()
    yield
    circuit.close()
    cache.clear()
    copies.clear()


@pytest.fixture(autouse=True)
def _no_swallowed_cache_errors(request, caplog):
    """The code logs a cache error and carries on without the cache, so a bug that makes
    every cache call fail (a key the cache refuses, say) would pass unseen. Only tests
    marked ``cache_outage``, which make the cache fail on purpose, may log one."""
    yield
    if request.node.get_closest_marker("cache_outage"):
        return
    swallowed = [
        record.getMessage()
        for phase in ("setup", "call")
        for record in caplog.get_records(phase)
        if record.levelno >= logging.ERROR
        and (
            "the cache is unavailable" in record.getMessage()
            or record.getMessage().startswith("Redis failed")
        )
    ]
    assert not swallowed, swallowed


@pytest.fixture
def post(db):
    return builders.make_post("Wikileaks cables: US Mexico drugs war fears revealed")


@pytest.fixture
def editor(db):
    return builders.make_editor("editor")


@pytest.fixture
def author(db):
    return builders.make_author("author")


@pytest.fixture
def rule(db):
    return builders.make_rule()


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def author_client(client, author):
    client.force_login(author)
    return client
