"""Many writers at once: nothing accepted is lost, no request fails, one decision wins.

These run on a real file database (see tests/settings.py) or PostgreSQL, each thread
with its own connection, so SQLite's locking and PostgreSQL's row locks are exercised
as in production.
"""

import pytest
from django.test import Client

from comments.models import Comment, ModerationDecision
from comments.services import moderation
from tests.builders import make_comment, make_editor, make_post
from tests.comments.forms_helper import send_comment
from tests.concurrency import run_together

# Real commits, so each thread sees the others; the rows migrations made (the Editors
# group and its permissions) are reloaded first, since a flush empties every table.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

POSTERS = 50


def test_fifty_concurrent_posters_all_get_their_comment_stored():
    post = make_post()

    def send(i):
        address = {"REMOTE_ADDR": f"198.51.100.{i}"}
        return send_comment(Client(), post, headers=address, body=f"Comment number {i}").status_code

    statuses = run_together(POSTERS, send)

    assert statuses == [302] * POSTERS
    stored = set(Comment.objects.filter(post=post).values_list("body", flat=True))
    assert stored == {f"Comment number {i}" for i in range(POSTERS)}


def test_two_editors_deciding_one_comment_at_once_record_exactly_one_decision():
    post = make_post()
    comment = make_comment(post)
    editors = [make_editor(), make_editor()]
    verbs = [moderation.approve, moderation.mark_spam]
    # Each editor loaded the comment while it was pending, then both pressed a button.
    copies = [Comment.objects.get(pk=comment.pk) for _ in editors]

    def decide(i):
        try:
            verbs[i](copies[i], editor=editors[i])
        except moderation.AlreadyDecided:
            return "already decided"
        return "decided"

    outcomes = run_together(2, decide)

    assert sorted(outcomes) == ["already decided", "decided"]
    assert ModerationDecision.objects.filter(comment=comment).count() == 1
    final = Comment.objects.get(pk=comment.pk)
    assert final.status == ModerationDecision.objects.get().to_status
    post.refresh_from_db()
    assert post.comment_count == (1 if final.status == Comment.Status.APPROVED else 0)


def test_the_same_words_sent_twice_at_the_same_instant_are_stored_once():
    # A double click: the second request's duplicate check cannot see the first's row
    # before it commits, so the words are claimed in the cache first.
    post = make_post()

    def send(i):
        address = {"REMOTE_ADDR": "198.51.100.7"}  # one reader's browser, clicked twice
        return send_comment(Client(), post, headers=address, body="Sent twice.").status_code

    statuses = run_together(2, send)

    assert sorted(statuses) == [302, 400]
    assert Comment.objects.filter(post=post, body="Sent twice.").count() == 1
