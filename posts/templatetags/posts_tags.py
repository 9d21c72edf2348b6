from django import template
from django.utils import timezone

from .. import sidebar
from ..models import Post

register = template.Library()


@register.inclusion_tag("posts/_archive_widget.html", takes_context=True)
def blog_archive(context):
    """The sidebar's "Blog Archive": years and months with counts."""
    current = context.get("post")
    current_month = None
    if isinstance(current, Post):
        local = timezone.localtime(current.publish_at)
        current_month = (local.year, local.month)
    return {"years": sidebar.archive_months(), "current_month": current_month}


@register.inclusion_tag("posts/_label_widget.html")
def label_list():
    """Labels with the number of published posts carrying each."""
    return {"labels": sidebar.labels_with_counts()}
