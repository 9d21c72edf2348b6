"""How posts' templates reach comments: {% comment_thread post %} and {% comment_form post %}."""

from django import template
from django.utils.safestring import mark_safe

from .. import closing
from ..forms import CommentForm
from ..models import Comment
from ..queue_figures import queue_notice
from ..thread.build import ThreadView
from ..thread.section import comment_section, section_around

register = template.Library()

MAX_ID_DIGITS = 18  # a 64-bit primary key has at most 19 digits


def _thread_view(context, post) -> ThreadView:
    """The request's ThreadView: the post page's, or made here for any other page."""
    return context.get("thread_view") or ThreadView.of(context["request"], post)


@register.simple_tag(takes_context=True)
def comment_thread(context, post):
    """The comment section (comments.thread.section); around a stand-in for the thread
    when the page is rendered to be kept in the cache, which fills it in per request."""
    holes = context.get("page_holes")
    if holes is not None:
        return mark_safe(section_around(holes.thread))  # noqa: S308 (a template's output)
    section = comment_section(context["request"], post, _thread_view(context, post))
    return mark_safe(section)  # noqa: S308 (sanitised)


@register.inclusion_tag("comments/_form.html", takes_context=True)
def comment_form(context, post):
    """The comment form; after a failed submission, the reader's bound form with errors.

    A "Reply" link adds ?replyto=<id>; only an approved comment of this post is taken.
    """
    request = context["request"]
    holes = context.get("page_holes")
    form = context.get("comment_form")
    if form is None:
        form = CommentForm(post=post, initial={"parent": _reply_target(post, request)})
    if holes is not None:
        # Filled in per request by comments.post_page.shell: a form's age must be its own.
        form.fields["timestamp"].initial = holes.timestamp
    accepting = _thread_view(context, post).accepting
    if form.is_bound:
        reply_to = getattr(form, "cleaned_data", {}).get("parent")
    else:
        reply_to = form.initial.get("parent")
    return {
        "post": post,
        "form": form,
        "accepting": accepting,
        "closed_reason": "" if accepting else closing.closed_reason(post),
        # Changes with every comment sent, so the cached page leaves a hole for it.
        "queue": queue_notice() if holes is None else holes.queue,
        "reply_to": reply_to,
        # The name as the thread shows it: an anonymous commenter's handle on this post.
        "reply_to_name": reply_to and reply_to.display_name,
        "csrf_token": context.get("csrf_token"),
    }


def _reply_target(post, request):
    target = request.GET.get("replyto", "")
    # ASCII digits only (str.isdigit() also accepts "²" and "①", which int() refuses),
    # and no more than an id can have.
    if not (target.isascii() and target.isdigit()) or len(target) > MAX_ID_DIGITS:
        return None
    return Comment.objects.approved().for_post(post).filter(pk=int(target)).first()
