"""Migration 0008 rewrites what earlier code stored in English as codes and numbers."""

import importlib

import pytest
from django.apps import apps

from comments.models import Comment, CommentFlag
from tests.builders import make_comment

pytestmark = pytest.mark.django_db

migration = importlib.import_module("comments.migrations.0008_spam_reasons_in_the_editors_language")
Status = Comment.Status
Kind = CommentFlag.Kind


def stored_as_before(post):
    """Rows as the code before 0008 wrote them."""
    honeypot = make_comment(post, status=Status.SPAM, status_reason="honeypot")
    banned = make_comment(post, status=Status.SPAM, status_reason="banned submitter")
    blocked = make_comment(post, status=Status.SPAM, status_reason='blocked phrase "cheap pills"')
    flagged = make_comment(post)
    CommentFlag.objects.create(comment=flagged, kind=Kind.LINKS, detail="7 links (more than 5)")
    CommentFlag.objects.create(
        comment=flagged, kind=Kind.FAST, detail="sent 0.4 s after the page was loaded"
    )
    CommentFlag.objects.create(comment=flagged, kind=Kind.PERSONAL_DATA, detail="55 1234 ****")
    return honeypot, banned, blocked, flagged


def reasons(*comments):
    return [Comment.objects.get(pk=comment.pk).status_reason for comment in comments]


def flags(comment):
    return list(CommentFlag.objects.filter(comment=comment).values_list("kind", "detail"))


def test_old_spam_reasons_become_codes_and_a_blocked_phrase_becomes_a_flag(post):
    honeypot, banned, blocked, _ = stored_as_before(post)

    migration.to_codes(apps, None)

    assert reasons(honeypot, banned, blocked) == ["honeypot", "banned", "blocked_phrase"]
    assert flags(blocked) == [(Kind.BLOCKED_PHRASE, "cheap pills")]


def test_old_flag_sentences_become_numbers_and_found_text_is_kept(post):
    *_, flagged = stored_as_before(post)

    migration.to_codes(apps, None)

    assert flags(flagged) == [
        (Kind.LINKS, "7"),
        (Kind.FAST, "0.4"),
        (Kind.PERSONAL_DATA, "55 1234 ****"),
    ]


def test_reversing_the_migration_gives_back_what_the_old_code_stored(post, settings):
    settings.COMMENT_MAX_LINKS = 5
    honeypot, banned, blocked, flagged = stored_as_before(post)
    migration.to_codes(apps, None)

    migration.to_sentences(apps, None)

    assert reasons(honeypot, banned, blocked) == [
        "honeypot",
        "banned submitter",
        'blocked phrase "cheap pills"',
    ]
    assert flags(blocked) == []
    assert flags(flagged) == [
        (Kind.LINKS, "7 links (more than 5)"),
        (Kind.FAST, "sent 0.4 s after the page was loaded"),
        (Kind.PERSONAL_DATA, "55 1234 ****"),
    ]
