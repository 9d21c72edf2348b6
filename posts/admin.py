"""Where authors write, preview, schedule and publish posts."""

from django.contrib import admin
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from .models import Label, Post


@admin.register(Label)
class LabelAdmin(admin.ModelAdmin):
    list_display = ("name", "slug")
    search_fields = ("name",)
    prepopulated_fields = {"slug": ("name",)}


@admin.register(Post)
class PostAdmin(admin.ModelAdmin):
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

    @admin.display(description=_("preview"))
    def preview_link(self, post):
        if post is None or post.pk is None:
            return _("Save the post to preview it.")
        url = reverse("admin:posts_post_preview", args=[post.pk])
        return format_html('<a href="{}">{}</a>', url, _("Preview"))

    def get_urls(self):
        # Before the defaults: their "<path:object_id>/" would swallow ".../preview/".
        return [
            path(
                "<path:object_id>/preview/",
                self.admin_site.admin_view(self.preview_view),
                name="posts_post_preview",
            ),
            *super().get_urls(),
        ]

    def preview_view(self, request, object_id):
        """The post as readers will see it, whatever its status or schedule."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        post = self.get_object(request, unquote(object_id))
        if post is None:
            raise Http404(_("No post with that id."))
        return TemplateResponse(request, "posts/post_detail.html", {"post": post, "preview": True})
