"""Reads the comment section of a post page as a reader's browser builds it: which
comment sits inside which, in what order, and whether the lists nest validly."""

from dataclasses import dataclass, field
from html.parser import HTMLParser

VOID = {"br", "img", "input", "meta", "link", "hr", "wbr"}


@dataclass
class Shown:
    id: int
    css: str
    parent: int | None  # the comment whose <li> holds this one
    depth: int  # how many comment <li>s hold it
    number: int | None = None
    text: list[str] = field(default_factory=list)


class ThreadShape(HTMLParser):
    """Comments in document order (``shown``), and any list nested where HTML forbids."""

    def __init__(self, page: str):
        super().__init__()
        self.shown: list[Shown] = []
        self.problems: list[str] = []
        self._open: list[tuple[str, Shown | None]] = []
        self._in_number = False
        start = page.index('<section id="comments"')
        self.feed(page[start : page.index("</section>", start)])

    def _comments_open(self):
        return [shown for _, shown in self._open if shown is not None]

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in VOID:
            return
        parent_tag = self._open[-1][0] if self._open else None
        if tag == "li" and parent_tag not in {"ol", "ul"}:
            self.problems.append(f"<li> inside <{parent_tag}>")
        if tag == "ol" and parent_tag not in {"li", "section", None}:
            self.problems.append(f"<ol> inside <{parent_tag}>")
        shown = None
        if tag == "li" and attrs.get("id", "").startswith("c"):
            holders = self._comments_open()
            shown = Shown(
                id=int(attrs["id"][1:]),
                css=attrs.get("class", ""),
                parent=holders[-1].id if holders else None,
                depth=len(holders),
            )
            self.shown.append(shown)
        if tag == "span" and attrs.get("class") == "comment-number":
            self._in_number = True
        self._open.append((tag, shown))

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        while self._open:
            open_tag, _ = self._open.pop()
            if open_tag == tag:
                break
            self.problems.append(f"<{open_tag}> not closed before </{tag}>")
        self._in_number = False

    def handle_data(self, data):
        holders = self._comments_open()
        if self._in_number and holders and holders[-1].number is None:
            holders[-1].number = int(data.strip().rstrip("."))
        if holders:
            holders[-1].text.append(data)

    def by_id(self, pk) -> Shown:
        return next(shown for shown in self.shown if shown.id == pk)

    def order(self) -> list[int]:
        return [shown.id for shown in self.shown]
