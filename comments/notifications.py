"""Telling the Editors group, by e-mail, that the queue needs them.

Two triggers: more pending comments than MODERATION_ALERT_PENDING (checked after every
submission) and a pending comment older than MODERATION_ALERT_AGE_HOURS (checked by
`manage.py alert_editors`, run from cron). One mail an hour at most, whatever triggers it,
so a flood of comments does not become a flood of mail.
"""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .models import Comment

THROTTLE_KEY = "comments:editor-alert-sent"
THROTTLE_SECONDS = 60 * 60


def queue_state(now=None):
    """(pending count, oldest pending submission time or None)."""
    pending = Comment.objects.pending()
    oldest = pending.order_by("created_at").values_list("created_at", flat=True).first()
    return pending.count(), oldest


def reasons_to_alert(now=None):
    now = now or timezone.now()
    count, oldest = queue_state()
    reasons = []
    if count > settings.MODERATION_ALERT_PENDING:
        reasons.append(
            ngettext(
                "%(count)d comment is waiting (the alert is set at more than %(limit)d).",
                "%(count)d comments are waiting (the alert is set at more than %(limit)d).",
                count,
            )
            % {"count": count, "limit": settings.MODERATION_ALERT_PENDING}
        )
    max_age = timedelta(hours=settings.MODERATION_ALERT_AGE_HOURS)
    if oldest is not None and now - oldest > max_age:
        reasons.append(
            _("The oldest pending comment has waited more than %(hours)d hours.")
            % {"hours": settings.MODERATION_ALERT_AGE_HOURS}
        )
    return count, reasons


def editor_addresses():
    User = get_user_model()
    return sorted(
        User.objects.filter(groups__name="Editors", is_active=True)
        .exclude(email="")
        .values_list("email", flat=True)
        .distinct()
    )


def alert_editors_if_needed(now=None) -> bool:
    """Mail the editors when the queue is too long or too old; True if a mail went out.

    Written in the newsroom's language (LANGUAGE_CODE), not in that of the reader whose
    comment happened to trigger it.
    """
    with translation.override(settings.LANGUAGE_CODE):
        return _alert_editors_if_needed(now)


def _alert_editors_if_needed(now):
    count, reasons = reasons_to_alert(now)
    recipients = editor_addresses()
    if not reasons or not recipients:
        return False
    if not cache.add(THROTTLE_KEY, True, timeout=THROTTLE_SECONDS):
        return False
    body = render_to_string(
        "comments/email/queue_alert.txt",
        {"count": count, "reasons": reasons, "queue_path": "/admin/comments/comment/"},
    )
    send_mail(
        ngettext(
            "[%(site)s] %(count)d comment awaits moderation",
            "[%(site)s] %(count)d comments await moderation",
            count,
        )
        % {"site": settings.BLOG_TITLE, "count": count},
        body,
        settings.DEFAULT_FROM_EMAIL,
        recipients,
    )
    return True
