"""ImportedEntry rows as an import leaves them: what a Blogger entry became here."""

import itertools

from blogger.models import ImportedEntry

BLOG_ID = "7152148342155549342"
_entry_ids = itertools.count(3085960624335419541)

Kind = ImportedEntry.Kind


def blogger_id(entry_id=None):
    return f"{BLOG_ID}.{entry_id or next(_entry_ids)}"


def imported_post(post, old_path, *, entry_id=None):
    return ImportedEntry.objects.create(
        blogger_id=blogger_id(entry_id), kind=Kind.POST, post=post, old_path=old_path
    )


def imported_page(page, old_path):
    return ImportedEntry.objects.create(
        blogger_id=blogger_id(), kind=Kind.PAGE, page=page, old_path=old_path
    )


def imported_comment(comment, shown_at_ms):
    """The comment's row, naming its post as the import does."""
    return ImportedEntry.objects.create(
        blogger_id=blogger_id(),
        kind=Kind.COMMENT,
        post_id=comment.post_id,
        comment=comment,
        shown_at_ms=shown_at_ms,
    )
