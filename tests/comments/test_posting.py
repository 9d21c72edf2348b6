"""A reader posting a comment through the post page's form."""

import pytest
from django.test import Client

from comments.models import Comment
from comments.thread import own_comments
from posts.models import Post
from tests.builders import make_comment, make_post
from tests.comments.forms_helper import comment_form_data, rendered_form_fields, send_comment

pytestmark = pytest.mark.django_db

send = send_comment


def test_a_valid_comment_is_stored_pending_and_the_reader_is_sent_back_to_it(client, post):
    response = send(client, post, author_name="Buela", body="Paz to you.")
    comment = Comment.objects.get()
    assert comment.status == Comment.Status.PENDING
    assert (comment.author_name, comment.body) == ("Buela", "Paz to you.")
    assert response.status_code == 302
    assert response["Location"] == f"{post.get_absolute_url()}#c{comment.pk}"


def test_the_submitter_sees_their_comment_awaiting_moderation(client, post):
    send(client, post, body="My first comment here.")
    page = client.get(post.get_absolute_url()).content.decode()
    assert "awaiting moderation" in page
    assert "My first comment here." in page


def test_other_readers_do_not_see_a_pending_comment(client, post):
    send(client, post, body="Only for the editors so far.")
    page = Client().get(post.get_absolute_url()).content.decode()
    assert "Only for the editors so far." not in page
    assert "awaiting moderation" not in page


def test_a_pending_comment_is_not_counted(client, post):
    send(client, post, body="Not yet counted.")
    post.refresh_from_db()
    assert post.comment_count == 0
    assert "0 comments" in Client().get(post.get_absolute_url()).content.decode()


def test_a_forged_receipt_cookie_reveals_nothing(client, post):
    pending = make_comment(post, body="Somebody else's words.")
    client.cookies[own_comments.COOKIE_NAME] = str(pending.pk)
    assert "Somebody else" not in client.get(post.get_absolute_url()).content.decode()


def test_the_stored_submitter_is_a_keyed_hash_not_the_address(client, post):
    send(client, post, headers={"REMOTE_ADDR": "203.0.113.9"}, body="hi")
    stored = Comment.objects.get().submitter_hash
    assert len(stored) == 64
    assert "203.0.113.9" not in stored


def test_blank_name_shows_as_anonymous(client, post):
    comment = make_comment(post, status=Comment.Status.APPROVED, author_name="")
    page = client.get(post.get_absolute_url()).content.decode()
    assert f'id="c{comment.pk}"' in page
    assert "Anonymous" in page


def test_an_empty_comment_is_refused_with_a_clear_error(client, post):
    response = send(client, post, author_name="Ernest1", body="   ")
    assert response.status_code == 400
    assert "Please write a comment" in response.content.decode()
    assert 'value="Ernest1"' in response.content.decode()
    assert not Comment.objects.exists()


def test_a_comment_over_five_thousand_characters_is_refused_and_handed_back(client, post):
    too_long = "x" * 5001
    response = send(client, post, body=too_long)
    page = response.content.decode()
    assert response.status_code == 400
    assert "at most 5000 characters" in page
    assert too_long in page
    assert not Comment.objects.exists()


def test_line_breaks_sent_as_crlf_count_once(client, post):
    body = ("line\r\n" * 1000).strip()  # 5,998 characters as sent; 4,999 as typed
    send(client, post, body=body)
    assert Comment.objects.get().body == body.replace("\r\n", "\n")


def test_a_reply_to_a_comment_on_another_post_is_refused(client, post):
    elsewhere = make_comment(make_post(), status=Comment.Status.APPROVED)
    response = send(client, post, body="Replying", parent=elsewhere.pk)
    assert response.status_code == 400
    assert "not a published comment on this post" in response.content.decode()
    assert Comment.objects.count() == 1


def test_a_reply_to_a_comment_that_is_not_approved_is_refused(client, post):
    pending = make_comment(post)
    response = send(client, post, body="Replying", parent=pending.pk)
    assert response.status_code == 400
    assert Comment.objects.count() == 1


def test_a_reply_to_an_approved_comment_records_its_parent(client, post):
    parent = make_comment(post, status=Comment.Status.APPROVED)
    send(client, post, body="I agree", parent=parent.pk)
    assert Comment.objects.get(body="I agree").parent == parent


def test_garbage_in_parent_is_a_form_error_not_a_crash(client, post):
    response = send(client, post, body="x", parent="'; DROP TABLE comments;--")
    assert response.status_code == 400


def test_comments_on_a_closed_post_are_refused_with_the_text_handed_back(client):
    closed = make_post()
    # The reader opened the page before an author closed comments.
    form = comment_form_data(client, closed, body="Still want to say this.")
    Post.objects.filter(pk=closed.pk).update(comments_enabled=False)
    response = client.post(closed.get_absolute_url(), form)
    page = response.content.decode()
    assert response.status_code == 400
    assert "Comments are closed on this post." in page
    assert "Still want to say this." in page
    assert not Comment.objects.exists()


def test_a_closed_post_shows_no_comment_form(client):
    closed = make_post(comments_enabled=False)
    page = client.get(closed.get_absolute_url()).content.decode()
    assert 'id="comment-form"' not in page
    assert "Comments are closed" in page


def test_a_post_without_csrf_token_is_refused_with_the_text_handed_back(post):
    strict = Client(enforce_csrf_checks=True)
    response = strict.post(post.get_absolute_url(), {"body": "Words I do not want to lose."})
    assert response.status_code == 403
    assert "Words I do not want to lose." in response.content.decode()
    assert not Comment.objects.exists()


def test_a_comment_on_a_draft_is_not_possible(client):
    draft = make_post(published=False)
    assert client.post(draft.get_absolute_url(), {"body": "hello"}).status_code == 404
    assert not Comment.objects.exists()


def test_reply_link_preselects_the_parent(client, post):
    parent = make_comment(post, status=Comment.Status.APPROVED, author_name="Brito")
    page = client.get(f"{post.get_absolute_url()}?replyto={parent.pk}").content.decode()
    assert f'name="parent" value="{parent.pk}"' in page
    assert "Reply to Brito" in page


def test_reply_link_to_a_hidden_comment_is_ignored(client, post):
    hidden = make_comment(post)
    page = client.get(f"{post.get_absolute_url()}?replyto={hidden.pk}").content.decode()
    assert f'value="{hidden.pk}"' not in page


# str.isdigit() takes "²" and "①" for digits; int() refuses them. Only ASCII digits name
# a comment to reply to.
OTHER_DIGITS = pytest.mark.parametrize("digit", ["%C2%B2", "%E2%91%A0"], ids=["²", "①"])


@OTHER_DIGITS
def test_a_reply_link_in_other_digits_is_ignored(client, post, digit):
    make_comment(post, status=Comment.Status.APPROVED)
    response = client.get(f"{post.get_absolute_url()}?replyto={digit}")
    assert response.status_code == 200
    assert rendered_form_fields(response.content.decode())["parent"] == ""


@OTHER_DIGITS
@pytest.mark.parametrize("name", ["cpage", "replyto"])
def test_a_refused_comment_sent_from_an_address_with_other_digits_comes_back_with_its_error(
    client, post, digit, name
):
    make_comment(post, status=Comment.Status.APPROVED)
    form = comment_form_data(client, post, body="")
    response = client.post(f"{post.get_absolute_url()}?{name}={digit}", form)
    assert response.status_code == 400
    assert "Please write a comment" in response.content.decode()
