from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommentsConfig(AppConfig):
    name = "comments"
    verbose_name = _("Comments")

    def ready(self):
        # Policy rules are edited in the admin, and a superuser can delete a comment
        # there: no service sees either, so the model signals retire the cached threads
        # (the services retire them for every other change).
        from django.db.models.signals import post_delete, post_save

        from .models import Comment, PolicyRule
        from .thread import cache

        post_save.connect(cache.rule_changed, sender=PolicyRule, dispatch_uid="comments-rule-saved")
        post_delete.connect(
            cache.rule_changed, sender=PolicyRule, dispatch_uid="comments-rule-deleted"
        )
        post_delete.connect(
            cache.comment_deleted, sender=Comment, dispatch_uid="comments-comment-deleted"
        )
