"""What each Blogger entry became here, and the images brought over.

One row per imported entry, keyed by its Blogger id: a second run of the import finds
it and adds nothing twice, and the old addresses are answered from these rows.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from comments.models import Comment
from posts.models import Page, Post


class ImportedEntryQuerySet(models.QuerySet):
    def at_old_path(self, kind, path):
        """The entry of ``kind`` (a post or a page) that was at ``path`` on Blogger."""
        # The index's own condition, repeated so that SQLite uses the partial index.
        return self.filter(kind=kind, old_path=path).exclude(old_path="")

    def comment_shown_at(self, post_path, shown_at_ms):
        """The comment Blogger's ``<post_path>?showComment=<shown_at_ms>`` pointed at."""
        on_post = self.at_old_path(ImportedEntry.Kind.POST, post_path).values("post_id")
        return self.filter(
            kind=ImportedEntry.Kind.COMMENT, post_id__in=on_post, shown_at_ms=shown_at_ms
        )

    def post_numbered(self, entry_id):
        """The post whose Blogger id ends in ``entry_id`` (its blog's id left out, as in
        Blogger's /feeds/<entry id>/comments/default)."""
        return self.filter(kind=ImportedEntry.Kind.POST, blogger_id__endswith=f".{entry_id}")


class ImportedEntry(models.Model):
    class Kind(models.TextChoices):
        POST = "post", _("post")
        PAGE = "page", _("page")
        COMMENT = "comment", _("comment")

    blogger_id = models.CharField(_("Blogger id"), max_length=100, unique=True)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    # A comment's row names its post too, so ?showComment= finds it within that post.
    post = models.ForeignKey(
        Post, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    page = models.ForeignKey(
        Page, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    comment = models.OneToOneField(
        Comment, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    old_path = models.CharField(
        _("old address"),
        max_length=500,
        blank=True,
        help_text=_("The path it had on Blogger, such as /2019/05/name.html."),
    )
    # Blogger's comment links say ?showComment=<the comment's time in milliseconds>.
    shown_at_ms = models.BigIntegerField(null=True, blank=True)
    imported_at = models.DateTimeField(_("imported"), auto_now_add=True)

    objects = ImportedEntryQuerySet.as_manager()

    class Meta:
        verbose_name = _("imported entry")
        verbose_name_plural = _("imported entries")
        indexes = [
            models.Index(
                fields=["old_path"],
                name="imported_old_path_idx",
                condition=~models.Q(old_path=""),
            ),
            models.Index(
                fields=["post", "shown_at_ms"],
                name="imported_comment_time_idx",
                condition=models.Q(kind="comment"),
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} {self.blogger_id}"


class ImportedImage(models.Model):
    """An image fetched once from Blogger's hosts (or found beside the export), kept
    here cleaned of its metadata; every body that named it names the local copy."""

    source_url = models.TextField(_("address on Blogger"))
    # sha256 of the normalised address: source_url is too long to index everywhere.
    source_key = models.CharField(max_length=64, unique=True)
    image = models.ImageField(
        _("image"), upload_to="imported/", width_field="width", height_field="height"
    )
    width = models.PositiveIntegerField(null=True, editable=False)
    height = models.PositiveIntegerField(null=True, editable=False)
    imported_at = models.DateTimeField(_("imported"), auto_now_add=True)

    class Meta:
        verbose_name = _("imported image")
        verbose_name_plural = _("imported images")

    def __str__(self):
        return self.source_url
