from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommentsConfig(AppConfig):
    name = "comments"
    verbose_name = _("Comments")

    def ready(self):
        # Connects the receivers that keep cached threads fresh when policy rules or
        # comments change outside comments.moderation (comments/caching.py).
        from .thread import cache  # noqa: F401
