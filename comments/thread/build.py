"""What a post's comment section shows: numbered, threaded, paged, in a fixed number of queries.

Numbers. A comment's number is its place in reading order (oldest first) among the
post's comments that readers have seen (``published_once``): taken down later, it stays
as a placeholder so the numbers after it and the replies to it keep their meaning. A
reply keeps its number although it is shown under its parent.

Pages. Posts with more than PAGE_SIZE approved comments show them PAGE_SIZE numbers at a
time: page N holds numbers (N-1)*PAGE_SIZE+1 … N*PAGE_SIZE, whatever the order the reader
chose. So a comment's page is a function of its number alone, a permalink never moves,
and ``comment_url`` finds it with one COUNT. Newest-first shows the same pages from the
last, each from its newest root down; replies always read oldest first under their
parent.

Threads. On a page, a reply nests under its parent when the parent is on the same page;
otherwise it starts a thread of its own there and says whom it answers. Nesting stops at
MAX_DEPTH: deeper replies stay at that depth, in reading order after the comment they
descend from, and every reply names the comment it answers ("in reply to 7. Buela").

Queries: one for the skeleton of the whole thread (ids, parents, times, names: a few
bytes a comment, enough for numbers, pages and mentions), one for the words of the page.
"""

from dataclasses import dataclass
from datetime import UTC, datetime

from django.db.models import CharField, Q
from django.db.models.functions import Cast

from .. import closing
from ..models import Comment

PAGE_SIZE = 200
MAX_DEPTH = 3
OLDEST, NEWEST = "oldest", "newest"
# Below this many comments the page reads top-down without a choice of order.
ORDER_CHOICE_FROM = 20

# The skeleton carries the time as the database writes it, as text: the ORM's
# conversion to aware datetimes, row by row, costs more than the query for a long
# thread, and only the page's comments and time mentions need the time.
SKELETON_FIELDS = ("id", "parent_id", "written", "author_name", "submitter_hash", "status")
PAGE_FIELDS = ("id", "body_html", "edited_by_moderator", "cited_rule__number")


class Entry:
    """One published comment in the thread: its place, and on its page, its words."""

    __slots__ = (
        "author_name",
        "body_html",
        "created_at",
        "depth",
        "edited",
        "id",
        "number",
        "parent",
        "parent_id",
        "removed",
        "rule_number",
        "submitter_hash",
        "written",
    )

    def __init__(self, number, row):
        self.number = number
        self.id, self.parent_id, self.written, self.author_name, self.submitter_hash = row[:5]
        self.created_at = None  # parsed from ``written`` when first needed
        # Published once, taken down since: shown as a placeholder, never as text.
        self.removed = row[5] != Comment.Status.APPROVED
        self.parent = None
        self.depth = 0
        self.body_html = ""
        self.edited = False
        self.rule_number = None

    def written_at(self) -> datetime:
        """When it was written (aware), from the skeleton's text: SQLite stores UTC
        without an offset, PostgreSQL's text carries one."""
        if self.created_at is None:
            written = datetime.fromisoformat(self.written)
            self.created_at = written if written.tzinfo else written.replace(tzinfo=UTC)
        return self.created_at

    def __repr__(self):
        return f"<Entry {self.number} c{self.id} depth {self.depth}>"


def paginates(post) -> bool:
    """Whether the post's comments come in pages (more than PAGE_SIZE approved)."""
    return post.comment_count > PAGE_SIZE


def page_of(number: int, paged: bool) -> int:
    return (number - 1) // PAGE_SIZE + 1 if paged else 1


def requested_view(query) -> tuple[int | None, str]:
    """(page asked for or None, order) from ?cpage=N&corder=newest; junk counts as unset."""
    order = NEWEST if query.get("corder") == NEWEST else OLDEST
    raw = query.get("cpage", "")
    # ASCII digits only: str.isdigit() also accepts "²" and "①", which int() refuses.
    page = int(raw) if raw.isascii() and raw.isdigit() and len(raw) < 7 and int(raw) > 0 else None
    return page, order


@dataclass(frozen=True)
class ThreadView:
    """The view of a post's thread one request asks for, and whether replies are open:
    what the thread's HTML depends on besides the comments. Made once per request, so
    every part of the page agrees on it."""

    page: int | None
    order: str
    accepting: bool

    @classmethod
    def of(cls, request, post) -> "ThreadView":
        page, order = requested_view(request.GET)
        return cls(page, order, closing.accepts_comments(post))


def view_query(page: int | None, order: str, pages: int) -> str:
    """The query string of a page of comments ("" for the default view)."""
    default = pages if order == NEWEST else 1
    params = []
    if page is not None and page != default:
        params.append(f"cpage={page}")
    if order == NEWEST:
        params.append(f"corder={NEWEST}")
    return "?" + "&".join(params) if params else ""


class ThreadPage:
    """One page of a post's thread as a reader asked for it.

    ``entries`` are the page's comments in display order, each with its ``depth``;
    ``by_id`` holds every published comment of the post (for numbers, replies to
    comments on other pages, and mentions). ``in_range`` is False when ?cpage asked for
    a page that does not exist, and the nearest page was shown instead.
    """

    def __init__(self, post, skeleton, requested_page, order):
        self.post = post
        self.skeleton = skeleton
        self.by_id = {entry.id: entry for entry in skeleton}
        self.paged = paginates(post)
        self.pages = page_of(len(skeleton), self.paged) if skeleton else 1
        self.order = order
        default = self.pages if order == NEWEST else 1
        self.page = default if requested_page is None else max(1, min(requested_page, self.pages))
        self.in_range = requested_page in (None, self.page)
        self.approved_count = sum(not entry.removed for entry in skeleton)
        self.entries = []
        self.path = post.get_absolute_url()

    @property
    def first_number(self):
        return (self.page - 1) * PAGE_SIZE + 1 if self.paged else 1

    @property
    def last_number(self):
        return min(self.page * PAGE_SIZE, len(self.skeleton)) if self.paged else len(self.skeleton)

    def page_entries(self):
        """This page's comments in reading order."""
        return self.skeleton[self.first_number - 1 : self.last_number]

    def url(self, page: int, order: str | None = None) -> str:
        """The address of ``page`` of this thread, in ``order`` (this page's by default)."""
        return self.path + view_query(page, order or self.order, self.pages)

    def href(self, target: Entry) -> str:
        """A link from this page to ``target``: the fragment alone when it is here."""
        page = page_of(target.number, self.paged)
        if page == self.page:
            return f"#c{target.id}"
        return f"{self.url(page)}#c{target.id}"

    def offers_order(self) -> bool:
        return self.paged or len(self.skeleton) >= ORDER_CHOICE_FROM


def build_thread_page(post, page: int | None = None, order: str = OLDEST) -> ThreadPage:
    """The page of ``post``'s thread a reader asked for, threaded for display.

    Two queries whatever the number of comments: the thread's skeleton, then the words
    of the page's comments.
    """
    published = Comment.objects.published_once().for_post(post).thread_order()
    rows = published.annotate(written=Cast("created_at", CharField())).values_list(*SKELETON_FIELDS)
    skeleton = [Entry(number, row) for number, row in enumerate(rows, start=1)]
    thread = ThreadPage(post, skeleton, page, order)
    on_page = thread.page_entries()
    if on_page:
        # The page's comments by the range of their ids, rather than pk__in (200 bound
        # parameters cost Django more to prepare than the query costs the database) or
        # OFFSET (a comment approved between the two queries would shift the page).
        # Ids grow as comments are written, and publication mostly follows that order,
        # so the range holds few others; those are ignored.
        ids = [entry.id for entry in on_page]
        if thread.paged:
            published = published.filter(pk__range=(min(ids), max(ids)))
        words = {row[0]: row[1:] for row in published.order_by().values_list(*PAGE_FIELDS)}
        for entry in on_page:
            entry.body_html, entry.edited, entry.rule_number = words.get(
                entry.id, ("", False, None)
            )
            entry.parent = thread.by_id.get(entry.parent_id)
    thread.entries = layout(on_page, order)
    return thread


def layout(entries: list[Entry], order: str = OLDEST) -> list[Entry]:
    """``entries`` (reading order) in display order, each given its ``depth``.

    A reply goes under its parent when the parent is among ``entries``, up to MAX_DEPTH;
    below that, every further descendant stays at MAX_DEPTH, in reading order. Roots
    (comments, and replies to comments elsewhere) run oldest or newest first; replies
    always oldest first.
    """
    here = {entry.id for entry in entries}
    children = {}
    roots = []
    for entry in entries:
        if entry.parent_id in here and entry.parent_id != entry.id:
            children.setdefault(entry.parent_id, []).append(entry)
        else:
            roots.append(entry)
    if order == NEWEST:
        roots.reverse()
    shown = []
    for root in roots:
        _place(root, 0, children, shown)
    if len(shown) < len(entries):
        # Only a corrupted parent chain (a cycle) leaves comments unplaced; show them anyway.
        placed = {entry.id for entry in shown}
        for entry in entries:
            if entry.id not in placed:
                entry.depth = 0
                shown.append(entry)
    return shown


def _place(entry, depth, children, shown):
    entry.depth = depth
    shown.append(entry)
    replies = children.get(entry.id, ())
    if depth < MAX_DEPTH:
        for reply in replies:
            _place(reply, depth + 1, children, shown)
        return
    descendants, stack, seen = [], list(replies), {entry.id}
    while stack:
        reply = stack.pop()
        if reply.id in seen:
            continue
        seen.add(reply.id)
        descendants.append(reply)
        stack.extend(children.get(reply.id, ()))
    for reply in sorted(descendants, key=lambda e: e.number):
        reply.depth = MAX_DEPTH
        shown.append(reply)


def comment_number(comment) -> int:
    """The number ``comment`` has (or would have, once published) in its post's thread.

    One COUNT over the post's published comments, on the (post, first_approved_at) index.
    Numbers follow Comment.objects.thread_order(): a comment not yet published would
    come after every one that is.
    """
    published = Comment.objects.published_once().filter(post_id=comment.post_id)
    if comment.first_approved_at is not None:
        published = published.filter(
            Q(first_approved_at__lt=comment.first_approved_at)
            | Q(first_approved_at=comment.first_approved_at, pk__lt=comment.pk)
        )
    return published.count() + 1


def comment_url(comment) -> str:
    """The address that shows ``comment``: its post, on the right page, at #c<ID>.

    Free for a post without pages (the post is loaded anyway); one COUNT for a paged one.
    """
    post = comment.post
    url = post.get_absolute_url()
    if paginates(post):
        page = page_of(comment_number(comment), paged=True)
        if page > 1:
            url += f"?cpage={page}"
    return f"{url}#c{comment.pk}"
