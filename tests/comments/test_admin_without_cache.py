"""Moderation goes on when Redis is down or hung: the cache only ever saves a COUNT."""

import pytest

from comments.models import Comment
from tests.builders import make_comment
from tests.comments.admin_helpers import DASHBOARD, QUEUE, change_url, press_row_button
from tests.faults import redis_down, redis_hung  # noqa: F401 (fixtures)

pytestmark = [pytest.mark.django_db, pytest.mark.cache_outage]

outages = pytest.mark.parametrize("outage", ["redis_down", "redis_hung"])


@pytest.fixture
def waiting(post, request, outage):
    comment = make_comment(post, body="Waiting for an editor.")
    request.getfixturevalue(outage)
    return comment


@outages
@pytest.mark.parametrize(
    "page", ["/admin/", QUEUE, f"{QUEUE}?status=all", DASHBOARD], ids=str.strip
)
def test_editors_pages_open_without_the_cache(editor_client, waiting, page):
    response = editor_client.get(page)
    assert response.status_code == 200


@outages
def test_the_queue_header_still_counts_what_waits(editor_client, waiting):
    page = editor_client.get(QUEUE).content.decode()
    assert "Waiting for an editor." in page
    assert "1 comment pending" in page


@outages
def test_an_editor_still_approves_without_the_cache(editor_client, waiting):
    response = press_row_button(editor_client, waiting, "approve")
    assert response.status_code == 302
    waiting.refresh_from_db()
    assert waiting.status == Comment.Status.APPROVED
    assert editor_client.get(change_url(waiting)).status_code == 200
