"""Migration 0008 rewrites what earlier code stored in English as codes and numbers."""

import importlib

import pytest
from django.apps import apps
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from comments.models import Comment, CommentFlag
from tests.builders import make_comment

pytestmark = pytest.mark.django_db

NAME = "0008_spam_reasons_in_the_editors_language"
BEFORE = "0007_reported_comments_index"
migration = importlib.import_module(f"comments.migrations.{NAME}")
# Cut at 200 characters, as the old code cut reasons: the closing quote is lost.
LONG_PHRASE = "compra " * 27
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
    CommentFlag.objects.create(
        comment=flagged, kind=Kind.PERSONAL_DATA, detail="phone number: 55 1234 ****"
    )
    return honeypot, banned, blocked, flagged


def stored_with_a_long_phrase(post):
    reason = f'blocked phrase "{LONG_PHRASE}"'[:200]
    return make_comment(post, status=Status.SPAM, status_reason=reason)


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
        (Kind.PERSONAL_DATA, "phone number: 55 1234 ****"),
    ]


def test_a_phrase_the_old_code_cut_short_still_becomes_a_code_and_a_flag(post):
    blocked = stored_with_a_long_phrase(post)

    migration.to_codes(apps, None)

    assert reasons(blocked) == ["blocked_phrase"]
    ((kind, detail),) = flags(blocked)
    assert kind == Kind.BLOCKED_PHRASE
    assert LONG_PHRASE.startswith(detail)


def test_reversing_with_a_long_phrase_keeps_the_reason_within_its_column(post):
    blocked = make_comment(post, status=Status.SPAM, status_reason="blocked_phrase")
    CommentFlag.objects.create(comment=blocked, kind=Kind.BLOCKED_PHRASE, detail="x" * 200)

    migration.to_sentences(apps, None)

    (reason,) = reasons(blocked)
    assert reason.startswith('blocked phrase "xxx')
    assert len(reason) == Comment._meta.get_field("status_reason").max_length


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
        (Kind.PERSONAL_DATA, "phone number: 55 1234 ****"),
    ]


def migrate_comments_to(name=None):
    """Migrate the comments app to ``name``, or to its latest migration."""
    executor = MigrationExecutor(connection)
    executor.migrate([("comments", name)] if name else executor.loader.graph.leaf_nodes())


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_migration_runs_both_ways_through_djangos_executor(post):
    migrate_comments_to(BEFORE)
    _honeypot, banned, _blocked, flagged = stored_as_before(post)
    cut_short = stored_with_a_long_phrase(post)

    try:
        migrate_comments_to(NAME)
        assert reasons(banned, cut_short) == ["banned", "blocked_phrase"]
        assert flags(flagged)[0] == (Kind.LINKS, "7")
        migrate_comments_to(BEFORE)
        assert reasons(banned) == ["banned submitter"]
    finally:
        migrate_comments_to()
