"""The visitor's "Your comment" badge goes where the rows recorded it, inside the
comment's own header, and only on that visitor's published comments."""

import re

import pytest

from comments.models import Comment
from comments.thread.build import build_thread_page
from comments.thread.html import render_thread_page
from tests.builders import claim_as_own, make_comment
from tests.comments.thread_builders import make_lively_thread

pytestmark = pytest.mark.django_db

BADGE = '<span class="badge badge--own">Your comment</span>'


def header_of(html, pk):
    """The comment's header as the page prints it."""
    return re.search(rf'<header class="comment-meta" id="c{pk}-meta">.*?</header>', html).group()


def test_every_published_comment_has_its_badge_slot_at_the_end_of_its_header(post, editor, rule):
    make_lively_thread(post, editor, rule)
    rendered = render_thread_page(build_thread_page(post, page=2), accepting=True)
    assert rendered.badge_slots, "page 2 of the lively thread has published comments"
    for pk, at in rendered.badge_slots.items():
        assert rendered.html[:at].endswith(header_of(rendered.html, pk)[: -len("</header>")])


def test_a_placeholder_gets_no_badge(post, editor, rule):
    make_lively_thread(post, editor, rule)
    removed = Comment.objects.filter(post=post, status=Comment.Status.REJECTED).get()
    rendered = render_thread_page(build_thread_page(post, page=2), accepting=True)
    assert removed.pk not in rendered.badge_slots
    assert rendered.with_badges([removed.pk], "Your comment") == rendered.html


def test_the_badge_marks_the_visitors_published_comments_and_no_other(client, post):
    mine = [make_comment(post, status=Comment.Status.APPROVED) for _ in range(2)]
    other = make_comment(post, status=Comment.Status.APPROVED)
    claim_as_own(client, *mine)
    html = client.get(post.get_absolute_url()).content.decode()
    assert html.count(BADGE) == 2
    for comment in mine:
        assert header_of(html, comment.pk).endswith(f" {BADGE}</header>")
    assert BADGE not in header_of(html, other.pk)
