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
