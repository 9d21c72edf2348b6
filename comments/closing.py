"""Whether readers may comment on a post now, and the sentence they see when not.

An editor closes comments on a post (``Post.comments_enabled``); they also close by
themselves COMMENTS_CLOSE_AFTER_DAYS after publication, unless the post opts out.
"""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

COMMENTS_CLOSED = _("Comments are closed on this post.")


def closes_automatically_at(post):
    """When comments on ``post`` close by themselves, or None if they never do."""
    days = settings.COMMENTS_CLOSE_AFTER_DAYS
    if days is None or not post.comments_close_automatically:
        return None
    return post.publish_at + timedelta(days=days)


def accepts_comments(post, at=None) -> bool:
    """Whether readers may comment on this post now."""
    closes_at = closes_automatically_at(post)
    return (
        post.is_published
        and post.comments_enabled
        and (closes_at is None or (at or timezone.now()) < closes_at)
    )


def closed_reason(post, at=None) -> str:
    """The sentence readers see where the form would be; empty while comments are open."""
    if accepts_comments(post, at):
        return ""
    if post.is_published and post.comments_enabled:
        days = settings.COMMENTS_CLOSE_AFTER_DAYS
        return ngettext(
            "Comments closed automatically %(days)d day after publication.",
            "Comments closed automatically %(days)d days after publication.",
            days,
        ) % {"days": days}
    return str(COMMENTS_CLOSED)
