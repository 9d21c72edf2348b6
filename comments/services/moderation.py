"""The moderation state machine: the only code that changes a comment's status.

Each verb checks the transition is allowed, then updates the row only if its status is
still the one the editor saw. That conditional UPDATE is the lock: it works the same on
SQLite (where select_for_update does nothing) and PostgreSQL, and when two editors act on
one comment at once exactly one UPDATE matches and the other gets AlreadyDecided.
The decision row and the post's approved-comment counter are written in the same
transaction; the announcement goes out after commit.
"""

from functools import partial

from django.db import transaction
from django.db.models import Value
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from posts.models import Post

from ..models import Comment, ModerationDecision, Redaction
from ..signals import comment_moderated
from ..thread import cache as thread_cache

Status = Comment.Status

ALLOWED_TRANSITIONS = {
    Status.PENDING: {Status.APPROVED, Status.REJECTED, Status.SPAM},
    Status.APPROVED: {Status.REJECTED, Status.SPAM},
    Status.REJECTED: {Status.APPROVED, Status.SPAM},
    Status.SPAM: {Status.APPROVED, Status.REJECTED},
}


class ModerationError(Exception):
    """A decision that cannot be recorded; the message is fit to show an editor."""


class InvalidTransition(ModerationError):
    pass


class AlreadyDecided(ModerationError):
    pass


class RuleRequired(ModerationError):
    pass


def can_transition(from_status, to_status) -> bool:
    return to_status in ALLOWED_TRANSITIONS.get(from_status, set())


def decide(comment, to_status, *, editor, rule=None, note=""):
    """Move ``comment`` to ``to_status`` on behalf of ``editor`` and record why.

    Raises InvalidTransition, RuleRequired, or AlreadyDecided when another decision
    changed the comment since it was loaded. Returns the ModerationDecision.
    """
    from_status = comment.status
    if not can_transition(from_status, to_status):
        raise InvalidTransition(
            _("Comment %(id)s is %(from)s; it cannot be marked %(to)s.")
            % {
                "id": comment.pk,
                "from": Status(from_status).label.lower(),
                "to": Status(to_status).label.lower(),
            }
        )
    if to_status == Status.REJECTED and rule is None:
        raise RuleRequired(_("Rejecting a comment must cite a policy rule."))

    now = timezone.now()
    changes = {
        "status": to_status,
        "cited_rule": rule if to_status == Status.REJECTED else None,
        # The first decision and the first publication are kept: review times are
        # measured from the first, and thread numbers and placeholders from the second.
        "decided_at": Coalesce("decided_at", Value(now)),
    }
    if to_status == Status.APPROVED:
        changes["first_approved_at"] = Coalesce("first_approved_at", Value(now))
    with transaction.atomic():
        changed = Comment.objects.filter(pk=comment.pk, status=from_status).update(**changes)
        if not changed:
            raise AlreadyDecided(
                _("Comment %(id)s was already decided by someone else; nothing was changed.")
                % {"id": comment.pk}
            )
        decision = ModerationDecision.objects.create(
            comment=comment,
            editor=editor,
            from_status=from_status,
            to_status=to_status,
            rule=rule,
            note=note,
        )
        delta = (to_status == Status.APPROVED) - (from_status == Status.APPROVED)
        Post.objects.comments_changed(comment.post_id, approved_delta=delta)
        transaction.on_commit(partial(_announce, comment, decision))
    comment.status = to_status
    comment.cited_rule = changes["cited_rule"]
    comment.decided_at = comment.decided_at or now
    if to_status == Status.APPROVED:
        comment.first_approved_at = comment.first_approved_at or now
    return decision


def _announce(comment, decision):
    """After commit: readers see the decision at once (the post's cached thread is
    retired only now, so no view can re-cache the old state under the new version),
    then other apps hear of it."""
    thread_cache.invalidate_thread(comment.post_id)
    comment_moderated.send(sender=Comment, comment=comment, decision=decision)


def approve(comment, *, editor, note="", body=None):
    """Publish ``comment``; with ``body``, redact it first, in the same transaction."""
    with transaction.atomic():
        if body is not None and body != comment.body:
            redact(comment, editor=editor, body=body, note=note)
        return decide(comment, Status.APPROVED, editor=editor, note=note)


def reject(comment, *, editor, rule, note=""):
    return decide(comment, Status.REJECTED, editor=editor, rule=rule, note=note)


def mark_spam(comment, *, editor, note=""):
    return decide(comment, Status.SPAM, editor=editor, note=note)


def redact(comment, *, editor, body, note=""):
    """Replace the words of ``comment``, keeping the old ones in a Redaction row.

    Readers see that a moderator edited the comment; editors see what it said before.
    """
    if not body.strip():
        raise ModerationError(_("A redacted comment cannot be empty; reject it instead."))
    with transaction.atomic():
        current = Comment.objects.select_for_update().get(pk=comment.pk)
        Redaction.objects.create(
            comment=current, editor=editor, previous_body=current.body, note=note
        )
        current.body = body
        current.edited_by_moderator = True
        current.save(update_fields=["body", "edited_by_moderator"])
        Post.objects.comments_changed(current.post_id)
        transaction.on_commit(partial(thread_cache.invalidate_thread, current.post_id))
    comment.body, comment.body_html = current.body, current.body_html
    comment.link_count, comment.edited_by_moderator = current.link_count, True
    return comment


def dismiss_reports(comment, *, editor, note=""):
    """Keep a reported comment published and clear its reports, on the record."""
    with transaction.atomic():
        changed = Comment.objects.filter(
            pk=comment.pk, status=Status.APPROVED, report_count__gt=0
        ).update(report_count=0)
        if not changed:
            raise AlreadyDecided(
                _("Comment %(id)s has no open reports, or was decided by someone else.")
                % {"id": comment.pk}
            )
        decision = ModerationDecision.objects.create(
            comment=comment,
            editor=editor,
            from_status=Status.APPROVED,
            to_status=Status.APPROVED,
            note=note or _("Reports dismissed; the comment stays published."),
        )
    comment.report_count = 0
    return decision
