"""No raw IP address or user agent is stored anywhere, whatever readers send."""

import re

import pytest
from django.db import connection

from comments.models import Comment
from tests.builders import make_comment, make_rule

pytestmark = pytest.mark.django_db

ADDRESS = "203.0.113.195"
FORWARDED = "198.51.100.244"
AGENT = "Mozilla/5.0 (X11; Linux x86_64) DistinctiveTestAgent/9.9"
HIDDEN_INPUT = re.compile(r'<input type="hidden" name="([^"]+)" value="([^"]*)"')


def form_fields(page, form_id):
    form = page[page.index(f'id="{form_id}"') :]
    form = form[: form.index("</form>")]
    return dict(HIDDEN_INPUT.findall(form))


def every_stored_value():
    """Every value in every table of the database, as text."""
    values = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608
            values.extend(str(value) for row in cursor.fetchall() for value in row)
    return "\n".join(values)


def test_submissions_leave_no_address_or_user_agent_in_the_database(client, post):
    headers = {"REMOTE_ADDR": ADDRESS, "HTTP_USER_AGENT": AGENT, "HTTP_X_FORWARDED_FOR": FORWARDED}
    page = client.get(post.get_absolute_url(), **headers).content.decode()
    fields = form_fields(page, "comment-form")
    response = client.post(
        post.get_absolute_url(),
        {**fields, "author_name": "Buela", "body": "A comment from a real form."},
        **headers,
    )
    assert response.status_code == 302
    published = make_comment(post, status=Comment.Status.APPROVED)
    rule = make_rule()
    client.post(f"/comments/{published.pk}/report/", {"rule": rule.pk}, **headers)

    assert Comment.objects.filter(body="A comment from a real form.").exists()
    stored = every_stored_value()
    for secret in (ADDRESS, FORWARDED, AGENT, "DistinctiveTestAgent"):
        assert secret not in stored
