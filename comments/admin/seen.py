"""Whether a comment is still as the editor saw it when their page was drawn.

A page that decides sends back the status it showed each comment in: a queue row as
``seen_<id>``, the comment's page as ``from_status``; comments acted on without a row
("select all") are known by the status the view's filter pins. A comment no longer in
that status was decided by someone else meanwhile and is left alone; so is one the page
said nothing about, or one that left the list since. Each is named with the reason that
is true of it. The true race, two editors at the same instant, is settled later by the
conditional UPDATE in comments.services.moderation.
"""

from typing import NamedTuple

from django.utils.translation import ngettext_lazy

from ..models import Comment

ALREADY_DECIDED = ngettext_lazy(
    # The same words services.AlreadyDecided uses when it loses the race itself.
    "Comment %(ids)s was already decided by someone else; nothing was changed.",
    "Comments %(ids)s were already decided by someone else; nothing was changed for them.",
    "count",
)
NOT_SHOWN = ngettext_lazy(
    "Comment %(ids)s was not changed: the page did not say which status it was shown in. "
    "Reload the page and try again.",
    "Comments %(ids)s were not changed: the page did not say which status they were shown "
    "in. Reload the page and try again.",
    "count",
)
LEFT_THE_LIST = ngettext_lazy(
    # Its reports dismissed, its words redacted, or just older than the filter's hour.
    "Comment %(ids)s is no longer in this list; nothing was changed.",
    "Comments %(ids)s are no longer in this list; nothing was changed for them.",
    "count",
)


class AsSeen(NamedTuple):
    fresh: list  # the comments still as the editor saw them: these may be decided
    warnings: list  # why the others are left alone, one message per reason


def naming(message, pks):
    """``message``, a lazy plural taking %(ids)s, said of the comments ``pks``."""
    return message % {"count": len(pks), "ids": ", ".join(str(pk) for pk in pks)}


def seen_status(request, pk, shown=None):
    """The status the editor saw comment ``pk`` in: as the page sent it back, else the
    one the view pins (``shown``), else None."""
    return request.POST.get(f"seen_{pk}") or request.POST.get("from_status") or shown


def still_as_seen(request, comments, *, asked=(), shown=None):
    """Sort ``comments`` (as they are now) by whether the editor saw them as they are.

    ``asked`` are the ids the editor selected; those not among ``comments`` (which hold
    only what the page's filters still match) are looked up, to say what became of them.
    """
    fresh, decided, not_shown = [], [], []
    for comment in comments:
        seen = seen_status(request, comment.pk, shown)
        if seen is None:
            not_shown.append(comment.pk)
        elif seen == comment.status:
            fresh.append(comment)
        else:
            decided.append(comment.pk)
    missing = set(asked) - {comment.pk for comment in comments}
    now = dict(Comment.objects.filter(pk__in=missing).values_list("pk", "status"))
    left = []
    for pk in sorted(missing):
        seen = seen_status(request, pk, shown)
        if pk in now and seen is not None and seen != now[pk]:
            decided.append(pk)
        else:
            left.append(pk)  # or deleted, which a superuser may do
    reasons = [(ALREADY_DECIDED, sorted(decided)), (NOT_SHOWN, not_shown), (LEFT_THE_LIST, left)]
    return AsSeen(fresh, [naming(message, pks) for message, pks in reasons if pks])
