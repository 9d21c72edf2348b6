"""Bodies the site cannot read or will not take are refused with its own page, never a 500.

These tests send forms as browsers do, CSRF cookie and token included: the CSRF check is
the first thing to read a body, and the test client normally skips it.
"""

import io
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.files.uploadhandler import MemoryFileUploadHandler, TemporaryFileUploadHandler
from django.test import Client

from comments.models import Comment
from posts.models import Post
from tests.builders import make_post
from tests.comments.forms_helper import comment_form_data
from tests.posts.test_admin import ADD, new_post_form

pytestmark = pytest.mark.django_db
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def browser():
    return Client(enforce_csrf_checks=True, raise_request_exception=False)


def token_from(client, path):
    return TOKEN.search(client.get(path).content.decode()).group(1)


@pytest.fixture
def no_file_is_stored(monkeypatch):
    """Fails the test if any file part reaches Django's memory or temporary-file handlers."""

    def refuse(*args, **kwargs):
        raise AssertionError("a file part was taken in by an upload handler")

    for handler in (MemoryFileUploadHandler, TemporaryFileUploadHandler):
        monkeypatch.setattr(handler, "new_file", refuse)


@pytest.mark.parametrize(
    "page", ["post", "/tips/", "/tips/status/", "/admin/login/", "/i18n/setlang/"]
)
@pytest.mark.parametrize("charset", ["iso-8859-1", "utf-16", "UTF8"])
def test_a_form_in_another_charset_gets_the_sites_400_page(page, charset):
    client = browser()
    path = make_post().get_absolute_url() if page == "post" else page
    token = token_from(client, path if page != "/i18n/setlang/" else "/")
    response = client.post(
        path,
        f"csrfmiddlewaretoken={token}&body=hola&message=hola",
        content_type=f"application/x-www-form-urlencoded; charset={charset}",
    )
    assert response.status_code == 400
    assert "Request not understood" in response.content.decode()
    assert "no-store" in response["Cache-Control"]


def test_a_form_declaring_utf8_is_read():
    client = browser()
    post = make_post()
    data = comment_form_data(client, post, body="Buenas noches desde Laredo.")
    body = "&".join(f"{key}={value}" for key, value in data.items())
    response = client.post(
        post.get_absolute_url(),
        body,
        content_type="application/x-www-form-urlencoded; charset=utf-8",
    )
    assert response.status_code == 302
    assert Comment.objects.get().body == "Buenas noches desde Laredo."


@pytest.mark.usefixtures("no_file_is_stored")
def test_a_file_sent_with_a_comment_is_dropped_unread_and_the_comment_kept():
    client = browser()
    post = make_post()
    data = comment_form_data(client, post, body="Words, and a file nobody asked for.")
    data["attachment"] = SimpleUploadedFile("big.bin", b"x" * 100_000)

    response = client.post(post.get_absolute_url(), data)

    assert response.status_code == 302
    assert Comment.objects.get().body == "Words, and a file nobody asked for."


@pytest.mark.usefixtures("no_file_is_stored")
@pytest.mark.parametrize("page", ["post", "/admin/login/"])
def test_a_large_file_where_no_form_takes_files_is_refused_unread(page, settings):
    client = browser()
    path = make_post().get_absolute_url() if page == "post" else page
    token = token_from(client, path)
    too_big = io.BytesIO(b"x" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1))
    too_big.name = "video.mp4"

    response = client.post(path, {"csrfmiddlewaretoken": token, "body": "x", "file": too_big})

    assert response.status_code == 413
    assert "This form takes no files" in response.content.decode()
    assert not Comment.objects.exists()


def test_an_authors_upload_over_its_limit_is_refused_unread(author_client, author, settings):
    settings.FILE_UPLOAD_LIMITS = {**settings.FILE_UPLOAD_LIMITS, "admin:posts_post_add": 1000}
    image = SimpleUploadedFile("lead.jpg", b"x" * 2000, content_type="image/jpeg")

    response = author_client.post(ADD, {**new_post_form(author), "image": image})

    assert response.status_code == 413
    assert "larger than this form takes" in response.content.decode()
    assert not Post.objects.exists()


def test_a_tip_larger_than_the_tip_lines_allowance_is_refused_unread(settings):
    settings.FILE_UPLOAD_LIMITS = {**settings.FILE_UPLOAD_LIMITS, "tips:submit": 1000}
    client = browser()
    token = token_from(client, "/tips/")
    video = SimpleUploadedFile("video.mp4", b"x" * 2000)

    response = client.post(
        "/tips/",
        {"csrfmiddlewaretoken": token, "message": "A tip.", "attachments": [video]},
        HTTP_ORIGIN="null",
        HTTP_SEC_FETCH_SITE="same-origin",
    )

    assert response.status_code == 413
    assert response["Referrer-Policy"] == "no-referrer"


def test_a_spanish_reader_is_told_in_spanish():
    client = browser()
    token = token_from(client, "/tips/")
    response = client.post(
        "/tips/",
        f"csrfmiddlewaretoken={token}&message=hola",
        content_type="application/x-www-form-urlencoded; charset=iso-8859-1",
        HTTP_ACCEPT_LANGUAGE="es",
    )
    assert response.status_code == 400
    assert "Solicitud no comprendida" in response.content.decode()


@pytest.mark.parametrize("path", ["/", "/tips/", "/healthz"])
def test_an_unknown_host_gets_the_400_page_not_a_500(path, settings):
    settings.TIPS_ONION_ADDRESS = "http://borderblogtipsexampleexampleexampleexampleexample.onion"
    response = Client(raise_request_exception=False).get(path, HTTP_HOST="evil.example")
    assert response.status_code == 400
    assert "Request not understood" in response.content.decode()


def test_a_get_declaring_a_form_charset_is_answered_as_usual(client):
    response = client.get(
        "/feeds/posts/", CONTENT_TYPE="application/x-www-form-urlencoded; charset=iso-8859-1"
    )
    assert response.status_code == 200


@pytest.mark.usefixtures("no_file_is_stored")
def test_without_a_body_limit_files_are_still_dropped_where_no_form_takes_them(settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = None
    client = browser()
    post = make_post()
    data = comment_form_data(client, post, body="No limit on bodies here.")
    data["attachment"] = SimpleUploadedFile("big.bin", b"x" * 1000)
    assert client.post(post.get_absolute_url(), data).status_code == 302
