"""comments.intake: which comments are refused, which go to spam, and what editors are shown."""

from datetime import timedelta

import pytest
from django.utils import timezone

from comments import intake
from comments.models import Comment, CommentFlag, Phrase
from comments.sanitize import count_links, render_comment
from comments.services import bans
from tests.builders import make_comment, make_post

pytestmark = pytest.mark.django_db

Status = Comment.Status
Flag = CommentFlag.Kind
READER = "a" * 64


def assess(post, body="A fair point about the army.", **kwargs):
    kwargs.setdefault("submitter_hash", READER)
    # As submit_comment does: links counted on the HTML that will be stored.
    kwargs.setdefault("link_count", count_links(render_comment(body)))
    return intake.assess(post, body=body, **kwargs)


def phrase(kind, text):
    # Some threat phrases are already there: a migration seeds a starting list.
    return Phrase.objects.get_or_create(kind=kind, text=text)[0]


# First status


def test_a_plain_comment_is_pending_with_no_flags(post):
    assert assess(post) == intake.Assessment(Status.PENDING, "", [])


def test_a_filled_honeypot_makes_the_comment_spam_with_the_reason_honeypot(post):
    verdict = assess(post, honeypot="http://cheap.example")
    assert (verdict.status, verdict.reason) == (Status.SPAM, Comment.SpamReason.HONEYPOT)


def test_a_honeypot_of_only_spaces_counts_as_empty(post):
    assert assess(post, honeypot="   ").status == Status.PENDING


def test_a_banned_submitters_comment_is_spam_with_the_reason_banned(post, editor):
    bans.ban_submitter(READER, editor=editor, days=7, reason="Threats")
    verdict = assess(post)
    assert (verdict.status, verdict.reason) == (Status.SPAM, Comment.SpamReason.BANNED)


def test_a_lifted_ban_no_longer_sends_comments_to_spam(post, editor):
    bans.lift(bans.ban_submitter(READER, editor=editor, days=7, reason="x"), editor=editor)
    assert assess(post).status == Status.PENDING


def test_another_submitter_is_not_affected_by_a_ban(post, editor):
    bans.ban_submitter("b" * 64, editor=editor, days=7, reason="x")
    assert assess(post).status == Status.PENDING


def test_a_blocked_phrase_makes_the_comment_spam_and_flags_the_phrase(post):
    phrase(Phrase.Kind.BLOCKED, "cheap pills")
    verdict = assess(post, body="Buy CHEAP pills here")
    assert (verdict.status, verdict.reason) == (Status.SPAM, Comment.SpamReason.BLOCKED_PHRASE)
    assert verdict.flags == [(Flag.BLOCKED_PHRASE, "cheap pills")]


def test_a_blocked_phrase_in_the_author_name_makes_the_comment_spam(post):
    phrase(Phrase.Kind.BLOCKED, "casino")
    assert assess(post, author_name="Best Casino").status == Status.SPAM


def test_the_honeypot_is_named_first_when_several_reasons_apply(post, editor):
    phrase(Phrase.Kind.BLOCKED, "casino")
    bans.ban_submitter(READER, editor=editor, days=7, reason="x")
    assert assess(post, body="casino", honeypot="x").reason == "honeypot"


# Flags: they never change the status


def test_a_watch_word_flags_the_comment_and_leaves_it_pending(post):
    phrase(Phrase.Kind.WATCH, "sicario")
    verdict = assess(post, body="Dicen que era sicario.")
    assert verdict.status == Status.PENDING
    assert verdict.flags == [(Flag.WATCH_WORD, "sicario")]


def test_a_threat_phrase_flags_the_comment_with_the_phrase(post):
    phrase(Phrase.Kind.THREAT, "sabemos dónde vives")
    verdict = assess(post, body="Sabemos donde vives, periodista.")
    assert verdict.status == Status.PENDING
    assert verdict.flags == [(Flag.THREAT, "sabemos dónde vives")]


def test_personal_data_flags_the_comment_with_its_kind_and_a_masked_excerpt(post):
    verdict = assess(post, body="His number is 55 1234 5678.")
    assert verdict.status == Status.PENDING
    assert verdict.flags == [(Flag.PERSONAL_DATA, "phone number: 55 1234 ****")]


def test_personal_data_in_the_author_name_is_flagged_too(post):
    verdict = assess(post, author_name="juan@example.com")
    assert verdict.flags == [(Flag.PERSONAL_DATA, "e-mail address: j***@example.com")]


def test_more_links_than_allowed_flag_the_comment(post, settings):
    settings.COMMENT_MAX_LINKS = 2
    body = "See https://a.example.com https://b.example.com and https://c.example.com"
    assert assess(post, body=body).flags == [(Flag.LINKS, "3")]


def test_links_up_to_the_limit_do_not_flag_the_comment(post, settings):
    settings.COMMENT_MAX_LINKS = 2
    assert assess(post, body="See https://a.example.com and https://b.example.com").flags == []


def test_a_comment_sent_implausibly_fast_is_flagged_and_stays_pending(post, settings):
    settings.COMMENT_FORM_MIN_SECONDS = 3
    verdict = assess(post, seconds_on_page=0.4)
    assert verdict.status == Status.PENDING
    assert verdict.flags == [(Flag.FAST, "0.4")]


def test_a_comment_sent_after_reading_is_not_flagged_fast(post, settings):
    settings.COMMENT_FORM_MIN_SECONDS = 3
    assert assess(post, seconds_on_page=45).flags == []


def test_a_spam_comment_still_carries_its_flags_for_an_editor_who_rescues_it(post):
    verdict = assess(post, body="Call 55 1234 5678", honeypot="x")
    assert verdict.status == Status.SPAM
    assert [kind for kind, _ in verdict.flags] == [Flag.PERSONAL_DATA]


def test_flags_of_one_kind_are_capped(post):
    numbers = " ".join(f"55 1234 56{i:02d}," for i in range(20))
    flags = assess(post, body=numbers).flags
    assert len(flags) == intake.MAX_FLAGS_PER_KIND


def test_assessing_costs_two_queries_however_many_phrases_are_listed(
    post, django_assert_num_queries
):
    Phrase.objects.bulk_create(
        Phrase(kind=kind, text=f"phrase {i}") for kind in Phrase.Kind.values for i in range(50)
    )
    with django_assert_num_queries(3):  # the phrases, the same words, and the ban
        assess(post)


# Refusals


def test_a_comment_on_a_closed_post_is_refused(post):
    closed = make_post(comments_enabled=False)
    with pytest.raises(intake.CommentsClosed, match=r"Comments are closed on this post\."):
        intake.check_can_submit(closed, body="x", submitter_hash=READER)


def test_the_same_words_from_the_same_reader_are_a_duplicate_whatever_their_status(post):
    make_comment(post, status=Status.SPAM, body="Same words.", submitter_hash=READER)
    with pytest.raises(intake.DuplicateComment, match="already sent this comment"):
        intake.check_can_submit(post, body="  Same words.\n", submitter_hash=READER)


def test_the_same_words_from_another_reader_are_not_refused(post):
    """Refusing them would tell this reader what someone else sent, still unseen."""
    make_comment(post, status=Status.SPAM, body="Same words.", submitter_hash="b" * 64)
    intake.check_can_submit(post, body="Same words.", submitter_hash=READER)


def test_the_same_words_from_other_readers_are_flagged_with_how_many(post):
    make_comment(post, body="Same words.", submitter_hash="b" * 64)
    make_comment(post, body="Same words.", submitter_hash="c" * 64)
    make_comment(post, body="Other words.", submitter_hash="d" * 64)
    assert assess(post, body="Same words.").flags == [(Flag.COPY, "2")]


def test_the_same_words_after_the_duplicate_window_are_not_a_duplicate(post, settings):
    settings.COMMENT_DUPLICATE_WINDOW_HOURS = 24
    old = make_comment(post, body="Same words.")
    Comment.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(hours=25))
    assert not intake.is_duplicate(post, "Same words.", old.submitter_hash)


def test_the_same_words_on_another_post_are_not_a_duplicate(post):
    make_comment(make_post(), body="Same words.", submitter_hash=READER)
    assert not intake.is_duplicate(post, "Same words.", READER)


def test_a_submitter_over_the_rate_limit_is_refused_with_the_wait(post, settings):
    settings.COMMENT_RATE_PER_MINUTE = 1
    intake.check_can_submit(post, body="one", submitter_hash=READER)
    with pytest.raises(intake.TooManyComments) as refused:
        intake.check_can_submit(post, body="two", submitter_hash=READER)
    assert refused.value.status_code == 429
    assert 1 <= refused.value.retry_after <= 61


@pytest.mark.parametrize(
    ("seconds", "words"),
    [
        (1, "1 second"),
        (41, "41 seconds"),
        (60, "1 minute"),
        (61, "2 minutes"),
        (3590, "60 minutes"),
    ],
)
def test_the_wait_is_told_in_seconds_or_whole_minutes(seconds, words):
    assert intake.wait_in_words(seconds) == words
