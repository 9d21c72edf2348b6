"""Atom feeds of approved comments: the whole site's, and one post's."""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

from posts.models import Post

from .models import Comment

FEED_LENGTH = 50


class LatestCommentsFeed(Feed):
    feed_type = Atom1Feed
    link = "/"

    def title(self):
        return _("%(blog)s: latest comments") % {"blog": settings.BLOG_TITLE}

    def items(self):
        return self.comments()[:FEED_LENGTH]

    def comments(self):
        return (
            Comment.objects.approved()
            .filter(post__in=Post.objects.published())
            .select_related("post")
            .order_by("-created_at", "-id")
        )

    def item_title(self, comment):
        return _("%(name)s on “%(title)s”") % {
            "name": comment.display_name,
            "title": comment.post.title,
        }

    def item_description(self, comment):
        # Sanitised once when stored (comments.sanitize); feeds never re-render.
        return comment.body_html

    def item_link(self, comment):
        return comment.get_absolute_url()

    def item_pubdate(self, comment):
        return comment.created_at

    def item_updateddate(self, comment):
        return comment.first_approved_at or comment.created_at

    def item_author_name(self, comment):
        return str(comment.display_name)


class PostCommentsFeed(LatestCommentsFeed):
    def get_object(self, request, pk):
        return get_object_or_404(Post.objects.published(), pk=pk)

    def title(self, post):
        return _("Comments on “%(title)s”") % {"title": post.title}

    def link(self, post):
        return post.get_absolute_url()

    def items(self, post):
        return self.comments().filter(post=post)[:FEED_LENGTH]
