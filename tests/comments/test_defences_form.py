"""The comment form's own defences: a honeypot and a signed timestamp, through the post page."""

import re
import time

import pytest
from django.core import signing

from comments.forms import TIMESTAMP_SALT, sign_timestamp
from comments.models import Comment, CommentFlag
from comments.thread import own_comments
from tests.builders import make_post
from tests.comments.forms_helper import comment_form_data, rendered_form_fields, send_comment

pytestmark = pytest.mark.django_db

Status = Comment.Status


@pytest.fixture
def no_speed_check(settings):
    settings.COMMENT_FORM_MIN_SECONDS = 0


def post_form(client, post, **data):
    return client.post(post.get_absolute_url(), {"author_name": "", **data})


def form_html(client, post):
    page = client.get(post.get_absolute_url()).content.decode()
    start = page.index('id="comment-form"')
    return page[start : page.index("</form>", start)]


# The honeypot


def test_the_honeypot_is_hidden_from_sight_screen_readers_and_the_tab_key(client, post):
    html = form_html(client, post)
    wrapper = re.search(r'<div class="([^"]*)" aria-hidden="true">\s*<label[^>]*>([^<]*)', html)
    field = re.search(r'<input type="text" name="website"[^>]*>', html).group()
    assert "visually-hidden" in wrapper.group(1)
    assert wrapper.group(2) == "Leave this field empty"
    assert 'tabindex="-1"' in field
    assert 'autocomplete="off"' in field


@pytest.mark.usefixtures("no_speed_check")
def test_a_filled_honeypot_stores_the_comment_as_spam(client, post):
    send_comment(client, post, body="Great post! Visit us.", website="http://pills.example")
    comment = Comment.objects.get()
    assert (comment.status, comment.status_reason) == (Status.SPAM, "honeypot")
    assert comment.body == "Great post! Visit us."


def test_a_filled_honeypot_gets_the_same_thanks_as_any_reader(client, post):
    response = send_comment(client, post, body="Visit us.", website="http://pills.example")
    assert response.status_code == 302
    followed = client.get(response["Location"]).content.decode()
    assert "awaiting moderation" in followed
    assert "not published" not in followed


def test_a_filled_honeypot_leaves_no_receipt_that_would_reveal_the_verdict(client, post):
    send_comment(client, post, body="Visit us.", website="http://pills.example")
    assert own_comments.COOKIE_NAME not in client.cookies


def test_the_honeypot_value_is_not_stored(client, post):
    send_comment(client, post, body="Visit us.", website="http://pills.example")
    assert "pills.example" not in str(Comment.objects.values().get())


# The signed timestamp


def test_the_form_carries_a_signed_timestamp_for_its_post(client, post):
    fields = rendered_form_fields(client.get(post.get_absolute_url()).content.decode())
    post_id, rendered_ms = signing.loads(fields["timestamp"], salt=TIMESTAMP_SALT)
    assert post_id == post.pk
    assert abs(rendered_ms / 1000 - time.time()) < 60


def test_a_form_without_its_timestamp_is_refused_with_the_text_handed_back(client, post):
    response = post_form(client, post, body="Typed by hand.")
    page = response.content.decode()
    assert response.status_code == 400
    assert "We could not check this form" in page
    assert "Typed by hand." in page
    assert not Comment.objects.exists()


def test_a_tampered_timestamp_is_refused(client, post):
    genuine = sign_timestamp(post, at=time.time() - 3600)
    forged = genuine.replace(genuine.split(":")[0], signing.b64_encode(b"[1,1]").decode())
    response = post_form(client, post, body="Hello.", timestamp=forged)
    assert response.status_code == 400
    assert not Comment.objects.exists()


@pytest.mark.parametrize("garbage", ["", "x", "::", "a" * 5000, "eyJ:1:2", "[1,2]"])
def test_a_garbage_timestamp_is_a_form_error_not_a_crash(client, post, garbage):
    response = post_form(client, post, body="Hello.", timestamp=garbage)
    assert response.status_code == 400
    assert "We could not check this form" in response.content.decode()


def test_a_timestamp_signed_for_another_post_is_refused(client, post):
    other = make_post()
    response = post_form(client, post, body="Hello.", timestamp=sign_timestamp(other))
    assert response.status_code == 400
    assert not Comment.objects.exists()


def test_a_form_open_for_more_than_a_day_is_refused_with_the_text_handed_back(
    client, post, settings
):
    day_old = sign_timestamp(post, at=time.time() - settings.COMMENT_FORM_MAX_AGE - 60)
    response = post_form(client, post, body="Written yesterday.", timestamp=day_old)
    page = response.content.decode()
    assert response.status_code == 400
    assert "This page has been open for more than a day" in page
    assert "Written yesterday." in page
    assert not Comment.objects.exists()


@pytest.mark.usefixtures("no_speed_check")
def test_the_refused_old_form_comes_back_fresh_so_sending_it_again_works(client, post, settings):
    day_old = sign_timestamp(post, at=time.time() - settings.COMMENT_FORM_MAX_AGE - 60)
    refused = post_form(client, post, body="Written yesterday.", timestamp=day_old)
    fresh = rendered_form_fields(refused.content.decode())["timestamp"]
    assert fresh != day_old
    again = post_form(client, post, body="Written yesterday.", timestamp=fresh)
    assert again.status_code == 302
    assert Comment.objects.get().body == "Written yesterday."


def test_a_form_shown_again_keeps_its_clock_so_a_quick_resend_is_not_flagged_fast(
    client, post, settings
):
    settings.COMMENT_FORM_MIN_SECONDS = 3
    opened_a_minute_ago = sign_timestamp(post, at=time.time() - 60)
    refused = post_form(client, post, body="", timestamp=opened_a_minute_ago)
    assert refused.status_code == 400

    shown_again = rendered_form_fields(refused.content.decode())["timestamp"]
    post_form(client, post, body="Now with words.", timestamp=shown_again)

    assert shown_again == opened_a_minute_ago
    assert not CommentFlag.objects.filter(kind=CommentFlag.Kind.FAST).exists()


def test_a_comment_sent_implausibly_fast_is_stored_pending_and_flagged(client, post, settings):
    settings.COMMENT_FORM_MIN_SECONDS = 3
    response = send_comment(client, post, body="Quick, quick.")
    comment = Comment.objects.get()
    assert response.status_code == 302
    assert comment.status == Status.PENDING
    assert list(comment.flags.values_list("kind", flat=True)) == [CommentFlag.Kind.FAST]


def test_a_comment_sent_after_reading_the_post_is_not_flagged(client, post, settings):
    settings.COMMENT_FORM_MIN_SECONDS = 3
    form = comment_form_data(client, post, body="I read it all first.")
    form["timestamp"] = sign_timestamp(post, at=time.time() - 90)
    client.post(post.get_absolute_url(), form)
    assert not CommentFlag.objects.exists()
