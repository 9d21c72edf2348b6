from .comment import Comment, CommentQuerySet, PolicyRule
from .defences import Ban, Phrase
from .flags_and_reports import CommentFlag, Report
from .moderation import ModerationDecision, Redaction

__all__ = [
    "Ban",
    "Comment",
    "CommentFlag",
    "CommentQuerySet",
    "ModerationDecision",
    "Phrase",
    "PolicyRule",
    "Redaction",
    "Report",
]
