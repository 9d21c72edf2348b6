from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from .models import Label, Page, Post


class PostSitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.8

    def items(self):
        return Post.objects.published().order_by("-publish_at")

    def lastmod(self, post):
        return max(post.publish_at, post.updated_at)


class LabelSitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.4

    def items(self):
        return Label.objects.filter(posts__in=Post.objects.published()).distinct()


class PagesSitemap(Sitemap):
    """The site's own pages that are not posts: the front page and the comment policy."""

    priority = 0.5

    def items(self):
        return ["posts:index", "comments:policy"]

    def location(self, name):
        return reverse(name)


class PageSitemap(Sitemap):
    """The published Pages (posts.Page): About, and those brought over from Blogger."""

    priority = 0.5

    def items(self):
        return Page.objects.published().only("slug", "updated_at")

    def lastmod(self, page):
        return page.updated_at
