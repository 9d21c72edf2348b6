"""What an Atom <entry> means in each of Blogger's two export formats.

The classic backup (blog-MM-DD-YYYY.xml) says each entry's kind in a category; Takeout's
feed.atom declares the Blogger 2018 namespace on its root and says blogger:type and
blogger:status instead. blogger/reading.py parses the file and hands each entry here.
"""

import html
import re
from urllib.parse import unquote, urlsplit

from .entries import (
    Author,
    CommentEntry,
    Entry,
    ExportError,
    PageEntry,
    PostEntry,
    SkippedEntry,
)
from .times import parse_time

ATOM = "{http://www.w3.org/2005/Atom}"
GD = "{http://schemas.google.com/g/2005}"
THR = "{http://purl.org/syndication/thread/1.0}"
APP = ("{http://purl.org/atom/app#}", "{http://www.w3.org/2007/app}")
TAKEOUT_NAMESPACE = "http://schemas.google.com/blogger/2018"
BLOGGER = "{" + TAKEOUT_NAMESPACE + "}"
FEED, ENTRY = f"{ATOM}feed", f"{ATOM}entry"

KIND_SCHEME = "http://schemas.google.com/g/2005#kind"
KIND_TERM = "http://schemas.google.com/blogger/2008/kind#"
LABEL_SCHEME = "http://www.blogger.com/atom/ns#"

# The author Blogger names when there is none, and the address it gives everyone.
NO_NAME = {"anonymous", "unknown"}
NO_EMAIL = "noreply@blogger.com"

# What Takeout's other statuses mean, for entries readers never saw (or no longer do).
SKIPPED_STATUSES = {
    "SOFT_TRASHED": "trashed on Blogger",
    "DELETED": "deleted on Blogger",
    "PENDING": "awaiting moderation on Blogger",
    "SPAM_COMMENT": "spam on Blogger",
}

_TAG_ID = re.compile(r"tag:blogger\.com,1999:blog-(\d+)\.(?:post|page|comment)-(\d+)")
_SHORT_ID = re.compile(r"(\d+)\.(\d+)")
# https://www.blogger.com/feeds/<blog>/<post>/comments/default/<comment>
_FEED_PATH = re.compile(r"/feeds/(\d+)/(?:.*/)?(\d+)/?")


def reader_for(root_tag, namespaces, line):
    """How to read the entries of a file whose root is ``root_tag``, declaring
    ``namespaces``: a function of an AtomEntry."""
    if root_tag != FEED:
        namespace, _, name = root_tag.rpartition("}")
        raise ExportError(
            f"not a Blogger export: its root is <{name}>"
            + (f" in {namespace[1:]}" if namespace else "")
            + ", where both the classic backup and Takeout's feed.atom have an Atom <feed>",
            line,
        )
    return _takeout if TAKEOUT_NAMESPACE in namespaces else _classic


def _classic(entry: "AtomEntry") -> Entry:
    terms = [term for scheme, term in entry.categories() if scheme == KIND_SCHEME]
    kind = terms[0].removeprefix(KIND_TERM) if terms else ""
    if kind in ("post", "page"):
        draft = any(entry.text(f"{app}control/{app}draft") == "yes" for app in APP)
        labels = [term for scheme, term in entry.categories() if scheme == LABEL_SCHEME]
        return entry.article(kind, is_draft=draft, labels=labels, old_path=entry.alternate())
    if kind == "comment":
        post = entry.child(f"{THR}in-reply-to")
        if post is None or not post.get("ref", "").strip():
            raise entry.error("a comment without the post it is on (no <thr:in-reply-to ref>)")
        related = [link for link in entry.links() if link.get("rel") == "related"]
        return entry.comment(
            post=(post, post.get("ref")),
            parent=(related[0], related[0].get("href", "")) if related else None,
            removed=entry.removed(),
        )
    if kind in ("settings", "template"):
        return SkippedEntry(kind, entry.line)
    return SkippedEntry(_unknown_kind(kind), entry.line)


def _takeout(entry: "AtomEntry") -> Entry:
    kind, status = entry.text(f"{BLOGGER}type"), entry.text(f"{BLOGGER}status")
    if kind in ("POST", "PAGE") and status in ("LIVE", "DRAFT", "SCHEDULED"):
        labels = [term for scheme, term in entry.categories() if scheme != KIND_SCHEME]
        return entry.article(
            kind.lower(),
            # A scheduled post is not a draft: its `published` lies ahead.
            is_draft=status == "DRAFT",
            labels=labels,
            old_path=_path(entry.text(f"{BLOGGER}filename")) or entry.alternate(),
        )
    # A comment whose words were removed stays in its thread as a placeholder: DELETED.
    if kind == "COMMENT" and status in ("LIVE", "DELETED"):
        post, parent = entry.child(f"{BLOGGER}parent"), entry.child(f"{BLOGGER}inReplyTo")
        if not _text_of(post):
            raise entry.error("a comment without the post it is on (no <blogger:parent>)")
        return entry.comment(
            post=(post, post.text),
            parent=(parent, parent.text) if _text_of(parent) else None,
            removed=status == "DELETED" or entry.removed(),
        )
    if kind not in ("POST", "PAGE", "COMMENT"):
        reason = _unknown_kind(kind)
    else:
        reason = SKIPPED_STATUSES.get(status) or (
            f"unknown status {status!r} on Blogger" if status else "unknown status (none given)"
        )
    return SkippedEntry(reason, entry.line)


class AtomEntry:
    """One <entry>, with the lines its elements start on: the parts both formats share."""

    def __init__(self, element, lines):
        self.element, self.lines = element, lines
        self.line = lines[element]

    def error(self, message, element=None) -> ExportError:
        return ExportError(message, self.lines.get(element, self.line))

    def child(self, tag):
        return self.element.find(tag)

    def text(self, path) -> str:
        return (self.element.findtext(path) or "").strip()

    def links(self):
        return self.element.iterfind(f"{ATOM}link")

    def categories(self):
        for element in self.element.iterfind(f"{ATOM}category"):
            yield element.get("scheme", ""), (element.get("term") or "").strip()

    def article(self, kind, *, is_draft, labels, old_path) -> PostEntry | PageEntry:
        fields = {
            "blogger_id": self.blogger_id(),
            "title": self.title(),
            "content_html": self.content(),
            "published": self.time("published"),
            "updated": self.time("updated", required=False),
            "author": self.author(),
            "is_draft": is_draft,
            "old_path": "" if is_draft else old_path,  # a draft had no address readers knew
            "line": self.line,
        }
        if kind == "page":
            return PageEntry(**fields)
        return PostEntry(labels=list(dict.fromkeys(label for label in labels if label)), **fields)

    def comment(self, *, post, parent, removed) -> CommentEntry:
        blogger_id = self.blogger_id()
        blog = blogger_id.partition(".")[0]
        return CommentEntry(
            blogger_id=blogger_id,
            post_id=self.reference(*post, "the post a comment is on", blog=blog),
            parent_id=self.reference(*parent, "the comment a reply answers", blog=blog)
            if parent
            else None,
            author=self.author(),
            content_html="" if removed else self.content(),
            published=self.time("published"),
            removed=removed,
            line=self.line,
        )

    def blogger_id(self) -> str:
        element = self.child(f"{ATOM}id")
        if element is None or not (element.text or "").strip():
            raise self.error("an entry without an <id>: the import keys every entry by it")
        return self.reference(element, element.text, "the <id>")

    def reference(self, element, value, what, *, blog=None) -> str:
        """``value`` as "<blog>.<entry>", whichever of Blogger's spellings it has; a bare
        number (Takeout's inReplyTo) is one of ``blog``'s."""
        value = value.strip()
        if found := _TAG_ID.fullmatch(value) or _SHORT_ID.fullmatch(value):
            return f"{found[1]}.{found[2]}"
        if found := _FEED_PATH.fullmatch(urlsplit(value).path):
            return f"{found[1]}.{found[2]}"
        if value.isdigit() and blog:
            return f"{blog}.{value}"
        raise self.error(f"{what}, {value!r}, is not an id Blogger writes", element)

    def time(self, name, *, required=True):
        element = self.child(f"{ATOM}{name}")
        if element is None or not (element.text or "").strip():
            if required:
                raise self.error(f"an entry without its <{name}> date")
            return None
        try:
            return parse_time(element.text)
        except ValueError as error:
            message = f"the <{name}> date {element.text.strip()!r} is {error}"
            raise self.error(message, element) from error

    def title(self) -> str:
        element = self.child(f"{ATOM}title")
        if element is None:
            return ""
        title = "".join(element.itertext()).strip()
        return html.unescape(title) if element.get("type") == "html" else title

    def content(self) -> str:
        element = self.child(f"{ATOM}content")
        if element is None:
            return ""
        if len(element):
            raise self.error("the <content> holds XML where Blogger writes escaped HTML", element)
        kind = element.get("type", "html")
        if kind == "html":
            return element.text or ""
        if kind == "text":
            return html.escape(element.text or "", quote=False)
        raise self.error(f"the <content> is of type {kind!r} where Blogger writes html", element)

    def author(self) -> Author:
        element = self.child(f"{ATOM}author")
        if element is None:
            return Author(name="")
        name = (element.findtext(f"{ATOM}name") or "").strip()
        email = (element.findtext(f"{ATOM}email") or "").strip()
        return Author(
            name="" if name.casefold() in NO_NAME else name,
            email="" if email.casefold() == NO_EMAIL else email,
        )

    def alternate(self) -> str:
        for link in self.links():
            if link.get("rel") == "alternate" and link.get("type", "text/html") == "text/html":
                return _path(link.get("href", ""))
        return ""

    def removed(self) -> bool:
        return any(
            prop.get("name") == "blogger.contentRemoved" and prop.get("value") == "true"
            for prop in self.element.iterfind(f"{GD}extendedProperty")
        )


def _path(address: str) -> str:
    """The path of an old address, decoded as Django's request.path is."""
    address = address.strip()
    if not address:
        return ""
    path = unquote(urlsplit(address).path)
    return path if path.startswith("/") else f"/{path}"


def _text_of(element) -> str:
    return (element.text or "").strip() if element is not None else ""


def _unknown_kind(kind: str) -> str:
    return f"unknown kind {kind!r}" if kind else "unknown kind (none given)"
