import pytest

from comments.models import Comment
from tests.builders import make_comment, make_post

pytestmark = pytest.mark.django_db


def test_comments_feed_carries_approved_comments_only(client, post):
    make_comment(post, status=Comment.Status.APPROVED, body="Published words", author_name="Buela")
    make_comment(post, body="Pending words")
    make_comment(post, status=Comment.Status.REJECTED, body="Rejected words")
    make_comment(post, status=Comment.Status.SPAM, body="Spam words")
    body = client.get("/feeds/comments/").content.decode()
    assert "Published words" in body
    assert "Buela" in body
    for hidden in ("Pending words", "Rejected words", "Spam words"):
        assert hidden not in body


def test_comments_on_a_draft_never_reach_the_feed(client):
    draft = make_post(published=False)
    make_comment(draft, status=Comment.Status.APPROVED, body="On a draft")
    assert "On a draft" not in client.get("/feeds/comments/").content.decode()


def test_a_posts_comment_feed_has_only_its_comments(client, post):
    other = make_post()
    make_comment(post, status=Comment.Status.APPROVED, body="Here")
    make_comment(other, status=Comment.Status.APPROVED, body="Elsewhere")
    body = client.get(f"/feeds/comments/{post.pk}/").content.decode()
    assert "Here" in body
    assert "Elsewhere" not in body


def test_a_drafts_comment_feed_is_not_found(client):
    draft = make_post(published=False)
    assert client.get(f"/feeds/comments/{draft.pk}/").status_code == 404


def test_feed_entries_link_to_the_comment(client, post):
    comment = make_comment(post, status=Comment.Status.APPROVED)
    body = client.get(f"/feeds/comments/{post.pk}/").content.decode()
    assert f"#c{comment.pk}" in body


def test_the_post_page_links_its_comment_feed(client, post):
    page = client.get(post.get_absolute_url()).content.decode()
    assert f'href="/feeds/comments/{post.pk}/"' in page
