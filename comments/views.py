from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.generic import ListView

from posts.views import PostDetailView

from . import receipts
from .forms import CommentForm
from .identity import submitter_hash
from .models import PolicyRule
from .services import CommentsClosed, submit_comment


class PostPageView(PostDetailView):
    """The post page: the posts app's reading view, plus the comment form posting to it.

    A valid comment is stored and the reader is sent back to the page, where their own
    comment shows as awaiting moderation. An invalid one re-renders the page with the
    errors and everything the reader typed, so nothing is lost.
    """

    def post(self, request, *args, **kwargs):
        self.object = post = self.get_object()
        form = CommentForm(request.POST, post=post)
        if form.is_valid():
            try:
                comment = submit_comment(
                    post=post,
                    body=form.cleaned_data["body"],
                    author_name=form.cleaned_data["author_name"],
                    parent=form.cleaned_data["parent"],
                    submitter_hash=submitter_hash(request),
                )
            except CommentsClosed as closed:
                form.add_error(None, str(closed))
            else:
                messages.success(
                    request,
                    _(
                        "Thank you. Your comment is awaiting moderation; an editor will read it "
                        "against our comment policy before it is published."
                    ),
                )
                response = redirect(comment.get_absolute_url())
                receipts.remember_comment(request, response, comment)
                return response
        context = self.get_context_data(object=post, comment_form=form)
        return self.render_to_response(context, status=400)


class PolicyView(ListView):
    model = PolicyRule
    context_object_name = "rules"
    template_name = "comments/policy.html"
