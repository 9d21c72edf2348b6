"""Where authors write, preview, schedule and publish posts, and the pages beside them."""

from django.contrib import admin
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from .models import Label, Page, Post


class PreviewInAdmin:
    """A "Preview" link on the change page, and its view: the object as readers will
    see it, whatever its status or schedule. The template gets it under its model's
    name (``post``, ``page``) and ``preview``."""

    preview_template = ""
    unsaved_text = ""  # in place of the link until the object is saved
    missing_text = ""  # the 404 for an id that is not there

    def preview_url_name(self):
        opts = self.model._meta
        return f"{opts.app_label}_{opts.model_name}_preview"

    @admin.display(description=_("preview"))
    def preview_link(self, obj):
        if obj is None or obj.pk is None:
            return self.unsaved_text
        url = reverse(f"admin:{self.preview_url_name()}", args=[obj.pk])
        return format_html('<a href="{}">{}</a>', url, _("Preview"))

    def get_urls(self):
        # Before the defaults: their "<path:object_id>/" would swallow ".../preview/".
        return [
            path(
                "<path:object_id>/preview/",
                self.admin_site.admin_view(self.preview_view),
                name=self.preview_url_name(),
            ),
            *super().get_urls(),
        ]

    def preview_view(self, request, object_id):
        if not self.has_view_permission(request):
            raise PermissionDenied
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            raise Http404(self.missing_text)
        context = {self.model._meta.model_name: obj, "preview": True}
        return TemplateResponse(request, self.preview_template, context)


@admin.register(Label)
class LabelAdmin(admin.ModelAdmin):
    list_display = ("name", "slug")
    search_fields = ("name",)
    prepopulated_fields = {"slug": ("name",)}


@admin.register(Post)
class PostAdmin(PreviewInAdmin, admin.ModelAdmin):
    list_display = (
        "title",
        "status",
        "publish_at",
        "author",
        "language",
        "comment_count",
        "comments_enabled",
        "preview_link",
    )
    list_filter = ("status", "language", "labels")
    list_select_related = ("author",)
    search_fields = ("title", "body")
    prepopulated_fields = {"slug": ("title",)}
    date_hierarchy = "publish_at"
    filter_horizontal = ("labels",)
    autocomplete_fields = ("translation_of",)
    readonly_fields = ("preview_link",)
    preview_template = "posts/post_detail.html"
    unsaved_text = _("Save the post to preview it.")
    missing_text = _("No post with that id.")
    fieldsets = (
        (_("Content"), {"fields": ("title", "slug", "body")}),
        (_("Image"), {"fields": ("image", "image_caption", "image_alt")}),
        (
            _("Publishing"),
            {
                "fields": (
                    "status",
                    "publish_at",
                    "language",
                    "translation_of",
                    "labels",
                    "comments_enabled",
                    "byline",
                    "author",
                    "preview_link",
                )
            },
        ),
    )

    def get_changeform_initial_data(self, request):
        initial = super().get_changeform_initial_data(request)
        initial.setdefault("author", request.user.pk)
        return initial

    def view_on_site(self, post):
        # A draft or scheduled post has no public page yet; "Preview" shows it instead.
        return post.get_absolute_url() if post.is_published else None


@admin.register(Page)
class PageAdmin(PreviewInAdmin, admin.ModelAdmin):
    list_display = ("title", "slug", "language", "is_published", "updated_at", "preview_link")
    list_filter = ("is_published", "language")
    search_fields = ("title", "slug", "body")
    prepopulated_fields = {"slug": ("title",)}
    # A page brought over from Blogger keeps its HTML; a new one is written in Markdown.
    fields = ("title", "slug", "body", "body_format", "language", "is_published", "preview_link")
    readonly_fields = ("body_format", "preview_link")
    preview_template = "posts/page_detail.html"
    unsaved_text = _("Save the page to preview it.")
    missing_text = _("No page with that id.")

    def view_on_site(self, page):
        return page.get_absolute_url() if page.is_published else None
