"""What a comment says: listed phrases, personal data, links, duplicates and bans, via the page."""

from datetime import timedelta
from unittest import mock

import pytest
from django.db import DatabaseError, connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from borderblog.identity import submitter_hash
from comments.models import Comment, CommentFlag, Phrase
from comments.services import bans, submit_comment
from tests.builders import make_comment, make_post
from tests.comments.forms_helper import send_comment

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_speed_check")]

Status = Comment.Status
Flag = CommentFlag.Kind


@pytest.fixture
def no_speed_check(settings):
    # Tests post the instant the page is loaded; the speed flag has tests of its own.
    settings.COMMENT_FORM_MIN_SECONDS = 0


def flags_of(comment):
    return list(comment.flags.values_list("kind", "detail"))


def test_a_blocked_phrase_stores_the_comment_as_spam_flagging_the_phrase(client, post):
    Phrase.objects.create(kind=Phrase.Kind.BLOCKED, text="viagra barata")
    response = send_comment(client, post, body="VIAGRA BARATA aquí")
    comment = Comment.objects.get()
    assert response.status_code == 302
    assert (comment.status, comment.status_reason) == (Status.SPAM, "blocked_phrase")
    assert flags_of(comment) == [(Flag.BLOCKED_PHRASE, "viagra barata")]


def test_a_threat_is_flagged_for_the_editor_and_waits_for_a_decision(client, post):
    Phrase.objects.get_or_create(kind=Phrase.Kind.THREAT, text="te vamos a encontrar")
    send_comment(client, post, body="Reportero: te vamos a encontrar.")
    comment = Comment.objects.get()
    assert comment.status == Status.PENDING
    assert flags_of(comment) == [(Flag.THREAT, "te vamos a encontrar")]


def test_a_watch_word_is_flagged_for_attention(client, post):
    Phrase.objects.create(kind=Phrase.Kind.WATCH, text="halcón")
    send_comment(client, post, body="El halcon de la esquina lo vio todo.")
    assert flags_of(Comment.objects.get()) == [(Flag.WATCH_WORD, "halcón")]


def test_personal_data_is_flagged_before_an_editor_can_approve_it(client, post):
    send_comment(client, post, body="Vive en Calle Hidalgo No. 123, su cel 899 123 4567")
    comment = Comment.objects.get()
    assert comment.status == Status.PENDING
    assert flags_of(comment) == [
        (Flag.PERSONAL_DATA, "street address: Calle Hidalgo No. ***"),
        (Flag.PERSONAL_DATA, "phone number: 899 123 ****"),
    ]


def test_a_comment_with_more_links_than_allowed_is_flagged(client, post, settings):
    settings.COMMENT_MAX_LINKS = 2
    body = "Read www.example.com, https://example.org/a and http://example.net/b"
    send_comment(client, post, body=body)
    comment = Comment.objects.get()
    assert comment.link_count == 3
    assert flags_of(comment) == [(Flag.LINKS, "3")]


def test_a_comment_and_all_its_flags_are_written_in_one_insert_each(client, post):
    body = "Calls: 55 1234 5678, 81 1234 5678, 33 1234 5678; mail a@example.com"
    with CaptureQueriesContext(connection) as captured:
        send_comment(client, post, body=body)
    inserts = [q["sql"] for q in captured if q["sql"].startswith("INSERT")]
    assert len(inserts) == 2
    assert CommentFlag.objects.count() == 4


def test_an_exact_duplicate_is_refused_and_nothing_more_is_stored(client, post):
    send_comment(client, post, body="Los soldados no son policías.")
    response = send_comment(client, post, body="  Los soldados no son policías.\n")
    page = response.content.decode()
    assert response.status_code == 400
    assert "You already sent this comment; it is waiting for an editor" in page
    assert "Los soldados no son policías." in page
    assert Comment.objects.count() == 1


def test_another_readers_identical_comment_is_stored_and_flagged(client, post):
    send_comment(client, post, body="Gracias por el reportaje.")

    other = send_comment(
        client, post, headers={"REMOTE_ADDR": "203.0.113.9"}, body="Gracias por el reportaje."
    )

    assert other.status_code == 302
    second = Comment.objects.order_by("id").last()
    assert Comment.objects.count() == 2
    assert flags_of(second) == [(Flag.COPY, "1")]


def test_a_comment_that_could_not_be_stored_can_be_sent_again_at_once(client, post, rf):
    # The words were claimed against a double click; a failed store must release them.
    reader = submitter_hash(rf.get("/", REMOTE_ADDR="127.0.0.1"))  # the test client's
    failing = mock.patch.object(Comment, "save", side_effect=DatabaseError("disk full"))
    with failing, pytest.raises(DatabaseError):
        submit_comment(post=post, body="Lost at first.", submitter_hash=reader)
    assert send_comment(client, post, body="Lost at first.").status_code == 302
    assert Comment.objects.filter(body="Lost at first.").count() == 1


def test_the_same_words_after_the_duplicate_window_are_accepted(client, post, settings):
    settings.COMMENT_DUPLICATE_WINDOW_HOURS = 24
    old = make_comment(post, body="Otra vez lo mismo.")
    Comment.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(hours=25))
    assert send_comment(client, post, body="Otra vez lo mismo.").status_code == 302


def test_the_same_words_on_another_post_are_accepted(client, post):
    make_comment(make_post(), body="Same words, other story.")
    assert send_comment(client, post, body="Same words, other story.").status_code == 302


def test_a_banned_submitters_comment_is_stored_as_spam(client, post, editor, rf):
    reader = submitter_hash(rf.get("/", REMOTE_ADDR="203.0.113.7"))
    bans.ban_submitter(reader, editor=editor, days=30, reason="Doxxing")
    response = send_comment(client, post, headers={"REMOTE_ADDR": "203.0.113.7"}, body="Again.")
    comment = Comment.objects.get()
    assert response.status_code == 302
    assert (comment.status, comment.status_reason) == (Status.SPAM, "banned")


@pytest.mark.parametrize(
    "data",
    [
        {"body": "nul \x00 byte"},
        {"body": "x", "author_name": "\x00"},
        {"body": "x", "website": "w" * 100_000},
        {"body": "<script>alert(1)</script>" * 100},
        {"body": "\u202e\u200b\ufeff" * 50},
        {"body": "x", "parent": "-1"},
        {"body": ["two", "values"]},
    ],
)
def test_bad_input_never_gives_a_server_error(client, post, data):
    assert send_comment(client, post, **data).status_code in {302, 400}
