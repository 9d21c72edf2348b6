"""comments.services.submission and Comment.save: a comment's body is rendered to HTML once."""

import sys
from contextlib import ExitStack
from unittest import mock

import pytest

from comments import sanitize
from comments.models import Comment
from comments.services import submit_comment
from tests.builders import make_comment

pytestmark = pytest.mark.django_db

READER = "a" * 64


@pytest.fixture
def renders():
    """Counts every rendering of a comment body, under whatever name a module of the
    comments app imported render_comment."""
    render_comment = sanitize.render_comment
    counter = mock.Mock(wraps=render_comment)
    with ExitStack() as patches:
        for name, module in list(sys.modules.items()):
            in_comments = name == "comments" or name.startswith("comments.")
            if in_comments and getattr(module, "render_comment", None) is render_comment:
                patches.enter_context(mock.patch.object(module, "render_comment", counter))
        yield counter


def stored(comment):
    return Comment.objects.get(pk=comment.pk)


def test_a_submission_renders_the_body_once(post, renders):
    # Intake counts the links of the very HTML that is stored.
    submit_comment(post=post, body="See https://a.example.com", submitter_hash=READER)
    assert renders.call_count == 1


def test_a_stored_comment_saved_again_is_rendered_from_its_body_as_before(post, renders):
    # Only the submission's own rendering is kept; any other save renders, so a
    # sanitiser that changed reaches the comment as it always did.
    comment = stored(make_comment(post))
    renders.reset_mock()
    comment.save()
    assert renders.call_count == 1


def test_a_stored_comment_whose_words_changed_is_rendered_again_on_save(post):
    comment = stored(make_comment(post, body="Before."))
    comment.body = "After: https://a.example.com"
    comment.save(update_fields=["body"])
    comment = stored(comment)
    assert comment.body_html == sanitize.render_comment("After: https://a.example.com")
    assert comment.link_count == 1


def test_html_changed_without_its_body_is_rendered_from_the_body_again_on_save(post):
    comment = stored(make_comment(post, body="The words."))
    comment.body_html = "<p>Other words.</p>"
    comment.save()
    assert stored(comment).body_html == sanitize.render_comment("The words.")
