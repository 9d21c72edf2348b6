"""The post page is kept whole in the cache for readers, and stays theirs and current."""

import re
from datetime import timedelta
from unittest import mock

import pytest
from django.core import signing
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from comments.forms import TIMESTAMP_SALT
from comments.models import Comment
from comments.post_page import local_copies
from comments.post_page import shell as page_shell
from comments.post_page.local_copies import LocalCopies
from comments.services import moderation
from tests.builders import claim_as_own, make_approved_comments, make_comment, make_post
from tests.comments.cache_backends import cache_backend  # noqa: F401 (a fixture)
from tests.comments.forms_helper import rendered_form_fields, send_comment

pytestmark = pytest.mark.django_db

Status = Comment.Status
PER_REQUEST = re.compile(r'name="(csrfmiddlewaretoken|timestamp)" value="[^"]*"')


def page(post, client=None, query="", **headers):
    response = (client or Client(headers=headers)).get(post.get_absolute_url() + query)
    assert response.status_code == 200
    return response.content.decode()


def without_per_request_values(html):
    return PER_REQUEST.sub(r'name="\1" value=""', html)


@pytest.fixture
def kept(monkeypatch):
    """The keys of the shells the page cache keeps from now on."""
    keys = []
    original = page_shell.store

    def store(key, shell):
        keys.append(key)
        original(key, shell)

    monkeypatch.setattr(page_shell, "store", store)
    return keys


def rendered_from_scratch(post, settings, query=""):
    kept_for = settings.POST_PAGE_CACHE_SECONDS
    settings.POST_PAGE_CACHE_SECONDS = 0
    try:
        return page(post, query=query)
    finally:
        settings.POST_PAGE_CACHE_SECONDS = kept_for


@pytest.fixture
def thread(post):
    first = make_comment(post, status=Status.APPROVED, body="The plaza is quiet tonight.")
    make_comment(post, status=Status.APPROVED, body="Not in Reynosa.", parent=first)
    return post


# Served from the cache ------------------------------------------------------------------


def test_a_second_view_renders_nothing_but_reads_the_post(thread):
    page(thread)
    with CaptureQueriesContext(connection) as captured:
        page(thread)
    assert len(captured) == 1
    assert '"posts_post"' in captured[0]["sql"]


def test_the_cached_page_is_the_page_rendered_from_scratch(thread, settings):
    page(thread)
    assert without_per_request_values(page(thread)) == without_per_request_values(
        rendered_from_scratch(thread, settings)
    )


def test_a_page_of_comments_in_newest_order_is_the_page_rendered_from_scratch(thread, settings):
    page(thread, query="?corder=newest")
    cached = page(thread, query="?corder=newest")
    assert without_per_request_values(cached) == without_per_request_values(
        rendered_from_scratch(thread, settings, query="?corder=newest")
    )


def test_no_stand_in_ever_reaches_a_reader(thread, client):
    pages = [
        page(thread),
        page(thread),
        page(thread, query=f"?replyto={Comment.objects.first().pk}"),
    ]
    send_comment(client, thread, body="Mine, awaiting moderation.")
    pages += [page(thread, client), page(thread, client)]
    for html in pages:
        assert "pagehole" not in html


# Per request ---------------------------------------------------------------------------


def test_each_browser_gets_a_form_token_of_its_own_cookie(thread):
    page(thread)
    browser = Client(enforce_csrf_checks=True)
    fields = rendered_form_fields(page(thread, browser))
    response = browser.post(
        thread.get_absolute_url(), {**fields, "author_name": "", "body": "From a cached page."}
    )
    assert response.status_code == 302
    assert Comment.objects.filter(body="From a cached page.").exists()


def test_the_language_switch_carries_the_browsers_token_too(thread):
    page(thread)
    browser = Client(enforce_csrf_checks=True)
    html = page(thread, browser)
    token = rendered_form_fields(html, form_id="comment-form")["csrfmiddlewaretoken"]
    switch = html[html.index('class="language-switch"') :]
    assert f'value="{token}"' in switch[: switch.index("</form>")]


def test_the_forms_time_is_the_time_of_this_view(thread):
    page(thread)
    later = timezone.now().timestamp() + 600
    with mock.patch("comments.forms.time.time", return_value=later):
        fields = rendered_form_fields(page(thread))
    post_id, rendered_ms = signing.loads(fields["timestamp"], salt=TIMESTAMP_SALT)
    assert (post_id, rendered_ms) == (thread.pk, int(later * 1000))


def test_the_queue_line_is_current_on_the_cached_page(thread, client):
    page(thread)
    make_comment(thread, status=Status.PENDING)
    page_shell.cache.delete("comments:public-queue-state")  # its minute is up
    assert "1 comment in the moderation queue" in page(thread)


def test_the_submitter_sees_their_pending_comment_on_the_cached_page(thread, client):
    page(thread)
    send_comment(client, thread, body="Mine, awaiting moderation.")
    client.get(thread.get_absolute_url())  # shows the thank-you message once
    html = page(thread, client)
    assert "Mine, awaiting moderation." in html
    assert "Your comment is awaiting moderation" in html
    assert "Mine, awaiting moderation." not in page(thread)


def test_the_submitters_published_comment_carries_its_badge_on_the_cached_page(thread, client):
    mine = make_comment(thread, status=Status.APPROVED, body="Mine, published.")
    page(thread)
    claim_as_own(client, mine)
    assert "Your comment" in page(thread, client)


def test_a_message_waiting_is_shown_though_the_page_is_cached(thread, client):
    page(thread)
    response = send_comment(client, thread, body="A thank-you is due.")
    assert "Your comment is awaiting moderation; an editor" in client.get(
        response["Location"]
    ).content.decode("utf-8")


# Current ---------------------------------------------------------------------------------


@pytest.mark.usefixtures("cache_backend")
def test_an_approved_comment_shows_at_once(thread, editor, django_capture_on_commit_callbacks):
    pending = make_comment(thread, body="Approve me.")
    page(thread)
    with django_capture_on_commit_callbacks(execute=True):
        moderation.approve(pending, editor=editor)
    assert "Approve me." in page(thread)


@pytest.mark.usefixtures("cache_backend")
def test_a_taken_down_comment_leaves_at_once(
    thread, editor, rule, django_capture_on_commit_callbacks
):
    comment = Comment.objects.get(body__contains="Reynosa")
    page(thread)
    with django_capture_on_commit_callbacks(execute=True):
        moderation.reject(comment, editor=editor, rule=rule)
    assert "Not in Reynosa." not in page(thread)


def test_an_edited_post_shows_at_once(thread):
    page(thread)
    thread.title = "A corrected headline"
    thread.save()
    assert "A corrected headline" in page(thread)


def test_a_new_post_shows_in_the_older_posts_links_at_once(thread):
    page(thread)
    make_post(title="Filed this morning", publish_at=timezone.now() - timedelta(minutes=1))
    assert "Filed this morning" in page(thread)


def test_a_publication_and_take_down_in_another_process_show_at_once(thread, editor, rule):
    # Published, then taken down, in another process: the approved count is back where it
    # was, and the on-commit retirement of the thread reached only that process's cache
    # (here, none: a test's transaction never commits).
    before = page(thread)
    comment = make_comment(thread, body="Said, then taken down.")
    moderation.approve(comment, editor=editor)
    assert "Said, then taken down." in page(thread)
    moderation.reject(comment, editor=editor, rule=rule)
    after = page(thread)
    assert "Said, then taken down." not in after
    assert "Removed by a moderator under" in after
    assert after != before


def test_a_change_made_in_another_process_shows_at_once(thread):
    # Another process's cache keeps its own versions; the post's row is the same for all.
    page(thread)
    make_comment(thread, status=Status.APPROVED, body="Approved elsewhere.")
    type(thread).objects.filter(pk=thread.pk).update(comment_count=3, updated_at=timezone.now())
    assert "Approved elsewhere." in page(thread)


def test_comments_closing_with_time_close_on_the_cached_page(settings):
    settings.COMMENTS_CLOSE_AFTER_DAYS = 2
    post = make_post(publish_at=timezone.now() - timedelta(days=2) + timedelta(minutes=1))
    assert 'id="comment-form"' in page(post)
    later = timezone.now() + timedelta(minutes=2)
    with mock.patch("comments.closing.timezone.now", return_value=later):
        assert 'id="comment-form"' not in page(post)


def test_a_spanish_reader_gets_the_spanish_page(thread):
    page(thread)
    assert "Publicar un comentario" in page(thread, accept_language="es")


def test_another_host_gets_its_own_addresses(thread, settings):
    settings.ALLOWED_HOSTS = ["testserver", "borderblog.example"]
    page(thread)
    assert "http://borderblog.example/" in page(thread, host="borderblog.example")


# Kept, or not ----------------------------------------------------------------------------


def test_the_pages_own_addresses_are_kept(thread, kept):
    page(thread)
    page(thread, query="?corder=newest")
    assert len(set(kept)) == 2


def test_a_page_of_comments_that_exists_is_kept_and_one_that_does_not_is_not(post, kept):
    make_approved_comments(post, 250)  # two pages of 200
    page(post, query="?cpage=1")  # the first page, but not its own address
    assert kept == []
    page(post, query="?cpage=3")
    assert kept == []
    page(post, query="?cpage=2")
    assert len(kept) == 1


@pytest.mark.parametrize("query", ["?cpage=7", "?cpage=1", "?utm_source=x", "?replyto=1"])
def test_made_up_addresses_are_served_but_not_kept(thread, query, kept):
    page(thread, query=query)
    assert kept == []


def test_a_logged_in_editor_gets_a_page_rendered_for_them(thread, editor_client, kept):
    editor_client.get(thread.get_absolute_url())
    assert kept == []


@pytest.mark.cache_outage
def test_the_page_is_complete_when_the_cache_is_down(thread, monkeypatch):
    def unavailable(*args, **kwargs):
        raise ConnectionError("cache unavailable")

    for method in ("get", "set", "get_many", "add", "get_or_set", "incr"):
        monkeypatch.setattr(page_shell.cache, method, unavailable)
    html = page(thread)
    assert "The plaza is quiet tonight." in html
    assert "pagehole" not in html


def test_a_cached_view_reads_the_cache_twice(thread, monkeypatch):
    # With Redis each read is a round trip: the values the keys are made of, then the
    # page's shell with its thread (unless the worker holds copies: test_local_copies).
    monkeypatch.setattr(local_copies, "copies", LocalCopies(0))
    page(thread)
    reads, depth = [], []
    for method in ("get", "get_many", "get_or_set", "add", "set", "has_key"):
        original = getattr(page_shell.cache, method)

        def counted(*args, _original=original, _method=method, **kwargs):
            if not depth:  # local memory's get_many calls its own get
                reads.append(_method)
            depth.append(_method)
            try:
                return _original(*args, **kwargs)
            finally:
                depth.pop()

        monkeypatch.setattr(page_shell.cache, method, counted)
    page(thread)
    assert reads == ["get_many", "get_many"]
