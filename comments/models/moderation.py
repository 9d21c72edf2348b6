"""What editors did to comments: status decisions and redactions, never edited."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .comment import Comment, PolicyRule


class ModerationDecision(models.Model):
    """The audit trail: one row for every change of a comment's status, never edited."""

    comment = models.ForeignKey(
        Comment, on_delete=models.CASCADE, related_name="decisions", verbose_name=_("comment")
    )
    editor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="moderation_decisions",
        verbose_name=_("editor"),
    )
    from_status = models.CharField(_("from"), max_length=10, choices=Comment.Status.choices)
    to_status = models.CharField(_("to"), max_length=10, choices=Comment.Status.choices)
    rule = models.ForeignKey(
        PolicyRule,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="decisions",
        verbose_name=_("policy rule cited"),
    )
    note = models.TextField(_("note"), blank=True)
    imported = models.BooleanField(
        _("imported"),
        default=False,
        help_text=_(
            "Decided on the blog this comment was imported from (it was public there, "
            "or removed there); no editor here took it."
        ),
    )
    decided_at = models.DateTimeField(_("decided"), auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["decided_at", "id"]
        verbose_name = _("moderation decision")
        verbose_name_plural = _("moderation decisions")
        constraints = [
            # A comment removed on Blogger comes with no rule of ours to cite.
            models.CheckConstraint(
                condition=~models.Q(to_status="rejected")
                | models.Q(rule__isnull=False)
                | models.Q(imported=True),
                name="rejection_cites_rule",
            ),
        ]

    def __str__(self):
        return f"{self.get_from_status_display()} → {self.get_to_status_display()}"


class Redaction(models.Model):
    """An editor's change to a comment's words; the words before it are kept here."""

    comment = models.ForeignKey(
        Comment, on_delete=models.CASCADE, related_name="redactions", verbose_name=_("comment")
    )
    editor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("editor"),
    )
    previous_body = models.TextField(_("words before the edit"))
    note = models.TextField(_("note"), blank=True)
    redacted_at = models.DateTimeField(_("edited"), auto_now_add=True)

    class Meta:
        ordering = ["redacted_at", "id"]
        verbose_name = _("redaction")
        verbose_name_plural = _("redactions")

    def __str__(self):
        return f"Redaction of comment {self.comment_id}"
