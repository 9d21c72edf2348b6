"""What becomes of a newly submitted comment: refused, or stored with which status and flags.

The one place those rules live. ``check_can_submit`` refuses what must not be stored at
all (closed post, a flood from one submitter, the same words twice) by raising
``Refused`` before anything is written. ``assess`` decides everything else: a comment
goes to spam only on evidence that a person did not write it for this page (honeypot,
ban, an editor's blocked phrase), and is otherwise pending, carrying flags that tell
the editor what to look at (threats, personal data, watch words, links, speed). Flags
never change the status: an editor decides.

Knobs are settings with documented defaults (docs/moderation-defences.md).
"""

import hashlib
import logging
import math
from dataclasses import dataclass, field
from datetime import timedelta

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from borderblog import ratelimit
from borderblog.cache_faults import log_cache_unavailable

from . import detectors
from .closing import accepts_comments, closed_reason
from .models import Ban, Comment, CommentFlag, Phrase

logger = logging.getLogger(__name__)

# Long enough for a double click or a resent form; the database check covers the rest.
WORDS_CLAIM_SECONDS = 30

Status = Comment.Status
SpamReason = Comment.SpamReason
Flag = CommentFlag.Kind

# At most this many flags of one kind: a comment pasting a phone book needs one look,
# not a thousand rows.
MAX_FLAGS_PER_KIND = 5
DETAIL_MAX = 200


class Refused(Exception):
    """A submission the site will not store; the message is for the reader."""

    status_code = 400


class CommentsClosed(Refused):
    pass


class DuplicateComment(Refused):
    pass


class TooManyComments(Refused):
    status_code = 429

    def __init__(self, message, retry_after):
        super().__init__(message)
        self.retry_after = retry_after


@dataclass(frozen=True)
class Assessment:
    """The first status of a new comment, why the site chose it, and flags for editors."""

    status: str
    reason: str = ""  # a Comment.SpamReason when the site chose spam
    flags: list[tuple[str, str]] = field(default_factory=list)


# Refusals ----------------------------------------------------------------------------


def comment_limits():
    return [
        ratelimit.Limit(settings.COMMENT_RATE_PER_MINUTE, 60),
        ratelimit.Limit(settings.COMMENT_RATE_PER_HOUR, 3600),
    ]


def check_can_submit(post, *, body, submitter_hash):
    """Raise ``Refused`` (with a message for the reader) if this comment must not be stored.

    The rate limit counts before the duplicate check, so that repeating the same words
    cannot be used to hammer the database; a double-click costs one of the allowance.
    """
    if not accepts_comments(post):
        raise CommentsClosed(closed_reason(post))
    verdict = ratelimit.hit("comment", submitter_hash, comment_limits())
    if not verdict.allowed:
        raise TooManyComments(
            _(
                "You have sent several comments in a short time, so this one was not sent. "
                "You can send it again in %(wait)s; your text is kept below."
            )
            % {"wait": wait_in_words(verdict.retry_after)},
            retry_after=verdict.retry_after,
        )
    if is_duplicate(post, body, submitter_hash) or not claim_words(post, body, submitter_hash):
        raise DuplicateComment(_("You already sent this comment; it is waiting for an editor."))


def is_duplicate(post, body, submitter_hash) -> bool:
    """The same words on the same post recently from the same reader, whatever became of
    them. Another reader's identical words are stored, and flagged (``assess``):
    refusing them would tell that reader what someone else had sent, still unseen."""
    return same_words(post, body).filter(submitter_hash=submitter_hash).exists()


def same_words(post, body):
    """Comments on ``post`` with these words, within the duplicate window."""
    since = timezone.now() - timedelta(hours=settings.COMMENT_DUPLICATE_WINDOW_HOURS)
    return Comment.objects.filter(post=post, body=body.strip(), created_at__gte=since)


def claim_words(post, body, submitter_hash) -> bool:
    """Claim these words on this post, for this reader, for a moment, atomically in the
    cache.

    Of two identical comments sent at the same instant (a double click, a resent form),
    only one may pass: the database check cannot see a row the other request has not
    committed yet. True when claimed, and when the cache is down (the database check
    still catches all but that instant). submit_comment releases the claim if the
    comment is not stored after all, so that the reader can send it again at once.
    """
    try:
        return cache.add(_claim_key(post, body, submitter_hash), 1, timeout=WORDS_CLAIM_SECONDS)
    except Exception:
        log_cache_unavailable(logger, "Duplicate comments not claimed")
        return True


def release_words(post, body, submitter_hash) -> None:
    try:
        cache.delete(_claim_key(post, body, submitter_hash))
    except Exception:
        log_cache_unavailable(logger, "Duplicate comment claim not released")


def _claim_key(post, body, submitter_hash) -> str:
    digest = hashlib.sha256(f"{submitter_hash}:{body.strip()}".encode()).hexdigest()
    return f"comments:words-claimed:{post.pk}:{digest}"


def wait_in_words(seconds) -> str:
    if seconds < 60:
        return ngettext("%(n)d second", "%(n)d seconds", seconds) % {"n": seconds}
    minutes = math.ceil(seconds / 60)
    return ngettext("%(n)d minute", "%(n)d minutes", minutes) % {"n": minutes}


# Status and flags --------------------------------------------------------------------


def assess(
    post,
    *,
    body,
    link_count,
    author_name="",
    submitter_hash="",
    honeypot="",
    seconds_on_page=None,
) -> Assessment:
    """The status a new comment on ``post`` is stored with, and what to flag for editors.

    ``link_count`` is counted on the HTML that will be stored (``Comment.render_body``),
    so that bare URLs the linker turns into links count as they will on the page, and
    the body is rendered once per submission.

    At most three queries whatever the size of the lists: every listed phrase, the same
    words from other readers, and the ban. Flags are worked out for spam too, so that an
    editor who rescues a comment from spam still sees what it carries.
    """
    phrases = {kind: [] for kind in Phrase.Kind.values}
    for kind, text in Phrase.objects.values_list("kind", "text"):
        phrases[kind].append(text)
    texts = [author_name, body]

    def listed(kind):
        found = (p for text in texts for p in detectors.find_phrases(text, phrases[kind]))
        return list(dict.fromkeys(found))

    flags = [(Flag.THREAT, phrase) for phrase in listed(Phrase.Kind.THREAT)]
    flags += [
        (Flag.PERSONAL_DATA, str(finding))
        for text in texts
        for finding in detectors.find_personal_data(text)
    ]
    flags += [(Flag.WATCH_WORD, phrase) for phrase in listed(Phrase.Kind.WATCH)]
    # Numbers only: CommentFlag.detail_display words them in the editor's language.
    if link_count > settings.COMMENT_MAX_LINKS:
        flags.append((Flag.LINKS, str(link_count)))
    if seconds_on_page is not None and seconds_on_page < settings.COMMENT_FORM_MIN_SECONDS:
        flags.append((Flag.FAST, f"{seconds_on_page:.1f}"))
    # Many readers sending one text is a copy-paste flood, or a chorus: editors decide.
    copies = same_words(post, body).exclude(submitter_hash=submitter_hash).count()
    if copies:
        flags.append((Flag.COPY, str(copies)))
    blocked = listed(Phrase.Kind.BLOCKED)
    flags += [(Flag.BLOCKED_PHRASE, phrase) for phrase in blocked]

    if honeypot.strip():
        status, reason = Status.SPAM, SpamReason.HONEYPOT
    elif Ban.objects.active().for_submitter(submitter_hash).exists():
        status, reason = Status.SPAM, SpamReason.BANNED
    elif blocked:
        status, reason = Status.SPAM, SpamReason.BLOCKED_PHRASE
    else:
        status, reason = Status.PENDING, ""
    return Assessment(status, reason, _capped(flags))


def _capped(flags):
    per_kind = {}
    kept = []
    for kind, detail in flags:
        per_kind[kind] = per_kind.get(kind, 0) + 1
        if per_kind[kind] <= MAX_FLAGS_PER_KIND:
            kept.append((kind, detail[:DETAIL_MAX]))
    return kept
