"""Bans and phrase lists, managed by editors in the admin."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from comments.models import Ban, Comment, Phrase
from comments.services import bans
from tests.builders import make_comment, make_editor

from .admin_helpers import change_url, messages_of, submitted_ago

pytestmark = pytest.mark.django_db

Status = Comment.Status
BANS = reverse("admin:comments_ban_changelist")
PHRASES = reverse("admin:comments_phrase_changelist")
SUBMITTER = "c" * 64


def ban_from_page(client, comment, days=7, reason="Doxxing a witness"):
    url = reverse("admin:comments_comment_ban", args=[comment.pk])
    return client.post(url, {"days": days, "reason": reason}, follow=True)


def make_ban(submitter=SUBMITTER, **fields):
    fields.setdefault("expires_at", timezone.now() + timedelta(days=7))
    fields.setdefault("reason", "Spam run")
    return Ban.objects.create(submitter_hash=submitter, created_by=make_editor(), **fields)


# --- banning from a comment's page


def test_ban_form_bans_the_comments_submitter_for_the_days_chosen(editor_client, editor, post):
    comment = make_comment(post, submitter_hash=SUBMITTER)

    response = ban_from_page(editor_client, comment, days=7, reason="Doxxing a witness")

    ban = Ban.objects.get()
    assert (ban.submitter_hash, ban.reason, ban.created_by) == (
        SUBMITTER,
        "Doxxing a witness",
        editor,
    )
    assert abs(ban.expires_at - (timezone.now() + timedelta(days=7))) < timedelta(minutes=1)
    assert Ban.objects.active().for_submitter(SUBMITTER).exists()
    assert messages_of(response)[0].startswith(f"The submitter of comment {comment.pk} is banned")


def test_ban_form_requires_a_reason(editor_client, post):
    comment = make_comment(post, submitter_hash=SUBMITTER)

    ban_from_page(editor_client, comment, reason="")

    assert not Ban.objects.exists()


def test_ban_form_offers_no_ban_longer_than_the_submitter_key_lives(editor_client, post, settings):
    settings.SUBMITTER_HASH_ROTATION_DAYS = 7
    comment = make_comment(post, submitter_hash=SUBMITTER)

    form = editor_client.get(change_url(comment)).context["ban_form"]
    refused = ban_from_page(editor_client, comment, days=30)

    assert [days for days, _ in form.fields["days"].choices] == [1, 7]
    assert not Ban.objects.exists()
    assert "Nobody was banned" in messages_of(refused)[0]


def test_ban_form_caps_the_longest_ban_at_the_key_period(editor_client, post, settings):
    settings.SUBMITTER_HASH_ROTATION_DAYS = 14
    comment = make_comment(post, submitter_hash=SUBMITTER)

    ban_from_page(editor_client, comment, days=14)

    assert Ban.objects.get().expires_at < timezone.now() + timedelta(days=14, minutes=1)


def test_a_comment_sent_under_an_earlier_key_cannot_get_its_submitter_banned(
    editor_client, post, settings
):
    comment = make_comment(post, submitter_hash=SUBMITTER)
    submitted_ago(comment, days=settings.SUBMITTER_HASH_ROTATION_DAYS + 1)
    comment.refresh_from_db()

    page = editor_client.get(change_url(comment))
    ban_from_page(editor_client, comment)

    assert "ban_form" not in page.context
    assert not Ban.objects.exists()


def test_comment_page_says_when_its_submitter_is_banned(editor_client, post):
    comment = make_comment(post, submitter_hash=SUBMITTER)
    make_ban(reason="Spam run")

    content = editor_client.get(change_url(comment)).content.decode()

    assert "Banned until" in content
    assert "Spam run" in content


def test_bans_are_made_from_a_comment_page_never_typed_in(editor_client):
    assert editor_client.get(reverse("admin:comments_ban_add")).status_code == 403


# --- the list of bans


def test_ban_list_filters_active_expired_and_lifted_bans(editor_client, editor):
    active = make_ban("a" * 64)
    expired = make_ban("b" * 64, expires_at=timezone.now() - timedelta(hours=1))
    lifted = bans.lift(make_ban("d" * 64), editor=editor)

    def listed(state):
        return list(editor_client.get(BANS, {"state": state}).context["cl"].result_list)

    assert listed("active") == [active]
    assert listed("expired") == [expired]
    assert listed("lifted") == [lifted]


def test_lift_action_ends_the_selected_bans_and_records_who_lifted_them(editor_client, editor):
    ban = make_ban()

    response = editor_client.post(
        BANS, {"action": "lift_bans", "_selected_action": [ban.pk]}, follow=True
    )

    ban.refresh_from_db()
    assert ban.lifted_at is not None
    assert ban.lifted_by == editor
    assert not Ban.objects.active().for_submitter(SUBMITTER).exists()
    assert messages_of(response) == ["1 ban was lifted."]


def test_a_bans_record_cannot_be_edited(editor_client):
    ban = make_ban(reason="Spam run")
    url = reverse("admin:comments_ban_change", args=[ban.pk])

    response = editor_client.post(url, {"reason": "rewritten"})

    assert response.status_code == 403
    assert Ban.objects.get().reason == "Spam run"


# --- phrases


def test_editors_add_a_threat_phrase(editor_client):
    response = editor_client.post(
        reverse("admin:comments_phrase_add"), {"kind": "threat", "text": "ya sabemos dónde"}
    )

    assert response.status_code == 302
    assert Phrase.objects.get(text="ya sabemos dónde").kind == Phrase.Kind.THREAT


def test_phrase_list_filters_by_kind_and_searches_the_text(editor_client):
    Phrase.objects.all().delete()  # the phrases seeded by the migrations
    blocked = Phrase.objects.create(kind=Phrase.Kind.BLOCKED, text="casino online")
    watch = Phrase.objects.create(kind=Phrase.Kind.WATCH, text="plaza")

    def listed(**params):
        return list(editor_client.get(PHRASES, params).context["cl"].result_list)

    assert listed(kind__exact="blocked") == [blocked]
    assert listed(q="plaz") == [watch]


def test_editors_delete_a_phrase(editor_client):
    phrase = Phrase.objects.create(kind=Phrase.Kind.WATCH, text="plaza")

    editor_client.post(reverse("admin:comments_phrase_delete", args=[phrase.pk]), {"post": "yes"})

    assert not Phrase.objects.filter(pk=phrase.pk).exists()
