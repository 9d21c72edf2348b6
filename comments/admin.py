"""The moderation queue: editors approve, reject (citing a rule) or mark comments as spam.

Every change of status goes through comments.moderation; this module only gathers the
editor's choice, calls the verb for each comment and reports what happened. Nothing here
assigns ``status`` and nothing saves a comment.
"""

from collections.abc import Callable
from typing import NamedTuple

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.contrib.admin.utils import unquote
from django.contrib.admin.widgets import AdminRadioSelect
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.utils.timesince import timesince
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy
from django.views.decorators.http import require_POST

from . import moderation
from .models import Comment, ModerationDecision, PolicyRule
from .sanitize import plain_text

Status = Comment.Status


class Verb(NamedTuple):
    decide: Callable  # one of the comments.moderation verbs
    to_status: str
    label: str
    done: str  # the outcome, as a lazy plural taking %(count)d

    def apply(self, comment, *, editor, rule=None, note=""):
        if self.to_status == Status.REJECTED:
            return self.decide(comment, editor=editor, rule=rule, note=note)
        return self.decide(comment, editor=editor, note=note)


VERBS = {
    "approve": Verb(
        moderation.approve,
        Status.APPROVED,
        _("Approve"),
        ngettext_lazy(
            "%(count)d comment was approved.", "%(count)d comments were approved.", "count"
        ),
    ),
    "reject": Verb(
        moderation.reject,
        Status.REJECTED,
        _("Reject"),
        ngettext_lazy(
            "%(count)d comment was rejected.", "%(count)d comments were rejected.", "count"
        ),
    ),
    "spam": Verb(
        moderation.mark_spam,
        Status.SPAM,
        _("Mark as spam"),
        ngettext_lazy(
            "%(count)d comment was marked as spam.",
            "%(count)d comments were marked as spam.",
            "count",
        ),
    ),
}


def already_decided(pk):
    # The same words moderation.AlreadyDecided uses when it loses the race itself.
    return _("Comment %(id)s was already decided by someone else; nothing was changed.") % {
        "id": pk
    }


class DecisionForm(forms.Form):
    rule = forms.ModelChoiceField(
        PolicyRule.objects.all(),
        label=_("Policy rule cited"),
        widget=AdminRadioSelect(attrs={"class": "radiolist"}),
        required=False,
        help_text=_("A rejection must cite the rule the comment breaks."),
    )
    note = forms.CharField(
        label=_("Note"),
        widget=forms.Textarea(attrs={"rows": 3, "cols": 60}),
        required=False,
        help_text=_("Optional; only editors see it, in the decision history."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The editor reads the rule's text, not just its title, when choosing what to cite.
        self.fields["rule"].label_from_instance = lambda rule: f"{rule} — {rule.text}"


class RejectionForm(DecisionForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["rule"].required = True


class QueueStatusFilter(admin.SimpleListFilter):
    """Status filter whose unfiltered state is the queue itself: pending comments."""

    title = _("status")
    parameter_name = "status"
    ALL = "all"

    def lookups(self, request, model_admin):
        return [*Status.choices, (self.ALL, _("All"))]

    def current(self):
        return self.value() or Status.PENDING

    def queryset(self, request, queryset):
        if self.current() == self.ALL:
            return queryset
        return queryset.filter(status=self.current())

    def choices(self, changelist):
        counts = self.get_facet_queryset(changelist) if changelist.add_facets else {}
        for i, (value, label) in enumerate(self.lookup_choices):
            if f"{i}__c" in counts:
                label = f"{label} ({counts[f'{i}__c']})"
            yield {
                "selected": self.current() == value,
                "query_string": changelist.get_query_string({self.parameter_name: value}),
                "display": label,
            }


class DecisionHistoryInline(admin.TabularInline):
    model = ModerationDecision
    verbose_name_plural = _("decision history")
    fields = ("decided_at", "editor", "transition", "rule", "note")
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = False

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("editor", "rule")

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description=_("from → to"))
    def transition(self, decision):
        return f"{decision.get_from_status_display()} → {decision.get_to_status_display()}"


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin):
    list_display = ("post_title", "author", "excerpt", "age", "status")
    list_display_links = ("excerpt",)
    list_filter = (QueueStatusFilter, ("post", admin.RelatedOnlyFieldListFilter))
    list_select_related = ("post",)
    search_fields = ("body", "author_name")
    ordering = ("created_at", "id")
    list_per_page = 50
    # Counting every comment ever stored, on each page load, is the slowest query of a
    # large queue and tells the editor nothing they need.
    show_full_result_count = False
    actions = ("approve_comments", "reject_comments", "mark_comments_as_spam")
    fields = ("post_link", "author", "created_at", "parent", "rendered_body", "status")
    readonly_fields = fields
    inlines = (DecisionHistoryInline,)

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
        return Truncator(comment.post.title).chars(50)

    @admin.display(description=_("author"), ordering="author_name")
    def author(self, comment):
        return comment.display_name

    @admin.display(description=_("comment"))
    def excerpt(self, comment):
        return Truncator(plain_text(comment.body_html)).chars(80)

    @admin.display(description=_("age"), ordering="created_at")
    def age(self, comment):
        return timesince(comment.created_at, depth=1)

    @admin.display(description=_("post"))
    def post_link(self, comment):
        return format_html('<a href="{}">{}</a>', comment.post.get_absolute_url(), comment.post)

    @admin.display(description=_("comment as readers see it"))
    def rendered_body(self, comment):
        # body_html is sanitised once, when the comment is stored (comments.sanitize).
        return mark_safe(comment.body_html)  # noqa: S308

    # --- actions

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
        comments = self._still_selected(request, queryset)
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

    def _still_selected(self, request, queryset):
        """The selected comments still in this view of the queue; reports the others.

        The queryset is the changelist's, filters included: a comment the editor ticked
        that no longer matches (usually: no longer pending) was decided meanwhile.
        """
        comments = list(queryset)
        present = {str(comment.pk) for comment in comments}
        for pk in request.POST.getlist(helpers.ACTION_CHECKBOX_NAME):
            if pk not in present:
                self.message_user(request, already_decided(pk), messages.WARNING)
        return comments

    def _decide_each(self, request, queryset, verb_name, *, rule=None, note=""):
        verb = VERBS[verb_name]
        changed = 0
        for comment in self._still_selected(request, queryset):
            try:
                verb.apply(comment, editor=request.user, rule=rule, note=note)
            except moderation.ModerationError as error:
                self.message_user(
                    request,
                    _("Comment %(id)s was not changed: %(reason)s")
                    % {"id": comment.pk, "reason": error},
                    messages.WARNING,
                )
            else:
                changed += 1
        if changed:
            self.message_user(request, verb.done % {"count": changed}, messages.SUCCESS)

    # --- the change page: read, then decide with the same verbs

    def get_urls(self):
        moderate = self.admin_site.admin_view(require_POST(self.moderate_view))
        return [
            path(
                "<path:object_id>/moderate/",
                moderate,
                name="comments_comment_moderate",
            ),
            *super().get_urls(),
        ]

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None and self.has_moderate_permission(request):
            context["decision_form"] = DecisionForm()
            context["verbs"] = [
                (name, verb.label)
                for name, verb in VERBS.items()
                if moderation.can_transition(obj.status, verb.to_status)
            ]
        return super().render_change_form(request, context, add, change, form_url, obj)

    def moderate_view(self, request, object_id):
        if not self.has_moderate_permission(request):
            raise PermissionDenied
        comment = self.get_object(request, unquote(object_id))
        if comment is None:
            raise Http404
        back = redirect("admin:comments_comment_change", comment.pk)
        form = DecisionForm(request.POST)
        verb_name = request.POST.get("verb")
        if verb_name not in VERBS or not form.is_valid():
            self.message_user(request, _("Choose a decision and a listed rule."), messages.ERROR)
            return back
        # The page showed the comment in the status it was in then; if that has changed,
        # another editor decided in the meantime and this decision was made blind to it.
        if request.POST.get("from_status") != comment.status:
            self.message_user(request, already_decided(comment.pk), messages.WARNING)
            return back
        verb = VERBS[verb_name]
        try:
            verb.apply(comment, editor=request.user, **form.cleaned_data)
        except moderation.ModerationError as error:
            self.message_user(request, str(error), messages.ERROR)
        else:
            self.message_user(request, verb.done % {"count": 1}, messages.SUCCESS)
        return back


@admin.register(PolicyRule)
class PolicyRuleAdmin(admin.ModelAdmin):
    list_display = ("number", "title")
    list_display_links = ("number", "title")
    search_fields = ("title", "text")


@admin.register(ModerationDecision)
class ModerationDecisionAdmin(admin.ModelAdmin):
    """The audit trail, read-only: decisions are written by comments.moderation alone."""

    list_display = ("decided_at", "comment", "editor", "from_status", "to_status", "rule")
    list_filter = ("to_status", "rule", ("editor", admin.RelatedOnlyFieldListFilter))
    list_select_related = ("comment", "editor", "rule")
    date_hierarchy = "decided_at"
    show_full_result_count = False

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
