"""No raw IP address or user agent is stored anywhere, whatever readers send."""

import pytest

from comments.models import Comment
from tests.builders import make_comment, make_rule
from tests.comments.forms_helper import send_comment
from tests.database_scan import every_stored_value

pytestmark = pytest.mark.django_db

ADDRESS = "203.0.113.195"
FORWARDED = "198.51.100.244"
AGENT = "Mozilla/5.0 (X11; Linux x86_64) DistinctiveTestAgent/9.9"


def test_submissions_leave_no_address_or_user_agent_in_the_database(client, post):
    headers = {"REMOTE_ADDR": ADDRESS, "HTTP_USER_AGENT": AGENT, "HTTP_X_FORWARDED_FOR": FORWARDED}
    response = send_comment(
        client, post, headers, author_name="Buela", body="A comment from a real form."
    )
    assert response.status_code == 302
    published = make_comment(post, status=Comment.Status.APPROVED)
    rule = make_rule()
    client.post(f"/comments/{published.pk}/report/", {"rule": rule.pk}, **headers)

    assert Comment.objects.filter(body="A comment from a real form.").exists()
    stored = every_stored_value()
    for secret in (ADDRESS, FORWARDED, AGENT, "DistinctiveTestAgent"):
        assert secret not in stored
