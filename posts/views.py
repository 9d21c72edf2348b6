from django.conf import settings
from django.db.models import prefetch_related_objects
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.views.generic import DetailView, ListView
from django.views.generic.dates import MonthArchiveView, YearArchiveView

from . import search
from .models import Label, Page, Post


class PublishedPostsMixin:
    """What every public page of posts starts from: published posts, ready to list."""

    model = Post
    paginate_by = settings.POSTS_PER_PAGE
    date_field = "publish_at"

    def get_queryset(self):
        return Post.objects.published().for_listing()


class PostIndexView(PublishedPostsMixin, ListView):
    template_name = "posts/post_list.html"


class PostYearArchiveView(PublishedPostsMixin, YearArchiveView):
    make_object_list = True
    allow_empty = False
    template_name = "posts/post_archive.html"


class PostMonthArchiveView(PublishedPostsMixin, MonthArchiveView):
    month_format = "%m"
    allow_empty = False
    template_name = "posts/post_archive.html"

    def get_month(self):
        return f"{int(super().get_month()):02d}"


class LabelView(PublishedPostsMixin, ListView):
    template_name = "posts/post_list.html"

    def get_queryset(self):
        self.label = get_object_or_404(Label, slug=self.kwargs["slug"])
        return super().get_queryset().filter(labels=self.label)

    def get_context_data(self, **kwargs):
        return super().get_context_data(label=self.label, **kwargs)


class SearchView(PublishedPostsMixin, ListView):
    """/search/?q=: the published posts that match the reader's words, best first."""

    template_name = "posts/search.html"

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.query, self.query_shortened = search.clean_query(request.GET.get("q", ""))

    def get_queryset(self):
        return search.search(super().get_queryset(), self.query)

    def paginate_queryset(self, queryset, page_size):
        paginator, page, posts, is_paginated = super().paginate_queryset(queryset, page_size)
        page.object_list = search.highlight(posts, self.query)
        return paginator, page, page.object_list, is_paginated

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            search_query=self.query,
            query_shortened=self.query_shortened,
            max_query_length=search.MAX_QUERY_LENGTH,
            **kwargs,
        )


class PostDetailView(DetailView):
    """One post at /YYYY/MM/<slug>/; the year and month must be the post's own."""

    context_object_name = "post"

    def get_queryset(self):
        # The post's own row, no joins: a page served from a cache needs no more
        # (comments.post_page), and a join costs more to build than to run.
        # get_context_data fetches what rendering the page needs.
        return Post.objects.published()

    def get_object(self, queryset=None):
        post = super().get_object(queryset)
        local = timezone.localtime(post.publish_at)
        if (local.year, local.month) != (self.kwargs["year"], self.kwargs["month"]):
            raise Http404("No post with that slug was published that month.")
        return post

    def get_context_data(self, **kwargs):
        post = self.object
        prefetch_related_objects([post], "author", "translation_of", "labels", "translations")
        published = Post.objects.published().only("title", "slug", "publish_at")
        newer = published.filter(publish_at__gt=post.publish_at).order_by("publish_at", "id")
        older = published.filter(publish_at__lt=post.publish_at).order_by("-publish_at", "-id")
        return super().get_context_data(
            newer_post=newer.first(), older_post=older.first(), **kwargs
        )


class PageDetailView(DetailView):
    """A page that is not a post (About, Contact) at /pages/<slug>/; unpublished, a 404."""

    context_object_name = "page"

    def get_queryset(self):
        return Page.objects.published()
