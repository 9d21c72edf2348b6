"""Headers every answer carries: no device feature may be asked for, no other site may
load the site's resources, and the tip line answers HEAD as it answers GET."""

import pytest

from tips.models import Tip

pytestmark = pytest.mark.django_db

PAGES = ["/", "/tips/", "/tips/status/", "/feeds/posts/", "/admin/login/", "/no/such/page/"]


@pytest.mark.parametrize("path", [*PAGES, "/static/css/site.css"])
def test_no_page_may_ask_for_the_camera_microphone_or_position(client, path):
    policy = client.get(path)["Permissions-Policy"]
    for feature in ("camera=()", "microphone=()", "geolocation=()", "browsing-topics=()"):
        assert feature in policy


@pytest.mark.parametrize("path", [*PAGES, "/static/css/site.css"])
def test_no_other_site_may_load_the_sites_resources(client, path):
    assert client.get(path)["Cross-Origin-Resource-Policy"] == "same-origin"


@pytest.mark.parametrize("path", ["/tips/", "/tips/status/"])
def test_the_tip_line_answers_head_as_it_answers_get(client, path):
    got, head = client.get(path), client.head(path)

    assert head.status_code == got.status_code == 200
    for header in ("Content-Type", "Referrer-Policy", "Cache-Control", "Permissions-Policy"):
        assert head[header] == got[header], header
    assert not Tip.objects.exists()


def test_a_head_answer_leaves_the_app_without_its_body(rf):
    # The test client drops HEAD bodies itself; gunicorn drops them with a warning each.
    from django.http import HttpResponse

    from borderblog.head_requests import HeadWithoutBodyMiddleware

    def page(request):
        response = HttpResponse("<p>The page.</p>")
        response["Content-Length"] = "16"
        return response

    answer = HeadWithoutBodyMiddleware(page)(rf.head("/"))
    assert answer.content == b""
    assert answer["Content-Length"] == "16"
    assert HeadWithoutBodyMiddleware(page)(rf.get("/")).content == b"<p>The page.</p>"
