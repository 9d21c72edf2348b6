"""The admin's moderation figures in the header and on the index, for editors only.

{% pending_comments_link %}   "12 comments pending" in every admin page's header
{% moderation_module %}       the queue, its reported view and the dashboard, on the index
{{ duration|review_time }}    "25 min", "3 h 05 min", "2 days 4 h"
"""

from django import template
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ..admin.dashboard import pending_count

register = template.Library()


def _may_moderate(context):
    user = context.get("user")
    return user is not None and user.has_perm("comments.moderate_comment")


@register.inclusion_tag("admin/comments/_pending_link.html", takes_context=True)
def pending_comments_link(context):
    if not _may_moderate(context):
        return {"show": False}
    return {
        "show": True,
        "count": pending_count(),
        "queue_url": reverse("admin:comments_comment_changelist"),
    }


@register.inclusion_tag("admin/comments/_moderation_module.html", takes_context=True)
def moderation_module(context):
    if not _may_moderate(context):
        return {"show": False}
    queue = reverse("admin:comments_comment_changelist")
    return {
        "show": True,
        "count": pending_count(),
        "queue_url": queue,
        "reported_url": f"{queue}?reported=yes",
        "dashboard_url": reverse("admin:comments_comment_dashboard"),
    }


@register.filter
def review_time(duration):
    """A wait as an editor reads it: minutes, then hours and minutes, then days and hours."""
    if duration is None:
        return "—"
    minutes = round(duration.total_seconds() / 60)
    if minutes < 60:
        return _("%(m)d min") % {"m": minutes}
    hours, minutes = divmod(minutes, 60)
    if hours < 48:
        return _("%(h)d h %(m)02d min") % {"h": hours, "m": minutes}
    days, hours = divmod(hours, 24)
    return ngettext("%(d)d day %(h)d h", "%(d)d days %(h)d h", days) % {"d": days, "h": hours}
