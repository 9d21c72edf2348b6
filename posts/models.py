from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .images import LeadImageField, lead_image_path
from .markup import excerpt_of, render_article


class Label(models.Model):
    name = models.CharField(_("name"), max_length=80, unique=True)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("label")
        verbose_name_plural = _("labels")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("posts:label", kwargs={"slug": self.slug})


class PostQuerySet(models.QuerySet):
    def published(self):
        """Posts readers may see: marked published and due (a future time is a schedule)."""
        return self.filter(status=Post.Status.PUBLISHED, publish_at__lte=timezone.now())

    def for_listing(self):
        """What a list of posts shows for each entry, fetched in a fixed number of queries."""
        return self.select_related("author").prefetch_related("labels")

    def comments_changed(self, post_id, *, approved_delta=0):
        """Record, in the post's own row, that readers see its comments differently now
        (``approved_delta`` more of them approved). Comments calls it in the transaction
        that made the change; the row is what every process's cached pages are keyed by."""
        changes = {"comments_revision": models.F("comments_revision") + 1}
        if approved_delta:
            changes["comment_count"] = models.F("comment_count") + approved_delta
        return self.filter(pk=post_id).update(**changes)


class BodyFormat(models.TextChoices):
    MARKDOWN = "markdown", _("Markdown")
    HTML = "html", _("HTML")


class Post(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")

    class Language(models.TextChoices):
        ENGLISH = "en", _("English")
        SPANISH = "es", _("Spanish")

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(
        _("slug"),
        max_length=200,
        unique=True,
        help_text=_("The last part of the post's address; keep it once published."),
    )
    # Optional: a post imported from Blogger whose author has no account here is
    # shown by its byline alone; the import creates no logins.
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="posts",
        verbose_name=_("author"),
    )
    byline = models.CharField(
        _("byline"),
        max_length=120,
        blank=True,
        help_text=_("Name shown to readers; leave blank to use the author's full name."),
    )
    image = LeadImageField(
        _("lead image"),
        upload_to=lead_image_path,
        blank=True,
        width_field="image_width",
        height_field="image_height",
        help_text=_(
            "JPEG, PNG, WebP or HEIC. Published without its metadata (location, camera, "
            "owner) and under a new name."
        ),
    )
    # Stored so pages can reserve the image's space before it loads (no layout jump).
    image_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    image_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    image_caption = models.CharField(_("image caption"), max_length=300, blank=True)
    image_alt = models.CharField(
        _("image alt text"),
        max_length=300,
        blank=True,
        help_text=_("Describes the image for readers who cannot see it."),
    )
    body = models.TextField(_("body"), help_text=_("Markdown. Use ## for a sub-heading."))
    body_format = models.CharField(
        _("body format"),
        max_length=10,
        choices=BodyFormat.choices,
        default=BodyFormat.MARKDOWN,
        help_text=_("Posts imported from Blogger keep their HTML; new posts use Markdown."),
    )
    body_html = models.TextField(editable=False)
    excerpt = models.TextField(editable=False)
    labels = models.ManyToManyField(
        Label, blank=True, related_name="posts", verbose_name=_("labels")
    )
    language = models.CharField(
        _("language"), max_length=2, choices=Language.choices, default=Language.ENGLISH
    )
    translation_of = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="translations",
        verbose_name=_("translation of"),
        help_text=_("The same story in the other language; each page links to the other."),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    publish_at = models.DateTimeField(
        _("publish at"),
        default=timezone.now,
        db_index=True,
        help_text=_("A time in the future schedules the post."),
    )
    comments_enabled = models.BooleanField(
        _("comments open"), default=True, help_text=_("Readers may comment on this post.")
    )
    comments_close_automatically = models.BooleanField(
        _("close comments automatically"),
        default=True,
        help_text=_(
            "Close comments when the site's automatic closing period has passed "
            "(COMMENTS_CLOSE_AFTER_DAYS). Untick to keep this post open."
        ),
    )
    comment_count = models.PositiveIntegerField(
        _("approved comments"),
        default=0,
        editable=False,
        help_text=_("Kept up to date by moderation; only approved comments count."),
    )
    comments_revision = models.PositiveIntegerField(
        default=0,
        editable=False,
        help_text=_(
            "Counts the changes readers can see in this post's comments (decisions, "
            "redactions), so that cached copies of its page in every process are retired."
        ),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = PostQuerySet.as_manager()

    class Meta:
        ordering = ["-publish_at", "-id"]
        get_latest_by = "publish_at"
        verbose_name = _("post")
        verbose_name_plural = _("posts")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status__in=["draft", "published"]),
                name="post_status_valid",
            ),
        ]
        indexes = [models.Index(fields=["status", "publish_at"], name="post_published_idx")]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.body_html = render_article(self.body, self.body_format)
        self.excerpt = excerpt_of(self.body_html)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "body" in update_fields:
            kwargs["update_fields"] = {*update_fields, "body_html", "excerpt"}
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        local = timezone.localtime(self.publish_at)
        return reverse(
            "posts:detail",
            kwargs={"year": local.year, "month": local.month, "slug": self.slug},
        )

    def published_translations(self):
        """The same story in other languages, published: from either side of the link.

        Uses what the view prefetched (translation_of, translations) without new queries.
        """
        others = [*self.translations.all(), self.translation_of]
        return [other for other in others if other is not None and other.is_published]

    @property
    def is_published(self):
        return self.status == self.Status.PUBLISHED and self.publish_at <= timezone.now()

    @property
    def author_display_name(self):
        if self.byline or self.author is None:
            return self.byline
        return self.author.get_full_name() or self.author.get_username()


class PageQuerySet(models.QuerySet):
    def published(self):
        """Pages readers may see; an unpublished one is for staff, in the admin."""
        return self.filter(is_published=True)


class Page(models.Model):
    """A page that is not a post (About, Contact): no date, no comments, no labels.

    Blogger's pages (/p/<name>.html) are imported as these.
    """

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    body = models.TextField(_("body"))
    body_format = models.CharField(
        _("body format"),
        max_length=10,
        choices=BodyFormat.choices,
        default=BodyFormat.MARKDOWN,
    )
    body_html = models.TextField(editable=False)
    language = models.CharField(
        _("language"), max_length=2, choices=Post.Language.choices, default=Post.Language.ENGLISH
    )
    is_published = models.BooleanField(_("published"), default=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = PageQuerySet.as_manager()

    class Meta:
        ordering = ["title"]
        verbose_name = _("page")
        verbose_name_plural = _("pages")

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.body_html = render_article(self.body, self.body_format)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("posts:page", kwargs={"slug": self.slug})

    @property
    def excerpt(self):
        """What link previews and search results show of the page: its first words."""
        return excerpt_of(self.body_html, words=40)
