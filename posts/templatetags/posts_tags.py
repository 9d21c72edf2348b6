import json

from django import template
from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from .. import sidebar
from ..models import Post

register = template.Library()


@register.simple_tag(takes_context=True)
def blog_archive(context):
    """The sidebar's "Blog Archive": years and months with counts, the post's month open."""
    current = context.get("post")
    current_month = None
    if isinstance(current, Post):
        local = timezone.localtime(current.publish_at)
        current_month = (local.year, local.month)

    def render():
        return render_to_string(
            "posts/_archive_widget.html",
            {"years": sidebar.archive_months(), "current_month": current_month},
        )

    open_month = "{}-{}".format(*current_month) if current_month else "newest"
    return mark_safe(sidebar.rendered("archive", open_month, render))  # noqa: S308 (a template)


@register.simple_tag
def label_list():
    """Labels with the number of published posts carrying each."""

    def render():
        return render_to_string(
            "posts/_label_widget.html", {"labels": sidebar.labels_with_counts()}
        )

    return mark_safe(sidebar.rendered("labels", "", render))  # noqa: S308 (a template)


@register.simple_tag(takes_context=True)
def news_article_json_ld(context, post):
    """schema.org NewsArticle for search engines, as a JSON-LD data block.

    Escaped like json_script: nothing an author writes can close the script element.
    """
    request = context["request"]
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": post.title,
        "description": post.excerpt[:300],
        "inLanguage": post.language,
        "datePublished": post.publish_at.isoformat(),
        "dateModified": max(post.publish_at, post.updated_at).isoformat(),
        "author": {"@type": "Person", "name": post.author_display_name},
        "publisher": {"@type": "Organization", "name": settings.BLOG_TITLE},
        "mainEntityOfPage": request.build_absolute_uri(post.get_absolute_url()),
        "keywords": [label.name for label in post.labels.all()],
        "commentCount": post.comment_count,
    }
    if post.image:
        data["image"] = [request.build_absolute_uri(post.image.url)]
    payload = json.dumps(data, ensure_ascii=False).translate(JSON_SCRIPT_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(payload))  # noqa: S308


JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}
