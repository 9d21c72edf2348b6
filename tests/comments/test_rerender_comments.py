"""`manage.py rerender_comments` mends comments stored before readers' links were
limited to absolute web addresses, from their source, and leaves the rest alone."""

from io import StringIO

import pytest
from django.core.management import call_command

from comments.models import Comment
from comments.thread import cache as thread_cache
from tests.builders import make_comment

pytestmark = pytest.mark.django_db

# What the sanitiser stored before: an href-less anchor, a disguised scheme, a
# protocol-relative and a site-relative link.
OLD_HTML = {
    '<a href="javascript:x">click</a>': '<p><a rel="nofollow ugc noopener">click</a></p>',
    '<a href="java\u200bscript:x">zw</a>': (
        '<p><a href="java\u200bscript:x" rel="nofollow ugc noopener">zw</a></p>'
    ),
    '<a href="//evil.example/x">pr</a>': (
        '<p><a href="//evil.example/x" rel="nofollow ugc noopener">pr</a></p>'
    ),
    '<a href="/admin/">rel</a> and https://example.com/ok': (
        '<p><a href="/admin/" rel="nofollow ugc noopener">rel</a> and '
        '<a href="https://example.com/ok" rel="nofollow ugc noopener">https://example.com/ok</a></p>'
    ),
}


def stored_as_before(post, body, old_html, status=Comment.Status.APPROVED):
    comment = make_comment(post, status=status, body=body)
    Comment.objects.filter(pk=comment.pk).update(body_html=old_html, link_count=1)
    return comment


def run():
    out = StringIO()
    call_command("rerender_comments", stdout=out)
    return out.getvalue()


def test_stored_comments_with_refused_links_are_rendered_again_from_their_source(post):
    comments = [stored_as_before(post, body, old) for body, old in OLD_HTML.items()]
    output = run()
    texts = [Comment.objects.get(pk=c.pk) for c in comments]
    assert [c.body_html for c in texts] == [
        "<p>click</p>",
        "<p>zw</p>",
        "<p>pr</p>",
        '<p>rel and <a href="https://example.com/ok" rel="nofollow ugc noopener">'
        "https://example.com/ok</a></p>",
    ]
    assert [c.link_count for c in texts] == [0, 0, 0, 1]
    assert output == "4 comments rendered again.\n"


def test_comments_whatever_their_status_are_mended(post):
    body, old = next(iter(OLD_HTML.items()))
    pending = stored_as_before(post, body, old, status=Comment.Status.PENDING)
    spam = stored_as_before(post, body, old, status=Comment.Status.SPAM)
    run()
    for comment in (pending, spam):
        comment.refresh_from_db()
        assert comment.body_html == "<p>click</p>"
        assert comment.status != Comment.Status.APPROVED


def test_comments_whose_links_are_all_web_addresses_are_left_alone(post):
    # A stored HTML the sanitiser would not give today shows the row was not rewritten.
    good = stored_as_before(
        post, "https://example.com/", '<p><a href="https://example.com/" rel="x">kept</a></p>'
    )
    plain = stored_as_before(post, "words", "<p>stored words</p>")
    assert run() == "0 comments rendered again.\n"
    for comment, html in ((good, "kept"), (plain, "stored words")):
        comment.refresh_from_db()
        assert html in comment.body_html


def test_a_mended_thread_is_no_longer_served_from_the_cache(post):
    body, old = next(iter(OLD_HTML.items()))
    stored_as_before(post, body, old)
    before = thread_cache.thread_versions(post.pk)
    run()
    assert thread_cache.thread_versions(post.pk)[0] != before[0]


def test_running_it_twice_changes_nothing_more(post):
    for body, old in OLD_HTML.items():
        stored_as_before(post, body, old)
    run()
    mended = list(Comment.objects.values_list("body_html", flat=True))
    assert run() == "0 comments rendered again.\n"
    assert list(Comment.objects.values_list("body_html", flat=True)) == mended
