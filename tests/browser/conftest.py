"""Chromium, driven by Playwright, through the real pages served by pytest-django's live server.

Every test in this folder gets the ``browser`` marker and a database that the live
server's thread can see: rows are committed, flushed after each test, and what the
migrations created (groups, permissions) is loaded again before each test.

The browser is Debian's Chromium at /usr/bin/chromium, never one downloaded by
``playwright install`` (nothing can be downloaded on the CI machine). Where it is missing
the tests are skipped, with the reason in the ``-ra`` summary; in CI (``CI=true``) they
must run, so there they fail.

Fixtures:

- ``page``: a page in a fresh browser context (its own cookies), addressed relative to
  the live server: ``page.goto(post.get_absolute_url())``.
- ``new_page``: opens another page in another fresh context, for a second person at the
  same time (the editor's browser beside the reader's, or a second reader).
"""

import os
from pathlib import Path

import pytest
from playwright.sync_api import expect, sync_playwright

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    # CI runs as root in a container, where Chromium's sandbox cannot start.
    "--no-sandbox",
    "--disable-gpu",
    # Nothing but the live server: no QUIC probes, updates, sync or first-run calls home.
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
MISSING_CHROMIUM = (
    f"Chromium not found at {CHROMIUM}; install Debian's chromium package to run browser tests"
)
# Playwright waits for the page by itself; a local page that takes longer than this is a bug.
TIMEOUT_MS = 10_000

HERE = Path(__file__).resolve().parent


def pytest_collection_modifyitems(config, items):
    # This hook sees the whole session's items, not only this folder's.
    browser_items = [item for item in items if item.path.is_relative_to(HERE)]
    chromium_missing = not CHROMIUM.exists() and os.environ.get("CI") != "true"
    for item in browser_items:
        item.add_marker(pytest.mark.browser)
        # The live server answers from its own thread, so the test's rows must be
        # committed; the flush after each test would also empty what migrations created
        # (the Editors and Authors groups), which serialized_rollback loads again.
        item.add_marker(pytest.mark.django_db(transaction=True, serialized_rollback=True))
        if chromium_missing:
            item.add_marker(pytest.mark.skip(reason=MISSING_CHROMIUM))


@pytest.fixture(scope="package")
def playwright(django_db_setup, django_db_blocker):
    """Playwright, started for the tests in this folder and stopped after them.

    Playwright's sync API runs an asyncio event loop in the test thread, and while it
    runs Django behaves differently in that whole thread, hence not a session fixture:

    - Django sees a running loop and refuses ORM calls from the test (builders, the
      database flush) with SynchronousOnlyOperation. They are plain synchronous calls
      that never share the loop, so DJANGO_ALLOW_ASYNC_UNSAFE is safe here; it is set
      only while Playwright runs, so the rest of the suite keeps Django's check.
    - asgiref gives the thread a second set of database connections (an "async
      context") that lack the snapshot of migrated data serialized_rollback reloads;
      they are given it here, and closed when Playwright stops.

    Afterwards the snapshot is loaded once more: with serialized_rollback, the flush
    after the last test left the database empty (not even content types), but the tests
    that run after this folder, or a later run with --reuse-db, expect what the
    migrations created.
    """
    if not CHROMIUM.exists():
        # Only reached in CI: elsewhere the tests were skipped at collection.
        pytest.fail(
            f"CI=true and the browser tests must run, but: {MISSING_CHROMIUM}", pytrace=False
        )
    from django.db import connections

    snapshots = {
        alias: connections[alias]._test_serialized_contents
        for alias in connections
        if hasattr(connections[alias], "_test_serialized_contents")
    }
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        with sync_playwright() as started:
            for alias, snapshot in snapshots.items():
                connections[alias]._test_serialized_contents = snapshot
            expect.set_options(timeout=TIMEOUT_MS)
            yield started
            connections.close_all()
    with django_db_blocker.unblock():
        for alias, snapshot in snapshots.items():
            connections[alias].creation.deserialize_db_from_string(snapshot)


@pytest.fixture(scope="package")
def chromium(playwright):
    browser = playwright.chromium.launch(
        executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
    )
    yield browser
    browser.close()


@pytest.fixture
def new_page(chromium, live_server):
    """Open a page in a new, independent browser context: another person's browser.

    Any 5xx answer the live server gives to these pages fails the test, whatever the
    test itself looks at.
    """
    contexts = []
    server_errors = []

    def record_server_error(response):
        if response.status >= 500:
            server_errors.append(f"{response.status} {response.request.method} {response.url}")

    def open_page():
        context = chromium.new_context(base_url=live_server.url, locale="en-US")
        context.set_default_timeout(TIMEOUT_MS)
        context.on("response", record_server_error)
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()
    if server_errors:
        pytest.fail("The live server answered with errors: " + "; ".join(server_errors))


@pytest.fixture
def page(new_page):
    """The first reader's browser: a fresh context, so no cookies from other tests."""
    return new_page()
