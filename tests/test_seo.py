"""What search engines and link previews read: sitemap, robots.txt, canonical, meta."""

import json
import re

import pytest

from tests.builders import make_post

pytestmark = pytest.mark.django_db


def test_sitemap_lists_published_posts_and_labels(client):
    post = make_post(labels=["Calderon"])
    draft = make_post(published=False)
    body = client.get("/sitemap.xml").content.decode()
    assert f"http://testserver{post.get_absolute_url()}" in body
    assert "http://testserver/label/calderon/" in body
    assert draft.get_absolute_url() not in body
    assert "http://testserver/policy/" in body


def test_robots_txt_points_to_the_sitemap_and_keeps_crawlers_out_of_admin(client):
    response = client.get("/robots.txt")
    body = response.content.decode()
    assert response["Content-Type"].startswith("text/plain")
    assert "Disallow: /admin/" in body
    assert "Sitemap: http://testserver/sitemap.xml" in body


def test_post_page_names_its_canonical_address(client):
    post = make_post()
    page = client.get(f"{post.get_absolute_url()}?replyto=1").content.decode()
    assert f'<link rel="canonical" href="http://testserver{post.get_absolute_url()}">' in page


def test_post_page_carries_open_graph_and_twitter_meta(client):
    post = make_post("Cables on the army", labels=["Mexican Army"])
    page = client.get(post.get_absolute_url()).content.decode()
    assert '<meta property="og:type" content="article">' in page
    assert '<meta property="og:title" content="Cables on the army">' in page
    assert '<meta property="article:tag" content="Mexican Army">' in page
    assert '<meta name="twitter:card"' in page


def json_ld(page):
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.DOTALL)
    return json.loads(match.group(1))


def test_post_page_describes_itself_as_a_news_article(client):
    post = make_post("Cables on the army", labels=["Mexican Army"])
    data = json_ld(client.get(post.get_absolute_url()).content.decode())
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == "Cables on the army"
    assert data["keywords"] == ["Mexican Army"]
    assert data["mainEntityOfPage"] == f"http://testserver{post.get_absolute_url()}"


def test_a_title_cannot_break_out_of_the_json_ld_block(client):
    post = make_post("</script><script>alert(1)</script>")
    page = client.get(post.get_absolute_url()).content.decode()
    assert "</script><script>alert(1)" not in page
    assert json_ld(page)["headline"] == "</script><script>alert(1)</script>"


def test_post_page_declares_the_posts_language(client):
    post = make_post(language="es")
    page = client.get(post.get_absolute_url()).content.decode()
    assert '<article class="post" lang="es">' in page
    assert '<meta property="og:locale" content="es_MX">' in page
