"""Comments that were public on another site, brought in as published comments.

An import (Blogger's, today) says what each comment was; these functions keep the
rules every other write keeps: the body rendered by the one sanitiser, a decision row
for each comment (``imported``, no editor), the post's counter and thread version.
Rows go in by the batch, so a blog of 100,000 comments is a few hundred queries.
"""

from dataclasses import dataclass
from datetime import datetime
from functools import partial

from django.db import transaction
from django.db.models import Count, Q
from django.utils.translation import gettext

from posts.models import Post

from ..models import Comment, ModerationDecision
from ..thread import cache as thread_cache

Status = Comment.Status
BATCH_SIZE = 500


@dataclass
class PublishedElsewhere:
    post_id: int
    author_name: str  # "" stays anonymous
    body: str  # as the reader wrote it; "" for a removed comment
    written_at: datetime
    removed: bool = False  # shown as a placeholder where it stood, its words gone


def bring_in(comments: list[PublishedElsewhere], *, source: str) -> list[Comment]:
    """Store ``comments`` as published where they were written (removed ones as taken
    down), each with an ``imported`` decision naming ``source``. Call finish() for the
    posts once every batch is in."""
    rows = []
    for comment in comments:
        row = Comment(
            post_id=comment.post_id,
            author_name=comment.author_name[: Comment._meta.get_field("author_name").max_length],
            body="" if comment.removed else comment.body,
            status=Status.REJECTED if comment.removed else Status.APPROVED,
            created_at=comment.written_at,
            decided_at=comment.written_at,
            # Numbered in the order they were published there.
            first_approved_at=comment.written_at,
        )
        row.render_body()
        rows.append(row)
    created = Comment.objects.bulk_create(rows, batch_size=BATCH_SIZE)
    note = gettext("Imported from %(source)s.") % {"source": source}
    ModerationDecision.objects.bulk_create(
        [
            ModerationDecision(
                comment=row,
                editor=None,
                from_status=Status.PENDING,
                to_status=row.status,
                note=note,
                imported=True,
            )
            for row in created
        ],
        batch_size=BATCH_SIZE,
    )
    return created


def thread_replies(replies: dict[int, int]) -> int:
    """Set each reply's parent (reply pk → parent pk), where both are on the same post.
    Returns how many were threaded; a parent on another post is ignored."""
    if not replies:
        return 0
    wanted = set(replies) | set(replies.values())
    post_of = {}
    ids = list(wanted)
    for start in range(0, len(ids), BATCH_SIZE):
        chunk = ids[start : start + BATCH_SIZE]
        post_of.update(Comment.objects.filter(pk__in=chunk).values_list("pk", "post_id"))
    threaded = [
        Comment(pk=reply, parent_id=parent)
        for reply, parent in replies.items()
        if reply in post_of and post_of.get(parent) == post_of[reply] and reply != parent
    ]
    Comment.objects.bulk_update(threaded, ["parent"], batch_size=BATCH_SIZE)
    return len(threaded)


def finish(post_ids) -> None:
    """Bring each post's approved-comment counter up to date with what was brought in,
    and retire its cached thread after commit."""
    post_ids = sorted(set(post_ids))
    for start in range(0, len(post_ids), BATCH_SIZE):
        chunk = post_ids[start : start + BATCH_SIZE]
        counts = dict(
            Comment.objects.filter(post_id__in=chunk)
            .values_list("post_id")
            .annotate(n=Count("pk", filter=Q(status=Status.APPROVED)))
        )
        for post_id in chunk:
            Post.objects.filter(pk=post_id).update(comment_count=counts.get(post_id, 0))
            Post.objects.comments_changed(post_id)
            transaction.on_commit(partial(thread_cache.invalidate_thread, post_id))
