"""The editors' dashboard: how the queue stands now, and how the last week went."""

import statistics
from datetime import timedelta

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.template.response import TemplateResponse
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from borderblog.cache_faults import cached_or_computed, forget, keep

from .. import notifications, queue_figures
from ..models import Comment, ModerationDecision

Status = Comment.Status
WEEK = timedelta(days=7)
PENDING_COUNT_KEY = "comments:admin:pending-count"
# Every admin page shows the count; a few seconds stale is fine, a COUNT per page is not.
PENDING_COUNT_SECONDS = 5


def pending_count():
    """How many comments wait, counted at most once every few seconds."""
    return cached_or_computed(
        PENDING_COUNT_KEY, lambda: Comment.objects.pending().count(), PENDING_COUNT_SECONDS
    )


def forget_pending_count():
    """After an editor's own decision: their next page shows the queue as they left it."""
    forget(PENDING_COUNT_KEY)


def start_of_today(now):
    """Midnight on the newsroom's clock (TIME_ZONE), which is what "today" means there."""
    return timezone.localtime(now).replace(hour=0, minute=0, second=0, microsecond=0)


def decisions_per_editor(since):
    """Each editor's decisions since ``since``, busiest first, by kind of decision."""
    published_before = Q(from_status=Status.APPROVED)
    return list(
        ModerationDecision.objects.filter(decided_at__gte=since)
        .values("editor__username")
        .annotate(
            total=Count("pk"),
            approved=Count("pk", filter=Q(to_status=Status.APPROVED) & ~published_before),
            rejected=Count("pk", filter=Q(to_status=Status.REJECTED)),
            spam=Count("pk", filter=Q(to_status=Status.SPAM)),
            dismissed=Count("pk", filter=Q(to_status=Status.APPROVED) & published_before),
        )
        .order_by("-total", "editor__username")
    )


def figures(now=None):
    """The dashboard's numbers; every query is bounded or uses an index."""
    now = now or timezone.now()
    pending, oldest = notifications.queue_state()
    # At most queue_figures.REVIEW_SAMPLE rows: the median of a busy week's sample is as good.
    durations = queue_figures.review_durations(now, WEEK)
    return {
        "pending": pending,
        "oldest_pending_age": now - oldest if oldest else None,
        "reported": Comment.objects.reported().count(),
        "decided_today": ModerationDecision.objects.filter(
            decided_at__gte=start_of_today(now)
        ).count(),
        "median_review": statistics.median(durations) if durations else None,
        "reviewed": len(durations),
        "per_editor": decisions_per_editor(now - WEEK),
    }


class Dashboard:
    """The dashboard view, mixed into CommentAdmin so it lives under the queue's URL."""

    def dashboard_urls(self):
        view = self.admin_site.admin_view(self.dashboard_view)
        return [path("dashboard/", view, name="comments_comment_dashboard")]

    def dashboard_view(self, request):
        if not self.has_moderate_permission(request):
            raise PermissionDenied
        shown = figures()
        # The header shows the same figure as the page, not one a few seconds older.
        keep(PENDING_COUNT_KEY, shown["pending"], PENDING_COUNT_SECONDS)
        context = {
            **self.admin_site.each_context(request),
            "title": _("Moderation dashboard"),
            "opts": self.opts,
            "figures": shown,
            "review_sample": queue_figures.REVIEW_SAMPLE,
        }
        return TemplateResponse(request, "admin/comments/comment/dashboard.html", context)
