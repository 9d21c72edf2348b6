import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.builders import local_time, make_post

pytestmark = pytest.mark.django_db


def queries_to_render(client, url):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


@pytest.mark.parametrize("url", ["/", "/label/border/", "/2010/", "/2010/12/"])
def test_listing_pages_cost_the_same_queries_with_one_or_ten_posts(client, url):
    make_post(labels=["Border"], publish_at=local_time(2010, 12, 1, 9))
    one = queries_to_render(client, url)
    for n in range(9):
        make_post(labels=["Border", f"Label {n}"], publish_at=local_time(2010, 12, 2 + n, 9))
    assert queries_to_render(client, url) == one
