"""The post page costs the same number of queries whatever the number of comments."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.builders import make_approved_comments, make_post
from tests.comments.forms_helper import send_comment

pytestmark = pytest.mark.django_db


def queries_to_render(client, post):
    """Queries of one view in steady state: a first view fills the short-lived caches
    (the queue figures on the comment form), as any reader's view does each minute."""
    client.get(post.get_absolute_url())
    with CaptureQueriesContext(connection) as captured:
        response = client.get(post.get_absolute_url())
    assert response.status_code == 200
    return len(captured)


def test_post_page_with_10_and_500_comments_costs_the_same_queries(client):
    few, many = make_post(), make_post()
    make_approved_comments(few, 10)
    make_approved_comments(many, 500)
    assert queries_to_render(client, few) == queries_to_render(client, many)


def test_post_page_query_budget(client, django_assert_num_queries):
    post = make_post(labels=["Wikileaks", "Calderon"])
    make_approved_comments(post, 25)
    client.get(post.get_absolute_url())  # fills the queue-figures cache
    # post + labels + translations, newer/older post, the thread; the sidebar is cached
    with django_assert_num_queries(6):
        client.get(post.get_absolute_url())


def test_queue_figures_cost_two_queries_once_a_minute(client, post):
    from django.core.cache import cache

    from comments import stats

    warm = queries_to_render(client, post)
    cache.delete(stats.PUBLIC_STATE_KEY)
    with CaptureQueriesContext(connection) as captured:
        client.get(post.get_absolute_url())
    assert len(captured) == warm + 2


def test_post_page_shows_every_approved_comment_numbered(client):
    post = make_post()
    comments = make_approved_comments(post, 500)
    page = client.get(post.get_absolute_url()).content.decode()
    assert page.count('class="comment"') == 500
    assert f'id="c{comments[-1].pk}"' in page
    assert '<span class="comment-number">500.</span>' in page


def test_a_submitter_with_a_pending_comment_still_costs_fixed_queries(client, post):
    make_approved_comments(post, 3)
    assert send_comment(client, post, body="mine").status_code == 302
    before = queries_to_render(client, post)
    make_approved_comments(post, 100)
    assert queries_to_render(client, post) == before
