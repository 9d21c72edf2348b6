"""How posts' templates reach comments: {% comment_thread post %} and {% comment_form post %}."""

from django import template

from .. import policy, receipts
from ..forms import CommentForm
from ..models import Comment
from ..thread import build_thread

register = template.Library()


@register.inclusion_tag("comments/_thread.html", takes_context=True)
def comment_thread(context, post):
    request = context["request"]
    return {"post": post, "thread": build_thread(post, receipts.own_comment_ids(request))}


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
        "reply_to": reply_to,
        "csrf_token": context.get("csrf_token"),
    }


def _reply_target(post, request):
    target = request.GET.get("replyto", "")
    if not target.isdigit():
        return None
    return Comment.objects.approved().for_post(post).filter(pk=int(target)).first()
