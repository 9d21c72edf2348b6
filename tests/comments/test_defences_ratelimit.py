"""Rate limits per submitter, through the post page, on local memory and on Redis."""

from types import SimpleNamespace

import pytest

from borderblog import ratelimit
from comments.models import Comment
from tests.comments.cache_backends import cache_backend  # noqa: F401 (a fixture)
from tests.comments.forms_helper import send_comment

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("cache_backend")]

# A second into an hour, so that a test never straddles a window and waits are known.
HOUR_START = 1_800_000_000 - 1_800_000_000 % 3600 + 1


@pytest.fixture(autouse=True)
def limits(settings, monkeypatch):
    settings.COMMENT_RATE_PER_MINUTE = 5
    settings.COMMENT_RATE_PER_HOUR = 30
    monkeypatch.setattr(ratelimit, "time", SimpleNamespace(time=lambda: HOUR_START))


def send_many(client, post, count, **headers):
    return [
        send_comment(client, post, headers=headers, body=f"Comment {i} on the cables.")
        for i in range(count)
    ]


def test_comments_up_to_the_per_minute_limit_are_stored(client, post):
    responses = send_many(client, post, 5)
    assert [r.status_code for r in responses] == [302] * 5
    assert Comment.objects.count() == 5


def test_a_comment_over_the_per_minute_limit_is_refused_with_429(client, post):
    send_many(client, post, 5)
    response = send_comment(client, post, body="One too many.")
    assert response.status_code == 429
    assert not Comment.objects.filter(body="One too many.").exists()


def test_a_refused_comment_is_handed_back_with_when_to_send_it_again(client, post):
    send_many(client, post, 5)
    response = send_comment(client, post, body="One too many.")
    page = response.content.decode()
    assert "One too many." in page
    assert "You can send it again in 1 minute" in page
    assert response["Retry-After"] == "60"


def test_the_per_hour_limit_applies_across_minutes(client, post, settings, monkeypatch):
    settings.COMMENT_RATE_PER_HOUR = 3
    for minute in range(3):
        monkeypatch.setattr(
            ratelimit, "time", SimpleNamespace(time=lambda m=minute: HOUR_START + 60 * m)
        )
        assert send_comment(client, post, body=f"Minute {minute}.").status_code == 302
    response = send_comment(client, post, body="Fourth in the hour.")
    assert response.status_code == 429
    assert "You can send it again in 58 minutes" in response.content.decode()


def test_one_readers_limit_does_not_hold_back_another_reader(client, post):
    send_many(client, post, 6, REMOTE_ADDR="203.0.113.1")
    other = send_comment(client, post, headers={"REMOTE_ADDR": "203.0.113.2"}, body="Mine.")
    assert other.status_code == 302


def test_an_invalid_form_does_not_use_up_the_allowance(client, post):
    for _ in range(6):
        send_comment(client, post, body="   ")
    assert send_comment(client, post, body="Now a real comment.").status_code == 302
