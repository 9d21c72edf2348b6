"""A reader's comment, and the published policy it is judged against."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from posts.models import Post

from ..sanitize import count_links, render_comment
from ..thread import handles


class PolicyRule(models.Model):
    """One numbered rule of the published comment policy; rejections cite one."""

    number = models.PositiveSmallIntegerField(_("number"), unique=True)
    title = models.CharField(_("title"), max_length=120)
    text = models.TextField(_("text"), help_text=_("What the rule asks of commenters."))

    class Meta:
        ordering = ["number"]
        verbose_name = _("policy rule")
        verbose_name_plural = _("policy rules")

    def __str__(self):
        return f"{self.number}. {self.title}"

    def get_absolute_url(self):
        return reverse("comments:policy") + f"#rule-{self.number}"


class CommentQuerySet(models.QuerySet):
    def approved(self):
        """Comments readers may see, count and syndicate."""
        return self.filter(status=Comment.Status.APPROVED)

    def pending(self):
        """Comments waiting for an editor's decision."""
        return self.filter(status=Comment.Status.PENDING)

    def for_post(self, post):
        return self.filter(post=post)

    def published_once(self):
        """Comments that readers have seen: approved now, or taken down after approval.

        A post's thread is built from these so that numbers stay stable and a removed
        comment leaves a placeholder where it was.
        """
        return self.filter(first_approved_at__isnull=False)

    def reported(self):
        """Approved comments that readers reported and an editor has not decided since."""
        return self.approved().filter(report_count__gt=0)

    def thread_order(self):
        """The order a post's comments are read and numbered in: the order they were
        first published. A comment held in the queue while newer ones were approved
        comes after them, so no number or page that readers have seen ever changes;
        it still shows the time it was written."""
        return self.order_by("first_approved_at", "id")


class Comment(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")
        SPAM = "spam", _("Spam")

    class SpamReason(models.TextChoices):
        """Why the site itself sent a comment to spam. Stored as a code and named in the
        editor's language when shown."""

        HONEYPOT = "honeypot", _("the form's hidden field was filled in, as robots do")
        BANNED = "banned", _("the submitter is banned")
        BLOCKED_PHRASE = "blocked_phrase", _("it contains a blocked phrase")

    post = models.ForeignKey(
        Post, on_delete=models.CASCADE, related_name="+", verbose_name=_("post")
    )
    parent = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="replies",
        verbose_name=_("in reply to"),
    )
    author_name = models.CharField(
        _("name"),
        max_length=settings.COMMENT_AUTHOR_MAX_LENGTH,
        blank=True,
        help_text=_("As the commenter typed it; blank shows as Anonymous."),
    )
    body = models.TextField(_("comment"), help_text=_("As the commenter wrote it."))
    body_html = models.TextField(editable=False)
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=Status.choices,
        default=Status.PENDING,
        help_text=_("Only approved comments are ever shown to readers."),
    )
    # A default rather than auto_now_add: a comment imported from Blogger keeps the
    # time it was written there.
    created_at = models.DateTimeField(
        _("submitted"), default=timezone.now, editable=False, db_index=True
    )
    submitter_hash = models.CharField(
        _("submitter"),
        max_length=64,
        blank=True,
        db_index=True,
        editable=False,
        help_text=_("Keyed hash of the submitter's address; the address itself is never stored."),
    )
    status_reason = models.CharField(
        _("why the site chose this status"),
        max_length=200,
        blank=True,
        choices=SpamReason.choices,
        editable=False,
        help_text=_(
            "Set when the site itself sent the comment to spam (honeypot, ban, blocked phrase)."
        ),
    )
    decided_at = models.DateTimeField(
        _("first decided"),
        null=True,
        blank=True,
        editable=False,
        db_index=True,
        help_text=_("When an editor first took it out of the queue; measures review time."),
    )
    first_approved_at = models.DateTimeField(
        _("first published"),
        null=True,
        blank=True,
        editable=False,
        help_text=_(
            "Once published, a comment keeps its place in the thread: taken down later, "
            "it leaves a placeholder so replies keep their context."
        ),
    )
    cited_rule = models.ForeignKey(
        PolicyRule,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
        verbose_name=_("rule of the current rejection"),
    )
    edited_by_moderator = models.BooleanField(
        _("edited by a moderator"),
        default=False,
        editable=False,
        help_text=_(
            "Readers see that a moderator changed the words; the original is in the history."
        ),
    )
    report_count = models.PositiveIntegerField(_("reports"), default=0, editable=False)
    link_count = models.PositiveSmallIntegerField(_("links"), default=0, editable=False)

    objects = CommentQuerySet.as_manager()

    # The (body, body_html) pair render_body() made: save() keeps it rather than
    # render the same words again; anything else is rendered on save, as it always was.
    _rendered = None

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        permissions = [("moderate_comment", _("Can moderate comments"))]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status__in=["pending", "approved", "rejected", "spam"]),
                name="comment_status_valid",
            ),
        ]
        indexes = [
            models.Index(fields=["post", "status", "created_at"], name="comment_thread_idx"),
            # A post's thread: its published comments in the order they were published.
            models.Index(
                fields=["post", "first_approved_at", "id"],
                name="comment_published_idx",
                condition=models.Q(first_approved_at__isnull=False),
            ),
            models.Index(fields=["status", "created_at"], name="comment_queue_idx"),
            # Reported comments are few among many approved ones; the queue's "reported"
            # filter and the dashboard read only these rows.
            models.Index(
                fields=["created_at"],
                name="comment_reported_idx",
                condition=models.Q(status="approved", report_count__gt=0),
            ),
        ]

    def __str__(self):
        return f"{self.display_name} on {self.post_id}: {self.body[:40]}"

    def save(self, *args, **kwargs):
        if self._rendered is None or self._rendered != (self.body, self.body_html):
            self.render_body()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "body" in update_fields:
            kwargs["update_fields"] = {*update_fields, "body_html", "link_count"}
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        """The post page that shows this comment (the right page of a long thread)."""
        from ..thread.build import comment_url  # the thread builds on this module

        return comment_url(self)

    def render_body(self):
        """Render ``body`` into ``body_html`` and count its links.

        save() calls it unless it has just been called for these words: a submission
        renders first, to count the links intake judges, and save() keeps that HTML.
        """
        self.body_html = render_comment(self.body)
        self.link_count = count_links(self.body_html)
        self._rendered = (self.body, self.body_html)

    @property
    def is_taken_down(self):
        return self.first_approved_at is not None and self.status != self.Status.APPROVED

    @property
    def display_name(self):
        """The name readers see: as typed, or a per-post handle such as Anonymous·7F3."""
        return handles.comment_display_name(self)
