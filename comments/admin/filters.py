"""The queue's filters: which comments an editor is looking at.

The status filter decides what "the queue" is (pending, unless asked otherwise), and the
status it pins is also what bulk actions and row buttons check a comment still has
before deciding it (see ``shown_status``).
"""

from datetime import timedelta

from django.contrib import admin
from django.contrib.admin.options import IncorrectLookupParameters
from django.db.models import Exists, OuterRef
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from borderblog.cache_faults import cached_or_computed
from posts.models import Post

from ..models import Comment, CommentFlag

Status = Comment.Status
ALL = "all"
REPORTED = "yes"
WAITING_POSTS_KEY = "comments:admin:posts-waiting"
WAITING_POSTS_SECONDS = 30


def shown_status(params):
    """The one status every comment in this view of the queue has, or None for "All".

    ``params`` is the changelist's query (request.GET). Unfiltered, the queue shows
    pending comments; asking for reported comments without a status shows approved
    ones, since only published comments can be reported.
    """
    value = params.get(QueueStatusFilter.parameter_name)
    if not value:
        value = Status.APPROVED if params.get(ReportedFilter.parameter_name) else Status.PENDING
    return None if value == ALL else value


class QueueStatusFilter(admin.SimpleListFilter):
    """Status filter whose unfiltered state is the queue itself: pending comments."""

    title = _("status")
    parameter_name = "status"

    def lookups(self, request, model_admin):
        return [*Status.choices, (ALL, _("All"))]

    def current(self):
        params = {**self.request.GET.dict(), self.parameter_name: self.value()}
        return shown_status(params) or ALL

    def queryset(self, request, queryset):
        if self.current() == ALL:
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


class ReportedFilter(admin.SimpleListFilter):
    """Published comments that readers reported and no editor has dealt with since."""

    title = _("reader reports")
    parameter_name = "reported"

    def lookups(self, request, model_admin):
        return [(REPORTED, _("Reported"))]

    def queryset(self, request, queryset):
        if self.value() == REPORTED:
            return queryset.reported()
        return queryset

    def choices(self, changelist):
        status = QueueStatusFilter.parameter_name
        # Reported comments are approved ones: switching to them drops a status the
        # editor picked before (usually the default, pending), which would show none.
        yield {
            "selected": self.value() is None,
            "query_string": changelist.get_query_string(remove=[self.parameter_name]),
            "display": _("All"),
        }
        yield {
            "selected": self.value() == REPORTED,
            "query_string": changelist.get_query_string(
                {self.parameter_name: REPORTED}, remove=[status]
            ),
            "display": _("Reported"),
        }


class FlagFilter(admin.SimpleListFilter):
    """Comments the site flagged on arrival, by what it found."""

    title = _("flagged")
    parameter_name = "flag"
    ANY = "any"

    def lookups(self, request, model_admin):
        return [(self.ANY, _("Any flag")), *CommentFlag.Kind.choices]

    def queryset(self, request, queryset):
        if not self.value():
            return queryset
        flags = CommentFlag.objects.filter(comment=OuterRef("pk"))
        if self.value() != self.ANY:
            flags = flags.filter(kind=self.value())
        # EXISTS rather than a join: a comment with two flags of a kind is listed once.
        return queryset.filter(Exists(flags))


class LinksFilter(admin.SimpleListFilter):
    title = _("links")
    parameter_name = "links"

    def lookups(self, request, model_admin):
        return [("yes", _("Has links")), ("no", _("No links"))]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(link_count__gt=0)
        if self.value() == "no":
            return queryset.filter(link_count=0)
        return queryset


class AgeFilter(admin.SimpleListFilter):
    """How long ago the comment was sent; "today" is the newsroom's day (TIME_ZONE)."""

    title = _("age")  # the admin heads it "By age"
    parameter_name = "age"

    def lookups(self, request, model_admin):
        return [
            ("hour", _("Under an hour ago")),
            ("today", _("Today")),
            ("day", _("More than a day ago")),
            ("week", _("More than a week ago")),
        ]

    def queryset(self, request, queryset):
        now = timezone.now()
        if self.value() == "hour":
            return queryset.filter(created_at__gt=now - timedelta(hours=1))
        if self.value() == "today":
            midnight = timezone.localtime(now).replace(hour=0, minute=0, second=0, microsecond=0)
            return queryset.filter(created_at__gte=midnight)
        if self.value() == "day":
            return queryset.filter(created_at__lt=now - timedelta(days=1))
        if self.value() == "week":
            return queryset.filter(created_at__lt=now - timedelta(weeks=1))
        return queryset


def posts_with_comments_waiting():
    """(pk, title) of the posts with pending comments; recounted every half minute.

    It costs a pass over the pending comments, and the sidebar can be a few seconds
    behind the queue without misleading anyone: the rows themselves are always fresh.
    """
    return cached_or_computed(
        WAITING_POSTS_KEY,
        lambda: list(
            Post.objects.filter(pk__in=Comment.objects.pending().values("post_id")).values_list(
                "pk", "title"
            )
        ),
        WAITING_POSTS_SECONDS,
    )


class PostFilter(admin.SimpleListFilter):
    """The posts with comments waiting, plus the one chosen.

    Listing every post that ever had a comment would scan the whole comments table on
    each page view; the posts an editor needs are those with a queue. Any other post is
    one click away: a post's title in a row filters the queue to it.
    """

    title = _("post with comments waiting")
    parameter_name = "post"

    def lookups(self, request, model_admin):
        chosen = self.value()
        # ASCII digits only: str.isdigit() also accepts "²" and "①", which int() refuses.
        if chosen is not None and not (chosen.isascii() and chosen.isdigit() and len(chosen) < 19):
            raise IncorrectLookupParameters(f"post={chosen!r}")
        posts = posts_with_comments_waiting()
        if chosen and int(chosen) not in {pk for pk, _ in posts}:
            posts = [*posts, *Post.objects.filter(pk=chosen).values_list("pk", "title")]
        return [(str(pk), Truncator(title).chars(50)) for pk, title in posts]

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(post_id=self.value())
        return queryset


class SubmitterFilter(admin.SimpleListFilter):
    """One submitter's comments, reached from a comment's page; hidden otherwise."""

    title = _("submitter")
    parameter_name = "submitter"

    def lookups(self, request, model_admin):
        if self.value():
            return [(self.value(), _("This submitter (current key period)"))]
        return []

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(submitter_hash=self.value())
        return queryset
