"""The composition root: every app's URLs, and the places where apps meet."""

from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from comments.post_page import PostPageView
from posts.sitemaps import LabelSitemap, PageSitemap, PagesSitemap, PostSitemap

from . import views

admin.site.site_header = _("Border Blog newsroom")
admin.site.site_title = _("Border Blog newsroom")
admin.site.index_title = _("Moderation and publishing")

urlpatterns = [
    path("admin/", admin.site.urls),
    path("healthz", views.healthz, name="healthz"),
    path("robots.txt", views.robots_txt, name="robots"),
    path(
        "sitemap.xml",
        sitemap,
        {
            "sitemaps": {
                "posts": PostSitemap,
                "labels": LabelSitemap,
                "pages": PagesSitemap,
                "site-pages": PageSitemap,
            }
        },
        name="sitemap",
    ),
    path("i18n/", include("django.conf.urls.i18n")),
    # The post page is posts' reading view plus comments' form handling. It is declared
    # here, ahead of posts' own route for the same address, because posts never imports
    # comments; reverse("posts:detail") builds the same URL.
    path(
        "<yyyy:year>/<mm:month>/<slug:slug>/",
        PostPageView.as_view(),
        name="post-page",
    ),
    path("", include("posts.urls")),
    path("", include("comments.urls")),
    path("", include("tips.urls")),
    # Blogger's addresses for what was imported from there (blogger/urls.py): none of
    # them is an address of ours, so their place in this list does not matter.
    path("", include("blogger.urls")),
]

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
