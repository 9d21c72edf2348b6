"""Atom feeds of published posts: all of them, and those with one label."""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed

from .models import Label, Post

FEED_LENGTH = 20


class LatestPostsFeed(Feed):
    feed_type = Atom1Feed
    title = settings.BLOG_TITLE
    subtitle = settings.BLOG_TAGLINE

    def link(self):
        return reverse("posts:index")

    def items(self):
        return self.posts()[:FEED_LENGTH]

    def posts(self):
        return Post.objects.published().for_listing()

    def item_title(self, post):
        return post.title

    def item_description(self, post):
        # Stored when the post was saved, already sanitised (posts.markup).
        return post.body_html

    def item_pubdate(self, post):
        return post.publish_at

    def item_updateddate(self, post):
        return max(post.publish_at, post.updated_at)

    def item_author_name(self, post):
        return post.author_display_name

    def item_categories(self, post):
        return [label.name for label in post.labels.all()]


class LabelFeed(LatestPostsFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Label, slug=slug)

    def title(self, label):
        return f"{settings.BLOG_TITLE}: {label.name}"

    def link(self, label):
        return label.get_absolute_url()

    def items(self, label):
        return self.posts().filter(labels=label)[:FEED_LENGTH]
