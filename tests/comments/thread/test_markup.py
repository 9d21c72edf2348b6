"""A page of a lively thread (nested, capped, paged, with mentions and placeholders, in
both orders) is valid HTML by the Nu HTML Checker, as every public page must be."""

import pytest

from tests.builders import claim_as_own, make_comment
from tests.comments.thread_builders import make_lively_thread
from tests.public_pages import require_tool
from tests.test_html_validity import VNU, describe, run_vnu

pytestmark = pytest.mark.django_db


def test_a_lively_thread_is_valid_html_on_every_page_and_in_both_orders(
    client, post, editor, rule, tmp_path
):
    require_tool("the Nu HTML Checker", path=VNU)
    require_tool("the Nu HTML Checker", program="java")
    make_lively_thread(post, editor, rule)
    claim_as_own(client, make_comment(post, body="Mine, awaiting moderation."))
    files = []
    for query in ("", "?cpage=2", "?corder=newest", "?cpage=1&corder=newest"):
        response = client.get(post.get_absolute_url() + query)
        assert response.status_code == 200
        files.append(tmp_path / f"thread{len(files)}.html")
        files[-1].write_text(response.content.decode(), encoding="utf-8")
    errors = [message for message in run_vnu(files) if message["type"] != "info"]
    assert not errors, "\n".join(map(describe, errors))
