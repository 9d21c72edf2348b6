"""The post page costs the same number of queries whatever the number of comments."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from comments.thread import cache as thread_cache
from tests.builders import make_approved_comments, make_post
from tests.comments.forms_helper import send_comment
from tests.comments.thread_builders import make_threaded_comments

pytestmark = pytest.mark.django_db


def queries_to_render(client, post, *, thread_cached=True, url=None):
    """Queries of one view in steady state: a first view fills the short-lived caches
    (the queue figures on the comment form, the rendered thread, the page around it), as
    any reader's view does. With ``thread_cached=False`` the thread is rendered afresh,
    as after a decision."""
    url = url or post.get_absolute_url()
    client.get(url)
    if not thread_cached:
        thread_cache.invalidate_thread(post.pk)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


@pytest.fixture
def page_rendered_in_full(settings):
    """The page around the thread rendered on every view, as for an editor or a reader
    with a message waiting: what a cached page saves is out of the count."""
    settings.POST_PAGE_CACHE_SECONDS = 0


@pytest.mark.parametrize("thread_cached", [True, False], ids=["thread-cached", "uncached"])
@pytest.mark.parametrize("page_cached", [True, False], ids=["page-cached", "in-full"])
def test_post_page_with_10_and_500_threaded_comments_costs_the_same_queries(
    client, settings, thread_cached, page_cached
):
    if not page_cached:
        settings.POST_PAGE_CACHE_SECONDS = 0
    few, many = make_post(), make_post()
    make_threaded_comments(few, 10)
    make_threaded_comments(many, 500)
    assert queries_to_render(client, few, thread_cached=thread_cached) == queries_to_render(
        client, many, thread_cached=thread_cached
    )


@pytest.mark.usefixtures("page_rendered_in_full")
def test_post_page_with_5000_comments_costs_the_same_queries_as_with_10(client):
    few, many = make_post(), make_post()
    make_threaded_comments(few, 10)
    make_threaded_comments(many, 5000)
    assert queries_to_render(
        client, many, thread_cached=False, url=many.get_absolute_url() + "?cpage=13"
    ) == queries_to_render(client, few, thread_cached=False)


@pytest.mark.parametrize(
    ("page_cached", "thread_cached", "budget"),
    [
        # the post's row: whether the page changed, and what the stand-ins need
        (True, True, 1),
        # the post, then the thread's skeleton and the words of its page
        (True, False, 3),
        # the post, its author, labels and translations, newer and older post
        (False, True, 6),
        # all of that, and the thread's skeleton and words
        (False, False, 8),
    ],
    ids=["from-the-cache", "after-a-decision", "in-full", "in-full-after-a-decision"],
)
def test_post_page_query_budget(
    client, settings, django_assert_num_queries, page_cached, thread_cached, budget
):
    if not page_cached:
        settings.POST_PAGE_CACHE_SECONDS = 0
    post = make_post(labels=["Wikileaks", "Calderon"])
    make_approved_comments(post, 25)
    client.get(post.get_absolute_url())  # fills the sidebar, queue-figure, page and thread caches
    if not thread_cached:
        thread_cache.invalidate_thread(post.pk)
    with django_assert_num_queries(budget):
        client.get(post.get_absolute_url())


def test_queue_figures_cost_two_queries_once_a_minute(client, post):
    from django.core.cache import cache

    from comments import queue_figures

    warm = queries_to_render(client, post)
    cache.delete(queue_figures.PUBLIC_STATE_KEY)
    with CaptureQueriesContext(connection) as captured:
        client.get(post.get_absolute_url())
    assert len(captured) == warm + 2


def test_a_post_with_500_comments_shows_them_200_a_page_numbered_throughout(client):
    post = make_post()
    comments = make_approved_comments(post, 500)
    first = client.get(post.get_absolute_url()).content.decode()
    last = client.get(post.get_absolute_url() + "?cpage=3").content.decode()
    assert first.count('class="comment"') == 200
    assert last.count('class="comment"') == 100
    assert f'id="c{comments[-1].pk}"' in last
    assert '<span class="comment-number">500.</span>' in last


def test_a_submitter_with_a_pending_comment_still_costs_fixed_queries(client, post):
    make_approved_comments(post, 3)
    assert send_comment(client, post, body="mine").status_code == 302
    before = queries_to_render(client, post)
    make_approved_comments(post, 100)
    assert queries_to_render(client, post) == before
