"""The rendered thread is cached, and every change readers must see refreshes it at once."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from comments.models import Comment
from comments.services import moderation
from comments.thread import cache as thread_cache
from comments.thread.build import ThreadView
from tests.builders import claim_as_own, make_comment, make_rule
from tests.comments.cache_backends import cache_backend  # noqa: F401 (a fixture)

pytestmark = pytest.mark.django_db

Status = Comment.Status


def page_for(post, client=None, query=""):
    return (client or Client()).get(post.get_absolute_url() + query).content.decode()


def thread_queries(post, **headers):
    """SQL statements that read comments, for one view of the post page."""
    with CaptureQueriesContext(connection) as captured:
        Client(headers=headers).get(post.get_absolute_url())
    return [q["sql"] for q in captured if '"comments_comment"' in q["sql"]]


@pytest.fixture
def after_commit(django_capture_on_commit_callbacks):
    """Run the block's after-commit work, as a real request's transaction would."""

    def run():
        return django_capture_on_commit_callbacks(execute=True)

    return run


# Served from the cache ---------------------------------------------------------------


def test_a_second_view_reads_no_comments_from_the_database(post):
    make_comment(post, status=Status.APPROVED)
    page_for(post)
    assert thread_queries(post) == []


def test_a_change_made_behind_moderations_back_waits_for_the_cache(post):
    # Shows the thread really is cached: a raw UPDATE is not a moderation decision.
    comment = make_comment(post, status=Status.APPROVED, body="Before.")
    page_for(post)
    Comment.objects.filter(pk=comment.pk).update(body_html="<p>After.</p>")
    assert "Before." in page_for(post)


def test_each_page_and_order_is_cached_on_its_own(post):
    make_comment(post, status=Status.APPROVED)
    page_for(post)
    with CaptureQueriesContext(connection) as captured:
        Client().get(post.get_absolute_url() + "?corder=newest")
    assert any('"comments_comment"' in q["sql"] for q in captured)


def test_a_spanish_reader_is_not_served_the_english_thread(post):
    make_comment(post, status=Status.APPROVED)
    page_for(post)
    assert thread_queries(post, accept_language="es") != []


def test_a_page_that_does_not_exist_is_not_cached(post):
    make_comment(post, status=Status.APPROVED)
    page_for(post, query="?cpage=7")
    key = thread_cache.fragment_key(post, ThreadView(7, "oldest", accepting=True))
    assert thread_cache.cache.get(key) is None


# Refreshed at once ---------------------------------------------------------------------


@pytest.mark.usefixtures("cache_backend")
def test_an_approved_comment_is_visible_at_once(post, editor, after_commit):
    page_for(post)
    comment = make_comment(post, body="Just approved.")
    with after_commit():
        moderation.approve(comment, editor=editor)
    assert "Just approved." in page_for(post)


@pytest.mark.usefixtures("cache_backend")
def test_a_rejected_comment_becomes_a_placeholder_at_once(post, editor, rule, after_commit):
    comment = make_comment(post, status=Status.APPROVED, body="Threatening words.")
    page_for(post)
    with after_commit():
        moderation.reject(comment, editor=editor, rule=rule)
    page = page_for(post)
    assert "Threatening words." not in page
    assert f'<li id="c{comment.pk}" class="comment-removed">' in page


@pytest.mark.usefixtures("cache_backend")
def test_a_comment_marked_spam_is_taken_down_at_once(post, editor, after_commit):
    comment = make_comment(post, status=Status.APPROVED, body="Buy watches.")
    page_for(post)
    with after_commit():
        moderation.mark_spam(comment, editor=editor)
    assert "Buy watches." not in page_for(post)


@pytest.mark.usefixtures("cache_backend")
def test_a_redaction_shows_the_new_words_at_once(post, editor, after_commit):
    comment = make_comment(post, status=Status.APPROVED, body="He lives at 12 Elm Street.")
    page_for(post)
    with after_commit():
        moderation.redact(comment, editor=editor, body="He lives in town.")
    page = page_for(post)
    assert "He lives in town." in page
    assert "Elm Street" not in page


def test_a_decision_refreshes_the_thread_only_after_it_commits(post, editor, rule):
    comment = make_comment(post, status=Status.APPROVED, body="Still there.")
    page_for(post)
    before = thread_cache.fragment_key(post, ThreadView(None, "oldest", accepting=True))
    moderation.reject(comment, editor=editor, rule=rule)  # the test's transaction never commits
    assert thread_cache.fragment_key(post, ThreadView(None, "oldest", accepting=True)) == before


def test_a_decision_on_another_post_keeps_this_posts_thread_cached(post, editor, after_commit):
    from tests.builders import make_post

    make_comment(post, status=Status.APPROVED)
    page_for(post)
    elsewhere = make_comment(make_post())
    with after_commit():
        moderation.approve(elsewhere, editor=editor)
    assert thread_queries(post) == []


def test_a_renumbered_policy_rule_refreshes_every_placeholder(post, editor, after_commit):
    rule = make_rule(4, "No threats")
    comment = make_comment(post, status=Status.APPROVED)
    moderation.reject(comment, editor=editor, rule=rule)
    page_for(post)
    with after_commit():
        rule.number = 9
        rule.save()
    assert 'under <a href="/policy/#rule-9">rule 9</a>' in page_for(post)


def test_a_deleted_comment_leaves_the_thread_at_once(post, after_commit):
    comment = make_comment(post, status=Status.APPROVED, body="Deleted by a superuser.")
    page_for(post)
    with after_commit():
        comment.delete()
    assert "Deleted by a superuser." not in page_for(post)


def test_closing_comments_removes_the_reply_links_at_once(post):
    comment = make_comment(post, status=Status.APPROVED)
    page_for(post)
    post.comments_enabled = False
    post.save()
    assert f"replyto={comment.pk}" not in page_for(post)


# What only the visitor sees is never cached ---------------------------------------------


def test_your_comment_badge_is_not_served_to_other_readers(client, post, editor):
    mine = make_comment(post, status=Status.APPROVED)
    claim_as_own(client, mine)
    assert "Your comment</span>" in page_for(post, client)
    assert "Your comment</span>" not in page_for(post)


def test_your_comment_badge_is_shown_on_a_thread_someone_else_cached(client, post):
    mine = make_comment(post, status=Status.APPROVED)
    page_for(post)
    claim_as_own(client, mine)
    assert "Your comment</span>" in page_for(post, client)


def test_your_pending_comment_is_not_served_to_other_readers(client, post):
    make_comment(post, status=Status.APPROVED)
    mine = make_comment(post, body="Waiting for the editors.")
    claim_as_own(client, mine)
    assert "Waiting for the editors." in page_for(post, client)
    assert "Waiting for the editors." not in page_for(post)


# When the cache fails ---------------------------------------------------------------------


@pytest.mark.cache_outage
def test_the_thread_is_shown_when_the_cache_is_down(post, monkeypatch):
    make_comment(post, status=Status.APPROVED, body="Shown anyway.")

    def down(*args, **kwargs):
        raise ConnectionError("cache unavailable")

    monkeypatch.setattr(thread_cache.cache, "get_many", down)
    assert "Shown anyway." in page_for(post)


@pytest.mark.cache_outage
def test_a_decision_is_recorded_when_the_cache_is_down(post, editor, monkeypatch, after_commit):
    comment = make_comment(post)

    def down(*args, **kwargs):
        raise ConnectionError("cache unavailable")

    monkeypatch.setattr(thread_cache.cache, "set", down)
    with after_commit():
        moderation.approve(comment, editor=editor)
    comment.refresh_from_db()
    assert comment.status == Status.APPROVED
