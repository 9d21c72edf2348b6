"""What a Blogger export holds, as the reader hands it to the importer.

Both export formats (the classic backup and Takeout's feed.atom) come out as these, so
the importer never sees XML. Ids are Blogger's, normalised to "<blog id>.<entry id>"
(digits only), whichever of its spellings the file used; a comment's post and parent
are given the same way.
"""

from dataclasses import dataclass, field
from datetime import datetime


@dataclass(frozen=True)
class Author:
    name: str  # "" when Blogger said "Anonymous" or "Unknown"
    email: str = ""  # "" for Blogger's placeholder noreply@blogger.com


@dataclass
class PostEntry:
    blogger_id: str
    title: str
    content_html: str
    published: datetime  # aware, with the offset the file gave
    updated: datetime | None
    author: Author
    labels: list[str] = field(default_factory=list)
    is_draft: bool = False  # a scheduled post is not a draft: it has a future `published`
    old_path: str = ""  # "/2019/05/name.html"; "" for a draft, which had no address
    line: int = 0  # where the entry starts in the file, for messages


@dataclass
class PageEntry:
    blogger_id: str
    title: str
    content_html: str
    published: datetime
    updated: datetime | None
    author: Author
    is_draft: bool = False
    old_path: str = ""  # "/p/about.html"
    line: int = 0


@dataclass
class CommentEntry:
    blogger_id: str
    post_id: str  # the Blogger id of the post it is on
    parent_id: str | None  # the Blogger id of the comment it answers, if any
    author: Author
    content_html: str  # "" when removed
    published: datetime
    removed: bool = False  # Blogger's blogger.contentRemoved: a placeholder, no words
    line: int = 0


@dataclass
class SkippedEntry:
    """An entry the import leaves out, with why (settings, template, spam, trashed …)."""

    reason: str
    line: int = 0


Entry = PostEntry | PageEntry | CommentEntry | SkippedEntry


class ExportError(Exception):
    """The file is not an export the import can trust; nothing is imported."""

    def __init__(self, message: str, line: int | None = None):
        self.message, self.line = message, line
        super().__init__(f"line {line}: {message}" if line else message)
