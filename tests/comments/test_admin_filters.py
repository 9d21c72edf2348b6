"""The queue's filters: reported, links, flags, age, post, submitter."""

import re

import pytest
from django.conf import settings
from django.utils import timezone
from django.utils.translation.reloader import translation_file_changed

from borderblog.translations import compile_all
from comments.models import Comment, CommentFlag
from tests.builders import make_comment, make_post

from .admin_helpers import QUEUE, flag, listed, report, submitted_ago

pytestmark = pytest.mark.django_db

Status = Comment.Status


def test_reported_filter_lists_published_comments_readers_reported(editor_client, post, rule):
    reported = make_comment(post, status=Status.APPROVED)
    make_comment(post, status=Status.APPROVED)
    report(reported, rule)

    response = editor_client.get(QUEUE, {"reported": "yes"})

    assert listed(response) == [reported]


def test_reported_filter_leaves_out_comments_already_taken_down(editor_client, post, rule):
    taken_down = make_comment(post, status=Status.APPROVED)
    report(taken_down, rule)
    Comment.objects.filter(pk=taken_down.pk).update(status=Status.REJECTED, cited_rule=rule)

    response = editor_client.get(QUEUE, {"reported": "yes", "status": "all"})

    assert listed(response) == []


def test_reported_filter_link_drops_the_pending_default(editor_client):
    response = editor_client.get(QUEUE, {"status": "pending"})

    [reported_filter] = [
        spec for spec in response.context["cl"].filter_specs if spec.parameter_name == "reported"
    ]
    choices = list(reported_filter.choices(response.context["cl"]))
    assert choices[1]["query_string"] == "?reported=yes"


def test_has_links_filter_lists_comments_with_links(editor_client, post):
    linked = make_comment(post, body="See https://example.com/story")
    make_comment(post, body="No links here")

    assert listed(editor_client.get(QUEUE, {"links": "yes"})) == [linked]


def test_flagged_filter_lists_comments_flagged_with_that_kind(editor_client, post):
    doxxing = make_comment(post)
    threat = make_comment(post)
    make_comment(post)
    flag(doxxing, CommentFlag.Kind.PERSONAL_DATA)
    flag(threat, CommentFlag.Kind.THREAT, "te voy a matar")

    assert listed(editor_client.get(QUEUE, {"flag": "personal_data"})) == [doxxing]
    assert listed(editor_client.get(QUEUE, {"flag": "threat"})) == [threat]


def test_flagged_filter_lists_a_comment_with_two_flags_once(editor_client, post):
    comment = make_comment(post)
    flag(comment, CommentFlag.Kind.WATCH_WORD, "plaza")
    flag(comment, CommentFlag.Kind.LINKS, "4 links")

    assert listed(editor_client.get(QUEUE, {"flag": "any"})) == [comment]


@pytest.mark.parametrize(
    ("age", "expected"),
    [
        ("hour", ["just_now"]),
        ("day", ["two_days", "two_weeks"]),
        ("week", ["two_weeks"]),
    ],
)
def test_age_filter_lists_comments_by_how_long_ago_they_were_sent(
    editor_client, post, age, expected
):
    comments = {name: make_comment(post) for name in ["just_now", "two_days", "two_weeks"]}
    submitted_ago(comments["just_now"], minutes=10)
    submitted_ago(comments["two_days"], days=2)
    submitted_ago(comments["two_weeks"], weeks=2)

    response = editor_client.get(QUEUE, {"age": age})

    assert set(listed(response)) == {comments[name] for name in expected}


def test_age_filter_today_starts_at_midnight_on_the_newsrooms_clock(editor_client, post):
    today = make_comment(post)
    yesterday = make_comment(post)
    midnight = timezone.localtime().replace(hour=0, minute=0, second=0, microsecond=0)
    Comment.objects.filter(pk=today.pk).update(created_at=midnight)
    Comment.objects.filter(pk=yesterday.pk).update(created_at=midnight - timezone.timedelta(1))

    assert listed(editor_client.get(QUEUE, {"age": "today"})) == [today]


@pytest.fixture
def compiled_catalogue():
    """`make test` compiles the .mo; a bare pytest run may find it stale or missing."""
    for po_path in compile_all():
        translation_file_changed(None, po_path.with_suffix(".mo"))


@pytest.mark.parametrize(("language", "heading"), [("en", "By age"), ("es", "Por antigüedad")])
def test_age_filter_is_headed_by_age_in_the_editors_language(
    editor_client, compiled_catalogue, language, heading
):
    editor_client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    page = editor_client.get(QUEUE).content.decode()
    summaries = re.findall(r"<summary>\s*(.*?)\s*</summary>", page, re.DOTALL)
    assert heading in summaries
    assert not [summary for summary in summaries if "sent" in summary or "enviado" in summary]


def test_post_filter_offers_the_posts_with_comments_waiting(editor_client):
    waiting = make_post("Waiting post")
    quiet = make_post("Quiet post")
    make_comment(waiting)
    make_comment(quiet, status=Status.APPROVED)

    content = editor_client.get(QUEUE).content.decode()

    assert "Waiting post" in content
    assert "Quiet post" not in content


def test_post_filter_lists_that_posts_comments(editor_client):
    mine = make_comment(make_post())
    make_comment(make_post())

    assert listed(editor_client.get(QUEUE, {"post": mine.post_id})) == [mine]


@pytest.mark.parametrize("chosen", ["²", "①", "9" * 30], ids=["²", "①", "30 digits"])
def test_post_filter_answers_a_number_that_cannot_be_a_post_as_any_bad_filter(
    editor_client, chosen
):
    # Django's answer to a filter value it cannot use: the queue's error address.
    response = editor_client.get(QUEUE, {"post": chosen})
    assert response.status_code == 302
    assert response["Location"] == f"{QUEUE}?e=1"


def test_submitter_filter_lists_that_submitters_comments(editor_client, post):
    theirs = make_comment(post, submitter_hash="a" * 64)
    make_comment(post, submitter_hash="b" * 64)

    assert listed(editor_client.get(QUEUE, {"submitter": "a" * 64})) == [theirs]


def test_search_finds_comments_by_text_and_by_author(editor_client, post):
    by_text = make_comment(post, body="Los Zetas again")
    by_author = make_comment(post, author_name="Ernest1")

    assert listed(editor_client.get(QUEUE, {"q": "zetas"})) == [by_text]
    assert listed(editor_client.get(QUEUE, {"q": "ernest1"})) == [by_author]
