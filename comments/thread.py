"""What a post's comment section shows, read in a fixed number of queries."""

from dataclasses import dataclass, field

from .models import Comment


@dataclass
class ThreadEntry:
    comment: Comment
    number: int
    parent_number: int | None = None


@dataclass
class Thread:
    entries: list[ThreadEntry] = field(default_factory=list)
    own_pending: list[Comment] = field(default_factory=list)

    def __len__(self):
        return len(self.entries)


THREAD_FIELDS = ("id", "post_id", "parent_id", "author_name", "body_html", "created_at", "status")


def build_thread(post, own_comment_ids=()) -> Thread:
    """Approved comments of ``post`` numbered in reading order, plus the visitor's own
    comments still awaiting moderation (from their browser's receipt cookie).

    One query for the approved comments, one more only when the visitor has sent any.
    """
    approved = list(Comment.objects.approved().for_post(post).thread_order().only(*THREAD_FIELDS))
    numbers = {comment.pk: n for n, comment in enumerate(approved, start=1)}
    entries = [
        ThreadEntry(comment, numbers[comment.pk], numbers.get(comment.parent_id))
        for comment in approved
    ]
    own_pending = []
    if own_comment_ids:
        own_pending = list(
            Comment.objects.pending()
            .for_post(post)
            .filter(pk__in=own_comment_ids)
            .thread_order()
            .only(*THREAD_FIELDS)
        )
    return Thread(entries, own_pending)
