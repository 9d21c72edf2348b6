"""The moderation queue: editors approve, reject (citing a rule) or mark comments as spam.

This module holds the list (columns, filters, bulk actions); a row's cells and buttons
are in rows.py, the views behind the buttons in decisions.py, a comment's page in
comment_page.py. Every change of status goes through comments.services: nothing here
assigns ``status`` and nothing saves a comment.
"""

from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.template.response import TemplateResponse
from django.utils.text import Truncator
from django.utils.timesince import timesince
from django.utils.translation import gettext_lazy as _

from .. import services
from ..models import Comment
from ..sanitize import plain_text
from . import filters
from .comment_page import CommentPage
from .dashboard import Dashboard, forget_pending_count
from .decisions import VERBS, DecisionViews
from .forms import RejectionForm
from .rows import QueueChangeList, attention_cell, decide_cell, post_cell
from .seen import naming, still_as_seen


@admin.register(Comment)
class CommentAdmin(CommentPage, DecisionViews, Dashboard, admin.ModelAdmin):
    list_display = ("post_title", "author", "excerpt", "attention", "age", "status", "decide")
    list_display_links = ("excerpt",)
    list_filter = (
        filters.QueueStatusFilter,
        filters.ReportedFilter,
        filters.FlagFilter,
        filters.LinksFilter,
        filters.AgeFilter,
        filters.PostFilter,
        filters.SubmitterFilter,
    )
    list_select_related = ("post",)
    search_fields = ("body", "author_name")
    ordering = ("created_at", "id")
    list_per_page = 50
    # Counting every comment ever stored, on each page load, is the slowest query of a
    # large queue and tells the editor nothing they need.
    show_full_result_count = False
    actions = (
        "approve_comments",
        "reject_comments",
        "mark_comments_as_spam",
        "dismiss_reports",
    )

    class Media:
        css = {"all": ("comments/admin/queue.css",)}

    def get_queryset(self, request):
        # Flags are shown in every row: one query for the page, not one per row.
        return super().get_queryset(request).prefetch_related("flags")

    def get_changelist(self, request, **kwargs):
        return QueueChangeList

    def get_list_display(self, request):
        if self.has_moderate_permission(request):
            return self.list_display
        return tuple(name for name in self.list_display if name != "decide")

    def get_urls(self):
        return [*self.dashboard_urls(), *self.decision_urls(), *super().get_urls()]

    def changelist_view(self, request, extra_context=None):
        extra_context = {
            **(extra_context or {}),
            "can_moderate": self.has_moderate_permission(request),
            "title": _("Moderation queue"),
        }
        return super().changelist_view(request, extra_context)

    # --- permissions: moderating is its own permission, and nothing is edited here

    def has_moderate_permission(self, request):
        return request.user.has_perm("comments.moderate_comment")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        # Status changes only through moderation; a form save would write the status
        # column back and could undo another editor's decision.
        return False

    def has_delete_permission(self, request, obj=None):
        # Deleting is not moderation (spam keeps the record); only superusers clean up.
        return request.user.is_superuser

    def get_actions(self, request):
        actions = super().get_actions(request)
        # Bulk deletion next to the moderation verbs is one slip away from losing comments.
        actions.pop("delete_selected", None)
        return actions

    # --- columns

    @admin.display(description=_("post"), ordering="post__title")
    def post_title(self, comment):
        return post_cell(comment, Truncator(comment.post.title).chars(50))

    @admin.display(description=_("author"), ordering="author_name")
    def author(self, comment):
        return comment.display_name

    @admin.display(description=_("comment"))
    def excerpt(self, comment):
        return Truncator(plain_text(comment.body_html)).chars(80)

    @admin.display(description=_("flags and reports"))
    def attention(self, comment):
        return attention_cell(comment)

    @admin.display(description=_("age"), ordering="created_at")
    def age(self, comment):
        return timesince(comment.created_at, depth=1)

    @admin.display(description=_("decide"))
    def decide(self, comment):
        return decide_cell(comment)

    # --- bulk actions

    @admin.action(permissions=["moderate"], description=_("Approve selected comments"))
    def approve_comments(self, request, queryset):
        self._decide_each(request, queryset, "approve")

    @admin.action(permissions=["moderate"], description=_("Reject selected comments"))
    def reject_comments(self, request, queryset):
        if "confirm" in request.POST:
            form = RejectionForm(request.POST)
            if form.is_valid():
                self._decide_each(request, queryset, "reject", **form.cleaned_data)
                return None
        else:
            form = RejectionForm()
        comments = self._to_decide(request, queryset, VERBS["reject"])
        if not comments:
            return None
        context = {
            **self.admin_site.each_context(request),
            "title": _("Reject comments"),
            "opts": self.opts,
            "comments": comments,
            "form": form,
            "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
            "action": "reject_comments",
        }
        return TemplateResponse(request, "admin/comments/comment/reject_confirmation.html", context)

    @admin.action(permissions=["moderate"], description=_("Mark selected comments as spam"))
    def mark_comments_as_spam(self, request, queryset):
        self._decide_each(request, queryset, "spam")

    @admin.action(permissions=["moderate"], description=_("Dismiss reports (keep published)"))
    def dismiss_reports(self, request, queryset):
        self._decide_each(request, queryset, "dismiss")

    def _still_as_seen(self, request, queryset):
        """The selected comments still in the status the editor saw; says why not the others.

        The queryset holds only comments matching the page's filters. Comments acted on
        without a row's status ("select all") must have the status the filter pins, so in
        the "All" view, which pins none, selecting all is refused.
        """
        shown = filters.shown_status(request.GET)
        if shown is None and request.POST.get("select_across") == "1":
            self.message_user(
                request,
                _("Choose a status to act on every comment of the list; nothing was changed."),
                messages.WARNING,
            )
            return []
        asked = {
            # ASCII digits only: str.isdigit() also accepts "²", which int() refuses.
            int(pk)
            for pk in request.POST.getlist(helpers.ACTION_CHECKBOX_NAME)
            if pk.isascii() and pk.isdigit()
        }
        fresh, warnings = still_as_seen(request, list(queryset), asked=asked, shown=shown)
        for warning in warnings:
            self.message_user(request, warning, messages.WARNING)
        return fresh

    def _to_decide(self, request, queryset, verb):
        """The selected comments still as seen that ``verb`` applies to; names the rest."""
        comments = self._still_as_seen(request, queryset)
        unchanged = [c.pk for c in comments if not verb.applies_to(c)]
        if unchanged:
            self.message_user(request, naming(verb.unchanged, unchanged), messages.WARNING)
        return [c for c in comments if verb.applies_to(c)]

    def _decide_each(self, request, queryset, verb_name, *, rule=None, note=""):
        verb = VERBS[verb_name]
        changed = 0
        for comment in self._to_decide(request, queryset, verb):
            try:
                verb.apply(comment, editor=request.user, rule=rule, note=note)
            except services.ModerationError as error:
                self.message_user(
                    request,
                    _("Comment %(id)s was not changed: %(reason)s")
                    % {"id": comment.pk, "reason": error},
                    messages.WARNING,
                )
            else:
                changed += 1
        if changed:
            forget_pending_count()
            self.message_user(request, verb.done % {"count": changed}, messages.SUCCESS)
