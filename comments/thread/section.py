"""The comment section of the post page, rendered for one request.

Used by ``{% comment_thread %}`` and by the cached post page (comments.post_page.shell),
which keeps the page around the thread and fills the thread in on every request: what
only this visitor sees (their own comments) and what changes with every decision (the
thread) are never part of the cached page.
"""

from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from . import cache, own_comments
from .build import build_thread_page
from .html import render_thread_page

# Where the thread goes in the section's template: the template engine copies a long
# string into its output far more slowly than str.replace (benchmarks/README.md).
_THREAD_SLOT = "<!--comment-thread-->"


def comment_section(request, post, view) -> str:
    """The section: the thread as this visitor sees it, then the moderation line."""
    section = render_to_string(
        "comments/_thread.html",
        {"thread": mark_safe(_THREAD_SLOT)},  # noqa: S308 (a constant)
    )
    # The slot comes before anything else the template prints, so the first match is it.
    return section.replace(_THREAD_SLOT, thread_as_seen_by(request, post, view), 1)


def section_around(stand_in: str) -> str:
    """The section with ``stand_in`` where the thread goes, for the cached page."""
    return render_to_string("comments/_thread.html", {"thread": stand_in})


def thread_as_seen_by(request, post, view, rendered=None) -> str:
    """``view`` (a ThreadView) of the public thread, cached (comments.thread.cache),
    then what only this visitor sees: "Your comment" on their published comments, and
    their comments nobody else sees. ``rendered``: the thread's cached RenderedThread
    when the caller has read it already."""
    if rendered is None:

        def render():
            thread = build_thread_page(post, view.page, view.order)
            return render_thread_page(thread, accepting=view.accepting), thread.in_range

        rendered = cache.cached_thread(post, view, render)
    own_ids = own_comments.own_comment_ids(request)
    if not own_ids:  # most readers: nothing of their own to add
        return rendered.html
    html = rendered.with_badges(own_ids, _("Your comment"))
    own = own_comments.own_unpublished(post, own_ids)
    if not own:
        return html
    return html + render_to_string(
        "comments/_own_comments.html",
        {
            "own_unpublished": [
                {
                    "comment": comment,
                    "name": comment.display_name,
                    "parent_name": comment.parent and comment.parent.display_name,
                }
                for comment in own
            ],
            "own_time_format": pgettext("comment time: December 3, 2010 3:40 PM", "F j, Y g:i A"),
        },
    )
