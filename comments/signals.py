"""Announcements for other apps; each is sent after the transaction commits.

comment_submitted(sender=Comment, comment) — a reader's comment was stored.
comment_moderated(sender=Comment, comment, decision) — an editor changed its status.
"""

from django.dispatch import Signal

comment_submitted = Signal()
comment_moderated = Signal()
