"""Two editors pressing a queue row's buttons for one comment at the same instant.

Runs on a real file database (tests/settings.py) or PostgreSQL, each request in its own
thread with its own connection, so the race is settled by the database as in production.
"""

import pytest
from django.test import Client

from comments.models import Comment, ModerationDecision
from tests.builders import make_comment, make_editor, make_post
from tests.concurrency import run_together

from .admin_helpers import QUEUE, messages_of, moderate_url

# Real commits, so each thread sees the others; the rows migrations made (the Editors
# group and its permissions) are reloaded first, since a flush empties every table.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_two_editors_pressing_row_buttons_at_once_record_exactly_one_decision():
    post = make_post()
    comment = make_comment(post)
    verbs = ["approve", "spam"]
    browsers = []
    for _ in verbs:
        browser = Client()
        browser.force_login(make_editor())
        browsers.append(browser)
    # Both queue pages were drawn while the comment was pending.
    row = {f"seen_{comment.pk}": "pending"}

    def press(i):
        response = browsers[i].post(moderate_url(comment, QUEUE), {**row, "verb": verbs[i]})
        return response.status_code

    statuses = run_together(2, press)

    assert statuses == [302, 302]
    assert ModerationDecision.objects.filter(comment=comment).count() == 1
    final = Comment.objects.get(pk=comment.pk)
    assert final.status == ModerationDecision.objects.get().to_status
    post.refresh_from_db()
    assert post.comment_count == (1 if final.status == Comment.Status.APPROVED else 0)
    # Each editor is told what happened: one decided, the other was too late.
    told = sorted(message for browser in browsers for message in messages_of(browser.get(QUEUE)))
    decided = {
        "approved": f"Comment {comment.pk} was approved.",
        "spam": f"Comment {comment.pk} was marked as spam.",
    }[final.status]
    assert told == sorted(
        [
            decided,
            f"Comment {comment.pk} was already decided by someone else; nothing was changed.",
        ]
    )
