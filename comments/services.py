"""Writes that start from a reader: storing a submitted comment."""

from functools import partial

from django.db import transaction

from . import caching, notifications, policy
from .models import Comment, CommentFlag
from .policy import CommentsClosed, DuplicateComment, Refused, TooManyComments
from .signals import comment_submitted

__all__ = [
    "CommentsClosed",
    "DuplicateComment",
    "Refused",
    "TooManyComments",
    "submit_comment",
]


def submit_comment(
    *,
    post,
    body,
    author_name="",
    parent=None,
    submitter_hash="",
    honeypot="",
    seconds_on_page=None,
):
    """Store a reader's comment, and its flags, with the status the policy gives it.

    Raises ``policy.Refused`` (closed post, too many comments, a duplicate) before
    anything is stored. Whatever passes is stored, spam included, so nothing a reader
    sends is lost; the comment and its flags are written together or not at all.
    """
    body, author_name = body.strip(), author_name.strip()
    policy.check_can_submit(post, body=body, submitter_hash=submitter_hash)
    try:
        return _store(post, body, author_name, parent, submitter_hash, honeypot, seconds_on_page)
    except BaseException:
        policy.release_words(post, body, submitter_hash)
        raise


def _store(post, body, author_name, parent, submitter_hash, honeypot, seconds_on_page):
    verdict = policy.assess(
        post,
        body=body,
        author_name=author_name,
        submitter_hash=submitter_hash,
        honeypot=honeypot,
        seconds_on_page=seconds_on_page,
    )
    with transaction.atomic():
        comment = Comment.objects.create(
            post=post,
            parent=parent,
            author_name=author_name,
            body=body,
            status=verdict.status,
            status_reason=verdict.reason,
            submitter_hash=submitter_hash,
        )
        if verdict.flags:
            CommentFlag.objects.bulk_create(
                CommentFlag(comment=comment, kind=kind, detail=detail)
                for kind, detail in verdict.flags
            )
        transaction.on_commit(partial(comment_submitted.send, sender=Comment, comment=comment))
        if comment.status == Comment.Status.PENDING:
            transaction.on_commit(notifications.alert_editors_after_submission)
        elif comment.status == Comment.Status.APPROVED:
            # Should the policy ever publish a comment at once, readers see it at once.
            transaction.on_commit(partial(caching.invalidate_thread, post.pk))
    return comment
