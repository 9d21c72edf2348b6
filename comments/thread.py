"""What a post's comment section shows, read in a fixed number of queries."""

from dataclasses import dataclass, field

from .models import Comment


@dataclass
class ThreadEntry:
    comment: Comment
    number: int
    parent_number: int | None = None
    own: bool = False  # sent from this browser

    @property
    def removed(self):
        """Published once, taken down since: shown as a placeholder, never as text."""
        return self.comment.status != Comment.Status.APPROVED


@dataclass
class Thread:
    entries: list[ThreadEntry] = field(default_factory=list)
    # The visitor's own comments that nobody else sees: pending, or not published.
    own_unpublished: list[Comment] = field(default_factory=list)

    @property
    def approved_count(self):
        return sum(not entry.removed for entry in self.entries)


THREAD_FIELDS = (
    "id", "post_id", "parent_id", "author_name", "body_html", "created_at", "status",
    "first_approved_at", "edited_by_moderator", "cited_rule__number",
)  # fmt: skip


def build_thread(post, own_comment_ids=()) -> Thread:
    """The comments of ``post`` that readers have seen, numbered in reading order, plus
    the visitor's own comments that nobody else sees (from their receipt cookie).

    A comment keeps its number once published: taken down later, it stays in the thread
    as a placeholder so that replies to it keep their context.
    One query for the thread, one more only when the visitor has sent any comments.
    """
    own = set(own_comment_ids)
    published = list(
        Comment.objects.published_once()
        .for_post(post)
        .select_related("cited_rule")
        .thread_order()
        .only(*THREAD_FIELDS)
    )
    numbers = {comment.pk: n for n, comment in enumerate(published, start=1)}
    entries = [
        ThreadEntry(
            comment,
            numbers[comment.pk],
            numbers.get(comment.parent_id),
            own=comment.pk in own,
        )
        for comment in published
    ]
    own_unpublished = []
    if own - numbers.keys():
        own_unpublished = list(
            Comment.objects.for_post(post)
            .filter(pk__in=own - numbers.keys(), first_approved_at__isnull=True)
            .select_related("cited_rule")
            .thread_order()
            .only(*THREAD_FIELDS)
        )
    return Thread(entries, own_unpublished)
