"""The comments app's other public pages: the published policy, and reporting a comment."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.generic import FormView, ListView

from borderblog.identity import submitter_hash
from posts.models import Post

from . import services
from .forms import ReportForm
from .models import Comment, PolicyRule


class PolicyView(ListView):
    model = PolicyRule
    context_object_name = "rules"
    template_name = "comments/policy.html"


class ReportCommentView(FormView):
    """A reader reports a published comment; it stays published until an editor decides."""

    form_class = ReportForm
    template_name = "comments/report.html"

    def dispatch(self, request, *args, **kwargs):
        self.comment = get_object_or_404(
            Comment.objects.approved().select_related("post"),
            pk=kwargs["pk"],
            post__in=Post.objects.published(),
        )
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(comment=self.comment, post=self.comment.post, **kwargs)

    def form_valid(self, form):
        try:
            services.report_comment(
                self.comment,
                rule=form.cleaned_data["rule"],
                note=form.cleaned_data["note"],
                submitter_hash=submitter_hash(self.request),
            )
        except services.AlreadyReported:
            messages.info(self.request, _("You have already reported this comment. Thank you."))
        except services.TooManyReports as limited:
            form.add_error(
                None,
                _(
                    "You have sent many reports in a short time. Please try again in "
                    "%(minutes)d minutes."
                )
                % {"minutes": max(1, limited.retry_after // 60)},
            )
            return self.render_to_response(self.get_context_data(form=form), status=429)
        else:
            messages.success(
                self.request,
                _(
                    "Thank you. An editor will read the comment again against rule "
                    "%(number)d; it stays up until they decide."
                )
                % {"number": form.cleaned_data["rule"].number},
            )
        return redirect(self.comment.get_absolute_url())

    def form_invalid(self, form):
        return self.render_to_response(self.get_context_data(form=form), status=400)
