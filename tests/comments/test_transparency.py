"""The submitter's browser learns what became of its comment; nobody else sees more."""

import pytest
from django.test import Client

from comments.models import Comment
from comments.services import moderation
from tests.builders import claim_as_own, make_comment, make_rule

pytestmark = pytest.mark.django_db

Status = Comment.Status


def page_for(client, post):
    return client.get(post.get_absolute_url()).content.decode()


def test_the_submitter_sees_their_pending_comment_awaiting_moderation(client, post):
    mine = make_comment(post, body="Waiting for the editors.")
    claim_as_own(client, mine)
    page = page_for(client, post)
    assert "Your comment is awaiting moderation" in page
    assert "Waiting for the editors." in page


def test_the_submitter_of_a_rejected_comment_sees_the_rule_it_broke(client, post, editor):
    rule = make_rule(2, "No personal information")
    mine = make_comment(post, body="Here is where he lives.")
    moderation.reject(mine, editor=editor, rule=rule)
    claim_as_own(client, mine)
    page = page_for(client, post)
    assert 'not published under <a href="/policy/#rule-2">rule 2</a>' in page
    assert "awaiting moderation" not in page


def test_the_submitter_of_spam_is_told_it_was_not_published(client, post, editor):
    mine = make_comment(post, body="Buy now")
    moderation.mark_spam(mine, editor=editor)
    claim_as_own(client, mine)
    assert "Your comment was not published" in page_for(client, post)


def test_nobody_else_sees_a_rejected_comment_or_its_rule(post, editor):
    rule = make_rule(2, "No personal information")
    comment = make_comment(post, body="Here is where he lives.")
    moderation.reject(comment, editor=editor, rule=rule)
    page = page_for(Client(), post)
    assert "Here is where he lives." not in page
    assert "rule 2" not in page
    assert f'id="c{comment.pk}"' not in page


def test_the_submitter_sees_their_approved_comment_as_everyone_does_marked_as_theirs(
    client, post, editor
):
    mine = make_comment(post, body="Published now.")
    moderation.approve(mine, editor=editor)
    claim_as_own(client, mine)
    page = page_for(client, post)
    assert f'<li id="c{mine.pk}" class="comment">' in page
    assert "Your comment" in page
    assert "awaiting moderation" not in page


def test_a_taken_down_comment_leaves_a_placeholder_with_the_rule(post, editor):
    rule = make_rule(4, "No threats")
    first = make_comment(post, status=Status.APPROVED, body="First words.")
    removed = make_comment(post, status=Status.APPROVED, body="Threatening words.")
    moderation.reject(removed, editor=editor, rule=rule)
    page = page_for(Client(), post)
    assert "Threatening words." not in page
    assert f'<li id="c{removed.pk}" class="comment-removed">' in page
    assert 'Removed by a moderator under <a href="/policy/#rule-4">rule 4</a>.' in page
    assert f'id="c{first.pk}"' in page


def test_a_placeholder_keeps_the_numbers_of_the_comments_after_it(post, editor):
    make_comment(post, status=Status.APPROVED)
    removed = make_comment(post, status=Status.APPROVED)
    make_comment(post, status=Status.APPROVED, body="The third comment.")
    moderation.mark_spam(removed, editor=editor)
    page = page_for(Client(), post)
    assert '<span class="comment-number">3.</span>' in page
    assert "Removed by a moderator." in page


def test_a_placeholder_is_not_counted_as_a_comment(post, editor):
    make_comment(post, status=Status.APPROVED)
    removed = make_comment(post, status=Status.APPROVED)
    moderation.mark_spam(removed, editor=editor)
    assert "1 comment</h2>" in page_for(Client(), post)


def test_a_reply_to_a_removed_comment_still_points_to_its_place(post, editor):
    rule = make_rule(4, "No threats")
    parent = make_comment(post, status=Status.APPROVED)
    reply = make_comment(post, status=Status.APPROVED, parent=parent, body="I disagree.")
    moderation.reject(parent, editor=editor, rule=rule)
    page = page_for(Client(), post)
    assert f'<a class="comment-parent" href="#c{parent.pk}">in reply to 1</a>' in page
    assert f'id="c{reply.pk}"' in page


def test_a_never_published_rejection_leaves_no_placeholder(post, editor):
    rule = make_rule()
    comment = make_comment(post)
    moderation.reject(comment, editor=editor, rule=rule)
    assert "Removed by a moderator" not in page_for(Client(), post)


def test_a_redacted_comment_says_a_moderator_edited_it(post, editor):
    comment = make_comment(post, body="He lives at 12 Elm Street and is a liar.")
    moderation.approve(comment, editor=editor, body="He is a liar.")
    page = page_for(Client(), post)
    assert "He is a liar." in page
    assert "Elm Street" not in page
    assert "Edited by a moderator." in page


def test_the_submitters_notice_and_the_queue_notice_never_read_alike(client, post):
    mine = make_comment(post)
    make_comment(post)
    claim_as_own(client, mine)
    page = page_for(client, post)
    assert page.count("awaiting moderation") == 1
    assert "2 comments in the moderation queue" in page
