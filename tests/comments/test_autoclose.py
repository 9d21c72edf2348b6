"""Comments close by themselves N days after publication, when the newsroom sets N."""

from datetime import timedelta

import pytest
from django.utils import timezone

from comments import closing
from comments.models import Comment
from tests.builders import local_time, make_post
from tests.comments.forms_helper import comment_form_data

pytestmark = pytest.mark.django_db

AUTOMATIC = "Comments closed automatically 30 days after publication."


def days_old(days, **fields):
    return make_post(publish_at=timezone.now() - timedelta(days=days), **fields)


@pytest.fixture
def close_after_30_days(settings):
    settings.COMMENTS_CLOSE_AFTER_DAYS = 30


def page(client, post):
    return client.get(post.get_absolute_url()).content.decode()


def test_by_default_comments_never_close_by_themselves(client, settings):
    settings.COMMENTS_CLOSE_AFTER_DAYS = None
    demo_post = make_post(publish_at=local_time(2010, 12, 3, 12, 0))
    assert closing.accepts_comments(demo_post)
    assert 'id="comment-form"' in page(client, demo_post)


@pytest.mark.usefixtures("close_after_30_days")
def test_a_post_younger_than_the_period_takes_comments(client):
    assert 'id="comment-form"' in page(client, days_old(29))


@pytest.mark.usefixtures("close_after_30_days")
def test_comments_close_the_set_number_of_days_after_publication(client):
    text = page(client, days_old(31))
    assert 'id="comment-form"' not in text
    assert AUTOMATIC in text


@pytest.mark.usefixtures("close_after_30_days")
def test_a_post_can_opt_out_of_closing_automatically(client):
    kept_open = days_old(400, comments_close_automatically=False)
    assert 'id="comment-form"' in page(client, kept_open)


@pytest.mark.usefixtures("close_after_30_days")
def test_a_post_closed_by_hand_says_so_rather_than_automatically(client):
    text = page(client, days_old(400, comments_enabled=False))
    assert "Comments are closed on this post." in text
    assert "automatically" not in text


@pytest.mark.usefixtures("close_after_30_days")
def test_the_period_counts_from_publication_not_from_creation():
    post = days_old(31)
    assert closing.accepts_comments(post, at=post.publish_at + timedelta(days=29))
    assert not closing.accepts_comments(post, at=post.publish_at + timedelta(days=30))


def test_the_reason_says_one_day_in_the_singular(settings):
    settings.COMMENTS_CLOSE_AFTER_DAYS = 1
    post = days_old(2)
    assert closing.closed_reason(post) == "Comments closed automatically 1 day after publication."


def test_an_open_post_has_no_closed_reason():
    assert closing.closed_reason(days_old(1)) == ""


def test_a_comment_sent_after_comments_closed_is_refused_with_the_text_handed_back(
    client, settings
):
    settings.COMMENTS_CLOSE_AFTER_DAYS = 30
    post = days_old(20)
    # The reader opened the page while comments were open; the newsroom then shortened
    # the period.
    form = comment_form_data(client, post, body="Words written in time.")
    settings.COMMENTS_CLOSE_AFTER_DAYS = 10
    response = client.post(post.get_absolute_url(), form)
    text = response.content.decode()
    assert response.status_code == 400
    assert "Comments closed automatically 10 days after publication." in text
    assert "Words written in time." in text
    assert not Comment.objects.exists()


@pytest.mark.parametrize("visitor", ["reader", "editor"])
def test_a_view_of_the_post_page_asks_once_whether_comments_are_open(
    client, editor, close_after_30_days, visitor
):
    # The thread's key, the validator, the shell's key and the form must agree; one
    # answer per request is what makes them.
    from unittest import mock

    post = days_old(3)
    if visitor == "editor":
        client.force_login(editor)
    with mock.patch.object(closing, "accepts_comments", wraps=closing.accepts_comments) as asked:
        assert client.get(post.get_absolute_url()).status_code == 200
    assert asked.call_count == 1
