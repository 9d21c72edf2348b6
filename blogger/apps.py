from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BloggerConfig(AppConfig):
    name = "blogger"
    verbose_name = _("Blogger import")
