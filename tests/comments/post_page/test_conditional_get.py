"""The post page answers 304 while nothing its reader would see has changed."""

import time
from datetime import timedelta
from unittest import mock

import pytest
from django.utils import timezone

from comments.models import Comment
from comments.post_page import conditional
from comments.services import moderation
from tests.builders import make_comment, make_post

pytestmark = pytest.mark.django_db


def first_view(client, post):
    response = client.get(post.get_absolute_url())
    assert response.status_code == 200
    return response


def revalidate(client, post, etag):
    return client.get(post.get_absolute_url(), headers={"If-None-Match": etag})


def test_the_post_page_carries_a_weak_etag_and_must_be_revalidated(client, post):
    response = first_view(client, post)
    assert response["ETag"].startswith('W/"')
    assert response["Cache-Control"] == "private, no-cache"


def test_an_unchanged_page_is_not_modified_for_one_query(client, post, django_assert_num_queries):
    etag = first_view(client, post)["ETag"]
    with django_assert_num_queries(1):
        response = revalidate(client, post, etag)
    assert response.status_code == 304


def test_an_approved_comment_changes_the_page(client, post, editor):
    comment = make_comment(post)
    etag = first_view(client, post)["ETag"]
    moderation.approve(comment, editor=editor)
    response = revalidate(client, post, etag)
    assert response.status_code == 200
    assert response["ETag"] != etag


def test_a_taken_down_comment_changes_the_page(client, post, editor, rule):
    comment = make_comment(post, status=Comment.Status.APPROVED)
    etag = first_view(client, post)["ETag"]
    moderation.reject(comment, editor=editor, rule=rule)
    assert revalidate(client, post, etag).status_code == 200


def test_an_edited_post_changes_the_page(client, post):
    etag = first_view(client, post)["ETag"]
    post.body = "Corrected text."
    post.save()
    assert revalidate(client, post, etag).status_code == 200


def test_another_language_is_another_page(client, post):
    etag = first_view(client, post)["ETag"]
    response = client.get(
        post.get_absolute_url(), headers={"If-None-Match": etag, "Accept-Language": "es"}
    )
    assert response.status_code == 200


def test_another_thread_page_is_another_page(client, post):
    etag = first_view(client, post)["ETag"]
    response = client.get(
        f"{post.get_absolute_url()}?corder=newest", headers={"If-None-Match": etag}
    )
    assert response.status_code == 200


def test_a_browser_with_a_message_to_show_gets_a_fresh_page(client, post):
    etag = first_view(client, post)["ETag"]
    client.cookies["messages"] = "something to show once"
    assert revalidate(client, post, etag).status_code == 200


def test_a_logged_in_editor_always_gets_a_fresh_page(client, post, editor):
    client.force_login(editor)
    response = first_view(client, post)
    assert "W/" not in response.get("ETag", "")


def test_a_browser_that_lost_its_cookies_gets_a_fresh_page_with_a_working_form(client, post):
    etag = first_view(client, post)["ETag"]
    client.cookies.clear()
    assert revalidate(client, post, etag).status_code == 200


def test_comments_closing_with_time_changes_the_page(client, settings):
    settings.COMMENTS_CLOSE_AFTER_DAYS = 14
    post = make_post(publish_at=timezone.now() - timedelta(days=14, seconds=-30))
    etag = first_view(client, post)["ETag"]

    later = timezone.now() + timedelta(minutes=1)
    with mock.patch("django.utils.timezone.now", return_value=later):
        response = revalidate(client, post, etag)

    assert response.status_code == 200
    assert 'id="comment-form"' not in response.content.decode()


def test_a_copy_is_confirmed_for_one_time_window_at_most(client, post):
    """Scheduled posts appear and the form's clock ages with no version changing."""
    etag = first_view(client, post)["ETag"]
    next_window = time.time() + conditional.COPY_CONFIRMED_FOR

    with mock.patch("comments.post_page.conditional.time.time", return_value=next_window):
        response = revalidate(client, post, etag)

    assert response.status_code == 200


def test_a_not_modified_answer_repeats_the_validator_and_the_caching_rule(client, post):
    etag = first_view(client, post)["ETag"]
    response = revalidate(client, post, etag)
    assert response.status_code == 304
    assert (response["ETag"], response["Cache-Control"]) == (etag, "private, no-cache")


def test_a_reader_asking_for_a_page_they_do_not_hold_gets_it_whole(client, post):
    first_view(client, post)
    response = revalidate(client, post, 'W/"an-older-copy", W/"another"')
    assert response.status_code == 200
    assert post.title in response.content.decode()


def test_a_get_whose_if_match_fails_is_refused_as_django_does(client, post):
    first_view(client, post)
    response = client.get(post.get_absolute_url(), headers={"If-Match": '"not-this-page"'})
    assert response.status_code == 412
