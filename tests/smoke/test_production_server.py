"""gunicorn with production settings, as the newsroom runs it behind its TLS proxy: every
walk over real HTTP, the refusals the test client cannot see, and static files."""

import pytest

from . import walks
from .client import Browser
from .servers import ONION

pytestmark = pytest.mark.django_db(databases=[])


def browser_for(server, reader="203.0.113.10"):
    return Browser(server.url, behind_tls_proxy=True, forwarded_for=reader)


@pytest.mark.parametrize(
    "walk",
    [
        walks.read_the_site,
        walks.send_a_comment_with_an_error_twice,
        walks.fail_the_csrf_check,
        walks.send_tips,
    ],
    ids=lambda walk: walk.__name__,
)
def test_a_reader_walks_the_production_site(production, walk):
    walk(browser_for(production))
    production.assert_printed_no_traceback()


def test_a_reader_comments_and_an_editor_approves_it(production):
    reader, editor = browser_for(production), browser_for(production, "198.51.100.20")
    body = walks.send_a_comment(reader)
    walks.work_the_queue(editor, "smoke-editor", production.logins["smoke-editor"], body)
    walks.approve_from_the_queue(editor, body)
    assert body in browser_for(production, "192.0.2.30").get(walks.SEED_POST).text
    production.assert_printed_no_traceback()


def test_static_files_are_served_compressed_with_far_future_caching(production):
    response = walks.fetch_a_stylesheet(browser_for(production))
    assert "max-age=315360000" in response.headers["Cache-Control"]
    assert response.headers["Cross-Origin-Resource-Policy"] == "same-origin"


def test_pages_carry_the_production_security_headers(production):
    headers = browser_for(production).get("/tips/", expect=200).headers
    assert headers["Strict-Transport-Security"].startswith("max-age=")
    assert "default-src 'self'" in headers["Content-Security-Policy"]
    assert "geolocation=()" in headers["Permissions-Policy"]
    assert headers["Referrer-Policy"] == "no-referrer"


FORMS = {
    walks.SEED_POST: "comment-form",
    "/tips/": "tip-form",
    "/tips/status/": "status-form",
    "/admin/login/": "login-form",
}


@pytest.mark.parametrize("path", FORMS)
def test_a_form_in_another_charset_gets_a_400_page_not_a_500(production, path):
    browser = browser_for(production)
    fields = browser.form_fields(path, FORMS[path])
    response = browser.post(
        path,
        "&".join(f"{name}={value}" for name, value in fields.items()) + "&body=hola",
        headers={"Content-Type": "application/x-www-form-urlencoded; charset=iso-8859-1"},
        expect=400,
    )
    assert "Request not understood" in response.text
    production.assert_printed_no_traceback()


def test_a_large_file_to_a_form_without_files_is_refused_unread(production):
    browser = browser_for(production)
    fields = browser.form_fields(walks.SEED_POST, "comment-form")
    response = browser.post(
        walks.SEED_POST,
        {**fields, "body": walks.words("With a file")},
        files={"video": ("video.mp4", b"\0" * (3 * 2**20), "video/mp4")},
        expect=413,
    )
    assert "This form takes no files" in response.text


@pytest.mark.parametrize("path", ["/", "/tips/", walks.SEED_POST])
def test_head_is_answered_without_a_body_by_the_app_itself(production, path):
    browser = browser_for(production)
    # Two workers, each with its own local-memory cache: the post page's queue line may
    # be a minute older in one than the other, so a HEAD is measured against what GETs
    # from either worker weigh (sync workers close each connection; none can be pinned).
    lengths = {str(len(browser.get(path, expect=200).content)) for _ in range(8)}
    head = browser.request("HEAD", path, expect=200)
    assert head.content == b""
    assert head.headers["Content-Length"] in lengths
    # gunicorn drops a body sent with a HEAD answer, and logs a warning each time.
    assert "no-body response" not in production.printed()


def test_an_editor_takes_down_two_reported_comments_at_once(production):
    editor = browser_for(production, "198.51.100.21")
    walks.work_the_queue(editor, "smoke-editor", production.logins["smoke-editor"])
    bodies = [walks.send_a_comment(browser_for(production)) for _ in range(2)]
    published = [walks.approve_from_the_queue(editor, body) for body in bodies]
    for n, comment_id in enumerate(published):
        walks.report(browser_for(production, f"192.0.2.{40 + n}"), comment_id)

    queue = walks.take_down_reported(editor, published)

    assert "2 comments were rejected." in queue
    assert "already decided" not in queue
    page = browser_for(production, "192.0.2.50").get(walks.SEED_POST, expect=200).text
    for body in bodies:
        assert body not in page
    assert page.count("Removed by a moderator under") >= 2


@pytest.mark.parametrize("path", ["/", "/tips/", "/healthz"])
def test_a_request_for_another_host_gets_a_400_page(production, path):
    response = browser_for(production).get(path, headers={"Host": "evil.example"}, expect=400)
    assert "Request not understood" in response.text
    production.assert_printed_no_traceback()


# What the Blogger import leaves for the seed post: the row its old address is answered from.
SEED_BROUGHT_OVER = f"""
from blogger.models import ImportedEntry
from posts.models import Post
ImportedEntry.objects.get_or_create(
    blogger_id="7152148342155549342.3085960624335419541",
    defaults={{"kind": "post", "post": Post.objects.get(slug="{walks.SEED_SLUG}"),
               "old_path": "/2010/12/wikileaks-cables-us-mexico-drugs-war.html"}},
)
"""


def test_an_old_blogger_address_moves_permanently_to_the_post(production):
    production.manage("shell", "-c", SEED_BROUGHT_OVER)
    response = browser_for(production).get(
        "/2010/12/wikileaks-cables-us-mexico-drugs-war.html?m=1", expect=301
    )
    assert response.headers["Location"] == walks.SEED_POST
    assert response.headers["Cache-Control"] == "public, max-age=86400"
    production.assert_printed_no_traceback()


def test_the_onion_service_is_served_over_plain_http(production):
    onion = Browser(production.url)  # Tor Browser reaches the onion without TLS
    page = onion.get("/tips/", headers={"Host": ONION}, expect=200).text
    assert 'id="tip-form"' in page
    production.assert_printed_no_traceback()
