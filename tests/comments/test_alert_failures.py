"""An editors' alert that fails never fails the reader whose comment triggered it.

These run in real transactions: the alert goes out after commit, inside the reader's
request, which is where a failing mail relay or cache used to turn an accepted comment
into a 500.
"""

import logging
import time

import pytest
from django.core import mail
from django.core.management import CommandError, call_command

from comments import notifications
from comments.models import Comment
from comments.thread import own_comments
from tests.builders import make_comment, make_editor
from tests.comments.forms_helper import send_comment
from tests.faults import free_port, redis_down, silent_server  # noqa: F401 (redis_down)

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def alert_due(settings):
    """Every new comment makes an alert due, and one editor has an address."""
    settings.MODERATION_ALERT_PENDING = 0
    editor = make_editor("desk")
    editor.email = "desk@borderblog.example"
    editor.save()


def _relay_at(settings, port):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", port, 1


@pytest.fixture
def relay_refusing(settings):
    """Mail goes to an SMTP relay that refuses connections."""
    _relay_at(settings, free_port())


@pytest.fixture
def relay_hung(settings):
    """Mail goes to an SMTP relay that accepts connections and never answers; the
    fixture's value counts the connections it accepted."""
    with silent_server() as server:
        _relay_at(settings, server.port)
        yield server


def assert_accepted(response):
    """The reader got what an accepted comment gets: back to it, with their receipt."""
    comment = Comment.objects.get()
    assert response.status_code == 302
    assert response["Location"].endswith(f"#c{comment.pk}")
    assert own_comments.COOKIE_NAME in response.cookies


@pytest.mark.usefixtures("alert_due", "relay_refusing")
def test_a_mail_relay_refusing_does_not_fail_the_readers_comment(client, post, caplog):
    caplog.set_level(logging.ERROR, logger="comments.notifications")

    assert_accepted(send_comment(client, post, body="The bridge was closed at noon."))
    (logged,) = [r.getMessage() for r in caplog.records if r.name == "comments.notifications"]
    assert logged.startswith("Editors not alerted (ConnectionRefusedError")


@pytest.mark.usefixtures("alert_due", "relay_refusing")
def test_an_alert_that_failed_is_sent_by_the_next_try_a_while_later(
    client, post, settings, monkeypatch
):
    monkeypatch.setattr(notifications, "RETRY_SECONDS", 1)
    send_comment(client, post, body="The bridge was closed at noon.")
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"

    assert not notifications.alert_editors_if_needed()  # not at once
    time.sleep(1.1)
    assert notifications.alert_editors_if_needed()
    assert len(mail.outbox) == 1


@pytest.mark.usefixtures("alert_due")
def test_a_hung_mail_relay_holds_one_comment_not_every_comment(client, post, relay_hung):
    for n in range(3):
        response = send_comment(client, post, body=f"Comment {n} on the bridge.")
        assert response.status_code == 302
    assert Comment.objects.count() == 3
    assert relay_hung.connections == 1


@pytest.mark.cache_outage
@pytest.mark.usefixtures("alert_due", "redis_down")
def test_the_cache_down_does_not_fail_the_readers_comment(client, post):
    assert_accepted(send_comment(client, post, body="The bridge was closed at noon."))
    assert mail.outbox == []  # without the hour's claim, a flood would mail every time


@pytest.mark.cache_outage
@pytest.mark.usefixtures("alert_due", "redis_down")
def test_cron_alerts_the_editors_even_with_the_cache_down(post):
    make_comment(post)
    call_command("alert_editors", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert len(mail.outbox) == 1


@pytest.mark.usefixtures("alert_due", "relay_refusing")
def test_cron_says_when_the_alert_could_not_be_sent(post):
    make_comment(post)
    with pytest.raises(CommandError, match="could not be sent"):
        call_command("alert_editors", stdout=open("/dev/null", "w"))  # noqa: SIM115
