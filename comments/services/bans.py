"""Banning a submitter: their new comments go straight to spam while the ban lasts."""

from datetime import timedelta

from django.utils import timezone

from ..models import Ban


def ban_submitter(submitter_hash, *, editor, days, reason):
    """Ban the submitter behind ``submitter_hash`` for ``days`` days."""
    if not submitter_hash:
        raise ValueError("This comment has no submitter hash to ban.")
    return Ban.objects.create(
        submitter_hash=submitter_hash,
        created_by=editor,
        expires_at=timezone.now() + timedelta(days=days),
        reason=reason,
    )


def lift(ban, *, editor):
    """End ``ban`` now; its record stays."""
    Ban.objects.filter(pk=ban.pk, lifted_at__isnull=True).update(
        lifted_at=timezone.now(), lifted_by=editor
    )
    ban.refresh_from_db(fields=["lifted_at", "lifted_by"])
    return ban
