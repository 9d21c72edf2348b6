"""A comment's page in the admin: everything an editor reads before deciding.

The comment itself is never edited through a model form (its status changes only in
comments.services); the forms below the page post to the views of decisions.py.
"""

from datetime import UTC, datetime

from django.conf import settings
from django.contrib import admin
from django.db.models import Count
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.http import urlencode
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from borderblog import identity

from ..models import Ban, Comment, ModerationDecision, Redaction, Report
from ..sanitize import plain_text
from .decisions import VERBS, in_current_key_period
from .forms import BanForm, DecisionForm, RedactionForm
from .rows import attention_cell

Status = Comment.Status


class ReadOnlyInline(admin.TabularInline):
    """A record shown under the comment; records are written by services, never here."""

    extra = 0
    can_delete = False
    show_change_link = False

    def get_readonly_fields(self, request, obj=None):
        return self.fields

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class DecisionHistoryInline(ReadOnlyInline):
    model = ModerationDecision
    verbose_name_plural = gettext_lazy("decision history")
    fields = ("decided_at", "editor", "transition", "rule", "note")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("editor", "rule")

    @admin.display(description=gettext_lazy("from → to"))
    def transition(self, decision):
        return f"{decision.get_from_status_display()} → {decision.get_to_status_display()}"


class ReportInline(ReadOnlyInline):
    model = Report
    verbose_name_plural = gettext_lazy("reports from readers")
    fields = ("created_at", "rule", "note")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("rule")


class RedactionInline(ReadOnlyInline):
    model = Redaction
    verbose_name_plural = gettext_lazy("redactions (the words before each edit)")
    fields = ("redacted_at", "editor", "previous_body", "note")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("editor")


def key_period_end():
    """When the current submitter key stops matching anyone."""
    seconds = settings.SUBMITTER_HASH_ROTATION_DAYS * 86400
    return datetime.fromtimestamp((identity.rotation_period() + 1) * seconds, tz=UTC)


class CommentPage:
    """The change page's fields and forms, mixed into CommentAdmin."""

    fields = (
        "post_link",
        "post_excerpt",
        "author",
        "created_at",
        "in_reply_to",
        "rendered_body",
        "status",
        "status_reason",
        "attention",
        "submitter_record",
    )
    readonly_fields = fields
    inlines = (DecisionHistoryInline, ReportInline, RedactionInline)

    @admin.display(description=gettext_lazy("post"))
    def post_link(self, comment):
        return format_html('<a href="{}">{}</a>', comment.post.get_absolute_url(), comment.post)

    @admin.display(description=gettext_lazy("the post begins"))
    def post_excerpt(self, comment):
        return comment.post.excerpt

    @admin.display(description=gettext_lazy("in reply to"))
    def in_reply_to(self, comment):
        parent = comment.parent
        if parent is None:
            return "—"
        return format_html(
            '<a href="{}">{}</a> ({}): {}',
            reverse("admin:comments_comment_change", args=[parent.pk]),
            parent.display_name,
            parent.get_status_display().lower(),
            Truncator(plain_text(parent.body_html)).chars(600),
        )

    @admin.display(description=gettext_lazy("comment as readers see it"))
    def rendered_body(self, comment):
        # body_html is sanitised once, when the comment is stored (comments.sanitize).
        return mark_safe(comment.body_html)  # noqa: S308

    @admin.display(description=gettext_lazy("flags and reports"))
    def attention(self, comment):
        return attention_cell(comment) or "—"

    @admin.display(description=gettext_lazy("submitter's record here"))
    def submitter_record(self, comment):
        """Their comments by status, matched by keyed hash: never by address."""
        if not comment.submitter_hash:
            return _("Unknown: no submitter was recorded for this comment.")
        counts = dict(
            Comment.objects.filter(submitter_hash=comment.submitter_hash)
            .order_by()
            .values_list("status")
            .annotate(Count("pk"))
        )
        figures = format_html_join(
            " · ", "{} {}", ((label, counts.get(value, 0)) for value, label in Status.choices)
        )
        query = urlencode({"status": "all", "submitter": comment.submitter_hash})
        return format_html(
            '{} — <a href="{}?{}">{}</a><div class="help">{}</div>',
            figures,
            reverse("admin:comments_comment_changelist"),
            query,
            _("show them"),
            _(
                "Matched by a keyed hash of the submitter's address; the address is never "
                "stored. The key changes every %(days)d days, so this record covers only "
                "comments sent in the same key period as this one."
            )
            % {"days": settings.SUBMITTER_HASH_ROTATION_DAYS},
        )

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None and self.has_moderate_permission(request):
            context.update(self.moderation_context(request, obj))
        return super().render_change_form(request, context, add, change, form_url, obj)

    def moderation_context(self, request, comment):
        context = {
            "decision_form": DecisionForm(),
            "verbs": [
                (name, verb.label) for name, verb in VERBS.items() if verb.applies_to(comment)
            ],
            "redaction_form": RedactionForm(initial={"body": comment.body}, auto_id="redaction_%s"),
            "can_redact_and_approve": moderation_allows_approval(comment),
            "can_save_redaction": comment.status == Status.APPROVED,
        }
        if comment.submitter_hash:
            context["active_ban"] = (
                Ban.objects.active().for_submitter(comment.submitter_hash).first()
            )
            if request.user.has_perm("comments.add_ban") and in_current_key_period(comment):
                context["ban_form"] = BanForm(auto_id="ban_%s")
                context["key_period_end"] = key_period_end()
        return context


def moderation_allows_approval(comment):
    return VERBS["approve"].applies_to(comment)
