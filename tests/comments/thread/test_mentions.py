"""'@ 3:40', '@ Buela' and '@ Anonymous·7F3' link to the one earlier comment they identify."""

import re
from io import StringIO

import nh3
import pytest
from django.core.management import call_command
from django.test import Client

from comments import sanitize
from comments.models import Comment
from comments.thread.handles import comment_display_name, handle_code
from comments.thread.mentions import MentionIndex, link_mentions
from demo.content import SEED_SLUG
from posts.models import Post
from tests.builders import make_post
from tests.comments.thread_builders import approved_at, make_many

pytestmark = pytest.mark.django_db

Status = Comment.Status
MENTION = re.compile(r'<a href="([^"]*)" class="mention">([^<]*)</a>')


def mentions_in(post, comment, query=""):
    """(href, text) of the mention links in ``comment`` as its post's page shows it."""
    page = Client().get(post.get_absolute_url() + query).content.decode()
    start = page.index(f'<li id="c{comment.pk}"')
    body = page[page.index('<div class="comment-body">', start) : page.index("</div>", start)]
    return MENTION.findall(body)


def answer(post, body, *at, **fields):
    """A comment written after the others (late in the afternoon of Dec 3, 2010)."""
    return approved_at(post, *(at or (2010, 12, 3, 16, 33)), body=body, **fields)


# Times -------------------------------------------------------------------------------


def test_a_time_mention_links_to_the_comment_written_at_that_time(post):
    target = approved_at(post, 2010, 12, 3, 15, 40)
    reply = answer(post, "@ 3:40\n\nGovernor Bert is leaving Coahuila.")
    assert mentions_in(post, reply) == [(f"#c{target.pk}", "@ 3:40")]


@pytest.mark.parametrize("typed", ["@3:40pm", "@ 3:40 PM", "@3:40 p.m.", "@ 15:40", "@3:40"])
def test_a_time_mention_is_recognised_as_readers_type_it(post, typed):
    target = approved_at(post, 2010, 12, 3, 15, 40)
    reply = answer(post, f"{typed} you are right")
    assert mentions_in(post, reply) == [(f"#c{target.pk}", typed)]


def test_a_time_mention_reads_the_site_time_zone(post, settings):
    assert settings.TIME_ZONE == "America/Chicago"
    target = approved_at(post, 2010, 12, 3, 15, 40)  # 21:40 UTC
    reply = answer(post, "@ 9:40 and @ 21:40 are not its times; @ 3:40 is")
    assert mentions_in(post, reply) == [(f"#c{target.pk}", "@ 3:40")]


def test_a_morning_time_does_not_link_to_an_afternoon_comment(post):
    approved_at(post, 2010, 12, 3, 15, 40)
    reply = answer(post, "@ 3:40 am nobody was awake")
    assert mentions_in(post, reply) == []


def test_two_comments_at_the_mentioned_time_make_it_ambiguous(post):
    approved_at(post, 2010, 12, 2, 15, 40)
    approved_at(post, 2010, 12, 3, 15, 40)
    reply = answer(post, "@ 3:40 which one?")
    assert mentions_in(post, reply) == []


def test_a_time_without_am_or_pm_is_ambiguous_when_comments_exist_at_both(post):
    approved_at(post, 2010, 12, 3, 3, 40)
    approved_at(post, 2010, 12, 3, 15, 40)
    reply = answer(post, "@ 3:40")
    assert mentions_in(post, reply) == []


def test_a_mention_looks_only_at_earlier_comments(post):
    reply = answer(post, "@ 3:40 the next one", 2010, 12, 3, 15, 0)
    approved_at(post, 2010, 12, 3, 15, 40)
    assert mentions_in(post, reply) == []


def test_a_later_comment_at_the_same_time_does_not_undo_a_link(post):
    target = approved_at(post, 2010, 12, 3, 15, 40)
    reply = answer(post, "@ 3:40")
    approved_at(post, 2010, 12, 4, 15, 40)
    assert mentions_in(post, reply) == [(f"#c{target.pk}", "@ 3:40")]


# Names and handles -------------------------------------------------------------------


def test_a_name_mention_links_to_that_persons_latest_earlier_comment(post):
    approved_at(post, 2010, 12, 3, 15, 0, author_name="Buela")
    latest = approved_at(post, 2010, 12, 3, 15, 52, author_name="Buela")
    reply = answer(post, "@ Buela paz to you too")
    assert mentions_in(post, reply) == [(f"#c{latest.pk}", "@ Buela")]


def test_a_name_mention_ignores_case(post):
    target = approved_at(post, 2010, 12, 3, 15, 0, author_name="Ernest1")
    reply = answer(post, "@ernest1 you are too slow")
    assert mentions_in(post, reply) == [(f"#c{target.pk}", "@ernest1")]


def test_a_part_of_a_name_identifies_nobody(post):
    approved_at(post, 2010, 12, 3, 12, 14, author_name="Brito")
    reply = answer(post, "@ B\n\nyeap... seems like not much response to this")
    assert mentions_in(post, reply) == []


def test_a_name_does_not_match_the_start_of_a_longer_word(post):
    approved_at(post, 2010, 12, 3, 12, 0, author_name="Ana")
    reply = answer(post, "@ Anabel said so")
    assert mentions_in(post, reply) == []


def test_the_longest_name_that_matches_wins(post):
    approved_at(post, 2010, 12, 3, 12, 0, author_name="Juan")
    longer = approved_at(post, 2010, 12, 3, 12, 5, author_name="Juan de Matamoros")
    reply = answer(post, "@ Juan de Matamoros tiene razón")
    assert mentions_in(post, reply) == [(f"#c{longer.pk}", "@ Juan de Matamoros")]


def test_a_name_with_markup_characters_is_matched_as_the_page_shows_it(post):
    target = approved_at(post, 2010, 12, 3, 12, 0, author_name="Tom & Jerry")
    reply = answer(post, "@ Tom & Jerry hi")
    assert mentions_in(post, reply) == [(f"#c{target.pk}", "@ Tom &amp; Jerry")]


@pytest.mark.parametrize("typed", ["@ Anonymous·{code}", "@Anonymous {code}", "@ anonimo-{lower}"])
def test_a_handle_mention_links_to_that_readers_latest_comment(post, typed):
    target = approved_at(post, 2010, 12, 3, 12, 0, submitter_hash="a" * 64)
    code = comment_display_name(target).split("·")[1]
    text = typed.format(code=code, lower=code.lower())
    reply = answer(post, f"{text} exactly", submitter_hash="b" * 64)
    assert mentions_in(post, reply) == [(f"#c{target.pk}", text)]


def test_a_handle_from_another_post_links_nowhere():
    elsewhere, here = make_post(), make_post()
    there = approved_at(elsewhere, 2010, 12, 3, 12, 0, submitter_hash="a" * 64)
    code = handle_code(elsewhere.pk, "a" * 64, there.pk)
    # The same reader comments here too, under this post's handle.
    approved_at(here, 2010, 12, 3, 12, 0, submitter_hash="a" * 64)
    if handle_code(here.pk, "a" * 64, 0) == code:
        pytest.skip("the reader's two codes coincide by chance (1 in 4,096)")
    reply = answer(here, f"@ Anonymous·{code} from the other story", submitter_hash="b" * 64)
    assert mentions_in(here, reply) == []


def test_a_mention_of_a_taken_down_comment_links_to_its_placeholder(post, editor, rule):
    from comments.services import moderation

    target = approved_at(post, 2010, 12, 3, 15, 40)
    reply = answer(post, "@ 3:40 what a thing to say")
    moderation.reject(target, editor=editor, rule=rule)
    assert mentions_in(post, reply) == [(f"#c{target.pk}", "@ 3:40")]


def test_a_mention_of_a_comment_on_another_page_names_its_page():
    post = make_post()
    make_many(post, 210)
    (target,) = make_many(post, 1, author_name="Buela")  # number 211, page 2
    make_many(post, 200)
    (reply,) = make_many(post, 1, body="@ Buela on the page before")  # number 412, page 3
    assert mentions_in(post, reply, "?cpage=3") == [
        (f"{post.get_absolute_url()}?cpage=2#c{target.pk}", "@ Buela")
    ]


def test_a_mention_of_a_comment_on_the_first_page_links_to_the_plain_post_address():
    post = make_post()
    (target,) = make_many(post, 1, author_name="Buela")
    make_many(post, 250)
    (reply,) = make_many(post, 1, body="@ Buela from page two")
    assert mentions_in(post, reply, "?cpage=2") == [
        (f"{post.get_absolute_url()}#c{target.pk}", "@ Buela")
    ]


# Safety ------------------------------------------------------------------------------


def test_a_mention_inside_a_link_is_left_alone(post):
    approved_at(post, 2010, 12, 3, 15, 40)
    reply = answer(post, "see https://example.com/@3:40 for the video")
    assert mentions_in(post, reply) == []


def test_an_email_address_is_not_a_mention(post):
    approved_at(post, 2010, 12, 3, 12, 0, author_name="example")
    reply = answer(post, "write to tips@example.com")
    assert mentions_in(post, reply) == []


def test_reader_text_in_a_mention_is_linked_as_escaped_text(post):
    name = 'Eve <3 & "Bob"'
    target = approved_at(post, 2010, 12, 3, 12, 0, author_name=name)
    reply = answer(post, f"@ {name} hello <script>alert(2)</script>")
    assert mentions_in(post, reply) == [(f"#c{target.pk}", '@ Eve &lt;3 &amp; "Bob"')]
    assert "<script>alert" not in Client().get(post.get_absolute_url()).content.decode()


def test_linked_html_is_well_formed_and_keeps_only_allowed_markup():
    class Entry:
        def __init__(self, number, name):
            self.number, self.id, self.author_name = number, 100 + number, name
            self.submitter_hash = "a" * 64

    body = sanitize.render_comment(
        "@ Buela <b>@ Buela</b> <a href='https://e.com/@Buela'>@Buela</a> a@Buela.com @Buela"
    )
    entries = [Entry(1, "Buela")]
    linked = link_mentions(body, 2, MentionIndex(entries, codes=None), lambda e: f"#c{e.id}")
    assert linked.count('class="mention"') == 3
    cleaned = nh3.clean(
        linked,
        tags=sanitize.ALLOWED_TAGS,
        attributes={"a": {"href", "class", "rel"}},
        url_schemes=sanitize.ALLOWED_URL_SCHEMES,
        link_rel=None,
    )
    assert cleaned == linked


def test_linking_mentions_twice_gives_the_same_html(post):
    approved_at(post, 2010, 12, 3, 15, 40)
    reply = answer(post, "@ 3:40")
    assert mentions_in(post, reply) == mentions_in(post, reply)


# The demo ----------------------------------------------------------------------------


@pytest.fixture
def seed_post(db):
    call_command("load_demo", stdout=StringIO())
    return Post.objects.get(slug=SEED_SLUG)


def seed_comment(post, number):
    return Comment.objects.for_post(post).published_once().thread_order()[number - 1]


def test_the_demos_comment_11_links_its_at_3_40_to_comment_7(seed_post):
    seventh, eleventh = seed_comment(seed_post, 7), seed_comment(seed_post, 11)
    assert mentions_in(seed_post, eleventh) == [(f"#c{seventh.pk}", "@ 3:40")]


def test_the_demos_comment_5_at_b_links_nowhere(seed_post):
    assert mentions_in(seed_post, seed_comment(seed_post, 5)) == []
