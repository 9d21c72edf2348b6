"""More than 200 approved comments come in pages of 200; links land on the right page."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from comments.models import Comment
from comments.thread.build import comment_url
from tests.builders import make_post
from tests.comments.thread_builders import make_many
from tests.comments.thread_shape import ThreadShape

pytestmark = pytest.mark.django_db


def page_html(post, query=""):
    return Client().get(post.get_absolute_url() + query).content.decode()


def numbers_on(post, query=""):
    return [shown.number for shown in ThreadShape(page_html(post, query)).shown]


def test_200_approved_comments_fit_on_one_page(post):
    make_many(post, 200)
    page = page_html(post)
    assert numbers_on(post) == list(range(1, 201))
    assert "cpage=" not in page


def test_201_approved_comments_come_in_two_pages(post):
    make_many(post, 201)
    assert numbers_on(post) == list(range(1, 201))
    assert numbers_on(post, "?cpage=2") == [201]


def test_taken_down_comments_keep_their_place_on_a_page(post, editor, rule):
    from comments.services import moderation

    comments = make_many(post, 203)
    for comment in comments[:2]:
        moderation.reject(comment, editor=editor, rule=rule)
    # 201 approved: paged; the two placeholders still hold numbers 1 and 2.
    assert numbers_on(post, "?cpage=2") == [201, 202, 203]


def test_the_page_links_name_the_comments_on_each_page(post):
    make_many(post, 450)
    page = page_html(post, "?cpage=2")
    path = post.get_absolute_url()
    assert f'<a href="{path}">Comments 1–200</a>' in page
    assert '<strong aria-current="page">Comments 201–400</strong>' in page
    assert f'<a href="{path}?cpage=3">Comments 401–450</a>' in page


def test_the_end_of_a_page_links_to_the_next_one(post):
    make_many(post, 450)
    page = page_html(post)
    assert f'<a href="{post.get_absolute_url()}?cpage=2" rel="next">' in page


def test_a_page_beyond_the_last_shows_the_last(post):
    make_many(post, 250)
    assert numbers_on(post, "?cpage=99")[0] == 201


@pytest.mark.parametrize("junk", ["?cpage=0", "?cpage=-1", "?cpage=two", "?cpage=99999999999"])
def test_a_page_number_that_is_not_a_page_shows_the_default_page(post, junk):
    make_many(post, 250)
    assert numbers_on(post, junk)[0] in {1, 201}


# str.isdigit() takes these for digits; int() refuses the first two. Only ASCII digits
# number a page.
@pytest.mark.parametrize("digit", ["%C2%B2", "%E2%91%A0", "%D9%A2"], ids=["²", "①", "٢"])
def test_a_page_number_in_other_digits_shows_the_default_page(post, digit):
    make_many(post, 3)
    response = Client().get(f"{post.get_absolute_url()}?cpage={digit}")
    assert response.status_code == 200
    assert [shown.number for shown in ThreadShape(response.content.decode()).shown] == [1, 2, 3]


def test_a_reply_to_a_comment_on_an_earlier_page_links_to_that_page(post):
    first, *_ = make_many(post, 250)
    (reply,) = make_many(post, 1, parent=first)
    page = page_html(post, "?cpage=2")
    shown = ThreadShape(page).by_id(reply.pk)
    assert shown.depth == 0
    assert f'href="{post.get_absolute_url()}#c{first.pk}">in reply to 1.' in page


def test_a_reply_link_on_a_later_page_keeps_the_reader_on_that_page(post):
    comments = make_many(post, 250)
    page = page_html(post, "?cpage=2")
    assert f'<a href="?cpage=2&amp;replyto={comments[-1].pk}#comment-form"' in page


# Newest first ------------------------------------------------------------------------


def test_newest_first_starts_with_the_last_page_newest_comment_on_top(post):
    make_many(post, 250)
    assert numbers_on(post, "?corder=newest") == list(range(250, 200, -1))


def test_newest_first_keeps_the_same_pages(post):
    make_many(post, 450)
    assert numbers_on(post, "?cpage=2&corder=newest") == list(range(400, 200, -1))


def test_newest_first_keeps_replies_oldest_first_under_their_parent(post):
    root, _ = make_many(post, 2)
    first, second = make_many(post, 2, parent=root)
    shape = ThreadShape(page_html(post, "?corder=newest"))
    order = shape.order()
    assert order.index(root.pk) < order.index(first.pk) < order.index(second.pk)


def test_the_order_can_be_chosen_without_javascript_on_a_long_thread(post):
    make_many(post, 30)
    page = page_html(post)
    assert '<strong aria-current="true">Oldest first</strong>' in page
    assert f'<a href="{post.get_absolute_url()}?corder=newest">Newest first</a>' in page


def test_a_short_thread_offers_no_choice_of_order(post):
    make_many(post, 5)
    assert "corder=newest" not in page_html(post)


def test_links_between_pages_keep_the_newest_first_order(post):
    make_many(post, 450)
    page = page_html(post, "?corder=newest")
    assert f'<a href="{post.get_absolute_url()}?cpage=2&amp;corder=newest">' in page


# A comment's own address ---------------------------------------------------------------


def test_a_comments_address_on_a_paged_post_names_its_page(post):
    comments = make_many(post, 450)
    comment = Comment.objects.select_related("post").get(pk=comments[249].pk)
    assert comment_url(comment) == f"{post.get_absolute_url()}?cpage=2#c{comment.pk}"


def test_a_comments_address_on_the_first_page_is_the_post_address(post):
    comments = make_many(post, 450)
    comment = Comment.objects.select_related("post").get(pk=comments[10].pk)
    assert comment_url(comment) == f"{post.get_absolute_url()}#c{comment.pk}"


def test_a_comments_address_lands_on_the_page_that_shows_it(post):
    comments = make_many(post, 450)
    comment = Comment.objects.select_related("post").get(pk=comments[333].pk)
    url = comment_url(comment)
    page = Client().get(url.split("#")[0]).content.decode()
    assert f'<li id="c{comment.pk}" class="comment' in page


def test_a_comments_address_costs_one_count_on_a_paged_post(post):
    comments = make_many(post, 450)
    comment = Comment.objects.select_related("post").get(pk=comments[333].pk)
    with CaptureQueriesContext(connection) as captured:
        comment_url(comment)
    assert len(captured) == 1
    assert "COUNT(" in captured[0]["sql"].upper()


def test_a_comments_address_costs_nothing_on_a_post_without_pages():
    post = make_post()
    (comment,) = make_many(post, 1)
    comment = Comment.objects.select_related("post").get(pk=comment.pk)
    with CaptureQueriesContext(connection) as captured:
        comment_url(comment)
    assert len(captured) == 0


def test_a_comment_whose_id_is_out_of_step_with_its_time_shows_its_words_on_its_page(post):
    comments = make_many(post, 250)
    moved = comments[0]  # the lowest id, published after every other: number 250, page 2
    last = Comment.objects.get(pk=comments[-1].pk).first_approved_at
    Comment.objects.filter(pk=moved.pk).update(
        first_approved_at=last.replace(year=last.year + 1),
        body_html="<p>Imported late.</p>",
    )
    page = page_html(post, "?cpage=2")
    assert ThreadShape(page).by_id(moved.pk).number == 250
    assert "Imported late." in page


def test_approving_a_comment_held_back_moves_no_number_or_page_readers_have_seen(post, editor):
    from comments.services import moderation
    from tests.builders import make_comment

    make_many(post, 199)
    held = make_comment(post)  # written before the next two, left in the queue
    shown = [make_comment(post) for _ in range(2)]
    for comment in shown:
        moderation.approve(comment, editor=editor)
    addresses = [comment_url(Comment.objects.get(pk=c.pk)) for c in shown]
    numbers = numbers_on(post)[-1:] + numbers_on(post, "?cpage=2")

    moderation.approve(held, editor=editor)

    assert [comment_url(Comment.objects.get(pk=c.pk)) for c in shown] == addresses
    assert numbers_on(post)[-1:] + numbers_on(post, "?cpage=2")[:1] == numbers
    assert ThreadShape(page_html(post, "?cpage=2")).by_id(held.pk).number == 202
