"""The editors' tip inbox: read tips, look at their files, reply, mark them handled.

Reading needs ``tips.view_tip`` (the Editors group has it); replying and changing the
status need ``tips.change_tip``. Attachments are served only through the views below,
to staff with ``tips.view_tip``, always as downloads: they never have a public URL.
"""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.urls import path
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from . import services
from .models import Attachment, Tip
from .storage import tips_storage


class TipAdminForm(forms.ModelForm):
    reply = forms.CharField(
        label=_("Reply to the source"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6, "cols": 80}),
        help_text=_(
            "The source reads this when they come back with their receipt code, signed by "
            "the newsroom, never by your name. Write nothing that would identify them if "
            "someone else read it over their shoulder."
        ),
    )

    class Meta:
        model = Tip
        fields = ["status"]


@admin.register(Tip)
class TipAdmin(admin.ModelAdmin):
    form = TipAdminForm
    list_display = [
        "__str__",
        "status",
        "source_wrote_at",
        "created_at",
        "message_total",
        "file_total",
    ]
    list_filter = ["status"]
    search_fields = ["messages__body"]
    ordering = ["-source_wrote_at", "-id"]
    actions = ["mark_handled", "mark_read", "mark_new"]
    list_per_page = 50

    def get_queryset(self, request):
        return super().get_queryset(request).inbox()

    def get_fields(self, request, obj=None):
        return ["status", "reply"] if self.has_change_permission(request, obj) else ["status"]

    def has_add_permission(self, request):
        return False  # tips come from sources only

    @admin.display(description=_("messages"), ordering="message_count")
    def message_total(self, tip):
        return tip.message_count

    @admin.display(description=_("files"), ordering="attachment_count")
    def file_total(self, tip):
        return tip.attachment_count

    def change_view(self, request, object_id, form_url="", extra_context=None):
        tip = self.get_object(request, object_id)
        if tip is not None and self.has_view_permission(request, tip):
            if request.method == "GET":
                services.mark_read(tip)
            extra_context = {
                **(extra_context or {}),
                "conversation": tip.messages.conversation().select_related("editor"),
            }
        return super().change_view(request, object_id, form_url, extra_context)

    def save_model(self, request, obj, form, change):
        # Only what the editor changed is written: a source's follow-up that arrived while
        # the page was open must not be overwritten by the form's older copy of the tip.
        if "status" in form.changed_data:
            services.set_status(Tip.objects.filter(pk=obj.pk), obj.status)
        if form.cleaned_data.get("reply"):
            services.reply_to_source(obj, editor=request.user, body=form.cleaned_data["reply"])

    def delete_model(self, request, obj):
        services.delete_tips(Tip.objects.filter(pk=obj.pk))

    def delete_queryset(self, request, queryset):
        services.delete_tips(queryset)

    @admin.action(description=_("Mark selected tips as handled"), permissions=["change"])
    def mark_handled(self, request, queryset):
        self._set_status(request, queryset, Tip.Status.HANDLED)

    @admin.action(description=_("Mark selected tips as read"), permissions=["change"])
    def mark_read(self, request, queryset):
        self._set_status(request, queryset, Tip.Status.READ)

    @admin.action(description=_("Mark selected tips as new"), permissions=["change"])
    def mark_new(self, request, queryset):
        self._set_status(request, queryset, Tip.Status.NEW)

    def _set_status(self, request, queryset, status):
        changed = services.set_status(Tip.objects.filter(pk__in=queryset.values("pk")), status)
        self.message_user(
            request,
            ngettext(
                "%(count)d tip marked %(status)s.", "%(count)d tips marked %(status)s.", changed
            )
            % {"count": changed, "status": status.label.lower()},
            messages.SUCCESS,
        )

    def get_urls(self):
        protect = self.admin_site.admin_view
        return [
            path(
                "attachment/<int:pk>/download/",
                protect(self.download_view),
                name="tips_attachment_download",
            ),
            path(
                "attachment/<int:pk>/thumbnail/",
                protect(self.thumbnail_view),
                name="tips_attachment_thumbnail",
            ),
            *super().get_urls(),
        ]

    def download_view(self, request, pk):
        """The cleaned file, as a download under a name of ours, never rendered inline."""
        attachment = self._readable_attachment(request, pk)
        response = FileResponse(
            tips_storage().open(attachment.stored_name, "rb"),
            as_attachment=True,
            filename=attachment.download_name,
            content_type=attachment.content_type,
        )
        return _private_file(response, sandbox=True)

    def thumbnail_view(self, request, pk):
        """A small JPEG made by us from the cleaned pixels, safe to show in the page."""
        attachment = self._readable_attachment(request, pk)
        if not attachment.thumbnail_name:
            raise Http404
        response = FileResponse(
            tips_storage().open(attachment.thumbnail_name, "rb"), content_type="image/jpeg"
        )
        return _private_file(response, sandbox=False)

    def _readable_attachment(self, request, pk):
        if not request.user.has_perm("tips.view_tip"):
            raise PermissionDenied
        return get_object_or_404(Attachment.objects.select_related("message"), pk=pk)


def _private_file(response, *, sandbox):
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    # Even if a browser were talked into rendering a download, it could run nothing.
    response["Content-Security-Policy"] = "default-src 'none'" + ("; sandbox" if sandbox else "")
    return response
