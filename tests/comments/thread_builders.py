"""Builders for threads: replies, chains of replies, comments at a given local time."""

from comments.models import Comment
from tests.builders import local_time, make_approved_comments, make_comment

Status = Comment.Status


def make_reply(parent, **fields):
    """An approved reply to ``parent``, on the same post."""
    return make_comment(parent.post, status=Status.APPROVED, parent=parent, **fields)


def make_chain(parent, length, **fields):
    """``length`` approved replies, each answering the one before: a deep thread."""
    chain = []
    for _ in range(length):
        parent = make_reply(parent, **fields)
        chain.append(parent)
    return chain


def make_threaded_comments(post, count):
    """``count`` approved comments where every third answers the one before it, and
    every ninth continues that reply's thread: replies and nesting, in bulk."""
    comments = make_approved_comments(post, count)
    replies = []
    for i, comment in enumerate(comments):
        if i % 3 == 2:
            comment.parent_id = comments[i - 1].pk
            replies.append(comment)
    Comment.objects.bulk_update(replies, ["parent"])
    return comments


def set_local_time(comment, *when):
    """Move ``comment`` to a wall-clock time on the site's clock, e.g. (2010, 12, 3, 15, 40)."""
    comment.created_at = local_time(*when)
    Comment.objects.filter(pk=comment.pk).update(created_at=comment.created_at)
    return comment


def approved_at(post, *when, **fields):
    """An approved comment written at a local time."""
    return set_local_time(make_comment(post, status=Status.APPROVED, **fields), *when)


def make_many(post, count, **fields):
    """``count`` approved comments written after every comment already on ``post``,
    one second apart, in bulk; the post's counter kept right."""
    from datetime import timedelta

    from django.utils import timezone

    from comments.sanitize import render_comment
    from posts.models import Post

    latest = Comment.objects.for_post(post).order_by("-created_at").first()
    start = latest.created_at if latest else timezone.now() - timedelta(days=2)
    body = fields.pop("body", None)
    comments = [
        Comment(
            post=post,
            body=body or f"Comment {i}",
            body_html=render_comment(body or f"Comment {i}"),
            status=Status.APPROVED,
            decided_at=start,
            first_approved_at=start,
            **{"submitter_hash": f"{i:064x}", **fields},
        )
        for i in range(count)
    ]
    Comment.objects.bulk_create(comments)
    for i, comment in enumerate(comments, start=1):
        comment.created_at = start + timedelta(seconds=i)
    Comment.objects.bulk_update(comments, ["created_at"])
    Post.objects.filter(pk=post.pk).update(
        comment_count=Comment.objects.approved().filter(post=post).count()
    )
    post.refresh_from_db(fields=["comment_count"])
    return comments


def make_lively_thread(post, editor, rule):
    """A paged thread with everything a page can show: replies nested and capped, a
    reply to a comment on the page before, mentions, a placeholder, names and handles."""
    from comments.services import moderation

    first = make_many(post, 1, author_name="Buela", body="Send them back and who answers?")[0]
    make_many(post, 205)
    taken_down = make_many(post, 1, author_name="Ernest1")[0]
    parent = taken_down
    for i in range(5):  # a chain deeper than the cap
        parent = make_many(post, 1, parent=parent, body=f"@ Ernest1 and @ Buela, reply {i}")[0]
    make_many(post, 1, parent=first, body="@ Buela answering from the next page")
    moderation.reject(taken_down, editor=editor, rule=rule)
    return first
