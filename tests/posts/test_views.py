from datetime import timedelta

import pytest
from django.utils import timezone

from tests.builders import local_time, make_post

pytestmark = pytest.mark.django_db


def test_home_lists_published_posts_newest_first(client):
    older = make_post("Older", publish_at=timezone.now() - timedelta(days=2))
    newer = make_post("Newer", publish_at=timezone.now() - timedelta(days=1))
    make_post("Draft", published=False)
    page = client.get("/").content.decode()
    assert page.index(newer.title) < page.index(older.title)
    assert "Draft" not in page
    assert page.count('<article class="post') == 2


def test_home_is_paginated(client, settings):
    for _ in range(12):
        make_post()
    first = client.get("/")
    second = client.get("/?page=2")
    assert first.context["page_obj"].paginator.num_pages == 2
    assert len(second.context["page_obj"]) == 2
    assert 'rel="next"' in first.content.decode()


def test_a_page_past_the_end_is_not_found(client):
    make_post()
    assert client.get("/?page=99").status_code == 404
    assert client.get("/?page=abc").status_code == 404


def test_each_listed_post_links_to_its_comments(client):
    post = make_post()
    page = client.get("/").content.decode()
    assert f'href="{post.get_absolute_url()}#comments">0 comments' in page


def test_post_page_shows_title_body_labels_and_date_header(client):
    post = make_post("Wikileaks cables", labels=["Wikileaks"], body="Text.\n\n## Losing control")
    page = client.get(post.get_absolute_url()).content.decode()
    assert '<h1 class="post-title">Wikileaks cables</h1>' in page
    assert "<h2>Losing control</h2>" in page
    assert 'href="/label/wikileaks/"' in page
    assert 'class="date-header"' in page


def test_post_page_links_the_neighbouring_posts(client):
    older = make_post("Older", publish_at=timezone.now() - timedelta(days=3))
    middle = make_post("Middle", publish_at=timezone.now() - timedelta(days=2))
    newer = make_post("Newer", publish_at=timezone.now() - timedelta(days=1))
    page = client.get(middle.get_absolute_url()).content.decode()
    assert older.get_absolute_url() in page
    assert newer.get_absolute_url() in page


def test_a_draft_is_not_found(client):
    draft = make_post(published=False)
    assert client.get(draft.get_absolute_url()).status_code == 404


def test_a_scheduled_post_is_not_found_before_its_time(client):
    post = make_post(publish_at=timezone.now() + timedelta(days=1))
    assert client.get(post.get_absolute_url()).status_code == 404


def test_a_post_under_the_wrong_month_is_not_found(client):
    post = make_post(slug="story", publish_at=local_time(2010, 12, 3, 18))
    assert client.get("/2010/12/story/").status_code == 200
    assert client.get("/2010/11/story/").status_code == 404
    assert client.get("/2010/13/story/").status_code == 404
    assert post.pk


def test_archive_pages_list_the_posts_of_that_year_and_month(client):
    make_post("December story", publish_at=local_time(2010, 12, 3, 18))
    make_post("January story", publish_at=local_time(2011, 1, 10, 18))
    assert "December story" in client.get("/2010/").content.decode()
    assert "January story" not in client.get("/2010/12/").content.decode()
    assert client.get("/2009/").status_code == 404


def test_label_page_lists_only_posts_with_that_label(client):
    make_post("Labelled", labels=["Calderon"])
    make_post("Other")
    page = client.get("/label/calderon/").content.decode()
    assert "Labelled" in page
    assert "Other" not in page
    assert client.get("/label/nope/").status_code == 404


def test_sidebar_archive_counts_posts_per_month(client):
    make_post(publish_at=local_time(2010, 12, 3, 18))
    make_post(publish_at=local_time(2010, 12, 9, 18))
    page = client.get("/").content.decode()
    assert 'href="/2010/12/">December</a> <span class="count">(2)</span>' in page


def test_sidebar_carries_the_tipline_call_to_action_in_both_languages(client):
    page = client.get("/").content.decode()
    assert "Envía fotos, vídeos, notas, enlaces o información" in page
    assert "Todo 100% Anónimo" in page
    assert "Send photos, videos, notes, links or information" in page


def test_pages_load_nothing_from_third_parties(client):
    post = make_post(labels=["x"], body="A [link](https://example.org) in the text is fine.")
    for url in ["/", post.get_absolute_url(), "/policy/"]:
        response = client.get(url)
        page = response.content.decode()
        assert 'src="http' not in page
        assert '<link rel="stylesheet" href="http' not in page
        assert "default-src 'self'" in response["Content-Security-Policy"]


def test_a_translated_post_links_its_other_language_both_ways(client):
    english = make_post("Cables on the army", language="en")
    spanish = make_post("Los cables sobre el ejército", language="es", translation_of=english)
    english_page = client.get(english.get_absolute_url()).content.decode()
    spanish_page = client.get(spanish.get_absolute_url()).content.decode()
    assert f'hreflang="es" href="http://testserver{spanish.get_absolute_url()}"' in english_page
    assert "Leer en español" in english_page
    assert f'hreflang="en" href="http://testserver{english.get_absolute_url()}"' in spanish_page
    assert "Read in English" in spanish_page


def test_an_unpublished_translation_is_not_linked(client):
    english = make_post("Cables on the army", language="en")
    make_post("Borrador", language="es", translation_of=english, published=False)
    page = client.get(english.get_absolute_url()).content.decode()
    assert "hreflang=" not in page.split("<body")[1]
    assert 'hreflang="es"' not in page
