"""Replies nest under their parent, three steps at most, and keep their reading-order numbers."""

import pytest
from django.test import Client

from comments.models import Comment
from tests.builders import make_comment
from tests.comments.thread_builders import make_chain, make_reply
from tests.comments.thread_shape import ThreadShape

pytestmark = pytest.mark.django_db

Status = Comment.Status


def page_html(post, query=""):
    return Client().get(post.get_absolute_url() + query).content.decode()


def shape_of(post, query=""):
    return ThreadShape(page_html(post, query))


def approved(post, **fields):
    return make_comment(post, status=Status.APPROVED, **fields)


def test_a_reply_shows_nested_under_its_parent(post):
    parent = approved(post)
    approved(post)
    reply = make_reply(parent)
    assert shape_of(post).by_id(reply.pk).parent == parent.pk


def test_a_reply_is_shown_right_after_its_parent_and_before_later_comments(post):
    parent = approved(post)
    later = approved(post)
    reply = make_reply(parent)
    assert shape_of(post).order() == [parent.pk, reply.pk, later.pk]


def test_a_reply_keeps_its_reading_order_number(post):
    parent = approved(post)
    approved(post)
    reply = make_reply(parent)
    assert shape_of(post).by_id(reply.pk).number == 3


def test_replies_to_one_comment_read_oldest_first(post):
    parent = approved(post)
    first, second = make_reply(parent), make_reply(parent)
    assert shape_of(post).order() == [parent.pk, first.pk, second.pk]


def test_nesting_stops_at_depth_three(post):
    chain = make_chain(approved(post), 5)
    shape = shape_of(post)
    assert [shape.by_id(reply.pk).depth for reply in chain] == [1, 2, 3, 3, 3]


def test_replies_deeper_than_three_stay_beside_the_third_in_reading_order(post):
    root = approved(post)
    chain = make_chain(root, 5)
    shape = shape_of(post)
    assert {shape.by_id(reply.pk).parent for reply in chain[2:]} == {chain[1].pk}
    assert shape.order() == [root.pk, *[reply.pk for reply in chain]]


def test_a_reply_beyond_the_depth_cap_names_whom_it_answers(post):
    root = approved(post)
    chain = make_chain(root, 3)
    deepest = make_reply(chain[-1], author_name="Buela")
    answer = make_reply(deepest)
    page = page_html(post)
    assert f'<a class="comment-parent" href="#c{deepest.pk}">in reply to 5. Buela</a>' in page
    assert shape_of(post).by_id(answer.pk).depth == 3


def test_every_reply_links_to_the_comment_it_answers(post):
    parent = approved(post, author_name="Brito")
    reply = make_reply(parent)
    page = page_html(post)
    start = page.index(f'id="c{reply.pk}-meta"')
    header = page[start : page.index("</header>", start)]
    assert f'<a class="comment-parent" href="#c{parent.pk}">in reply to 1. Brito</a>' in header


def test_a_top_level_comment_says_it_answers_nobody(post):
    comment = approved(post)
    page = page_html(post)
    start = page.index(f'id="c{comment.pk}-meta"')
    assert "comment-parent" not in page[start : page.index("</header>", start)]


def test_each_published_comment_keeps_its_id_and_comment_class(post):
    root = approved(post)
    reply = make_reply(root)
    page = page_html(post)
    assert f'<li id="c{root.pk}" class="comment">' in page
    assert f'<li id="c{reply.pk}" class="comment depth-1">' in page


def test_nested_lists_are_valid_html(post):
    root = approved(post)
    chain = make_chain(root, 6)
    make_reply(chain[0])
    make_reply(root)
    approved(post)
    assert shape_of(post).problems == []


def test_a_taken_down_comment_keeps_its_replies_nested_under_its_placeholder(post, editor, rule):
    from comments.services import moderation

    parent = approved(post)
    reply = make_reply(parent)
    moderation.reject(parent, editor=editor, rule=rule)
    shape = shape_of(post)
    assert shape.by_id(parent.pk).css == "comment-removed"
    assert shape.by_id(reply.pk).parent == parent.pk


def test_a_reply_to_a_taken_down_comment_does_not_show_its_authors_name(post, editor, rule):
    from comments.services import moderation

    parent = approved(post, author_name="Ernest1")
    make_reply(parent)
    moderation.reject(parent, editor=editor, rule=rule)
    assert "Ernest1" not in page_html(post)


def test_an_authors_name_is_shown_as_text(post):
    approved(post, author_name='<img src=x onerror="alert(1)">')
    page = page_html(post)
    assert "<img src=x" not in page
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in page


def test_the_reply_link_asks_the_form_to_answer_that_comment(post):
    comment = approved(post)
    page = page_html(post)
    assert f'<a href="?replyto={comment.pk}#comment-form" rel="nofollow">Reply' in page


def test_following_the_reply_link_prepares_the_form_to_answer(client, post):
    comment = approved(post, author_name="Buela")
    page = client.get(f"{post.get_absolute_url()}?replyto={comment.pk}").content.decode()
    assert f'name="parent" value="{comment.pk}"' in page
    assert "Reply to Buela" in page
