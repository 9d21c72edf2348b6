"""The page changed while the reader wrote: what they typed comes back to them, never lost.

The comment they answer is taken down, the post moves to another address, is unpublished
or closes to comments, between the page being loaded and the comment being sent.
"""

import pytest

from comments.models import Comment
from comments.services import moderation
from posts.models import Post
from tests.builders import make_comment
from tests.comments.forms_helper import comment_form_data, filled_form_fields, rendered_form_fields

pytestmark = pytest.mark.django_db

Status = Comment.Status
TYPED = {"author_name": "Buela", "body": "Words typed while the page changed."}
PARENT_GONE = "you can send it as a new comment instead"


@pytest.fixture
def reply_refused(client, post, editor, rule):
    """A reply sent after an editor took down the comment it answers."""
    parent = make_comment(post, status=Status.APPROVED)
    reply_page = client.get(f"{post.get_absolute_url()}?replyto={parent.pk}").content.decode()
    moderation.reject(parent, editor=editor, rule=rule)
    return client.post(post.get_absolute_url(), {**rendered_form_fields(reply_page), **TYPED})


def test_a_reply_to_a_comment_taken_down_meanwhile_is_refused_saying_so(reply_refused):
    assert reply_refused.status_code == 400
    assert PARENT_GONE in reply_refused.content.decode()
    assert not Comment.objects.filter(body=TYPED["body"]).exists()


def test_the_refused_reply_comes_back_as_a_new_comment_form_with_the_words_kept(reply_refused):
    page = reply_refused.content.decode()
    shown = filled_form_fields(page)
    assert (shown["parent"], shown["author_name"], shown["body"]) == ("", *TYPED.values())
    assert '<h2 id="comment-form-heading">Post a comment</h2>' in page


def test_the_refused_reply_sent_again_is_stored_as_a_new_comment(client, post, reply_refused):
    again = filled_form_fields(reply_refused.content.decode())
    response = client.post(post.get_absolute_url(), again)
    comment = Comment.objects.get(body=TYPED["body"])
    assert response.status_code == 302
    assert (comment.parent, comment.status, comment.author_name) == (None, Status.PENDING, "Buela")


def send_after(client, post, change):
    """Load the post page, type TYPED, let ``change`` happen to the post, then send."""
    form = comment_form_data(client, post, **TYPED)
    change(post)
    return client.post(post.get_absolute_url(), form)


def move(post):
    Post.objects.filter(pk=post.pk).update(slug="a-corrected-slug")


def unpublish(post):
    Post.objects.filter(pk=post.pk).update(status=Post.Status.DRAFT)


def close(post):
    Post.objects.filter(pk=post.pk).update(comments_enabled=False)


@pytest.mark.parametrize("change", [move, unpublish])
def test_a_comment_on_a_post_gone_from_its_address_is_refused_saying_so(client, post, change):
    response = send_after(client, post, change)
    assert response.status_code == 404
    assert "moved to another address or is no longer published" in response.content.decode()
    assert not Comment.objects.exists()


@pytest.mark.parametrize("change", [move, unpublish])
def test_a_comment_on_a_post_gone_from_its_address_is_handed_back(client, post, change):
    page = send_after(client, post, change).content.decode()
    assert f"{TYPED['body']}</textarea>" in page
    assert f'value="{TYPED["author_name"]}"' in page


def test_a_comment_on_a_post_closed_meanwhile_hands_back_the_name_too(client, post):
    response = send_after(client, post, close)
    page = response.content.decode()
    assert response.status_code == 400
    assert f"{TYPED['body']}</textarea>" in page
    assert f'value="{TYPED["author_name"]}"' in page
