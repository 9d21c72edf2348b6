"""A Blogger export brought in: posts, pages, comments, images and old addresses.

The file is read twice. The first pass reads all of it and writes nothing: a malformed
or hostile file stops the import there, before any row exists, and the pass gives the
totals, the images to fetch and, for a dry run, the whole report. Images are then
fetched, outside any transaction (a slow host must not hold the database's write lock).
The second pass writes everything in one transaction, so a failure leaves no half of an
import behind. Every entry is keyed by its Blogger id (ImportedEntry): a second run adds
only what is new.
"""

import hashlib
import re
from collections import Counter
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.db import reset_queries, transaction
from django.utils import timezone
from django.utils.text import slugify

from comments.services import imports as comment_imports
from posts.models import BodyFormat, Label, Page, Post

from . import language
from .comment_html import comment_source
from .entries import CommentEntry, ExportError, PageEntry, PostEntry, SkippedEntry
from .html_tree import UnreadableHTML
from .image_addresses import is_blogger_image_address
from .images import ImageImporter, blogger_image_addresses
from .models import ImportedEntry
from .post_html import article_source
from .reading import read_export
from .times import epoch_milliseconds

SOURCE_NAME = "Blogger"
COMMENT_BATCH = 1000


@dataclass
class Summary:
    """What an import added (or, in a dry run, would add), by kind."""

    added: Counter = field(default_factory=Counter)
    already_there: Counter = field(default_factory=Counter)
    skipped: Counter = field(default_factory=Counter)
    images_missing: list[str] = field(default_factory=list)
    # Pictures a post shows from a site that is not Blogger's: kept as they are, but the
    # site's Content-Security-Policy (img-src 'self') will not load them.
    images_elsewhere: set[str] = field(default_factory=set)
    entries: int = 0

    def rows(self):
        """(what, number) in the order the report shows them."""
        for kind in (
            "posts",
            "scheduled posts",
            "drafts",
            "pages",
            "comments",
            "removed comments",
            "labels",
            "images stored",
            "redirects",
        ):
            yield kind, self.added[kind]
        yield "images missing", len(self.images_missing)
        yield "images on other sites", len(self.images_elsewhere)
        for kind, count in sorted(self.already_there.items()):
            yield f"already imported: {kind}", count
        for reason, count in sorted(self.skipped.items()):
            yield f"skipped: {reason}", count


class Progress:
    """What the command shows while an import runs; the default shows nothing."""

    def start(self, stage: str, total: int | None) -> None:
        pass

    def advance(self, count: int = 1) -> None:
        pass

    def finish(self) -> None:
        pass


def import_blogger(path, *, dry_run=False, images=None, progress=None) -> Summary:
    """Import the export at ``path``; raises ExportError, having written nothing, if the
    file cannot be trusted. ``images`` is the ImageImporter to use (tests give one that
    fetches from a local server)."""
    progress = progress or Progress()
    images = images or ImageImporter(dry_run=dry_run)
    known = set(ImportedEntry.objects.values_list("blogger_id", flat=True))
    survey = _survey(path, known, progress)
    summary = survey.summary
    progress.start("images", len(survey.image_addresses))
    for address in sorted(survey.image_addresses):
        images.local_url(address)
        progress.advance()
    progress.finish()
    summary.images_missing = sorted(images.missing)
    if dry_run:
        summary.added["images stored"] = images.would_fetch
        return summary
    # The first pass counted what this one adds: the same entries, judged the same way.
    with transaction.atomic():
        writer = _Writer(known, images)
        progress.start("import", survey.entries)
        for entry in read_export(path):
            writer.write(entry)
            progress.advance()
        writer.close()
        progress.finish()
    summary.added["images stored"] = images.stored
    return summary


@dataclass
class _Survey:
    summary: Summary
    image_addresses: set = field(default_factory=set)
    entries: int = 0


def _survey(path, known, progress) -> _Survey:
    """The first pass: read the whole file, count what the second would add."""
    survey = _Survey(Summary())
    summary = survey.summary
    posts_in_file = set(
        ImportedEntry.objects.filter(kind=ImportedEntry.Kind.POST).values_list(
            "blogger_id", flat=True
        )
    )
    labels = set()  # slugs and names, as the writer matches them
    for slug, name in Label.objects.values_list("slug", "name"):
        labels |= {slug, name.casefold()}
    seen = set()  # ids met in this file: an entry listed twice is written once
    comments = []  # (post id, is removed) of new comments: judged once every post is known
    progress.start("reading", None)
    for entry in read_export(path):
        survey.entries += 1
        progress.advance()
        if isinstance(entry, SkippedEntry):
            summary.skipped[entry.reason] += 1
            continue
        if entry.blogger_id in known:
            summary.already_there[_kind_name(entry)] += 1
            continue
        if entry.blogger_id in seen:
            summary.skipped["listed twice in the export"] += 1
            continue
        seen.add(entry.blogger_id)
        # Made into our HTML here too, only to find what cannot be, before any write.
        _source_of(entry)
        # A comment may link to a photo on Blogger's hosts too.
        survey.image_addresses |= _readable(entry, blogger_image_addresses)
        if isinstance(entry, CommentEntry):
            comments.append((entry.post_id, entry.removed))
            continue
        summary.images_elsewhere |= _images_elsewhere(entry.content_html)
        if isinstance(entry, PostEntry):
            posts_in_file.add(entry.blogger_id)
            for name in entry.labels:
                if not {_label_slug(name), name.casefold()} & labels:
                    labels |= {_label_slug(name), name.casefold()}
                    summary.added["labels"] += 1
        summary.added[_kind_name(entry)] += 1
        summary.added["redirects"] += bool(entry.old_path)
    progress.finish()
    for post_id, removed in comments:
        if post_id not in posts_in_file:
            summary.skipped["comment on a post not in the export"] += 1
            continue
        summary.added["removed comments" if removed else "comments"] += 1
        summary.added["redirects"] += 1
    summary.entries = survey.entries
    return survey


_IMAGE_SOURCE = re.compile(r"""<img\b[^>]*?\ssrc\s*=\s*["']?(https?://[^"'\s>]+)""", re.I)


def _images_elsewhere(html) -> set[str]:
    """Pictures on other sites than Blogger's that the body shows, by address."""
    return {
        address for address in _IMAGE_SOURCE.findall(html) if not is_blogger_image_address(address)
    }


def _readable(entry, make):
    """``make(entry.content_html)``; HTML too broken to read stops the import, at the
    entry's line, rather than lose the rest of a post silently."""
    try:
        return make(entry.content_html)
    except UnreadableHTML as error:
        raise ExportError(
            f"the HTML of entry {entry.blogger_id} cannot be read ({error})", entry.line
        ) from None


def _source_of(entry, images=None):
    """What the entry's HTML becomes here: a post's or page's body, a comment's text;
    with ``images``, every Blogger image address naming the local copy."""
    if isinstance(entry, CommentEntry):
        if entry.removed:
            return ""
        text = _readable(entry, comment_source)
        return images.rewrite_text(images.rewrite(text)) if images else text
    body = _readable(entry, article_source)
    return images.rewrite(body) if images else body


def _kind_name(entry) -> str:
    if isinstance(entry, CommentEntry):
        return "removed comments" if entry.removed else "comments"
    if isinstance(entry, PageEntry):
        return "pages"
    if entry.is_draft:
        return "drafts"
    return "scheduled posts" if _is_scheduled(entry) else "posts"


def _is_scheduled(entry) -> bool:
    return entry.published > timezone.now()


class _Writer:
    """The second pass: each entry written once, comments in batches."""

    def __init__(self, known, images):
        self.known, self.images = known, images
        self.staff = _StaffByName()
        self.labels = {}  # by slug, and by name: an editor may have renamed either
        for label in Label.objects.all():
            self.labels[label.slug] = self.labels[label.name.casefold()] = label
        self.slugs = set(Post.objects.values_list("slug", flat=True))
        self.page_slugs = set(Page.objects.values_list("slug", flat=True))
        self.post_pk = dict(
            ImportedEntry.objects.filter(kind=ImportedEntry.Kind.POST).values_list(
                "blogger_id", "post_id"
            )
        )
        self.comment_pk = dict(
            ImportedEntry.objects.filter(kind=ImportedEntry.Kind.COMMENT).values_list(
                "blogger_id", "comment_id"
            )
        )
        self.pending_comments: list[CommentEntry] = []
        self.replies: dict[str, str] = {}  # reply's Blogger id → parent's
        self.touched_posts: set[int] = set()

    def write(self, entry):
        if isinstance(entry, SkippedEntry) or entry.blogger_id in self.known:
            return
        self.known.add(entry.blogger_id)
        if isinstance(entry, PostEntry):
            self._post(entry)
        elif isinstance(entry, PageEntry):
            self._page(entry)
        else:
            self.pending_comments.append(entry)
            if len(self.pending_comments) >= COMMENT_BATCH:
                self._flush_comments()

    def close(self):
        self._flush_comments()
        replies = {
            self.comment_pk[reply]: self.comment_pk[parent]
            for reply, parent in self.replies.items()
            if reply in self.comment_pk and parent in self.comment_pk
        }
        comment_imports.thread_replies(replies)
        comment_imports.finish(self.touched_posts)

    def _post(self, entry: PostEntry):
        author = self.staff.match(entry.author)
        body = _source_of(entry, self.images)
        post = Post(
            title=_title(entry),
            slug=_free_slug(_slug_of(entry), self.slugs, limit=200),
            author=author,
            byline="" if author else entry.author.name,
            body=body,
            body_format=BodyFormat.HTML,
            language=language.guess(body),
            status=Post.Status.DRAFT if entry.is_draft else Post.Status.PUBLISHED,
            publish_at=entry.published,
        )
        post.save()
        if entry.labels:
            post.labels.set([self._label(name) for name in entry.labels])
        if entry.updated:
            # updated_at is auto_now: the time it was last changed on Blogger is kept.
            Post.objects.filter(pk=post.pk).update(updated_at=entry.updated)
        ImportedEntry.objects.create(
            blogger_id=entry.blogger_id,
            kind=ImportedEntry.Kind.POST,
            post=post,
            old_path=entry.old_path,
        )
        self.post_pk[entry.blogger_id] = post.pk

    def _page(self, entry: PageEntry):
        body = _source_of(entry, self.images)
        page = Page.objects.create(
            title=_title(entry),
            slug=_free_slug(_slug_of(entry), self.page_slugs, limit=200),
            body=body,
            body_format=BodyFormat.HTML,
            language=language.guess(body),
            is_published=not entry.is_draft,
        )
        ImportedEntry.objects.create(
            blogger_id=entry.blogger_id,
            kind=ImportedEntry.Kind.PAGE,
            page=page,
            old_path=entry.old_path,
        )

    def _label(self, name):
        slug = _label_slug(name)
        label = self.labels.get(slug) or self.labels.get(name.casefold())
        if label is None:
            label = Label.objects.create(name=name[:80], slug=slug)
            self.labels[slug] = self.labels[name.casefold()] = label
        return label

    def _flush_comments(self):
        # With DEBUG on (a development checkout) Django keeps the last 9,000 queries'
        # SQL, and a batch insert of comments is a long one: let it go.
        reset_queries()
        # The first pass counted the others as skipped: their post is not in the export.
        batch = [c for c in self.pending_comments if c.post_id in self.post_pk]
        self.pending_comments = []
        if not batch:
            return
        batch.sort(key=lambda c: c.published)
        created = comment_imports.bring_in(
            [
                comment_imports.PublishedElsewhere(
                    post_id=self.post_pk[c.post_id],
                    author_name=c.author.name,
                    body=_source_of(c, self.images),
                    written_at=c.published,
                    removed=c.removed,
                )
                for c in batch
            ],
            source=SOURCE_NAME,
        )
        ImportedEntry.objects.bulk_create(
            [
                ImportedEntry(
                    blogger_id=c.blogger_id,
                    kind=ImportedEntry.Kind.COMMENT,
                    post_id=row.post_id,
                    comment=row,
                    shown_at_ms=epoch_milliseconds(c.published),
                )
                for c, row in zip(batch, created, strict=True)
            ],
            batch_size=COMMENT_BATCH,
        )
        for c, row in zip(batch, created, strict=True):
            self.comment_pk[c.blogger_id] = row.pk
            self.touched_posts.add(row.post_id)
            if c.parent_id:
                self.replies[c.blogger_id] = c.parent_id


class _StaffByName:
    """Blogger authors matched to staff accounts by e-mail, then by name; the import
    creates no accounts."""

    def __init__(self):
        self.by_email, self.by_name = {}, {}
        for user in get_user_model().objects.filter(is_staff=True, is_active=True):
            if user.email:
                self.by_email.setdefault(user.email.casefold(), user)
            for name in (user.get_full_name(), user.get_username()):
                if name:
                    self.by_name.setdefault(name.casefold(), user)

    def match(self, author):
        if author.email and author.email.casefold() in self.by_email:
            return self.by_email[author.email.casefold()]
        return self.by_name.get(author.name.casefold()) if author.name else None


def _label_slug(name) -> str:
    # Label addresses are ASCII (<slug:…>); a name slugify cannot spell in ASCII gets
    # a short digest of itself, the same on every run.
    digest = hashlib.sha256(name.encode()).hexdigest()[:8]
    return (slugify(name) or f"label-{digest}")[:80]


def _title(entry) -> str:
    return entry.title.strip()[:200] or f"Untitled ({entry.published:%Y-%m-%d})"


def _slug_of(entry) -> str:
    # Blogger's own name for it (/2019/05/<name>.html, /p/<name>.html) is what readers
    # and search engines know; a draft, which had no address, is named by its title.
    name = entry.old_path.rsplit("/", 1)[-1].removesuffix(".html") if entry.old_path else ""
    return slugify(name) or slugify(entry.title) or f"post-{entry.blogger_id.rsplit('.', 1)[-1]}"


def _free_slug(slug, taken, *, limit):
    slug = slug[:limit].strip("-") or "post"
    candidate, n = slug, 1
    while candidate in taken:
        n += 1
        suffix = f"-{n}"
        candidate = slug[: limit - len(suffix)] + suffix
    taken.add(candidate)
    return candidate
