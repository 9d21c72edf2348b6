import re

import pytest
from django.conf import settings

from tests.builders import make_post

pytestmark = pytest.mark.django_db


def test_posts_feed_is_atom_with_published_posts_only(client):
    make_post("Published story", labels=["Wikileaks"])
    make_post("Draft story", published=False)
    response = client.get("/feeds/posts/")
    body = response.content.decode()
    assert response["Content-Type"].startswith("application/atom+xml")
    assert "<title>Published story</title>" in body
    assert "Draft story" not in body
    assert '<category term="Wikileaks"' in body


def test_label_feed_lists_only_that_labels_posts(client):
    make_post("Labelled", labels=["Calderon"])
    make_post("Other")
    body = client.get("/feeds/label/calderon/").content.decode()
    assert "Labelled" in body
    assert "Other" not in body
    assert client.get("/feeds/label/nope/").status_code == 404


def test_feed_answers_not_modified_when_nothing_changed(client):
    make_post()
    first = client.get("/feeds/posts/")
    assert first.has_header("Last-Modified")
    again = client.get(
        "/feeds/posts/",
        headers={"If-Modified-Since": first["Last-Modified"], "If-None-Match": first["ETag"]},
    )
    assert again.status_code == 304


def test_every_page_links_the_feeds(client):
    page = client.get("/").content.decode()
    assert 'type="application/atom+xml"' in page
    assert 'href="/feeds/posts/"' in page
    assert 'href="/feeds/comments/"' in page


def feed_links_in_head(page):
    head = page.split("</head>", 1)[0]
    return re.findall(r'<link rel="alternate" type="application/atom\+xml"[^>]*>', head)


def test_a_label_page_links_its_own_feed_in_the_head(client):
    make_post("Labelled", labels=["Calderon"])
    make_post("Other")
    page = client.get("/label/calderon/").content.decode()
    own = [link for link in feed_links_in_head(page) if "/feeds/label/" in link]
    assert len(own) == 1
    assert f'title="{settings.BLOG_TITLE}: posts labelled “Calderon”"' in own[0]
    href = re.search(r'href="([^"]+)"', own[0])[1]
    assert href == "/feeds/label/calderon/"
    feed = client.get(href)
    assert feed.status_code == 200
    assert feed["Content-Type"].startswith("application/atom+xml")
    assert "<title>Labelled</title>" in feed.content.decode()
    assert "Other" not in feed.content.decode()


def test_pages_other_than_a_label_page_link_no_label_feed(client):
    make_post("Labelled", labels=["Calderon"])
    page = client.get("/").content.decode()
    assert not [link for link in feed_links_in_head(page) if "/feeds/label/" in link]
