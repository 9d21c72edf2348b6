"""A page of a post's thread as HTML: the hot path of the post page, so built in Python.

The markup is what templates/comments/_thread.html used to loop over, and the contract
of SPEC §3: each published comment is ``<li id="c<ID>" class="comment">`` (replies add
``depth-N``) with its number, its author and its time as a permalink ``#c<ID>``; replies
sit in an ``<ol class="comment-replies">`` inside their parent's ``<li>``.

Why not a template: for a long thread, tag dispatch and date formatting per comment
would be most of the page's budget (benchmarks/README.md). Here each comment is one
f-string; every translated phrase is looked up once per page; times go through a
formatter compiled once from the translated format (time_format); the only reader text
is the author's name, escaped here, and body_html, sanitised when it was stored.
The heading and the page links are still templates: comments/_thread_head.html and
_thread_tail.html.
"""

from dataclasses import dataclass
from html import escape

from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext, pgettext

from . import handles, mentions
from .build import NEWEST, OLDEST, PAGE_SIZE, ThreadPage, view_query
from .time_format import TimeFormat

REPORT_PLACEHOLDER = 987654321


@dataclass(frozen=True)
class RenderedThread:
    """The cacheable part of the comment section, and where each published comment's
    "Your comment" badge goes: offsets into ``html``, recorded as the rows are written,
    so a visitor's badges go in without searching the markup."""

    html: str
    badge_slots: dict[int, int]

    def with_badges(self, comment_ids, label: str) -> str:
        """The HTML with the badge on each of ``comment_ids`` that is published here."""
        slots = sorted({self.badge_slots[pk] for pk in comment_ids if pk in self.badge_slots})
        if not slots:
            return self.html
        badge = f' <span class="badge badge--own">{escape(label)}</span>'
        parts, start = [], 0
        for at in slots:
            parts += [self.html[start:at], badge]
            start = at
        parts.append(self.html[start:])
        return "".join(parts)


def render_thread_page(thread: ThreadPage, *, accepting: bool) -> RenderedThread:
    """The cacheable part of the comment section: heading, page links, the comments."""
    context = {"thread": thread, "nav": _navigation(thread)}
    head = render_to_string("comments/_thread_head.html", context)
    if not thread.entries:
        return RenderedThread(head, {})
    tail = render_to_string("comments/_thread_tail.html", context) if context["nav"] else ""
    # Joined here rather than in a template: the rows are the bulk of the page.
    before_rows = head + '<ol class="comment-list">\n'
    rows, slots = _Rows(thread, accepting).render(offset=len(before_rows))
    return RenderedThread("".join([before_rows, rows, "\n</ol>\n", tail]), slots)


class _Rows:
    def __init__(self, thread: ThreadPage, accepting: bool):
        self.thread = thread
        self.accepting = accepting
        self.anonymous = handles.anonymous_word()
        self.codes = handles.HandleCodes(thread.post.pk)
        self.zone = timezone.get_current_timezone()
        self.when = TimeFormat(pgettext("comment time: December 3, 2010 3:40 PM", "F j, Y g:i A"))
        # Mentions point back: the comments up to the end of this page are enough.
        self.mentions = mentions.MentionIndex(thread.skeleton[: thread.last_number], self.codes)
        self.reply = escape(gettext("Reply"))
        self.to_comment = escape(gettext("to comment %(number)s"))
        self.report = escape(gettext("Report"))
        self.comment_n = escape(gettext("comment %(number)s"))
        self.in_reply_to = escape(gettext("in reply to %(number)s"))
        self.in_reply_to_named = gettext("in reply to %(number)s. %(name)s")
        self.edited = escape(gettext("Edited by a moderator."))
        self.removed = escape(gettext("Removed by a moderator."))
        self.removed_rule = gettext(
            'Removed by a moderator under <a href="%(policy_url)s#rule-%(number)s">'
            "rule %(number)s</a>."
        )
        self.policy_url = reverse("comments:policy")
        self.report_url = reverse("comments:report", args=[REPORT_PLACEHOLDER]).split(
            str(REPORT_PLACEHOLDER)
        )
        query = view_query(thread.page, thread.order, thread.pages)
        self.reply_url = escape((query + "&" if query else "?") + "replyto=")
        self.rules = {}
        self.names = {}  # named authors, escaped; handles are per submitter

    def name(self, entry) -> str:
        """The author as shown, escaped: the name typed, or the post's handle."""
        shown = self.names.get(entry.author_name)
        if shown is None:
            if handles.is_anonymous(entry.author_name):
                code = self.codes(entry.submitter_hash, entry.id)
                return escape(f"{self.anonymous}{handles.SEPARATOR}{code}")
            shown = self.names[entry.author_name] = escape(entry.author_name.strip())
        return shown

    def render(self, offset: int = 0) -> tuple[str, dict[int, int]]:
        """The rows, and where each published comment's badge goes: its offset in the
        rows, plus ``offset``, where the rows will start."""
        out, depth, slots = [], -1, {}
        written = offset - 1  # every part but the first follows a joining "\n"
        for entry in self.thread.entries:
            if depth >= 0:
                if entry.depth > depth:
                    between = '<ol class="comment-replies">'
                else:
                    between = "</li>" + "</ol></li>" * (depth - entry.depth)
                out.append(between)
                written += 1 + len(between)
            if entry.removed:
                row = self.removed_row(entry)
            else:
                header, rest = self.row(entry)
                slots[entry.id] = written + 1 + len(header)
                row = header + rest
            out.append(row)
            written += 1 + len(row)
            depth = entry.depth
        if depth >= 0:
            out.append("</li>" + "</ol></li>" * depth)
        return "\n".join(out), slots

    def row(self, entry) -> tuple[str, str]:
        """The comment's row in two parts; its badge, if any, goes between them."""
        pk, number = entry.id, entry.number
        css = f"comment depth-{entry.depth}" if entry.depth else "comment"
        local = entry.written_at().astimezone(self.zone)
        body = mentions.link_mentions(entry.body_html, number, self.mentions, self.thread.href)
        actions = (
            f'<a href="{self.reply_url}{pk}#comment-form" rel="nofollow">{self.reply}'
            f'<span class="visually-hidden"> {self.to_comment % {"number": number}}</span></a> · '
            if self.accepting
            else ""
        )
        header = (
            f'<li id="c{pk}" class="{css}">'
            f'<article aria-labelledby="c{pk}-meta">'
            f'<header class="comment-meta" id="c{pk}-meta">'
            f'<h3 class="comment-heading"><span class="comment-number">{number}.</span> '
            f'<span class="comment-author">{self.name(entry)}</span></h3> '
            f'<a class="comment-permalink" href="#c{pk}"><time datetime="'
            f'{local.isoformat(timespec="seconds")}">{self.when(local)}</time></a>'
            f"{self.parent_link(entry)}"
        )
        return header, (
            "</header>"
            f'<div class="comment-body">{body}</div>'
            f"{self.edited_note(entry)}"
            f'<p class="comment-actions">{actions}'
            f'<a href="{self.report_url[0]}{pk}{self.report_url[1]}" rel="nofollow" '
            f'class="comment-report">{self.report}<span class="visually-hidden"> '
            f"{self.comment_n % {'number': number}}</span></a></p>"
            "</article>"
        )

    def edited_note(self, entry) -> str:
        return f'<p class="comment-note">{self.edited}</p>' if entry.edited else ""

    def parent_link(self, entry) -> str:
        """Whom a reply answers, on every reply: nesting stops at MAX_DEPTH, and a reply
        to a comment on another page is shown without its parent."""
        parent = entry.parent
        if parent is None:
            return ""
        if parent.removed:  # a placeholder shows no name
            label = self.in_reply_to % {"number": parent.number}
        else:
            label = self.in_reply_to_named % {"number": parent.number, "name": "\0"}
            label = escape(label).replace("\0", self.name(parent))
        href = escape(self.thread.href(parent))
        return (
            ' <span class="comment-reply-to"><span aria-hidden="true">↪</span> '
            f'<a class="comment-parent" href="{href}">{label}</a></span>'
        )

    def removed_row(self, entry) -> str:
        css = f"comment-removed depth-{entry.depth}" if entry.depth else "comment-removed"
        return (
            f'<li id="c{entry.id}" class="{css}"><p class="comment-meta">'
            f'<span class="comment-number">{entry.number}.</span> '
            f"{self.removal_notice(entry.rule_number)}</p>"
        )

    def removal_notice(self, rule_number) -> str:
        if rule_number is None:
            return self.removed
        notice = self.rules.get(rule_number)
        if notice is None:
            notice = self.rules[rule_number] = self.removed_rule % {
                "policy_url": self.policy_url,
                "number": rule_number,
            }
        return notice


def _navigation(thread: ThreadPage):
    """Links to the other order and to the other pages, or None when there are none."""
    if not thread.offers_order():
        return None
    orders = [
        {
            "label": label,
            "url": thread.url(None, order) if order == NEWEST else thread.path,
            "current": order == thread.order,
        }
        for order, label in ((OLDEST, gettext("Oldest first")), (NEWEST, gettext("Newest first")))
    ]
    pages = []
    if thread.paged:
        total = len(thread.skeleton)
        numbers = range(1, thread.pages + 1)
        for page in reversed(numbers) if thread.order == NEWEST else numbers:
            first, last = (page - 1) * PAGE_SIZE + 1, min(page * PAGE_SIZE, total)
            pages.append(
                {
                    "first": first,
                    "last": last,
                    "url": thread.url(page),
                    "current": page == thread.page,
                }
            )
    step = -1 if thread.order == NEWEST else 1
    onward, back = thread.page + step, thread.page - step
    return {
        "orders": orders,
        "pages": pages,
        "onward": _page_link(thread, onward),
        "back": _page_link(thread, back),
    }


def _page_link(thread, page):
    if not thread.paged or not 1 <= page <= thread.pages:
        return None
    last = min(page * PAGE_SIZE, len(thread.skeleton))
    return {"url": thread.url(page), "first": (page - 1) * PAGE_SIZE + 1, "last": last}
