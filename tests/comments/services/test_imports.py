"""comments.services.imports: comments public elsewhere come in published, in order,
with a decision each and the post's counter right."""

from datetime import UTC, datetime, timedelta

import pytest

from comments.models import Comment, ModerationDecision
from comments.services import imports
from comments.thread.build import build_thread_page
from tests.builders import make_post

pytestmark = pytest.mark.django_db

WRITTEN = datetime(2019, 5, 4, 17, 15, tzinfo=UTC)


def elsewhere(post, body="Thanks for the reporting.", *, minutes=0, **fields):
    return imports.PublishedElsewhere(
        post_id=post.pk,
        author_name=fields.pop("author_name", "Rosa"),
        body=body,
        written_at=WRITTEN + timedelta(minutes=minutes),
        **fields,
    )


def test_brought_in_comments_are_published_with_the_time_they_were_written(post):
    [comment] = imports.bring_in([elsewhere(post)], source="Blogger")
    comment.refresh_from_db()
    assert comment.status == Comment.Status.APPROVED
    assert comment.created_at == comment.first_approved_at == WRITTEN


def test_a_brought_in_body_goes_through_the_comment_sanitiser(post):
    [comment] = imports.bring_in(
        [elsewhere(post, 'Look <script>alert(1)</script> <a href="javascript:x">here</a>')],
        source="Blogger",
    )
    comment.refresh_from_db()
    assert "<script" not in comment.body_html
    assert "javascript:" not in comment.body_html


def test_each_brought_in_comment_has_an_imported_decision_with_no_editor(post):
    [comment] = imports.bring_in([elsewhere(post)], source="Blogger")
    [decision] = ModerationDecision.objects.filter(comment=comment)
    assert decision.imported
    assert decision.editor is None
    assert (decision.from_status, decision.to_status) == ("pending", "approved")
    assert "Blogger" in decision.note


def test_a_removed_comment_keeps_its_place_without_its_words(post):
    [comment] = imports.bring_in(
        [elsewhere(post, "Words that were removed", removed=True)], source="Blogger"
    )
    comment.refresh_from_db()
    assert comment.is_taken_down
    assert comment.body == comment.body_html == ""


def test_an_anonymous_comment_stays_anonymous(post):
    [comment] = imports.bring_in([elsewhere(post, author_name="")], source="Blogger")
    assert comment.author_name == ""


def test_replies_are_threaded_under_their_parent(post):
    parent, reply = imports.bring_in(
        [elsewhere(post, "First"), elsewhere(post, "Answer", minutes=5)], source="Blogger"
    )
    assert imports.thread_replies({reply.pk: parent.pk}) == 1
    reply.refresh_from_db()
    assert reply.parent_id == parent.pk


def test_a_reply_is_never_threaded_under_a_comment_of_another_post(post):
    other_post = make_post()
    [parent] = imports.bring_in([elsewhere(other_post)], source="Blogger")
    [reply] = imports.bring_in([elsewhere(post)], source="Blogger")
    assert imports.thread_replies({reply.pk: parent.pk}) == 0
    reply.refresh_from_db()
    assert reply.parent_id is None


def test_finish_counts_only_the_published_comments(post):
    imports.bring_in(
        [elsewhere(post), elsewhere(post, minutes=1), elsewhere(post, removed=True)],
        source="Blogger",
    )
    revision = post.comments_revision
    imports.finish([post.pk])
    post.refresh_from_db()
    assert post.comment_count == 2
    assert post.comments_revision > revision


def test_brought_in_comments_are_numbered_in_the_order_they_were_written(post):
    # Handed over out of order, as an export may list them.
    imports.bring_in(
        [elsewhere(post, "Third", minutes=30), elsewhere(post, "First", minutes=1)],
        source="Blogger",
    )
    imports.bring_in([elsewhere(post, "Second", minutes=10)], source="Blogger")
    imports.finish([post.pk])
    numbered = {entry.number: entry.id for entry in build_thread_page(post).skeleton}
    bodies = dict(Comment.objects.values_list("pk", "body"))
    assert [bodies[numbered[n]] for n in (1, 2, 3)] == ["First", "Second", "Third"]
