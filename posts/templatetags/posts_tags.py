from django import template
from django.db.models import Count
from django.db.models.functions import TruncMonth
from django.utils import timezone

from ..models import Label, Post

register = template.Library()


def archive_months():
    """[(year, posts that year, [(month date, posts that month), …]), …], newest first.

    One aggregate query; months are truncated in the site's time zone so a post
    published late on the 31st lands in the month readers see on it.
    """
    rows = (
        Post.objects.published()
        .annotate(month=TruncMonth("publish_at"))
        .values("month")
        .annotate(count=Count("id"))
        .order_by("-month")
    )
    years = {}
    for row in rows:
        year = years.setdefault(row["month"].year, [])
        year.append((row["month"], row["count"]))
    return [(year, sum(count for _, count in months), months) for year, months in years.items()]


@register.inclusion_tag("posts/_archive_widget.html", takes_context=True)
def blog_archive(context):
    """The sidebar's "Blog Archive": years and months with counts."""
    current = context.get("post")
    current_month = None
    if isinstance(current, Post):
        local = timezone.localtime(current.publish_at)
        current_month = (local.year, local.month)
    return {"years": archive_months(), "current_month": current_month}


@register.inclusion_tag("posts/_label_widget.html")
def label_list():
    """Labels with the number of published posts carrying each, in one query."""
    published = Post.objects.published()
    labels = (
        Label.objects.filter(posts__in=published)
        .annotate(post_count=Count("posts"))
        .order_by("name")
    )
    return {"labels": labels}
