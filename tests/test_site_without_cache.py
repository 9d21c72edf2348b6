"""Readers and sources are served when Redis is down or hung, and nothing they send is lost."""

import logging

import pytest

from comments.models import Comment
from comments.thread import own_comments
from tests.builders import make_comment, make_post
from tests.comments.forms_helper import send_comment
from tests.faults import redis_down, redis_hung, site_log  # noqa: F401 (fixtures)
from tests.tips.conftest import receipt_code, send_tip
from tips.models import Tip

pytestmark = [pytest.mark.django_db, pytest.mark.cache_outage]

outages = pytest.mark.parametrize("outage", ["redis_down", "redis_hung"])


@pytest.fixture
def story(request, outage):
    post = make_post("The bridge at noon", labels=["Border"])
    make_comment(post, status=Comment.Status.APPROVED, body="I crossed it at noon too.")
    request.getfixturevalue(outage)
    return post


@outages
def test_reader_pages_are_served_without_the_cache(client, story):
    month = story.publish_at.strftime("/%Y/%m/")
    for path in (
        "/",
        story.get_absolute_url(),
        month,
        "/label/border/",
        "/search/?q=bridge",
        "/policy/",
        "/feeds/posts/",
        "/feeds/comments/",
        "/tips/",
        "/healthz",
    ):
        response = client.get(path)
        assert response.status_code == 200, path
    assert "I crossed it at noon too." in client.get(story.get_absolute_url()).content.decode()


@outages
def test_a_comment_is_accepted_without_the_cache(client, story):
    response = send_comment(client, story, body="The line was two hours long.")
    assert response.status_code == 302
    assert own_comments.COOKIE_NAME in response.cookies
    assert Comment.objects.pending().get().body == "The line was two hours long."


@outages
def test_a_tip_is_accepted_without_the_cache(client, story):
    code = receipt_code(send_tip(client))
    assert code
    assert Tip.objects.count() == 1


@outages
def test_the_tip_line_logs_the_fault_once_and_nothing_of_the_source(client, story, caplog):
    caplog.set_level(logging.DEBUG)
    send_tip(client, message="")
    send_tip(client)

    logged = site_log(caplog)
    assert len(logged) == 1, logged
    assert logged[0].startswith("Redis failed (")
    assert "tip" not in logged[0].lower()
