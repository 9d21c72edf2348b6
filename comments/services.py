"""Writes that start from a reader: storing a submitted comment."""

from functools import partial

from django.db import transaction

from . import notifications, policy
from .models import Comment
from .signals import comment_submitted


class CommentsClosed(Exception):
    pass


def submit_comment(*, post, body, author_name="", parent=None, submitter_hash=""):
    """Store a reader's comment with the status the policy gives it.

    Raises CommentsClosed when the post does not take comments; nothing is stored then.
    """
    if not policy.accepts_comments(post):
        raise CommentsClosed(policy.COMMENTS_CLOSED)
    with transaction.atomic():
        comment = Comment.objects.create(
            post=post,
            parent=parent,
            author_name=author_name.strip(),
            body=body,
            status=policy.initial_status(post),
            submitter_hash=submitter_hash,
        )
        transaction.on_commit(partial(comment_submitted.send, sender=Comment, comment=comment))
        if comment.status == Comment.Status.PENDING:
            transaction.on_commit(notifications.alert_editors_if_needed)
    return comment
