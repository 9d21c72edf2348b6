"""What the site and readers raise about a comment: flags on arrival, reports later."""

from django.db import models
from django.utils.formats import number_format
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from .. import detectors
from .comment import Comment, PolicyRule

# The detectors name what they found in English, as stored in a flag's detail
# ("phone number: 55 1234 ****"); these are the names editors read.
PERSONAL_DATA_NAMES = {
    detectors.PHONE: _("phone number"),
    detectors.EMAIL: _("e-mail address"),
    detectors.STREET_ADDRESS: _("street address"),
    detectors.LICENCE_PLATE: _("licence plate"),
}


class CommentFlag(models.Model):
    """Something an editor should look at before deciding: set by the site on arrival."""

    class Kind(models.TextChoices):
        PERSONAL_DATA = "personal_data", _("Personal data")
        THREAT = "threat", _("Threat")
        WATCH_WORD = "watch_word", _("Watch word")
        LINKS = "links", _("Many links")
        FAST = "fast", _("Sent implausibly fast")
        BLOCKED_PHRASE = "blocked_phrase", _("Blocked phrase")
        COPY = "copy", _("Same words as other readers")

    comment = models.ForeignKey(
        Comment, on_delete=models.CASCADE, related_name="flags", verbose_name=_("comment")
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    detail = models.CharField(
        _("why"), max_length=200, blank=True, help_text=_("What was found, for the editor.")
    )

    class Meta:
        ordering = ["id"]
        verbose_name = _("flag")
        verbose_name_plural = _("flags")
        indexes = [models.Index(fields=["kind", "comment"], name="flag_kind_idx")]

    def __str__(self):
        detail = self.detail_display()
        return f"{self.get_kind_display()}: {detail}" if detail else self.get_kind_display()

    def detail_display(self) -> str:
        """What was found, in the editor's language. Found text (a phrase, a masked
        excerpt) is stored as found; the kind of personal data, counts and times are
        stored as codes and numbers and worded here, in the language the admin is in."""
        # ASCII digits only: str.isdigit() also accepts "²", which int() refuses.
        counted = self.detail.isascii() and self.detail.isdigit()
        if self.kind == self.Kind.LINKS and counted:
            count = int(self.detail)
            return ngettext("%(count)d link", "%(count)d links", count) % {"count": count}
        if self.kind == self.Kind.COPY and counted:
            count = int(self.detail)
            return ngettext("%(count)d other comment", "%(count)d other comments", count) % {
                "count": count
            }
        if self.kind == self.Kind.FAST:
            try:
                seconds = float(self.detail)
            except ValueError:
                return self.detail
            return gettext("sent %(seconds)s s after the page was loaded") % {
                "seconds": number_format(seconds, 1)
            }
        if self.kind == self.Kind.PERSONAL_DATA:
            found, separator, excerpt = self.detail.partition(": ")
            if separator and found in PERSONAL_DATA_NAMES:
                return f"{PERSONAL_DATA_NAMES[found]}: {excerpt}"
        return self.detail


class Report(models.Model):
    """A reader's report that an approved comment breaks a rule; one per comment per reader."""

    comment = models.ForeignKey(
        Comment, on_delete=models.CASCADE, related_name="reports", verbose_name=_("comment")
    )
    rule = models.ForeignKey(
        PolicyRule, on_delete=models.PROTECT, related_name="reports", verbose_name=_("rule")
    )
    note = models.TextField(_("note"), max_length=1000, blank=True)
    submitter_hash = models.CharField(max_length=64, editable=False)
    created_at = models.DateTimeField(_("reported"), auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        constraints = [
            models.UniqueConstraint(
                fields=["comment", "submitter_hash"], name="one_report_per_reader"
            )
        ]

    def __str__(self):
        return f"{self.comment_id} under {self.rule}"
