"""Blogger's addresses for what the import brought over, answered with a 301 to where
each thing is now (SPEC §3), from the ImportedEntry rows.

Plain URL patterns (blogger/urls.py), none of which is an address of ours: no other
request pays for them. Blogger's query parameters (?m=1 on phones, ?alt=rss,
?max-results=) are ignored, but for ?showComment= and a search's ?q=. Its #c<id>
fragments never reach the server; a Location with a fragment of its own replaces them.
Anything not known here is the site's 404.
"""

from django.db.models import Q
from django.http import Http404, HttpResponsePermanentRedirect
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.http import urlencode
from django.utils.text import slugify
from django.views.decorators.http import require_safe

from comments.models import Comment
from posts.models import Label

from .models import ImportedEntry

Kind = ImportedEntry.Kind
# Permanent, so browsers and shared caches may keep them; a day, not for ever, because
# where a post is now follows it (a later change of its slug reaches everyone tomorrow).
CACHE_SECONDS = 24 * 60 * 60
OLD_PATH_MAX_LENGTH = ImportedEntry._meta.get_field("old_path").max_length
# Epoch milliseconds have 13 digits until the year 2286; more is not a time Blogger wrote.
SHOW_COMMENT_MAX_DIGITS = 15


def moved_to(url):
    response = HttpResponsePermanentRedirect(url)
    patch_cache_control(response, public=True, max_age=CACHE_SECONDS)
    return response


def shown_comment(value):
    """The milliseconds of Blogger's ?showComment=, or None when it is not such a number."""
    if value and value.isascii() and value.isdigit() and len(value) <= SHOW_COMMENT_MAX_DIGITS:
        return int(value)
    return None


def in_its_thread(comment):
    """Whether readers find the comment in its post's thread: approved, or the
    placeholder left where a removed one stood."""
    return comment.status == Comment.Status.APPROVED or comment.is_taken_down


def label_named(name):
    """The label a Blogger address names: by its name in any case (a space written as
    %20 or +), or by our slug of it."""
    spaced = name.replace("+", " ")
    matches = Q(name__iexact=name) | Q(name__iexact=spaced)
    if slug := slugify(spaced):
        matches |= Q(slug=slug)
    label = Label.objects.filter(matches).first()
    if label is None:
        raise Http404("No label of that name.")
    return label


@require_safe
def post(request):
    """/YYYY/MM/<name>.html: the post, or with ?showComment=<ms> that comment on it.

    One query (a second for the comment's page in a long thread, or for the post when
    the comment is not known or no longer shown).
    """
    path = request.path_info
    if len(path) > OLD_PATH_MAX_LENGTH:
        raise Http404("No post was ever at that address.")
    shown_at = shown_comment(request.GET.get("showComment"))
    if shown_at is not None:
        entry = (
            ImportedEntry.objects.comment_shown_at(path, shown_at)
            .select_related("comment__post")
            .order_by("pk")
            .first()
        )
        if entry is not None and entry.comment is not None and in_its_thread(entry.comment):
            if not entry.comment.post.is_published:
                raise Http404("That post is not published.")
            return moved_to(entry.comment.get_absolute_url())
    entry = ImportedEntry.objects.at_old_path(Kind.POST, path).select_related("post").first()
    if entry is None or entry.post is None or not entry.post.is_published:
        raise Http404("No published post was at that address.")
    return moved_to(entry.post.get_absolute_url())


@require_safe
def page(request):
    """/p/<name>.html: the page."""
    path = request.path_info
    if len(path) > OLD_PATH_MAX_LENGTH:
        raise Http404("No page was ever at that address.")
    entry = ImportedEntry.objects.at_old_path(Kind.PAGE, path).select_related("page").first()
    if entry is None or entry.page is None or not entry.page.is_published:
        raise Http404("No published page was at that address.")
    return moved_to(entry.page.get_absolute_url())


@require_safe
def month_archive(request, year, month):
    """/YYYY_MM_DD_archive.html (Blogger's archive of a month or a week): our month."""
    return moved_to(reverse("posts:month", kwargs={"year": int(year), "month": int(month)}))


@require_safe
def label(request, name):
    """/search/label/<Label>: the label's page."""
    return moved_to(label_named(name).get_absolute_url())


@require_safe
def search(request):
    """/search?q=: our search for the same words. Without q it was Blogger's "Older
    posts" (/search?updated-max=…): our front page."""
    if "q" not in request.GET:
        return moved_to(reverse("posts:index"))
    return moved_to(f"{reverse('posts:search')}?{urlencode({'q': request.GET['q']})}")


@require_safe
def posts_feed(request):
    return moved_to(reverse("posts:feed"))


@require_safe
def comments_feed(request):
    return moved_to(reverse("comments:feed"))


@require_safe
def label_feed(request, name):
    """/feeds/posts/default/-/<Label>: the label's feed."""
    return moved_to(reverse("posts:label-feed", kwargs={"slug": label_named(name).slug}))


@require_safe
def post_comments_feed(request, entry_id):
    """/feeds/<post's entry id>/comments/default: that post's comment feed if the post
    came over and is published; otherwise the feed of every comment."""
    entry = ImportedEntry.objects.post_numbered(entry_id).select_related("post").first()
    if entry is None or entry.post is None or not entry.post.is_published:
        return moved_to(reverse("comments:feed"))
    return moved_to(reverse("comments:post-feed", kwargs={"pk": entry.post_id}))
