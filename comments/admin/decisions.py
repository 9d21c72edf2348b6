"""Deciding from a queue row or a comment's page; redacting; banning the submitter.

Each view gathers one editor's choice, checks that the comment is still in the status
the editor saw when the page was drawn, calls one function of comments.services, and
says what happened. Two guards, for two kinds of lateness:

- the seen status (``seen_<id>`` from a queue row, ``from_status`` from the comment's
  page; see seen.py) catches a page that was already out of date when the button was
  pressed;
- the conditional UPDATE inside comments.services.moderation settles true races, when two
  editors press at the same instant: exactly one wins, the other hears AlreadyDecided.
"""

import posixpath
from collections.abc import Callable
from typing import NamedTuple
from urllib.parse import urlsplit

from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils import formats
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy, pgettext_lazy
from django.views.decorators.http import require_POST

from borderblog import identity

from .. import services
from ..models import Comment
from .dashboard import forget_pending_count
from .forms import BanForm, DecisionForm, RedactionForm
from .seen import naming, still_as_seen

Status = Comment.Status


class Verb(NamedTuple):
    decide: Callable  # one of the moderation verbs of comments.services
    to_status: str | None  # None: the comment keeps its status (dismissing reports)
    label: str
    done: str  # the outcome, as a lazy plural taking %(count)d
    one: str  # the outcome for one comment, naming it: the editor may have several tabs
    unchanged: str  # why comments it cannot apply to were left alone; naming() fills it in

    def applies_to(self, comment):
        if self.to_status is None:
            return comment.status == Status.APPROVED and comment.report_count > 0
        return services.can_transition(comment.status, self.to_status)

    def apply(self, comment, *, editor, rule=None, note=""):
        if self.to_status == Status.REJECTED:
            return self.decide(comment, editor=editor, rule=rule, note=note)
        return self.decide(comment, editor=editor, note=note)


VERBS = {
    "approve": Verb(
        services.approve,
        Status.APPROVED,
        _("Approve"),
        ngettext_lazy(
            "%(count)d comment was approved.", "%(count)d comments were approved.", "count"
        ),
        _("Comment %(id)s was approved."),
        ngettext_lazy(
            "Comment %(ids)s is already approved; nothing was changed.",
            "Comments %(ids)s are already approved; nothing was changed for them.",
            "count",
        ),
    ),
    "reject": Verb(
        services.reject,
        Status.REJECTED,
        _("Reject"),
        ngettext_lazy(
            "%(count)d comment was rejected.", "%(count)d comments were rejected.", "count"
        ),
        _("Comment %(id)s was rejected under rule %(rule)s."),
        ngettext_lazy(
            "Comment %(ids)s is already rejected; nothing was changed.",
            "Comments %(ids)s are already rejected; nothing was changed for them.",
            "count",
        ),
    ),
    "spam": Verb(
        services.mark_spam,
        Status.SPAM,
        # A button, which acts: Spanish words it "Marcar como spam", the status "Spam".
        pgettext_lazy("moderation button", "Spam"),
        ngettext_lazy(
            "%(count)d comment was marked as spam.",
            "%(count)d comments were marked as spam.",
            "count",
        ),
        _("Comment %(id)s was marked as spam."),
        ngettext_lazy(
            "Comment %(ids)s is already marked as spam; nothing was changed.",
            "Comments %(ids)s are already marked as spam; nothing was changed for them.",
            "count",
        ),
    ),
    "dismiss": Verb(
        services.dismiss_reports,
        None,
        _("Dismiss reports"),
        ngettext_lazy(
            "Reports on %(count)d comment were dismissed; it stays published.",
            "Reports on %(count)d comments were dismissed; they stay published.",
            "count",
        ),
        _("Reports on comment %(id)s were dismissed; it stays published."),
        # Only a published comment has open reports: a decision closes them.
        ngettext_lazy(
            "Comment %(ids)s has no open reports; nothing was changed.",
            "Comments %(ids)s have no open reports; nothing was changed for them.",
            "count",
        ),
    ),
}


def safe_next(request):
    """The ``next`` address if it is a page of this admin on this host, else None."""
    target = request.GET.get("next", "")
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return None
    admin_root = reverse("admin:index")
    page = posixpath.normpath(urlsplit(target).path) + "/"
    return target if page.startswith(admin_root) else None


def in_current_key_period(comment):
    """Whether the comment's submitter hash is the one its sender has now.

    Hashes are keyed per rotation period: a hash from an earlier period matches nobody
    any more, so a ban on it would be an empty gesture.
    """
    return identity.rotation_period(comment.created_at.timestamp()) == identity.rotation_period()


class DecisionViews:
    """The POST endpoints of the queue's rows and the comment's page (for CommentAdmin)."""

    def decision_urls(self):
        def post_only(view):
            return self.admin_site.admin_view(require_POST(view))

        return [
            path(
                "<path:object_id>/moderate/",
                post_only(self.moderate_view),
                name="comments_comment_moderate",
            ),
            path(
                "<path:object_id>/redact/",
                post_only(self.redact_view),
                name="comments_comment_redact",
            ),
            path("<path:object_id>/ban/", post_only(self.ban_view), name="comments_comment_ban"),
        ]

    def _comment_for(self, request, object_id):
        if not self.has_moderate_permission(request):
            raise PermissionDenied
        comment = self.get_object(request, unquote(object_id))
        if comment is None:
            raise Http404
        return comment

    def _stale(self, request, comment):
        fresh, warnings = still_as_seen(request, [comment])
        for warning in warnings:
            self.message_user(request, warning, messages.WARNING)
        return not fresh

    def moderate_view(self, request, object_id):
        """One decision on one comment; back to the queue page it came from, if given."""
        comment = self._comment_for(request, object_id)
        back = redirect(
            safe_next(request) or reverse("admin:comments_comment_change", args=[comment.pk])
        )
        verb = VERBS.get(request.POST.get("verb"))
        # A queue row names its rule select after the comment; the comment's page does not.
        rule = request.POST.get(f"rule_{comment.pk}") or request.POST.get("rule") or ""
        form = DecisionForm({"rule": rule, "note": request.POST.get("note", "")})
        if verb is None or not form.is_valid():
            self.message_user(request, _("Choose a decision and a listed rule."), messages.ERROR)
            return back
        if self._stale(request, comment):
            return back
        if not verb.applies_to(comment):
            self.message_user(request, naming(verb.unchanged, [comment.pk]), messages.WARNING)
            return back
        try:
            verb.apply(comment, editor=request.user, **form.cleaned_data)
        except services.ModerationError as error:
            self.message_user(request, str(error), messages.ERROR)
        else:
            forget_pending_count()
            self.message_user(request, done_with(verb, comment), messages.SUCCESS)
        return back

    def redact_view(self, request, object_id):
        """Change the words, keeping the old ones; publish at the same time if asked."""
        comment = self._comment_for(request, object_id)
        back = redirect("admin:comments_comment_change", comment.pk)
        form = RedactionForm(request.POST)
        if not form.is_valid():
            self.message_user(request, form_errors(_("Nothing was redacted"), form), messages.ERROR)
            return back
        if self._stale(request, comment):
            return back
        body, note = form.cleaned_data["body"], form.cleaned_data["note"]
        publish = request.POST.get("then") == "approve"
        try:
            if publish:
                services.approve(comment, editor=request.user, note=note, body=body)
            elif comment.status != Status.APPROVED:
                raise services.ModerationError(
                    _("Only a published comment is redacted on its own; use Redact and approve.")
                )
            elif body == comment.body:
                raise services.ModerationError(_("The words are unchanged; nothing was saved."))
            else:
                services.redact(comment, editor=request.user, body=body, note=note)
        except services.ModerationError as error:
            self.message_user(request, str(error), messages.ERROR)
            return back
        if publish:
            forget_pending_count()
            done = _("Comment %(id)s was redacted and approved.")
        else:
            done = _("Comment %(id)s was redacted; readers see the new words.")
        self.message_user(request, done % {"id": comment.pk}, messages.SUCCESS)
        return back

    def ban_view(self, request, object_id):
        """Ban the comment's submitter (by keyed hash) for a few days."""
        comment = self._comment_for(request, object_id)
        if not request.user.has_perm("comments.add_ban"):
            raise PermissionDenied
        back = redirect("admin:comments_comment_change", comment.pk)
        form = BanForm(request.POST)
        if not form.is_valid():
            self.message_user(request, form_errors(_("Nobody was banned"), form), messages.ERROR)
            return back
        if not comment.submitter_hash or not in_current_key_period(comment):
            self.message_user(
                request,
                _("This comment was sent under an earlier key; a ban would match nobody."),
                messages.ERROR,
            )
            return back
        ban = services.ban_submitter(
            comment.submitter_hash,
            editor=request.user,
            days=form.cleaned_data["days"],
            reason=form.cleaned_data["reason"],
        )
        self.message_user(
            request,
            _(
                "The submitter of comment %(id)s is banned until %(until)s; "
                "their new comments go straight to spam."
            )
            % {"id": comment.pk, "until": formats.date_format(ban.expires_at, "DATETIME_FORMAT")},
            messages.SUCCESS,
        )
        return back


def done_with(verb, comment):
    rule = comment.cited_rule.number if comment.cited_rule else ""
    return verb.one % {"id": comment.pk, "rule": rule}


def form_errors(prefix, form):
    problems = "; ".join(
        f"{form.fields[name].label}: {' '.join(errors)}"
        if name in form.fields
        else " ".join(errors)
        for name, errors in form.errors.items()
    )
    return f"{prefix} — {problems}"
