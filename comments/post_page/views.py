"""The post page's view: read from the shell or rendered, and the comment form's POST."""

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from borderblog.identity import submitter_hash
from borderblog.views import handed_back
from posts.views import PostDetailView

from ..forms import CommentForm
from ..models import Comment
from ..services import Refused, submit_comment
from ..thread import own_comments
from ..thread.build import ThreadView
from . import cache_reads, conditional, shell


class PostPageView(PostDetailView):
    """The post page: the posts app's reading view, plus the comment form posting to it.

    Readers are served the page from its cached shell with their own parts filled in
    (shell); editors, and anyone with a message waiting, get it rendered.

    A valid comment is stored and the reader is sent back to the page, where their own
    comment shows as awaiting moderation. An invalid or refused one re-renders the page
    with the reason and everything the reader typed, so nothing is lost.

    A comment the site sent to spam gets the same thanks and redirect, but no receipt:
    the sender's browser would otherwise show "not published" and teach a program
    which of its tricks was caught.
    """

    def get(self, request, *args, **kwargs):
        # One query for the post and one read of the cache, then a 304, or the page
        # from its cached shell, before anything is rendered.
        self.object = post = self.get_object()
        self.thread_view = view = ThreadView.of(request, post)
        reads = cache_reads.read(post)
        etag = conditional.page_etag(request, post, reads, view)
        answered = conditional.answer_if_current(request, etag)
        if answered is not None:
            return answered
        if shell.serves(request):
            response = HttpResponse(self.page_from_shell(post, reads, view))
        else:
            response = self.render_to_response(self.get_context_data(object=post))
        if etag:
            conditional.add_validator(response, etag)
        return response

    def page_from_shell(self, post, reads, view) -> str:
        """The page from its cached shell, or rendered now with stand-ins (and kept)."""
        found = shell.lookup(self.request, post, reads, view)
        kept = found.shell
        if kept is None:
            context = self.get_context_data(object=post, **shell.shell_context())
            kept = self.render_to_response(context).rendered_content
            if shell.storable(self.request, post, view):
                shell.store(found.key, kept)
        return shell.fill(kept, self.request, post, view, reads=reads, thread=found.thread)

    def get_context_data(self, **kwargs):
        # The comment tags read the request's ThreadView rather than asking again.
        return super().get_context_data(thread_view=self.thread_view, **kwargs)

    def post(self, request, *args, **kwargs):
        try:
            self.object = post = self.get_object()
        except Http404:
            # The post changed address or was unpublished while the reader wrote: the
            # plain 404 page would lose their words, so this one hands them back.
            context = handed_back(request.POST)
            return render(request, "comments/post_gone.html", context, status=404)
        self.thread_view = ThreadView.of(request, post)
        form = CommentForm(request.POST, post=post)
        status, retry_after = 400, None
        if form.is_valid():
            try:
                comment = submit_comment(
                    post=post,
                    body=form.cleaned_data["body"],
                    author_name=form.cleaned_data["author_name"],
                    parent=form.cleaned_data["parent"],
                    submitter_hash=submitter_hash(request),
                    honeypot=form.cleaned_data["website"],
                    seconds_on_page=form.seconds_on_page,
                )
            except Refused as refused:
                form.add_error(None, str(refused))
                status, retry_after = refused.status_code, getattr(refused, "retry_after", None)
            else:
                messages.success(
                    request,
                    _(
                        "Thank you. Your comment is awaiting moderation; an editor will read it "
                        "against our comment policy before it is published."
                    ),
                )
                response = redirect(comment.get_absolute_url())
                if comment.status == Comment.Status.PENDING:
                    own_comments.remember_comment(request, response, comment)
                return response
        context = self.get_context_data(object=post, comment_form=form)
        response = self.render_to_response(context, status=status)
        if retry_after:
            response["Retry-After"] = str(retry_after)
        return response
