"""Editor-managed defences: the phrases the site looks for, and bans of submitters."""

from django.contrib import admin, messages
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from .. import services
from ..models import Ban, Phrase


@admin.register(Phrase)
class PhraseAdmin(admin.ModelAdmin):
    list_display = ("text", "kind", "created_at")
    list_filter = ("kind",)
    search_fields = ("text",)
    fields = ("kind", "text")


class BanStateFilter(admin.SimpleListFilter):
    title = _("state")
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return [("active", _("Active")), ("expired", _("Expired")), ("lifted", _("Lifted"))]

    def queryset(self, request, queryset):
        now = timezone.now()
        if self.value() == "active":
            return queryset.active(now)
        if self.value() == "expired":
            return queryset.filter(lifted_at__isnull=True, expires_at__lte=now)
        if self.value() == "lifted":
            return queryset.filter(lifted_at__isnull=False)
        return queryset


@admin.register(Ban)
class BanAdmin(admin.ModelAdmin):
    """Bans are made from a comment's page, where the submitter's hash is at hand, and
    lifted here; nobody types a hash, and a ban's record is never edited or deleted."""

    list_display = ("submitter", "reason", "created_by", "created_at", "expires_at", "state")
    list_filter = (BanStateFilter,)
    list_select_related = ("created_by", "lifted_by")
    search_fields = ("reason", "=submitter_hash")
    ordering = ("-created_at",)
    actions = ("lift_bans",)
    readonly_fields = (
        "submitter",
        "reason",
        "created_by",
        "created_at",
        "expires_at",
        "lifted_at",
        "lifted_by",
    )
    fields = readonly_fields

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        # Lifting, from the list, is the only change; a ban's own page is read-only.
        return obj is None and super().has_change_permission(request)

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description=_("submitter"))
    def submitter(self, ban):
        query = urlencode({"status": "all", "submitter": ban.submitter_hash})
        return format_html(
            '<a href="{}?{}" title="{}">{}…</a>',
            reverse("admin:comments_comment_changelist"),
            query,
            _("Their comments"),
            ban.submitter_hash[:10],
        )

    @admin.display(description=_("state"))
    def state(self, ban):
        if ban.lifted_at:
            return _("lifted")
        if ban.expires_at <= timezone.now():
            return _("expired")
        return _("active")

    @admin.action(permissions=["change"], description=_("Lift selected bans"))
    def lift_bans(self, request, queryset):
        lifted = 0
        for ban in queryset.filter(lifted_at__isnull=True):
            services.lift(ban, editor=request.user)
            lifted += 1
        self.message_user(
            request,
            ngettext("%(n)d ban was lifted.", "%(n)d bans were lifted.", lifted) % {"n": lifted},
            messages.SUCCESS if lifted else messages.WARNING,
        )
