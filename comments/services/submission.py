"""Writes that start from a reader: storing a submitted comment, and mending stored HTML.

What becomes of a submission (refused, or stored with which status and flags) is
intake's to say (comments.intake); this module stores what intake lets through.
"""

from functools import partial

from django.db import transaction

from posts.models import Post

from .. import intake, notifications, sanitize
from ..models import Comment, CommentFlag
from ..signals import comment_submitted
from ..thread import cache as thread_cache


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

    Raises ``intake.Refused`` (closed post, too many comments, a duplicate) before
    anything is stored. Whatever passes is stored, spam included, so nothing a reader
    sends is lost; the comment and its flags are written together or not at all.
    """
    body, author_name = body.strip(), author_name.strip()
    intake.check_can_submit(post, body=body, submitter_hash=submitter_hash)
    try:
        return _store(post, body, author_name, parent, submitter_hash, honeypot, seconds_on_page)
    except BaseException:
        intake.release_words(post, body, submitter_hash)
        raise


def _store(post, body, author_name, parent, submitter_hash, honeypot, seconds_on_page):
    comment = Comment(
        post=post,
        parent=parent,
        author_name=author_name,
        body=body,
        submitter_hash=submitter_hash,
    )
    # Rendered once: intake counts the links of the HTML that is then stored as it is.
    comment.render_body()
    verdict = intake.assess(
        post,
        body=body,
        link_count=comment.link_count,
        author_name=author_name,
        submitter_hash=submitter_hash,
        honeypot=honeypot,
        seconds_on_page=seconds_on_page,
    )
    comment.status, comment.status_reason = verdict.status, verdict.reason
    with transaction.atomic():
        comment.save(force_insert=True)
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
            transaction.on_commit(partial(thread_cache.invalidate_thread, post.pk))
    return comment


def rerender_refused_links() -> int:
    """Render again, from its source, each stored comment whose HTML keeps a link the
    sanitiser now refuses; returns how many. Safe to run again: it finds none then."""
    mended, posts = 0, set()
    candidates = Comment.objects.filter(body_html__contains="<a").only("post", "body", "body_html")
    for comment in candidates.iterator():
        if not sanitize.keeps_refused_links(comment.body_html):
            continue
        html = sanitize.render_comment(comment.body)
        # Only if no editor redacted the comment meanwhile; a redaction renders anew.
        if Comment.objects.filter(pk=comment.pk, body=comment.body).update(
            body_html=html, link_count=sanitize.count_links(html)
        ):
            mended += 1
            posts.add(comment.post_id)
    for post_id in sorted(posts):
        Post.objects.comments_changed(post_id)
        thread_cache.invalidate_thread(post_id)
    return mended
