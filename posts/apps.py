from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PostsConfig(AppConfig):
    name = "posts"
    verbose_name = _("Posts")

    def ready(self):
        # Registered here rather than in posts/urls.py so that any URLconf (the project's
        # composition root included) can use <yyyy:…> and <mm:…>.
        from django.urls import register_converter

        from .converters import FourDigitYearConverter, TwoDigitMonthConverter

        register_converter(FourDigitYearConverter, "yyyy")
        register_converter(TwoDigitMonthConverter, "mm")

        # The sidebar's cached archive and label counts follow every change of a post,
        # its labels, or a label's name (posts/sidebar.py says why here).
        from django.db.models.signals import m2m_changed, post_delete, post_save

        from . import sidebar
        from .models import Label, Post

        for model in (Post, Label):
            post_save.connect(sidebar.refresh, sender=model, dispatch_uid=f"sidebar-save-{model}")
            post_delete.connect(
                sidebar.refresh, sender=model, dispatch_uid=f"sidebar-delete-{model}"
            )
        m2m_changed.connect(
            sidebar.refresh, sender=Post.labels.through, dispatch_uid="sidebar-labels"
        )
