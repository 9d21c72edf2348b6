"""Blogger's old addresses move permanently to where each thing is now; the rest is a 404."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import URLResolver, get_resolver, reverse
from django.urls.exceptions import Resolver404
from django.urls.resolvers import RegexPattern
from django.utils import timezone

import blogger.urls
from blogger.models import ImportedEntry
from borderblog import urls as site_urls
from comments.models import Comment
from posts.models import Label
from tests.builders import make_approved_comments, make_comment, make_label, make_page, make_post

from .imported_entries import imported_comment, imported_page, imported_post

pytestmark = pytest.mark.django_db

Status = Comment.Status
OLD_PATH = "/2010/12/wikileaks-cables-us-mexico-drugs-war.html"
SHOWN_AT = 1291412400000  # Blogger's ?showComment=: the comment's time in milliseconds


@pytest.fixture
def old_post(post):
    imported_post(post, OLD_PATH)
    return post


def assert_moved(response, location):
    assert (response.status_code, response["Location"]) == (301, location)


def assert_not_found(response):
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


# Posts ---------------------------------------------------------------------------------


def test_an_old_post_address_moves_permanently_to_the_post(client, old_post):
    assert_moved(client.get(OLD_PATH), old_post.get_absolute_url())


@pytest.mark.parametrize("query", ["?m=1", "?m=0", "?utm_source=feedburner&m=1", "?zx=%FF"])
def test_the_mobile_variant_and_other_parameters_are_ignored(client, old_post, query):
    assert_moved(client.get(OLD_PATH + query), old_post.get_absolute_url())


def test_the_old_address_follows_a_later_change_of_slug(client, old_post):
    old_post.slug = "cables-on-the-drugs-war"
    old_post.save()
    response = client.get(OLD_PATH)
    assert_moved(response, old_post.get_absolute_url())
    assert response["Location"].endswith("/cables-on-the-drugs-war/")


def test_the_old_address_of_a_draft_is_not_found(client):
    imported_post(make_post(published=False), OLD_PATH)
    assert_not_found(client.get(OLD_PATH))


def test_the_old_address_of_a_scheduled_post_is_not_found_before_its_time(client):
    scheduled = make_post(publish_at=timezone.now() + timezone.timedelta(days=1))
    imported_post(scheduled, OLD_PATH)
    assert_not_found(client.get(OLD_PATH))


@pytest.mark.parametrize(
    "path",
    [
        "/2010/12/no-such-post.html",
        "/2010/11/wikileaks-cables-us-mexico-drugs-war.html",
        "/2010/12/WIKILEAKS-CABLES-US-MEXICO-DRUGS-WAR.html",
        "/2010/12/%FF%FE.html",
        "/2010/12/" + "x" * 5000 + ".html",
    ],
    ids=["unknown", "another-month", "another-case", "not-utf-8", "5000-characters"],
)
def test_an_address_no_post_had_is_not_found(client, old_post, path):
    assert_not_found(client.get(path))


def queries_of(client, path, status):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path).status_code == status
    return len(captured)


def test_a_name_longer_than_any_old_address_is_not_looked_up(client, db):
    client.get("/no/such/page/")  # the 404 page's sidebar, cached as for any reader
    site_404 = queries_of(client, "/no/such/page/", 404)
    assert queries_of(client, "/2010/12/" + "x" * 5000 + ".html", 404) == site_404


# Comments: ?showComment=<ms> ---------------------------------------------------------


def test_show_comment_moves_to_the_comments_permalink(client, old_post):
    comment = make_comment(old_post, status=Status.APPROVED)
    imported_comment(comment, SHOWN_AT)
    response = client.get(f"{OLD_PATH}?showComment={SHOWN_AT}")
    assert_moved(response, f"{old_post.get_absolute_url()}#c{comment.pk}")


def test_show_comment_with_the_mobile_variant_moves_to_the_comment(client, old_post):
    comment = make_comment(old_post, status=Status.APPROVED)
    imported_comment(comment, SHOWN_AT)
    response = client.get(f"{OLD_PATH}?m=1&showComment={SHOWN_AT}")
    assert_moved(response, f"{old_post.get_absolute_url()}#c{comment.pk}")


def test_show_comment_in_a_long_thread_moves_to_the_page_that_shows_it(client, old_post):
    last = make_approved_comments(old_post, 250)[-1]
    imported_comment(last, SHOWN_AT)
    response = client.get(f"{OLD_PATH}?showComment={SHOWN_AT}")
    assert_moved(response, f"{old_post.get_absolute_url()}?cpage=2#c{last.pk}")


def test_show_comment_of_a_comment_taken_down_moves_to_its_placeholder(client, old_post):
    removed = make_comment(old_post, status=Status.REJECTED, first_approved_at=timezone.now())
    imported_comment(removed, SHOWN_AT)
    response = client.get(f"{OLD_PATH}?showComment={SHOWN_AT}")
    assert_moved(response, f"{old_post.get_absolute_url()}#c{removed.pk}")


def test_show_comment_of_a_comment_readers_no_longer_see_moves_to_the_post(client, old_post):
    hidden = make_comment(old_post, status=Status.SPAM)
    imported_comment(hidden, SHOWN_AT)
    assert_moved(client.get(f"{OLD_PATH}?showComment={SHOWN_AT}"), old_post.get_absolute_url())


def test_show_comment_of_an_unknown_time_moves_to_the_post(client, old_post):
    imported_comment(make_comment(old_post, status=Status.APPROVED), SHOWN_AT)
    response = client.get(f"{OLD_PATH}?showComment={SHOWN_AT + 1}")
    assert_moved(response, old_post.get_absolute_url())


def test_show_comment_finds_only_comments_of_the_post_at_that_address(client, old_post):
    elsewhere = make_post()
    imported_post(elsewhere, "/2011/01/another-story.html")
    imported_comment(make_comment(elsewhere, status=Status.APPROVED), SHOWN_AT)
    response = client.get(f"{OLD_PATH}?showComment={SHOWN_AT}")
    assert_moved(response, old_post.get_absolute_url())


@pytest.mark.parametrize("value", ["", "abc", "-1", "1.5", "٣٤٥", "9" * 16, "9" * 400], ids=repr)
def test_show_comment_that_is_no_time_moves_to_the_post(client, old_post, value):
    response = client.get(OLD_PATH, {"showComment": value})
    assert_moved(response, old_post.get_absolute_url())


@pytest.mark.parametrize("value", [str(SHOWN_AT), "abc", "9" * 400])
def test_show_comment_on_an_address_no_post_had_is_not_found(client, db, value):
    assert_not_found(client.get("/2010/12/no-such-post.html", {"showComment": value}))


def test_show_comment_on_a_draft_is_not_found(client):
    draft = make_post(published=False)
    imported_post(draft, OLD_PATH)
    comment = make_comment(draft, status=Status.APPROVED)
    imported_comment(comment, SHOWN_AT)
    assert_not_found(client.get(f"{OLD_PATH}?showComment={SHOWN_AT}"))


# Pages ---------------------------------------------------------------------------------


def test_an_old_page_address_moves_to_the_page(client):
    page = make_page("About this blog", slug="about")
    imported_page(page, "/p/about.html")
    assert_moved(client.get("/p/about.html?m=1"), "/pages/about/")


def test_the_old_address_of_an_unpublished_page_is_not_found(client):
    imported_page(make_page(published=False), "/p/about.html")
    assert_not_found(client.get("/p/about.html"))


@pytest.mark.parametrize("path", ["/p/contact.html", "/p/%FF.html", "/p/" + "x" * 5000 + ".html"])
def test_an_address_no_page_had_is_not_found(client, path):
    imported_page(make_page(), "/p/about.html")
    assert_not_found(client.get(path))


def test_a_post_address_is_not_a_page_address(client, old_post):
    assert_not_found(client.get("/p/wikileaks-cables-us-mexico-drugs-war.html"))


# Labels and search ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "spelling",
    ["Mexican%20Army", "Mexican+Army", "mexican%20army", "MEXICAN+ARMY", "mexican-army"],
)
def test_a_label_search_moves_to_the_label_page(client, spelling):
    make_label("Mexican Army")
    assert_moved(client.get(f"/search/label/{spelling}"), "/label/mexican-army/")


@pytest.mark.parametrize(
    "spelling", ["Ciudad%20Ju%C3%A1rez", "CIUDAD+JU%C3%81REZ", "ciudad+juarez", "Ciudad-Juarez"]
)
def test_a_label_with_an_accent_is_found_by_name_or_by_our_slug_of_it(client, spelling):
    Label.objects.create(name="Ciudad Juárez", slug="ciudad-juarez")
    assert_moved(client.get(f"/search/label/{spelling}"), "/label/ciudad-juarez/")


def test_a_label_search_ignores_bloggers_paging(client):
    make_label("Wikileaks")
    response = client.get(
        "/search/label/Wikileaks?updated-max=2010-12-03T09:00:00-06:00&max-results=20"
    )
    assert_moved(response, "/label/wikileaks/")


@pytest.mark.parametrize("name", ["Nowhere", "%FF%FE", "x" * 5000, "Wikileaks/Cables"])
def test_a_label_that_does_not_exist_is_not_found(client, name):
    make_label("Wikileaks")
    assert_not_found(client.get(f"/search/label/{name}"))


def test_a_blogger_search_moves_to_ours_with_the_same_words(client, db):
    response = client.get("/search?q=cartel+Ju%C3%A1rez&max-results=20")
    assert_moved(response, "/search/?q=cartel+Ju%C3%A1rez")


def test_bloggers_older_posts_link_moves_to_the_front_page(client, db):
    response = client.get("/search?updated-max=2010-12-03T09:00:00-06:00&max-results=7")
    assert_moved(response, "/")


# Feeds and archives --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "feed"),
    [
        ("/feeds/posts/default", "posts:feed"),
        ("/feeds/posts/default?alt=rss", "posts:feed"),
        ("/feeds/posts/summary?alt=json&max-results=5", "posts:feed"),
        ("/atom.xml", "posts:feed"),
        ("/rss.xml", "posts:feed"),
        ("/feeds/comments/default", "comments:feed"),
        ("/feeds/comments/default?alt=atom", "comments:feed"),
    ],
)
def test_bloggers_feeds_move_to_ours(client, db, path, feed):
    assert_moved(client.get(path), reverse(feed))


def test_a_label_feed_moves_to_ours(client):
    make_label("Mexican Army")
    response = client.get("/feeds/posts/default/-/Mexican%20Army?alt=rss")
    assert_moved(response, "/feeds/label/mexican-army/")


def test_the_feed_of_a_label_that_does_not_exist_is_not_found(client, db):
    assert_not_found(client.get("/feeds/posts/default/-/Nowhere"))


def test_a_posts_comment_feed_moves_to_that_posts_comment_feed(client, post):
    imported_post(post, OLD_PATH, entry_id="5432109876543210987")
    response = client.get("/feeds/5432109876543210987/comments/default?alt=rss")
    assert_moved(response, reverse("comments:post-feed", args=[post.pk]))


@pytest.mark.parametrize("entry_id", ["1234", "543210987654321098", "9" * 30])
def test_the_comment_feed_of_a_post_not_brought_over_moves_to_the_comments_feed(
    client, post, entry_id
):
    imported_post(post, OLD_PATH, entry_id="5432109876543210987")
    response = client.get(f"/feeds/{entry_id}/comments/default")
    assert_moved(response, reverse("comments:feed"))


def test_the_comment_feed_of_a_draft_moves_to_the_comments_feed(client):
    imported_post(make_post(published=False), OLD_PATH, entry_id="5432109876543210987")
    response = client.get("/feeds/5432109876543210987/comments/default")
    assert_moved(response, reverse("comments:feed"))


def test_bloggers_archive_of_a_month_moves_to_ours(client, db):
    assert_moved(client.get("/2010_12_01_archive.html"), "/2010/12/")


def test_an_archive_of_a_month_that_is_no_month_is_not_found(client, db):
    assert_not_found(client.get("/2010_13_01_archive.html"))


# How the redirects answer --------------------------------------------------------------


@pytest.mark.parametrize(
    "path", [OLD_PATH, f"{OLD_PATH}?showComment={SHOWN_AT}", "/feeds/posts/default"]
)
def test_redirects_may_be_kept_by_browsers_and_shared_caches(client, old_post, path):
    imported_comment(make_comment(old_post, status=Status.APPROVED), SHOWN_AT)
    response = client.get(path)
    assert response.status_code == 301
    assert response["Cache-Control"] == "public, max-age=86400"
    assert "Set-Cookie" not in response.headers


def test_an_old_address_answers_head_as_get(client, old_post):
    assert_moved(client.head(OLD_PATH), old_post.get_absolute_url())


def test_an_old_address_refuses_a_post(client, old_post):
    assert client.post(OLD_PATH).status_code == 405


# What they cost ------------------------------------------------------------------------


def test_an_old_post_address_costs_one_query(client, old_post, django_assert_num_queries):
    with django_assert_num_queries(1):
        assert client.get(OLD_PATH).status_code == 301


def test_show_comment_costs_one_query(client, old_post, django_assert_num_queries):
    imported_comment(make_comment(old_post, status=Status.APPROVED), SHOWN_AT)
    with django_assert_num_queries(1):
        assert client.get(f"{OLD_PATH}?showComment={SHOWN_AT}").status_code == 301


def test_show_comment_in_a_long_thread_costs_two_queries(
    client, old_post, django_assert_num_queries
):
    imported_comment(make_approved_comments(old_post, 250)[-1], SHOWN_AT)
    # the comment, then its number: which page of the thread shows it
    with django_assert_num_queries(2):
        assert client.get(f"{OLD_PATH}?showComment={SHOWN_AT}").status_code == 301


def test_an_unknown_show_comment_costs_two_queries(client, old_post, django_assert_num_queries):
    with django_assert_num_queries(2):
        assert client.get(f"{OLD_PATH}?showComment={SHOWN_AT}").status_code == 301


@pytest.mark.parametrize(
    ("path", "queries"),
    [
        ("/p/about.html", 1),
        ("/search/label/Wikileaks", 1),
        ("/feeds/posts/default/-/Wikileaks", 1),
        ("/feeds/5432109876543210987/comments/default", 1),
        ("/feeds/posts/default", 0),
        ("/search?q=cables", 0),
    ],
)
def test_other_old_addresses_cost_at_most_one_query(
    client, post, django_assert_num_queries, path, queries
):
    imported_page(make_page(), "/p/about.html")
    imported_post(post, OLD_PATH, entry_id="5432109876543210987")
    make_label("Wikileaks")
    with django_assert_num_queries(queries):
        assert client.get(path).status_code == 301


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's query planner")
def test_an_old_address_is_found_through_the_index_of_old_addresses(db):
    # SQLite uses a partial index only when the query states the index's condition.
    found = ImportedEntry.objects.comment_shown_at(OLD_PATH, SHOWN_AT)
    sql, params = found.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
        plan = " / ".join(row[-1] for row in cursor.fetchall())
    assert "USING INDEX imported_old_path_idx" in plan
    assert "USING INDEX imported_comment_time_idx" in plan
    assert "SCAN" not in plan


def queries_to_render(client, url):
    client.get(url)  # the sidebar's, the thread's and the page's caches, as for any reader
    return queries_of(client, url, 200)


@pytest.mark.parametrize("page_cached", [True, False], ids=["page-cached", "in-full"])
def test_a_post_brought_over_costs_the_queries_of_any_post_page(client, settings, page_cached):
    if not page_cached:
        settings.POST_PAGE_CACHE_SECONDS = 0
    written_here, brought_over = make_post(labels=["Border"]), make_post(labels=["Border"])
    imported_post(brought_over, OLD_PATH)
    for post in (written_here, brought_over):
        make_approved_comments(post, 5)
    for n, comment in enumerate(Comment.objects.filter(post=brought_over)):
        imported_comment(comment, SHOWN_AT + n)
    assert queries_to_render(client, brought_over.get_absolute_url()) == queries_to_render(
        client, written_here.get_absolute_url()
    )


# Whatever the order of the site's URLs -------------------------------------------------

OLD_ADDRESSES = [
    OLD_PATH,
    "/p/about.html",
    "/2010_12_01_archive.html",
    "/search/label/Wikileaks",
    "/search",
    "/feeds/posts/default",
    "/feeds/posts/summary",
    "/feeds/posts/default/-/Wikileaks",
    "/feeds/comments/default",
    "/feeds/5432109876543210987/comments/default",
    "/atom.xml",
    "/rss.xml",
]
SITE_ADDRESSES = [
    "/",
    "/2010/",
    "/2010/12/",
    "/2010/12/wikileaks-cables-us-mexico-drugs-war/",
    "/label/wikileaks/",
    "/pages/about/",
    "/search/",
    "/feeds/posts/",
    "/feeds/label/wikileaks/",
    "/feeds/comments/",
    "/feeds/comments/12/",
    "/policy/",
    "/tips/",
]


def the_site_without_blogger():
    patterns = [
        pattern
        for pattern in site_urls.urlpatterns
        if getattr(pattern, "urlconf_name", None) is not blogger.urls
    ]
    assert len(patterns) == len(site_urls.urlpatterns) - 1
    return URLResolver(RegexPattern(r"^/"), patterns)


@pytest.mark.parametrize("path", OLD_ADDRESSES)
def test_no_old_address_is_an_address_of_the_sites_own(path):
    assert get_resolver().resolve(path).namespace == "blogger"
    with pytest.raises(Resolver404):
        the_site_without_blogger().resolve(path)


@pytest.mark.parametrize("path", SITE_ADDRESSES)
def test_no_address_of_the_sites_own_is_an_old_address(path):
    assert get_resolver().resolve(path).namespace != "blogger"
    with pytest.raises(Resolver404):
        URLResolver(RegexPattern(r"^/"), "blogger.urls").resolve(path)
