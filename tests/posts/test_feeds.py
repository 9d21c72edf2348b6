import pytest

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
