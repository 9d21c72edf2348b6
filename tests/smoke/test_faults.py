"""Production under faults: gunicorn on the pass's database with a Redis of its own, a mail
relay that refuses every connection, and then Redis killed, Redis paused (SIGSTOP), and
the app's database connections terminated. Through each, readers read and comment,
sources send tips, editors work the queue; no answer is a 5xx, nothing printed is a
traceback, and every comment accepted is stored.
"""

import json

import pytest

from . import walks
from .client import Browser
from .conftest import production_database
from .servers import free_port, production_server

pytestmark = pytest.mark.django_db(databases=[])
readers = iter(f"203.0.113.{n}" for n in range(1, 250))


@pytest.fixture(scope="module")
def site(tmp_path_factory, redis_of_its_own):
    folder = tmp_path_factory.mktemp("faults")
    url, drop = production_database(folder)
    try:
        server = production_server(
            folder,
            url,
            REDIS_URL=redis_of_its_own.url,
            # Nothing listens there: every alert's connection is refused.
            EMAIL_URL=f"smtp://127.0.0.1:{free_port()}",
            # Every comment makes an alert due, so every comment meets the refusing relay.
            MODERATION_ALERT_PENDING=0,
        )
        server.database_url = url
        server.accepted = []
        yield server
        server.stop()
    finally:
        drop()


def browser_for(site):
    return Browser(site.url, behind_tls_proxy=True, forwarded_for=next(readers))


def everyone_carries_on(site, during):
    """Read, comment, send a tip, approve the comment from the queue: all without a 5xx."""
    reader = browser_for(site)
    walks.read_the_site(reader)
    body = walks.send_a_comment(reader, walks.words(f"Written while {during}"))
    site.accepted.append(body)
    walks.send_tips(browser_for(site))
    editor = browser_for(site)
    walks.work_the_queue(editor, "smoke-editor", site.logins["smoke-editor"], body)
    walks.approve_from_the_queue(editor, body)
    assert body in browser_for(site).get(walks.SEED_POST, expect=200).text
    site.assert_printed_no_traceback()


def stored_comments(site):
    script = (
        "import json; from comments.models import Comment; "
        "print('STORED', json.dumps(dict(Comment.objects.values_list('body', 'status'))))"
    )
    printed = site.manage("shell", "-c", script)
    (line,) = [line for line in printed.splitlines() if line.startswith("STORED ")]
    return json.loads(line.removeprefix("STORED "))


def test_with_every_service_up_the_mail_relay_refusing_changes_nothing(site):
    everyone_carries_on(site, "the mail relay refused")


def test_with_redis_killed(site, redis_of_its_own):
    redis_of_its_own.kill()
    try:
        everyone_carries_on(site, "Redis was down")
    finally:
        redis_of_its_own.start()
    everyone_carries_on(site, "Redis had just come back")


def test_with_redis_paused(site, redis_of_its_own):
    redis_of_its_own.pause()
    try:
        everyone_carries_on(site, "Redis hung")
    finally:
        redis_of_its_own.resume()


def test_with_the_apps_database_connections_terminated(site):
    if not site.database_url.startswith("postgres"):
        pytest.skip("this pass runs on SQLite; the PostgreSQL pass terminates connections")
    import psycopg

    everyone_carries_on(site, "the database was up")  # the workers hold connections now
    name = site.database_url.rsplit("/", 1)[1]
    admin_url = site.database_url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin_url, autocommit=True) as connection:
        ended = connection.execute(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = %s",
            [name],
        ).fetchone()[0]
    assert ended > 0
    everyone_carries_on(site, "the database connections were cut")


def test_every_comment_accepted_through_the_faults_is_stored_and_published(site):
    stored = stored_comments(site)
    assert site.accepted
    for body in site.accepted:
        assert stored.get(body) == "approved", body
