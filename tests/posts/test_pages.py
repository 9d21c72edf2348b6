"""Pages that are not posts (About, Blogger's /p/ pages): read at /pages/<slug>/ once
published, written by authors in the admin, listed in the sitemap."""

import pytest
from django.urls import reverse

from posts.models import Page
from tests.builders import make_page

pytestmark = pytest.mark.django_db


def test_a_published_page_shows_its_title_as_the_heading_and_its_body(client):
    make_page("About this blog", slug="about", body="We report from **both** sides.")
    html = client.get("/pages/about/").content.decode()
    assert '<h1 class="post-title">About this blog</h1>' in html
    assert "<p>We report from <strong>both</strong> sides.</p>" in html
    assert "<title>About this blog · " in html


def test_an_unpublished_page_is_not_found(client):
    make_page(slug="about", published=False)
    response = client.get("/pages/about/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


def test_a_page_that_does_not_exist_is_not_found(client):
    assert client.get("/pages/about/").status_code == 404


def test_a_page_brought_over_as_html_is_shown_sanitised(client):
    make_page(
        slug="contact",
        body_format="html",
        body='<h2>Write to us</h2><p onclick="steal()">Desk<br>Laredo</p><script>x()</script>',
    )
    html = client.get("/pages/contact/").content.decode()
    assert "<h2>Write to us</h2><p>Desk<br>Laredo</p>" in html
    assert "steal()" not in html
    assert "x()" not in html


def test_a_page_in_another_language_than_the_interfaces_says_which(client):
    make_page("Quiénes somos", slug="quienes-somos", language="es")
    html = client.get("/pages/quienes-somos/").content.decode()
    assert '<html lang="en">' in html
    assert '<article class="page" lang="es">' in html


def test_a_page_in_the_interfaces_language_needs_no_lang_of_its_own(client):
    make_page("Quiénes somos", slug="quienes-somos", language="es")
    html = client.get("/pages/quienes-somos/", headers={"Accept-Language": "es"}).content.decode()
    assert '<html lang="es">' in html
    assert '<article class="page">' in html


def test_a_page_names_its_canonical_address(client):
    make_page(slug="about")
    html = client.get("/pages/about/?m=1").content.decode()
    assert '<link rel="canonical" href="http://testserver/pages/about/">' in html


def test_a_page_costs_one_query_once_the_sidebar_is_cached(client, django_assert_num_queries):
    make_page(slug="about")
    client.get("/pages/about/")  # the sidebar's archive and labels, cached for every page
    with django_assert_num_queries(1):
        assert client.get("/pages/about/").status_code == 200


def test_the_sitemap_lists_published_pages_only(client):
    make_page(slug="about")
    make_page(slug="draft-page", published=False)
    body = client.get("/sitemap.xml").content.decode()
    assert "<loc>http://testserver/pages/about/</loc>" in body
    assert "draft-page" not in body


# In the admin ----------------------------------------------------------------------------

ADD = reverse("admin:posts_page_add")
CHANGELIST = reverse("admin:posts_page_changelist")


def new_page_form(**fields):
    return {
        "title": "About this blog",
        "slug": "about",
        "body": "We report from both sides of the border.",
        "language": "en",
        "is_published": "on",
        **fields,
    }


def test_an_author_adds_a_page(author_client):
    response = author_client.post(ADD, new_page_form())
    assert response.status_code == 302
    page = Page.objects.get()
    assert (page.slug, page.body_format, page.is_published) == ("about", "markdown", True)


def test_an_author_lists_the_pages(author_client):
    make_page("About this blog")
    response = author_client.get(CHANGELIST)
    assert response.status_code == 200
    assert "About this blog" in response.content.decode()


def test_an_author_previews_an_unpublished_page(author_client):
    page = make_page("Coming soon: our new desk", published=False)
    response = author_client.get(reverse("admin:posts_page_preview", args=[page.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Coming soon: our new desk" in html
    assert "readers cannot see this page until it is published" in html


def test_an_unpublished_page_offers_no_view_on_site_link(author_client):
    page = make_page(published=False)
    response = author_client.get(reverse("admin:posts_page_change", args=[page.pk]))
    assert response.context["has_absolute_url"] is False


def test_a_pages_body_format_is_shown_not_edited(author_client):
    page = make_page(body_format="html", body="<p>Imported</p>")
    author_client.post(
        reverse("admin:posts_page_change", args=[page.pk]),
        new_page_form(slug=page.slug, body="<p>Imported, edited</p>", body_format="markdown"),
    )
    page.refresh_from_db()
    assert (page.body, page.body_format) == ("<p>Imported, edited</p>", "html")


def test_an_editor_reads_the_pages_but_cannot_add_one(editor_client):
    page = make_page()
    assert editor_client.get(CHANGELIST).status_code == 200
    assert editor_client.get(reverse("admin:posts_page_change", args=[page.pk])).status_code == 200
    assert editor_client.get(ADD).status_code == 403
    assert editor_client.post(ADD, new_page_form()).status_code == 403
