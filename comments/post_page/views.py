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
from . import cache_reads, conditional, shell


class PostPageView(PostDetailView):
    """The post page: the posts app's reading view, plus the comment form posting to it.

    Readers are served the page from its cached shell with their own parts filled in
    (comments.page_cache); editors, and anyone with a message waiting, get it rendered.

    A valid comment is stored and the reader is sent back to the page, where their own
    comment shows as awaiting moderation. An invalid or refused one re-renders the page
    with the reason and everything the reader typed, so nothing is lost.

    A comment the site sent to spam gets the same thanks and redirect, but no receipt:
    the sender's browser would otherwise show "not published" and teach a program
    which of its tricks was caught.
    """

    def get(self, request, *args, **kwargs):
        # One query for the post and one read of the cache, then a 304, or the page
        # from its cached shell (comments.page_cache), before anything is rendered.
        self.object = post = self.get_object()
        reads = cache_reads.read(post)
        etag = conditional.page_etag(request, post, reads)
        if conditional.is_current(request, etag):
            return conditional.not_modified()
        if shell.serves(request):
            response = HttpResponse(self.page_from_shell(post, reads))
        else:
            response = self.render_to_response(self.get_context_data(object=post))
        if etag:
            response["ETag"] = etag
            response["Cache-Control"] = conditional.CACHE_CONTROL
        return response

    def page_from_shell(self, post, reads) -> str:
        """The page from its cached shell, or rendered now with stand-ins (and kept)."""
        found = shell.lookup(self.request, post, reads)
        kept = found.shell
        if kept is None:
            context = self.get_context_data(object=post, **shell.shell_context())
            kept = self.render_to_response(context).rendered_content
            if shell.storable(self.request, post):
                shell.store(found.key, kept)
        return shell.fill(kept, self.request, post, reads=reads, thread=found.thread)

    def post(self, request, *args, **kwargs):
        try:
            self.object = post = self.get_object()
        except Http404:
            # The post changed address or was unpublished while the reader wrote: the
            # plain 404 page would lose their words, so this one hands them back.
            context = handed_back(request.POST)
            return render(request, "comments/post_gone.html", context, status=404)
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
