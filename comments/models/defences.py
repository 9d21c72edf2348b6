"""Editor-managed defences: phrases to look for, and bans of submitters."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Phrase(models.Model):
    """Editor-managed words and phrases the site looks for in new comments."""

    class Kind(models.TextChoices):
        BLOCKED = "blocked", _("Blocked: the comment goes to spam")
        WATCH = "watch", _("Watch: the comment is flagged for attention")
        THREAT = "threat", _("Threat: the comment is flagged as a threat")

    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    text = models.CharField(
        _("word or phrase"),
        max_length=200,
        help_text=_("Matched as whole words, ignoring case and accents (amenaza = AMENAZÁ)."),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["kind", "text"]
        verbose_name = _("phrase")
        verbose_name_plural = _("phrases")
        constraints = [
            models.UniqueConstraint(fields=["kind", "text"], name="phrase_unique_per_kind")
        ]

    def __str__(self):
        return self.text


class BanQuerySet(models.QuerySet):
    def active(self, at=None):
        """Bans in force now: not lifted and not yet expired."""
        return self.filter(lifted_at__isnull=True, expires_at__gt=at or timezone.now())

    def for_submitter(self, submitter_hash):
        """Bans of the submitter behind ``submitter_hash``; none, without a query, for a
        comment that has no hash (so ``.exists()`` costs nothing then)."""
        if not submitter_hash:
            return self.none()
        return self.filter(submitter_hash=submitter_hash)


class Ban(models.Model):
    """A submitter whose new comments go straight to spam, for a while.

    Keyed by the rotating submitter hash: a ban cannot outlive the key it was made
    under (SUBMITTER_HASH_ROTATION_DAYS), by design, since nothing can link a reader
    across rotations.
    """

    submitter_hash = models.CharField(_("submitter"), max_length=64, db_index=True)
    reason = models.CharField(_("reason"), max_length=300)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("by")
    )
    created_at = models.DateTimeField(_("banned"), auto_now_add=True)
    expires_at = models.DateTimeField(_("until"))
    lifted_at = models.DateTimeField(_("lifted"), null=True, blank=True)
    lifted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("lifted by"),
    )

    objects = BanQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("ban")
        verbose_name_plural = _("bans")

    def __str__(self):
        return f"Ban {self.submitter_hash[:8]}… until {self.expires_at:%Y-%m-%d}"
