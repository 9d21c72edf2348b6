"""Every write to comments, bans and reports: the functions views, admin and commands call.

Reads are queryset methods on the models; these are the verbs that change rows, each in
the module named for what it writes:

- ``submission``: a reader's comment stored with its flags; stored HTML mended.
- ``moderation``: the status state machine (decide and its verbs), redaction, reports
  dismissed; the decision row and the post's counter in the same transaction.
- ``reports``: a reader's report of a published comment.
- ``bans``: banning a submitter, and lifting the ban.
- ``imports``: comments that were public on another site, brought in as published.
"""

from ..intake import CommentsClosed, DuplicateComment, Refused, TooManyComments
from .bans import ban_submitter, lift
from .moderation import (
    AlreadyDecided,
    InvalidTransition,
    ModerationError,
    RuleRequired,
    approve,
    can_transition,
    decide,
    dismiss_reports,
    mark_spam,
    redact,
    reject,
)
from .reports import AlreadyReported, TooManyReports, report_comment
from .submission import rerender_refused_links, submit_comment

__all__ = [
    "AlreadyDecided",
    "AlreadyReported",
    "CommentsClosed",
    "DuplicateComment",
    "InvalidTransition",
    "ModerationError",
    "Refused",
    "RuleRequired",
    "TooManyComments",
    "TooManyReports",
    "approve",
    "ban_submitter",
    "can_transition",
    "decide",
    "dismiss_reports",
    "lift",
    "mark_spam",
    "redact",
    "reject",
    "report_comment",
    "rerender_refused_links",
    "submit_comment",
]
