from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from comments import notifications
from comments.models import Comment
from tests.builders import make_comment, make_editor

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_with_mail(db):
    editor = make_editor()
    editor.email = "desk@borderblog.example"
    editor.save()
    return editor


def test_editors_are_mailed_when_the_queue_passes_the_threshold(post, editor_with_mail, settings):
    settings.MODERATION_ALERT_PENDING = 2
    for _ in range(3):
        make_comment(post)
    assert notifications.alert_editors_if_needed()
    assert mail.outbox[0].to == ["desk@borderblog.example"]
    assert "3 comments" in mail.outbox[0].subject


def test_no_mail_while_the_queue_is_short_and_fresh(post, editor_with_mail):
    make_comment(post)
    assert not notifications.alert_editors_if_needed()
    assert mail.outbox == []


def test_editors_are_mailed_when_a_comment_waits_too_long(post, editor_with_mail, settings):
    settings.MODERATION_ALERT_AGE_HOURS = 2
    old = make_comment(post)
    Comment.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(hours=3))
    call_command("alert_editors", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert len(mail.outbox) == 1
    assert "waited more than 2 hours" in mail.outbox[0].body


def test_at_most_one_alert_an_hour(post, editor_with_mail, settings):
    settings.MODERATION_ALERT_PENDING = 0
    make_comment(post)
    assert notifications.alert_editors_if_needed()
    assert not notifications.alert_editors_if_needed()
    assert len(mail.outbox) == 1


def test_only_editors_are_mailed(post, settings):
    from tests.builders import make_author

    author = make_author()
    author.email = "writer@borderblog.example"
    author.save()
    settings.MODERATION_ALERT_PENDING = 0
    make_comment(post)
    assert not notifications.alert_editors_if_needed()
    assert mail.outbox == []


def test_a_submission_past_the_threshold_alerts_after_commit(
    client, post, editor_with_mail, settings, django_capture_on_commit_callbacks
):
    from comments.services import submit_comment

    settings.MODERATION_ALERT_PENDING = 0
    with django_capture_on_commit_callbacks(execute=True):
        submit_comment(post=post, body="Hello", submitter_hash="a" * 64)
    assert len(mail.outbox) == 1


def test_the_alert_is_written_in_the_newsrooms_language_whoever_triggered_it(
    post, editor_with_mail, settings
):
    from django.utils import translation

    settings.MODERATION_ALERT_PENDING = 0
    make_comment(post)
    with translation.override("es"):
        notifications.alert_editors_if_needed()
    assert "await" in mail.outbox[0].subject
