"""A tip, the messages between its source and the newsroom, and the files the source sent.

Nothing here can identify a source: no address, no user agent, no original file name.
A tip is found again only through its receipt code, of which only a keyed digest (to
find the row) and a slow hash (to verify it) are stored. Tips have no public URL, so
no model here has ``get_absolute_url`` (the admin would offer "View on site").
"""

from django.conf import settings
from django.db import models
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class TipQuerySet(models.QuerySet):
    def inbox(self):
        """The editors' inbox: latest word from the source first, with message and file counts."""
        return self.annotate(
            message_count=Count("messages", distinct=True),
            attachment_count=Count("messages__attachments", distinct=True),
        ).order_by("-source_wrote_at", "-id")

    def unread(self):
        """Tips with something from the source that no editor has opened yet."""
        return self.filter(status=Tip.Status.NEW)


class Tip(models.Model):
    class Status(models.TextChoices):
        NEW = "new", _("New")
        READ = "read", _("Read")
        HANDLED = "handled", _("Handled")

    status = models.CharField(
        _("status"),
        max_length=10,
        choices=Status,
        default=Status.NEW,
        help_text=_(
            "New until an editor opens it, and again whenever the source writes. "
            "Handled means the newsroom has done what it will do with it."
        ),
    )
    contact = models.CharField(
        _("how to reach the source"),
        max_length=300,
        blank=True,
        help_text=_("Only what the source chose to give. Treat it as identifying."),
    )
    # HMAC of the receipt code under a server secret: finds the tip in one indexed query
    # without storing anything that could be tried against guesses offline.
    receipt_lookup = models.CharField(max_length=64, unique=True, editable=False)
    # A slow password hash of the receipt code, checked after the lookup.
    receipt_hash = models.CharField(max_length=256, editable=False)
    created_at = models.DateTimeField(_("received"), default=timezone.now, editable=False)
    source_wrote_at = models.DateTimeField(
        _("source last wrote"), default=timezone.now, editable=False, db_index=True
    )

    objects = TipQuerySet.as_manager()

    class Meta:
        ordering = ["-source_wrote_at", "-id"]
        verbose_name = _("tip")
        verbose_name_plural = _("tips")
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=["new", "read", "handled"]), name="tip_status_valid"
            )
        ]

    def __str__(self):
        return _("Tip %(number)s") % {"number": self.pk}


class TipMessageQuerySet(models.QuerySet):
    def conversation(self):
        """A tip's messages in the order they were written, each with its files."""
        return self.order_by("created_at", "id").prefetch_related("attachments")


class TipMessage(models.Model):
    class Sender(models.TextChoices):
        SOURCE = "source", _("Source")
        NEWSROOM = "newsroom", _("Newsroom")

    tip = models.ForeignKey(
        Tip, on_delete=models.CASCADE, related_name="messages", verbose_name=_("tip")
    )
    sender = models.CharField(_("from"), max_length=10, choices=Sender)
    body = models.TextField(_("message"), blank=True)
    # Who in the newsroom wrote a reply, for the newsroom's own record; the source only
    # ever sees "the newsroom".
    editor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("editor"),
    )
    created_at = models.DateTimeField(_("sent"), default=timezone.now, editable=False)

    objects = TipMessageQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("tip message")
        verbose_name_plural = _("tip messages")
        constraints = [
            models.CheckConstraint(
                condition=Q(sender__in=["source", "newsroom"]), name="tipmessage_sender_valid"
            ),
            models.CheckConstraint(
                condition=~Q(sender="newsroom", body=""), name="tipmessage_reply_has_text"
            ),
        ]

    def __str__(self):
        return _("%(sender)s, %(sent)s") % {
            "sender": self.get_sender_display(),
            "sent": self.created_at,
        }

    @property
    def from_source(self):
        return self.sender == self.Sender.SOURCE


class Attachment(models.Model):
    class Kind(models.TextChoices):
        IMAGE = "image", _("Image")
        VIDEO = "video", _("Video")
        PDF = "pdf", _("PDF document")
        TEXT = "text", _("Plain text")

    message = models.ForeignKey(
        TipMessage,
        on_delete=models.CASCADE,
        related_name="attachments",
        verbose_name=_("message"),
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind)
    content_type = models.CharField(_("content type"), max_length=100)
    # A random name in the private tips storage, chosen by us; the source's own file
    # name is never stored.
    stored_name = models.CharField(max_length=200, unique=True, editable=False)
    thumbnail_name = models.CharField(max_length=200, blank=True, editable=False)
    size = models.PositiveBigIntegerField(_("size in bytes"))
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["id"]
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=["image", "video", "pdf", "text"]),
                name="attachment_kind_valid",
            )
        ]

    def __str__(self):
        return self.download_name

    @property
    def download_name(self):
        """The name editors' browsers save it under: made up here, never the source's."""
        extension = self.stored_name.rsplit(".", 1)[-1]
        return f"tip-{self.message.tip_id}-file-{self.pk}.{extension}"
