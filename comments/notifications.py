"""Telling the Editors group, by e-mail, that the queue needs them.

Two triggers: more pending comments than MODERATION_ALERT_PENDING (checked after every
submission) and a pending comment older than MODERATION_ALERT_AGE_HOURS (checked by
`manage.py alert_editors`, run from cron). One mail an hour at most, whatever triggers it,
so a flood of comments does not become a flood of mail.

An alert that fails (the mail relay refusing or hanging, the cache down) never fails the
reader's request that triggered it: it is logged in one line, and the next try comes
RETRY_SECONDS later, from the next comment or cron run after that. Not sooner: while a
relay hangs, every comment that tried would wait EMAIL_TIMEOUT for it.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from borderblog.cache_faults import keep, log_cache_unavailable

from .models import Comment

logger = logging.getLogger(__name__)

THROTTLE_KEY = "comments:editor-alert-sent"
THROTTLE_SECONDS = 60 * 60
RETRY_SECONDS = 5 * 60


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


def alert_editors_if_needed(now=None, *, unthrottled=True) -> bool:
    """Mail the editors when the queue is too long or too old; True if a mail went out.

    Raises what sending raised; the next try may come RETRY_SECONDS later. When the
    cache cannot say whether a mail went out within the hour, it sends if
    ``unthrottled`` (cron, whose schedule then bounds the mail), and not otherwise.
    Written in the newsroom's language (LANGUAGE_CODE), not in that of the reader whose
    comment happened to trigger it.
    """
    with translation.override(settings.LANGUAGE_CODE):
        count, reasons = reasons_to_alert(now)
        recipients = editor_addresses()
        if not reasons or not recipients:
            return False
        claimed = _claim_the_hour()
        if claimed is False or (claimed is None and not unthrottled):
            return False
        try:
            _send(count, reasons, recipients)
        except Exception:
            keep(THROTTLE_KEY, True, RETRY_SECONDS)
            raise
        return True


def alert_editors_after_submission():
    """After a reader's comment is stored: the alert, if one is due, never failing the
    reader's request. Without the cache, no mail: every comment of a flood would send one,
    and cron's `manage.py alert_editors` still does."""
    try:
        alert_editors_if_needed(unthrottled=False)
    except Exception as error:
        logger.error(
            "Editors not alerted (%s: %s); tried again in %d minutes",
            type(error).__name__,
            error,
            RETRY_SECONDS // 60,
        )


def _claim_the_hour():
    """True if no alert went out within the hour (and this one claims it), False if one
    did, None if the cache cannot tell."""
    try:
        return cache.add(THROTTLE_KEY, True, timeout=THROTTLE_SECONDS)
    except Exception:
        log_cache_unavailable(logger, "Editors' alerts not throttled")
        return None


def _send(count, reasons, recipients):
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
