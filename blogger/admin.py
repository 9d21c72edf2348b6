"""What an import brought over, for editors checking it: each entry with its old address
and what it became here, and the images fetched.

Read-only, for superusers too: the import writes these rows, and the old addresses are
answered from them; a row edited by hand would no longer say what came over.
"""

from urllib.parse import urlsplit

from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from comments.models import Comment

from .models import ImportedEntry, ImportedImage


class ReadOnlyAdmin(admin.ModelAdmin):
    # Tens of thousands of rows: no second COUNT for "n of N selected".
    show_full_result_count = False

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


def describe(target):
    if isinstance(target, Comment):
        return Truncator(target.body).chars(60) or _("(removed comment)")
    return target.title


def readers_can_open(target):
    # A draft post, and so its comments, or an unpublished page: no public address yet.
    return (target.post if isinstance(target, Comment) else target).is_published


@admin.register(ImportedEntry)
class ImportedEntryAdmin(ReadOnlyAdmin):
    list_display = ("blogger_id", "kind", "old_path", "became", "imported_at")
    list_filter = ("kind",)
    search_fields = ("old_path", "blogger_id")
    list_select_related = ("post", "page", "comment__post")
    fields = (
        "blogger_id",
        "kind",
        "old_path",
        "shown_at_ms",
        "became",
        "on_the_site",
        "imported_at",
    )
    readonly_fields = fields

    @staticmethod
    def target(entry):
        # A comment's row names its post too: the comment is what it became.
        return entry.comment or entry.page or entry.post

    @admin.display(description=_("became"))
    def became(self, entry):
        target = self.target(entry)
        if target is None:
            return "—"
        opts = target._meta
        url = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[target.pk])
        return format_html('<a href="{}">{}</a>', url, describe(target))

    @admin.display(description=_("on the site"))
    def on_the_site(self, entry):
        target = self.target(entry)
        if target is None or not readers_can_open(target):
            return "—"
        url = target.get_absolute_url()
        return format_html('<a href="{}">{}</a>', url, url)

    def get_search_results(self, request, queryset, search_term):
        # Editors paste an old address as their browser shows it, host and all.
        parts = urlsplit(search_term.strip())
        if parts.scheme in {"http", "https"} and parts.path:
            search_term = parts.path
        return super().get_search_results(request, queryset, search_term)


@admin.register(ImportedImage)
class ImportedImageAdmin(ReadOnlyAdmin):
    list_display = ("source_url", "local_copy", "width", "height", "imported_at")
    search_fields = ("source_url",)
    fields = ("source_url", "local_copy", "width", "height", "imported_at")
    readonly_fields = fields

    @admin.display(description=_("local copy"))
    def local_copy(self, image):
        if not image.image:
            return "—"
        return format_html('<a href="{}">{}</a>', image.image.url, image.image.name)
