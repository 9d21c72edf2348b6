"""The seed post's page shows everything the Blogger page it is modelled on shows."""

import re

import pytest

AUTHORS_BY_NUMBER = {1: "Brito", 6: "Ernest1", 8: "Buela", 14: "Ernest1", 15: "Buela"}
COMMENT = re.compile(
    r'<li id="c(?P<id>\d+)" class="comment">.*?'
    r'<span class="comment-number">(?P<number>\d+)\.</span>\s*'
    r'<span class="comment-author">(?P<author>[^<]*)</span>.*?'
    r'<time datetime="[^"]*">(?P<time>[^<]*)</time>',
    re.DOTALL,
)


@pytest.fixture
def page(client, seed_post):
    response = client.get(seed_post.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


def test_seed_page_shows_date_header_title_and_sub_heading(page):
    assert "Friday, December 3, 2010" in page
    assert (
        '<h1 class="post-title">Wikileaks cables: US Mexico drugs War Fears Revealed</h1>' in page
    )
    assert "<h2>Losing control</h2>" in page


def test_seed_page_shows_the_placeholder_image_with_its_caption(page):
    assert re.search(
        r'<img src="/media/posts/[0-9a-f]{32}\.jpg" alt="[^"]+" width="1200" height="675"',
        page,
    )
    caption = "Mexican soldiers are in the front line of the fight against drugs."
    assert f"<figcaption>{caption}</figcaption>" in page


def test_seed_page_numbers_fifteen_comments_with_their_authors(page):
    comments = [match.groupdict() for match in COMMENT.finditer(page)]
    assert [int(c["number"]) for c in comments] == list(range(1, 16))
    authors = [c["author"] for c in comments]
    for number, author in enumerate(authors, start=1):
        if number in AUTHORS_BY_NUMBER:
            assert author == AUTHORS_BY_NUMBER[number]
        else:  # anonymous commenters show with their handle on this post
            assert re.fullmatch(r"Anonymous·[0-9A-F]{3}", author), (number, author)


def test_seed_page_times_comment_seven_at_3_40_pm_as_a_permalink(page):
    seventh = list(COMMENT.finditer(page))[6]
    assert seventh["time"] == "December 3, 2010 3:40 PM"
    assert f'<a class="comment-permalink" href="#c{seventh["id"]}">' in page


def test_seed_page_moderation_line_links_to_the_policy(page):
    assert 'Comments are moderated, refer to <a href="/policy/">policy</a>' in page


def test_seed_page_keeps_the_tip_line_call_to_action(page):
    assert "Envía fotos, vídeos, notas, enlaces o información" in page
    assert "Todo 100% Anónimo" in page
