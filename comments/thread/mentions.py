"""Links from "@ 3:40", "@Buela" or "@ Anonymous·7F3" in a comment to the comment meant.

Readers answer each other as on Blogger, by a comment's time or its author's name. A
mention links to a comment of the same post when it identifies exactly one of the
comments *before* the mentioning one (nobody answers a comment not yet written, and so a
later comment never changes an earlier link):

- a time, "@ 3:40", "@3:40pm", "@ 3:40 PM", "@ 15:40", in the site's time zone: the one
  earlier comment written in that minute. Without am/pm both 3:40 AM and 3:40 PM count,
  so "@ 3:40" is ambiguous only if comments exist at both. Two comments in that minute
  (on any day) and nothing is linked.
- a name, "@ Buela", case-insensitive on the name as shown, or a handle,
  "@ Anonymous·7F3" (also typed "Anonymous 7F3", "anonimo-7f3"): the most recent
  earlier comment signed so. People answer a regular's latest remark, and a name stands
  for one person on a page even when they comment often. "@ B" names nobody: no link.

Where: at render time, over the stored, already sanitised body_html (comments.sanitize
ran once when the comment was stored). Links depend on the other comments of the post,
which change with every approval, and the rendered thread is cached (comments.thread.cache)
and refreshed by each decision, so this runs once per change, not per view. Only text
nodes outside existing links are touched, and only by wrapping a run of that text in
``<a href="#c<ID>" class="mention">``: the text itself is copied as nh3 escaped it, and
the address is built from integers, so nothing a reader wrote can become markup.
"""

import re
from bisect import bisect_left

from django.utils import timezone

from .handles import HANDLE_MENTION, is_anonymous

# A tag in nh3's output: attribute values are always double-quoted.
_TAG = re.compile(r'<(?:[^>"]|"[^"]*")*>')
# "@" that starts a mention: not in the middle of a word or an address (a@b.com).
_AT = re.compile(r"(?<![\w@])@(?: |&nbsp;)?")
_TIME = re.compile(r"(\d{1,2}):(\d\d)(?:(?: |&nbsp;)?([ap])(?:m|\.m\.))?(?![\w:])", re.IGNORECASE)
_NAME_END = re.compile(r"[\w]")


def escape_text(text: str) -> str:
    """``text`` as nh3 (html5ever) writes it in a text node, so names match as stored."""
    return (
        text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\xa0", "&nbsp;")
    )


class MentionIndex:
    """What a mention can point at among a post's published comments.

    ``entries`` are comments in reading order with ``number``, ``id``, ``written_at()``,
    ``author_name``, ``submitter_hash`` (comments.thread.build.Entry). Each index is built on
    first use: most pages have few mentions and some kinds none.
    """

    def __init__(self, entries, codes):
        self.entries = entries
        self.codes = codes  # handles.HandleCodes of the post
        self._times = None
        self._names = None
        self._handles = None

    def _build_times(self):
        times, zone = {}, timezone.get_current_timezone()
        for entry in self.entries:
            local = entry.written_at().astimezone(zone)
            times.setdefault((local.hour, local.minute), []).append(entry)
        return times

    def _build_names(self):
        names, handles = {}, {}
        for entry in self.entries:
            if is_anonymous(entry.author_name):
                code = self.codes(entry.submitter_hash, entry.id)
                handles.setdefault(code, []).append(entry)
            else:
                shown = escape_text(entry.author_name.strip())
                names.setdefault((shown.casefold(), len(shown)), []).append(entry)
        # Longest first, so "@ Juan de Matamoros" is not taken for "@ Juan".
        self._names = sorted(names.items(), key=lambda item: -item[0][1])
        self._handles = handles

    @staticmethod
    def _before(candidates, number):
        """Those of ``candidates`` (reading order) before comment ``number``."""
        return candidates[: bisect_left(candidates, number, key=lambda e: e.number)]

    def by_time(self, hour, minute, half, number):
        """The one comment before ``number`` written at that time, or None."""
        if self._times is None:
            self._times = self._build_times()
        if minute > 59:
            return None
        if half:
            if not 1 <= hour <= 12:
                return None
            slots = [(hour % 12 + (12 if half.lower() == "p" else 0), minute)]
        elif 1 <= hour <= 12:
            slots = [(hour % 12, minute), (hour % 12 + 12, minute)]
        elif hour <= 23:
            slots = [(hour, minute)]
        else:
            return None
        found = [e for slot in slots for e in self._before(self._times.get(slot, []), number)]
        return found[0] if len(found) == 1 else None

    def by_handle(self, code, number):
        if self._handles is None:
            self._build_names()
        earlier = self._before(self._handles.get(code.upper(), []), number)
        return earlier[-1] if earlier else None

    def by_name(self, text, start, number):
        """(comment, end) for the longest name signed before ``number`` at text[start:]."""
        if self._names is None:
            self._build_names()
        for (key, length), entries in self._names:
            end = start + length
            if text[start:end].casefold() != key:
                continue
            if end < len(text) and _NAME_END.match(text, end):
                continue  # "@ Ana" must not match the start of "@ Anabel"
            earlier = self._before(entries, number)
            if earlier:
                return earlier[-1], end
        return None, start

    def resolve(self, text, start, number):
        """(comment, end of the mention) for a mention whose words begin at text[start:]."""
        time = _TIME.match(text, start)
        if time:
            target = self.by_time(int(time[1]), int(time[2]), time[3], number)
            return target, time.end()
        handle = HANDLE_MENTION.match(text, start)
        if handle:
            return self.by_handle(handle[1], number), handle.end()
        return self.by_name(text, start, number)


def link_mentions(body_html: str, number: int, index: MentionIndex, href) -> str:
    """``body_html`` of comment ``number`` with its mentions linked.

    ``href(comment)`` gives the address of a comment from the page being rendered
    ("#c7", or "?cpage=2#c7" when it is on another page).
    """
    if "@" not in body_html:
        return body_html
    out, position, in_link = [], 0, 0
    for tag in _TAG.finditer(body_html):
        out.append(_link_text(body_html[position : tag.start()], number, index, href, in_link))
        name = tag[0][1:3].lower()
        if name in ("a ", "a>"):
            in_link += 1
        elif name == "/a" and in_link:
            in_link -= 1
        out.append(tag[0])
        position = tag.end()
    out.append(_link_text(body_html[position:], number, index, href, in_link))
    return "".join(out)


def _link_text(text, number, index, href, in_link):
    if in_link or "@" not in text:
        return text
    out, position = [], 0
    for at in _AT.finditer(text):
        if at.start() < position:
            continue
        target, end = index.resolve(text, at.end(), number)
        if target is None:
            continue
        out.append(text[position : at.start()])
        address = href(target).replace("&", "&amp;").replace('"', "&quot;")
        out.append(f'<a href="{address}" class="mention">{text[at.start() : end]}</a>')
        position = end
    out.append(text[position:])
    return "".join(out)
