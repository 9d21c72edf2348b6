"""Lets a submitter's own browser recognise the comments it sent.

The browser keeps a signed cookie listing the IDs of its recent comments; nothing on
the server links those comments to the reader. This is how the submitter, and nobody
else, sees their comment while it awaits moderation.
"""

from ..models import Comment

COOKIE_NAME = "bb_my_comments"
COOKIE_SALT = "comments.receipts"
MAX_REMEMBERED = 50
MAX_AGE = 60 * 60 * 24 * 30


def own_comment_ids(request) -> list[int]:
    """IDs of comments this browser sent; a tampered or expired cookie counts as none."""
    raw = request.get_signed_cookie(COOKIE_NAME, default="", salt=COOKIE_SALT, max_age=MAX_AGE)
    # ASCII digits only, like the ids written: str.isdigit() also accepts "²".
    return [int(part) for part in raw.split(",") if part.isascii() and part.isdigit()]


def remember_comment(request, response, comment):
    """Add ``comment`` to the browser's list, keeping the newest MAX_REMEMBERED."""
    ids = [i for i in own_comment_ids(request) if i != comment.pk] + [comment.pk]
    response.set_signed_cookie(
        COOKIE_NAME,
        ",".join(str(i) for i in ids[-MAX_REMEMBERED:]),
        salt=COOKIE_SALT,
        max_age=MAX_AGE,
        httponly=True,
        samesite="Lax",
        secure=request.is_secure(),
    )


def own_unpublished(post, own_comment_ids) -> list[Comment]:
    """The visitor's own comments on ``post`` that nobody else sees (pending, or declined
    before ever being published), from the IDs their receipt cookie lists. One query,
    and none when the browser sent no comments."""
    if not own_comment_ids:
        return []
    return list(
        Comment.objects.for_post(post)
        .filter(pk__in=own_comment_ids, first_approved_at__isnull=True)
        .select_related("cited_rule", "parent")
        .order_by("created_at", "id")
    )
