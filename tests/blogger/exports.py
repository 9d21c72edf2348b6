"""Blogger export files written by tests: the classic backup and Takeout's feed.atom.

    export = ClassicExport()
    post = export.post("Crossing at dawn", labels=["Border"])
    first = export.comment(post, content_html="Thank you.")
    export.comment(post, reply_to=first, author="Luz")
    export.write(tmp_path / "blog-05-04-2019.xml")

Every call that adds an entry returns its id as the reader yields it ("<blog>.<entry>"),
so a comment can name its post and parent; ``line_of(id)`` is the line its ``<entry>``
starts on. Defaults are dull on purpose, so a test says only what it cares about.
``raw()`` puts any text between entries and ``prolog=`` any text before the root, for
hostile files. ``ClassicExport.streaming(path)`` writes each entry to the file as it is
added, for benchmarks that need a large export without holding it in memory.
"""

import itertools
import re
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

BLOG_ID = "4455667788990011223"
BLOG_URL = "https://border-notes.blogspot.com"
FIRST_PUBLISHED = datetime(2019, 5, 4, 10, 15, tzinfo=timezone(timedelta(hours=-7)))

KIND = "http://schemas.google.com/g/2005#kind"
KIND_TERM = "http://schemas.google.com/blogger/2008/kind#"
LABEL_SCHEME = "http://www.blogger.com/atom/ns#"
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def blogger_time(value):
    """A datetime as Blogger writes it (milliseconds and offset); a str is kept as given,
    so a test can write a bad date."""
    if isinstance(value, datetime):
        return value.isoformat(timespec="milliseconds")
    return value


def _epoch_ms(text):
    try:
        return (datetime.fromisoformat(text) - EPOCH) // timedelta(milliseconds=1)
    except (TypeError, ValueError):
        return 0


def slug_of(title):
    return re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:40] or "untitled"


class _Export:
    filename = header = footer = ""

    def __init__(self, *, blog_id=BLOG_ID, blog_url=BLOG_URL, prolog=""):
        self.blog_id, self.blog_url = blog_id, blog_url
        self._numbers = itertools.count(7_000_000_000_000_000_001)
        self._clock = itertools.count()
        self._paths = {}  # post id → its old path, for comments' links
        self._pages = set()  # Blogger spells a page's id blog-….page-…
        self._lines = {}
        self._chunks = []
        self._write = self._chunks.append
        self._prolog = prolog
        self._line = 1 + self._head().count("\n")

    # What tests call -------------------------------------------------------------------

    def raw(self, text):
        """Puts ``text`` between entries as it is; returns the line it starts on."""
        return self._emit(text if text.endswith("\n") else text + "\n")

    def line_of(self, entry_id):
        return self._lines[entry_id]

    def write(self, path):
        """Writes the export to ``path`` (a file, or a folder to hold ``filename``)."""
        path = Path(path)
        if path.is_dir():
            path = path / self.filename
        with path.open("w", encoding="utf-8") as file:
            file.write(self._head())
            file.writelines(self._chunks)
            file.write(self.footer)
        return path

    @classmethod
    @contextmanager
    def streaming(cls, path, **options):
        """An export whose entries go straight to ``path`` as they are added."""
        export = cls(**options)
        with Path(path).open("w", encoding="utf-8") as file:
            file.write(export._head())
            export._write = file.write
            yield export
            file.write(export.footer)

    # Shared machinery ------------------------------------------------------------------

    def _head(self):
        header = self.header.format(blog_id=self.blog_id, blog_url=self.blog_url)
        return f"<?xml version='1.0' encoding='UTF-8'?>\n{self._prolog}{header}"

    def _new_id(self):
        return f"{self.blog_id}.{next(self._numbers)}"

    def _tag_id(self, entry_id):
        blog, number = entry_id.split(".")
        kind = "page" if entry_id in self._pages else "post"
        return f"tag:blogger.com,1999:blog-{blog}.{kind}-{number}"

    def _times(self, published, updated):
        """Defaults an hour apart in the order entries are added, so a comment comes
        after its post."""
        if published is None:
            published = FIRST_PUBLISHED + timedelta(hours=next(self._clock))
        if updated is None:
            updated = published
        return blogger_time(published), blogger_time(updated)

    def _emit(self, text, entry_id=None):
        line = self._line
        if entry_id is not None:
            self._lines[entry_id] = line
        self._write(text)
        self._line += text.count("\n")
        return line

    def _post_path(self, entry_id, title, published, path, draft):
        if path is None and not draft:
            when = published if isinstance(published, str) else blogger_time(published)
            path = f"/{when[:4]}/{when[5:7]}/{slug_of(title)}.html"
        self._paths[entry_id] = path
        return path


class ClassicExport(_Export):
    """The classic backup (Settings → Manage blog → Back up content): blog-MM-DD-YYYY.xml."""

    filename = "blog-06-01-2019.xml"
    header = (
        "<feed xmlns='http://www.w3.org/2005/Atom'"
        " xmlns:openSearch='http://a9.com/-/spec/opensearchrss/1.0/'"
        " xmlns:gd='http://schemas.google.com/g/2005'"
        " xmlns:thr='http://purl.org/syndication/thread/1.0'"
        " xmlns:georss='http://www.georss.org/georss'>\n"
        "<id>tag:blogger.com,1999:blog-{blog_id}.archive</id>\n"
        "<updated>2019-06-01T09:00:00.000-07:00</updated>\n"
        "<title type='text'>Border Notes</title>\n"
        "<link rel='alternate' type='text/html' href='{blog_url}/'/>\n"
        "<author><name>Ana Reyes</name><email>noreply@blogger.com</email></author>\n"
        "<generator version='7.00' uri='https://www.blogger.com'>Blogger</generator>\n"
    )
    footer = "</feed>\n"

    def post(
        self,
        title="A post from the border",
        *,
        content_html="<p>Reporting from the border.</p>",
        labels=(),
        draft=False,
        published=None,
        updated=None,
        author="Ana Reyes",
        email="noreply@blogger.com",
        path=None,
        kind="post",
    ):
        entry_id = self._new_id()
        if kind == "page":
            self._pages.add(entry_id)
        published, updated = self._times(published, updated)
        path = self._post_path(entry_id, title, published, path, draft)
        lines = [
            "<entry>",
            f"<id>{self._tag_id(entry_id)}</id>",
            f"<published>{published}</published>",
            f"<updated>{updated}</updated>",
        ]
        if draft:
            lines.append(
                "<app:control xmlns:app='http://purl.org/atom/app#'>"
                "<app:draft>yes</app:draft></app:control>"
            )
        lines.append(self._kind(kind))
        lines += [f"<category scheme='{LABEL_SCHEME}' term={quoteattr(t)}/>" for t in labels]
        lines += [
            f"<title type='text'>{escape(title)}</title>",
            f"<content type='html'>{escape(content_html)}</content>",
            self._feed_link("edit", f"posts/default/{entry_id.split('.')[1]}"),
        ]
        if path:
            lines.append(
                f"<link rel='alternate' type='text/html' href={quoteattr(self.blog_url + path)}"
                f" title={quoteattr(title)}/>"
            )
        lines += [self._author(author, email), "</entry>"]
        self._emit("\n".join(lines) + "\n", entry_id)
        return entry_id

    def page(self, title="About us", *, path="/p/about-us.html", **fields):
        return self.post(title, path=path, kind="page", **fields)

    def comment(
        self,
        post,
        *,
        reply_to=None,
        content_html="Thank you for this report.",
        author="Anonymous",
        email="noreply@blogger.com",
        published=None,
        removed=False,
    ):
        """A comment on ``post`` (an id; None for a comment that names no post),
        answering the comment ``reply_to``. A removed one is written as Blogger does:
        the placeholder text and the blogger.contentRemoved property."""
        entry_id = self._new_id()
        published, updated = self._times(published, None)
        number = entry_id.split(".")[1]
        if removed:
            content_html = "This comment has been removed by the author."
        post_path = self._paths.get(post) or "/2019/05/elsewhere.html"
        lines = [
            "<entry>",
            f"<id>{self._tag_id(entry_id)}</id>",
            f"<published>{published}</published>",
            f"<updated>{updated}</updated>",
            self._kind("comment"),
            f"<title type='text'>{escape(content_html[:30])}</title>",
            f"<content type='html'>{escape(content_html)}</content>",
        ]
        if post is not None:
            comments_feed = f"{post.split('.')[1]}/comments/default"
            lines += [
                self._feed_link("edit", f"{comments_feed}/{number}"),
                self._feed_link("self", f"{comments_feed}/{number}"),
                f"<link rel='alternate' type='text/html'"
                f" href='{self.blog_url}{post_path}?showComment={_epoch_ms(published)}#c{number}'"
                " title=''/>",
            ]
            if reply_to is not None:
                parent = reply_to.split(".")[1]
                lines.append(self._feed_link("related", f"{comments_feed}/{parent}"))
        lines.append(self._author(author, email))
        if post is not None:
            lines.append(
                "<thr:in-reply-to xmlns:thr='http://purl.org/syndication/thread/1.0'"
                f" href='{self.blog_url}{post_path}' ref='{self._tag_id(post)}'"
                f" source='https://www.blogger.com/feeds/{self.blog_id}/posts/default/"
                f"{post.split('.')[1]}' type='text/html'/>"
            )
        lines.append("<gd:extendedProperty name='blogger.itemClass' value='pid-1'/>")
        if removed:
            lines.append("<gd:extendedProperty name='blogger.contentRemoved' value='true'/>")
        lines.append("</entry>")
        self._emit("\n".join(lines) + "\n", entry_id)
        return entry_id

    def settings(self, name="BLOG_NAME", value="Border Notes"):
        entry_id = f"{self.blog_id}.settings.{name}"
        self._skippable(entry_id, "settings", name, value)
        return entry_id

    def template(self, html="<html><b:skin>body {}</b:skin></html>"):
        entry_id = f"{self.blog_id}.layout"
        self._skippable(entry_id, "template", "Template: Border Notes", html)
        return entry_id

    def _skippable(self, entry_id, kind, title, text):
        published, updated = self._times(None, None)
        lines = [
            "<entry>",
            f"<id>tag:blogger.com,1999:blog-{entry_id}</id>",
            f"<published>{published}</published>",
            f"<updated>{updated}</updated>",
            self._kind(kind),
            f"<title type='text'>{escape(title)}</title>",
            f"<content type='text'>{escape(text)}</content>",
            self._author("Ana Reyes", "noreply@blogger.com"),
            "</entry>",
        ]
        self._emit("\n".join(lines) + "\n", entry_id)

    def _kind(self, kind):
        return f"<category scheme='{KIND}' term='{KIND_TERM}{kind}'/>"

    def _feed_link(self, rel, tail):
        return (
            f"<link rel='{rel}' type='application/atom+xml'"
            f" href='https://www.blogger.com/feeds/{self.blog_id}/{tail}'/>"
        )

    def _author(self, name, email):
        email_element = f"<email>{escape(email)}</email>" if email else ""
        return (
            f"<author><name>{escape(name)}</name>{email_element}"
            "<gd:image rel='http://schemas.google.com/g/2005#thumbnail' width='16'"
            " height='16' src='https://img1.blogblog.com/img/b16-rounded.gif'/></author>"
        )


class TakeoutExport(_Export):
    """Google Takeout's Blogger/Blogs/<name>/feed.atom (the 2018 format)."""

    filename = "feed.atom"
    header = (
        "<feed xmlns='http://www.w3.org/2005/Atom'"
        " xmlns:blogger='http://schemas.google.com/blogger/2018'>\n"
        "<id>tag:blogger.com,1999:blog-{blog_id}</id>\n"
        "<title>Border Notes</title>\n"
    )
    footer = "</feed>\n"

    def post(
        self,
        title="A post from the border",
        *,
        content_html="<p>Reporting from the border.</p>",
        labels=(),
        draft=False,
        status=None,
        published=None,
        updated=None,
        author="Ana Reyes",
        email="",
        path=None,
        kind="POST",
    ):
        """``status`` (LIVE, DRAFT, SCHEDULED, SOFT_TRASHED, DELETED) wins over ``draft``."""
        entry_id = self._new_id()
        if kind == "PAGE":
            self._pages.add(entry_id)
        status = status or ("DRAFT" if draft else "LIVE")
        published, updated = self._times(published, updated)
        path = self._post_path(entry_id, title, published, path, draft=status == "DRAFT")
        lines = [
            "<entry>",
            f"<id>{self._tag_id(entry_id)}</id>",
            f"<blogger:type>{kind}</blogger:type>",
            f"<blogger:status>{status}</blogger:status>",
            self._author(author, email, "BLOGGER"),
            f"<title>{escape(title)}</title>",
            f"<content type='html'>{escape(content_html)}</content>",
            f"<blogger:created>{published}</blogger:created>",
            f"<published>{published}</published>",
            f"<updated>{updated}</updated>",
        ]
        lines += [
            f"<category scheme='tag:blogger.com,1999:blog-{self.blog_id}' term={quoteattr(label)}/>"
            for label in labels
        ]
        if path:
            lines.append(f"<blogger:filename>{escape(path)}</blogger:filename>")
        lines.append("</entry>")
        self._emit("\n".join(lines) + "\n", entry_id)
        return entry_id

    def page(self, title="About us", *, path="/p/about-us.html", **fields):
        return self.post(title, path=path, kind="PAGE", **fields)

    def comment(
        self,
        post,
        *,
        reply_to=None,
        content_html="Thank you for this report.",
        author="Anonymous",
        email="",
        published=None,
        removed=False,
        status=None,
    ):
        """``status`` (LIVE, PENDING, SPAM_COMMENT, SOFT_TRASHED, DELETED) wins over
        ``removed``; a removed comment is DELETED with Blogger's placeholder text."""
        entry_id = self._new_id()
        status = status or ("DELETED" if removed else "LIVE")
        if status == "DELETED":
            content_html = "This comment has been removed by the author."
        published, updated = self._times(published, None)
        lines = ["<entry>", f"<id>{self._tag_id(entry_id)}</id>"]
        if post is not None:
            lines.append(f"<blogger:parent>{self._tag_id(post)}</blogger:parent>")
        # Blogger leaves the element empty on a comment that answers the post itself.
        lines.append(
            f"<blogger:inReplyTo>{reply_to.split('.')[1]}</blogger:inReplyTo>"
            if reply_to
            else "<blogger:inReplyTo/>"
        )
        kind = "ANONYMOUS" if author in ("", "Anonymous") else "BLOGGER"
        lines += [
            "<blogger:type>COMMENT</blogger:type>",
            f"<blogger:status>{status}</blogger:status>",
            self._author(author, email, kind),
            f"<content type='html'>{escape(content_html)}</content>",
            f"<published>{published}</published>",
            f"<updated>{updated}</updated>",
            "</entry>",
        ]
        self._emit("\n".join(lines) + "\n", entry_id)
        return entry_id

    def _author(self, name, email, kind):
        email_element = f"<email>{escape(email)}</email>" if email else ""
        return (
            f"<author><name>{escape(name)}</name>{email_element}<uri></uri>"
            f"<blogger:type>{kind}</blogger:type></author>"
        )
