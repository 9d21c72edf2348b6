"""The comments app's admin: the moderation queue and what editors need around it.

queue        the comment list and its bulk actions (CommentAdmin)
rows         one queue row: flags, reports, per-row decision buttons
decisions    the POST endpoints behind the buttons: decide, redact, ban
seen         whether a comment is still as the editor saw it, and why not
comment_page a comment's page: context, history, reports, redactions, forms
filters      the queue's filters
forms        decision, rejection, redaction and ban forms
dashboard    the editors' figures, and the cached pending count in the header
records      policy rules; decisions, redactions and reports, read-only
defences     phrases to look for; bans, and lifting them
"""

from . import defences, queue, records

__all__ = ["defences", "queue", "records"]
