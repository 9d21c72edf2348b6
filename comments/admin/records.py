"""The published policy, and the records editors read but never write here.

Decisions, redactions and reports are written by comments.services alone; in the
admin they are read-only, for superusers too, since an edited audit trail is no audit
trail.
"""

from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from ..models import ModerationDecision, PolicyRule, Redaction, Report


@admin.register(PolicyRule)
class PolicyRuleAdmin(admin.ModelAdmin):
    list_display = ("number", "title")
    list_display_links = ("number", "title")
    search_fields = ("title", "text")


class ReadOnlyRecordAdmin(admin.ModelAdmin):
    show_full_result_count = False

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description=_("comment"))
    def comment_link(self, record):
        return format_html(
            '<a href="{}">{}</a>',
            reverse("admin:comments_comment_change", args=[record.comment_id]),
            Truncator(record.comment.body).chars(60),
        )


@admin.register(ModerationDecision)
class ModerationDecisionAdmin(ReadOnlyRecordAdmin):
    """The audit trail: one row per change of a comment's status."""

    list_display = ("decided_at", "comment", "editor", "from_status", "to_status", "rule")
    list_filter = ("to_status", "rule", ("editor", admin.RelatedOnlyFieldListFilter))
    list_select_related = ("comment", "editor", "rule")
    date_hierarchy = "decided_at"


@admin.register(Redaction)
class RedactionAdmin(ReadOnlyRecordAdmin):
    """Every editor's change to a comment's words, with the words before it."""

    list_display = ("redacted_at", "comment_link", "editor", "previous_words", "note")
    list_filter = (("editor", admin.RelatedOnlyFieldListFilter),)
    list_select_related = ("comment", "editor")
    date_hierarchy = "redacted_at"

    @admin.display(description=_("words before the edit"))
    def previous_words(self, redaction):
        return Truncator(redaction.previous_body).chars(120)


@admin.register(Report)
class ReportAdmin(ReadOnlyRecordAdmin):
    """Readers' reports; the reporters are known only by keyed hash, which is not shown."""

    list_display = ("created_at", "comment_link", "rule", "note")
    list_filter = ("rule",)
    list_select_related = ("comment", "rule")
    date_hierarchy = "created_at"
    exclude = ("submitter_hash",)
