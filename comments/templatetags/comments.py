"""How posts' templates reach comments: {% comment_thread post %} and {% comment_form post %}."""

from django import template
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, pgettext

from .. import caching, policy, receipts
from ..forms import CommentForm
from ..models import Comment
from ..stats import humane_duration, public_queue_state
from ..thread import build_thread_page, own_unpublished, requested_view
from ..thread_html import mark_own, render_thread_page

register = template.Library()


@register.inclusion_tag("comments/_thread.html", takes_context=True)
def comment_thread(context, post):
    """The comment section: the public thread (cached, comments.caching), then what only
    this visitor sees: "Your comment" on their published comments, and their comments
    that nobody else sees. ?cpage=N picks a page, ?corder=newest the order."""
    request = context["request"]
    page, order = requested_view(request.GET)
    accepting = policy.accepts_comments(post)

    def render():
        thread = build_thread_page(post, page, order)
        return render_thread_page(thread, accepting=accepting), thread.in_range

    fragment = caching.cached_thread(post, page, order, accepting, render)
    own_ids = receipts.own_comment_ids(request)
    if own_ids:
        fragment = mark_own(fragment, own_ids, _("Your comment"))
    return {
        "post": post,
        "fragment": mark_safe(fragment),  # noqa: S308 (built from sanitised HTML; thread_html)
        "own_unpublished": [
            {
                "comment": comment,
                "name": comment.display_name,
                "parent_name": comment.parent and comment.parent.display_name,
            }
            for comment in own_unpublished(post, own_ids)
        ],
        "own_time_format": pgettext("comment time: December 3, 2010 3:40 PM", "F j, Y g:i A"),
    }


@register.inclusion_tag("comments/_form.html", takes_context=True)
def comment_form(context, post):
    """The comment form; after a failed submission, the reader's bound form with errors.

    A "Reply" link adds ?replyto=<id>; only an approved comment of this post is taken.
    """
    request = context["request"]
    form = context.get("comment_form")
    if form is None:
        form = CommentForm(post=post, initial={"parent": _reply_target(post, request)})
    if form.is_bound:
        reply_to = getattr(form, "cleaned_data", {}).get("parent")
    else:
        reply_to = form.initial.get("parent")
    return {
        "post": post,
        "form": form,
        "accepting": policy.accepts_comments(post),
        "closed_reason": policy.closed_reason(post),
        "queue": queue_notice(),
        "reply_to": reply_to,
        # The name as the thread shows it: an anonymous commenter's handle on this post.
        "reply_to_name": reply_to and reply_to.display_name,
        "csrf_token": context.get("csrf_token"),
    }


def _reply_target(post, request):
    target = request.GET.get("replyto", "")
    if not target.isdigit():
        return None
    return Comment.objects.approved().for_post(post).filter(pk=int(target)).first()


def queue_notice():
    """The queue's state in the words the form shows, e.g. "12 comments in the moderation
    queue; most are reviewed within 2 hours". Never "awaiting moderation": those words
    are kept for the submitter's own notice so the two never read alike.
    """
    state = public_queue_state()
    waiting = ngettext(
        "%(count)d comment in the moderation queue",
        "%(count)d comments in the moderation queue",
        state["pending"],
    ) % {"count": state["pending"]}
    if state["most_within"] is None:
        return waiting + "."
    return _("%(waiting)s; most are reviewed within %(duration)s.") % {
        "waiting": waiting,
        "duration": humane_duration(state["most_within"]),
    }
