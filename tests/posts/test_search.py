"""/search/?q=: the same rules on SQLite (word matching) and PostgreSQL (full text)."""

import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from posts import search
from posts.models import Post
from tests.builders import make_post

pytestmark = pytest.mark.django_db


@pytest.fixture
def postgresql(db):
    if connection.vendor != "postgresql":
        pytest.skip(
            "stemming and the search index are PostgreSQL's full-text search; "
            "the SQLite fallback matches words as typed"
        )


def search_page(client, q, **params):
    response = client.get("/search/", {"q": q, **params})
    assert response.status_code == 200
    return response.content.decode()


def titles_found(client, q, **params):
    """Post titles on the results page, in order, with the highlighting taken out."""
    page = search_page(client, q, **params)
    return [
        re.sub(r"</?mark>", "", title)
        for title in re.findall(r'<h2 class="post-title"><a href="[^"]*">(.*?)</a>', page)
    ]


def test_search_finds_a_post_by_a_word_in_its_title(client):
    make_post("Smugglers tunnel found under the wall")
    make_post("Election day in Juarez")
    assert titles_found(client, "tunnel") == ["Smugglers tunnel found under the wall"]


def test_search_finds_a_post_by_a_word_in_its_body(client):
    make_post("A quiet day", body="Agents found a tunnel near the port of entry.")
    make_post("Another day", body="Nothing to report.")
    assert titles_found(client, "tunnel") == ["A quiet day"]


def test_every_word_of_the_query_must_match(client):
    make_post("Tunnel under the wall")
    make_post("Tunnel under the river")
    assert titles_found(client, "tunnel wall") == ["Tunnel under the wall"]


def test_a_word_after_a_minus_leaves_posts_out(client):
    make_post("Tunnel under the wall")
    make_post("Tunnel under the river")
    assert titles_found(client, "tunnel -river") == ["Tunnel under the wall"]


def test_title_matches_rank_before_body_only_matches(client):
    make_post(
        "Busy week at the port",
        body="A tunnel, then another tunnel: tunnel after tunnel. " * 20,
        publish_at=timezone.now() - timedelta(hours=1),
    )
    make_post("Agents seal a tunnel", publish_at=timezone.now() - timedelta(days=30))
    assert titles_found(client, "tunnel") == ["Agents seal a tunnel", "Busy week at the port"]


def test_equally_good_matches_come_newest_first(client):
    make_post("Tunnel found (older)", publish_at=timezone.now() - timedelta(days=2))
    make_post("Tunnel found (newer)", publish_at=timezone.now() - timedelta(days=1))
    assert titles_found(client, "tunnel") == ["Tunnel found (newer)", "Tunnel found (older)"]


def test_drafts_never_appear_in_search(client):
    make_post("Tunnel story, still a draft", published=False)
    assert titles_found(client, "tunnel") == []


def test_scheduled_posts_never_appear_in_search_before_their_time(client):
    make_post("Tunnel story for tomorrow", publish_at=timezone.now() + timedelta(days=1))
    assert titles_found(client, "tunnel") == []


def test_spanish_posts_are_searched_with_spanish_stemming(client, postgresql):
    # Spanish stemming makes "detenidos" and "detenidas" one word ('deten'); the English
    # dictionary would keep them apart ('detenido', 'detenida').
    make_post("Tres periodistas fueron detenidas en la frontera", language="es")
    make_post("Border crossings reopen", language="en")
    assert titles_found(client, "detenidos") == ["Tres periodistas fueron detenidas en la frontera"]


def test_english_posts_are_searched_with_english_stemming(client, postgresql):
    make_post("Smugglers dig tunnels", language="en")
    assert titles_found(client, "tunnel") == ["Smugglers dig tunnels"]


def test_postgresql_search_can_use_the_full_text_index(postgresql):
    """posts.search.document() must be the very expression migration 0004 indexes."""
    make_post("Tunnel found")
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
    plan = search.search(Post.objects.all(), "tunnel").explain()
    assert "post_search_idx" in plan


def test_matches_are_highlighted_in_title_and_snippet(client):
    make_post("Tunnel found", body="Agents found the tunnel on Tuesday.")
    page = search_page(client, "tunnel")
    assert "<mark>Tunnel</mark> found</a>" in page
    assert "the <mark>tunnel</mark> on Tuesday" in page


def test_html_in_a_post_title_comes_out_escaped(client):
    make_post("<script>alert('tunnel')</script> Tunnel found")
    page = search_page(client, "tunnel")
    assert "<script>" not in page
    assert "&lt;script&gt;alert(" in page


def test_html_in_a_post_body_comes_out_escaped_in_the_snippet(client):
    make_post("Site news", body="The tunnel story used `<img src=x onerror=alert(1)>` & more.")
    page = search_page(client, "tunnel")
    assert "<img src=x" not in page
    assert "&lt;img src=x onerror=alert(1)&gt; &amp; more" in page


def test_marker_characters_in_a_post_cannot_forge_markup():
    text = f"a {search.START}b{search.STOP} {search.STOP}c{search.START} <i>d</i>"
    assert search.marked_html(text) == "a <mark>b</mark> c &lt;i&gt;d&lt;/i&gt;"


def test_the_query_is_echoed_escaped_with_the_result_count(client):
    make_post("Tunnel found")
    page = search_page(client, "tunnel <b>")
    assert "<b>" not in page
    assert "“tunnel &lt;b&gt;”" in page
    make_post("Another tunnel")
    assert "2 posts match “tunnel”" in search_page(client, "tunnel")


def test_an_empty_query_shows_the_search_form_and_no_results(client):
    make_post("Tunnel found")
    page = search_page(client, "   ")
    assert 'name="q"' in page
    assert 'class="post' not in page
    assert "match" not in page


def test_a_page_without_q_is_the_empty_search_page(client):
    response = client.get("/search/")
    assert response.status_code == 200
    assert 'name="q"' in response.content.decode()


def test_a_query_of_5000_characters_is_cut_to_200_with_a_note(client):
    make_post("Tunnel found")
    page = search_page(client, "tunnel " + "x" * 4993)
    assert "first 200 characters" in page
    assert 'value="tunnel ' + "x" * 193 + '"' in page
    assert "“tunnel " + "x" * 193 + "”" in page


@pytest.mark.parametrize(
    "q",
    [
        '"',
        '""',
        "&|!:*()",
        "'; DROP TABLE posts_post; --",
        "...",
        "🙂🌵",
        "-tunnel",
        "or",
        "\\",
        "<>",
    ],
)
def test_odd_queries_give_a_friendly_page_without_results(client, q):
    make_post("Tunnel found")
    page = search_page(client, q)
    assert "No posts match" in page
    assert 'class="post' not in page
    assert Post.objects.count() == 1


def test_nul_characters_are_taken_out_of_the_query(client):
    make_post("Tunnel found")
    assert titles_found(client, "\x00tunnel\x00") == ["Tunnel found"]


def test_search_pages_ask_not_to_be_indexed(client):
    assert '<meta name="robots" content="noindex">' in search_page(client, "tunnel")
    assert '<meta name="robots" content="noindex">' in search_page(client, "")


def test_pagination_keeps_the_query(client):
    for n in range(11):
        make_post(f"Tunnel report {n}", publish_at=timezone.now() - timedelta(hours=n + 1))
    page = search_page(client, "tunnel")
    assert page.count('<article class="post') == 10
    assert 'href="?q=tunnel&amp;page=2"' in page
    assert titles_found(client, "tunnel", page=2) == ["Tunnel report 10"]


def test_search_costs_the_same_queries_with_one_or_ten_results(client):
    def queries_to_search():
        with CaptureQueriesContext(connection) as captured:
            search_page(client, "tunnel")
        return len(captured)

    make_post("Tunnel 0", labels=["Border"])
    one = queries_to_search()
    for n in range(1, 10):
        make_post(f"Tunnel {n}", labels=["Border", f"Label {n}"])
    assert queries_to_search() == one
