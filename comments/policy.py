"""What status a newly submitted comment starts in.

Every comment waits for an editor; refusals (closed posts) happen before anything is
stored. Later defences (honeypot, bans, blocked words) add their verdicts here, so that
the rules deciding a comment's first status stay in one place.
"""

from django.utils.translation import gettext_lazy as _

from .models import Comment

COMMENTS_CLOSED = _("Comments are closed on this post.")


def accepts_comments(post) -> bool:
    """Whether readers may comment on this post now."""
    return post.is_published and post.comments_enabled


def initial_status(post) -> str:
    """The status a new comment on ``post`` is stored with."""
    return Comment.Status.PENDING
